package io.eventharness.emulator.eventbridge;

import io.eventharness.emulator.protocol.Call;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.model.CreateEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.CreateEventBusResponse;
import software.amazon.awssdk.services.eventbridge.model.DeleteEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.DeleteEventBusResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeEventBusResponse;
import software.amazon.awssdk.services.eventbridge.model.ListEventBusesRequest;
import software.amazon.awssdk.services.eventbridge.model.ListEventBusesResponse;

/**
 * {@code CreateEventBus}, {@code DescribeEventBus}, {@code ListEventBuses}, {@code DeleteEventBus}. Partner event
 * sources, KMS keys, a bus's dead-letter queue and log configuration are not emulated and are refused.
 */
public final class BusOperations {
    private final EventBuses buses;
    private final EventRouter router;

    BusOperations(EventBuses buses, EventRouter router) {
        this.buses = buses;
        this.router = router;
    }

    public CreateEventBusResponse createEventBus(CreateEventBusRequest r, Call call) {
        String name = r.name();
        if (name == null || name.isEmpty() || name.length() > 256 || !name.matches("[/.\\-_A-Za-z0-9]+")) {
            throw EventBridgeErrors.constraint(name, "name", "Member must satisfy regular expression pattern: [/\\.\\-_A-Za-z0-9]+");
        }
        if (r.eventSourceName() != null) {
            throw EventBridgeErrors.notEmulated("EventSourceName (partner event buses)");
        }
        if (r.kmsKeyIdentifier() != null || r.deadLetterConfig() != null || r.logConfig() != null) {
            throw EventBridgeErrors.notEmulated("KmsKeyIdentifier, DeadLetterConfig and LogConfig of an event bus");
        }
        EventBus bus = buses.create(name, call.region(), r.description());
        if (r.hasTags()) {
            bus.tag(TagOperations.tags(r.tags()));
        }
        return CreateEventBusResponse.builder().eventBusArn(bus.arn().toString()).description(r.description()).build();
    }

    public DescribeEventBusResponse describeEventBus(DescribeEventBusRequest r, Call call) {
        EventBus bus = buses.require(r.name(), call.region());
        return DescribeEventBusResponse.builder().name(bus.name()).arn(bus.arn().toString()).description(bus.description())
                .creationTime(bus.created()).lastModifiedTime(bus.created()).build();
    }

    public ListEventBusesResponse listEventBuses(ListEventBusesRequest r, Call call) {
        List<EventBus> matching = buses.list(call.region()).stream()
                .filter(b -> r.namePrefix() == null || b.name().startsWith(r.namePrefix())).toList();
        Pages<EventBus> page = Pages.of(matching, EventBus::name, r.nextToken(), r.limit());
        return ListEventBusesResponse.builder().nextToken(page.next()).eventBuses(page.items().stream()
                .map(b -> software.amazon.awssdk.services.eventbridge.model.EventBus.builder().name(b.name())
                        .arn(b.arn().toString()).description(b.description()).creationTime(b.created())
                        .lastModifiedTime(b.created()).build()).toList()).build();
    }

    /** Deletes a custom bus and its rules (their schedules stop); a bus that is not there is no error. */
    public DeleteEventBusResponse deleteEventBus(DeleteEventBusRequest r, Call call) {
        buses.delete(RuleOperations.notNull(r.name(), "name"), call.region()).ifPresent(bus -> bus.rules().forEach(rule -> router.reschedule(rule, false)));
        return DeleteEventBusResponse.builder().build();
    }
}
