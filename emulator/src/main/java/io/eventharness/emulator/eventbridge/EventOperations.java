package io.eventharness.emulator.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.core.Json;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.protocol.Call;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.eventbridge.model.TestEventPatternRequest;
import software.amazon.awssdk.services.eventbridge.model.TestEventPatternResponse;

/**
 * {@code PutEvents} and {@code TestEventPattern}. PutEvents takes 1 to 10 entries of at most 256 KiB together
 * (measured as AWS measures an entry: {@code Source}, {@code DetailType}, {@code Detail} and each resource in UTF-8
 * bytes, 14 bytes for a {@code Time}); each entry gets an {@code EventId} or its own error ({@code InvalidArgument}
 * for a missing member, {@code MalformedDetail} for a detail that is not a JSON object,
 * {@code NotAuthorizedForSourceException} for an {@code aws.} source). As in AWS, an entry for a bus that does not
 * exist gets an {@code EventId} and goes nowhere (the trail says so).
 */
public final class EventOperations {
    static final int MAX_ENTRIES = 10;
    static final int MAX_REQUEST_BYTES = 256 * 1024;

    private final EventBuses buses;
    private final EventRouter router;
    private final EmulatorClock clock;
    private final Delivery delivery;

    EventOperations(EventBuses buses, EventRouter router, EmulatorClock clock, Delivery delivery) {
        this.buses = buses;
        this.router = router;
        this.clock = clock;
        this.delivery = delivery;
    }

    public PutEventsResponse putEvents(PutEventsRequest r, Call call) {
        List<PutEventsRequestEntry> entries = r.hasEntries() ? r.entries() : List.of();
        if (entries.isEmpty()) {
            throw EventBridgeErrors.constraint("[]", "entries", "Member must have length greater than or equal to 1");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw EventBridgeErrors.constraint(entries.stream().map(EventOperations::shown).toList().toString(), "entries",
                    "Member must have length less than or equal to " + MAX_ENTRIES);
        }
        if (entries.stream().mapToLong(EventOperations::size).sum() > MAX_REQUEST_BYTES) {
            throw EventBridgeErrors.validation("Total size of the entries in the request is over the limit.");
        }
        List<PutEventsResultEntry> results = new ArrayList<>();
        int failed = 0;
        for (PutEventsRequestEntry e : entries) {
            PutEventsResultEntry result = put(e, call.region());
            failed += result.errorCode() != null ? 1 : 0;
            results.add(result);
        }
        return PutEventsResponse.builder().failedEntryCount(failed).entries(results).build();
    }

    private PutEventsResultEntry put(PutEventsRequestEntry e, String region) {
        Optional<PutEventsResultEntry> error = check(e);
        if (error.isPresent()) {
            return error.get();
        }
        JsonNode detail = parseDetail(e.detail()).orElseThrow();
        String id = Ids.uuid();
        Instant time = e.time() != null ? e.time() : clock.now();
        ObjectNode event = Events.event(id, e.detailType(), e.source(), time, region,
                e.hasResources() ? e.resources() : List.of(), detail);
        Optional<EventBus> bus = buses.find(e.eventBusName(), region);
        if (bus.isPresent()) {
            router.route(bus.get(), event);
        } else {
            delivery.note("PutEvents", String.valueOf(e.eventBusName()), "events:Event", event.toString(),
                    "dropped: event bus " + e.eventBusName() + " does not exist");
        }
        return PutEventsResultEntry.builder().eventId(id).build();
    }

    private static Optional<PutEventsResultEntry> check(PutEventsRequestEntry e) {
        if (e.source() == null || e.source().isEmpty()) {
            return failure("InvalidArgument", "Parameter Source is not valid. Reason: Source is a required argument.");
        }
        if (e.detailType() == null || e.detailType().isEmpty()) {
            return failure("InvalidArgument", "Parameter DetailType is not valid. Reason: DetailType is a required argument.");
        }
        if (e.detail() == null || e.detail().isEmpty()) {
            return failure("InvalidArgument", "Parameter Detail is not valid. Reason: Detail is a required argument.");
        }
        if (parseDetail(e.detail()).isEmpty()) {
            return failure("MalformedDetail", "Detail is malformed.");
        }
        if (e.source().startsWith("aws.")) {
            return failure("NotAuthorizedForSourceException", "Not authorized for the source.");
        }
        return Optional.empty();
    }

    private static Optional<PutEventsResultEntry> failure(String code, String message) {
        return Optional.of(PutEventsResultEntry.builder().errorCode(code).errorMessage(message).build());
    }

    private static Optional<JsonNode> parseDetail(String detail) {
        try {
            JsonNode n = Json.STRICT.readTree(detail);
            return n != null && n.isObject() ? Optional.of(n) : Optional.empty();
        } catch (IOException malformed) {
            return Optional.empty();
        }
    }

    /** An entry's size as AWS counts it. */
    static long size(PutEventsRequestEntry e) {
        long size = e.time() != null ? 14 : 0;
        size += utf8(e.source()) + utf8(e.detailType()) + utf8(e.detail());
        if (e.hasResources()) {
            for (String r : e.resources()) {
                size += utf8(r);
            }
        }
        return size;
    }

    private static long utf8(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** An entry as AWS shows it in its validation message. */
    private static String shown(PutEventsRequestEntry e) {
        return "PutEventsRequestEntry(time=" + e.time() + ", source=" + e.source() + ", resources="
                + (e.hasResources() ? e.resources() : null) + ", detailType=" + e.detailType() + ", detail=" + e.detail()
                + ", eventBusName=" + e.eventBusName() + ", traceHeader=" + e.traceHeader()
                + ", kmsKeyIdentifier=null, internalMetadata=null)";
    }

    /** Whether an event matches a pattern; the event must have AWS's envelope ({@code id}, {@code source}, ...). */
    public TestEventPatternResponse testEventPattern(TestEventPatternRequest r) {
        if (r.eventPattern() == null) {
            throw EventBridgeErrors.constraint(null, "eventPattern", "Member must not be null");
        }
        EventPattern pattern = EventPattern.compile(r.eventPattern());
        JsonNode event;
        try {
            event = r.event() == null ? null : Json.STRICT.readTree(r.event());
        } catch (IOException e) {
            event = null;
        }
        if (event == null || !event.isObject()) {
            throw EventBridgeErrors.validation("Parameter Event is not valid.");
        }
        for (String required : List.of("id", "account", "source", "time", "region", "detail-type")) {
            if (!event.hasNonNull(required)) {
                throw EventBridgeErrors.validation("Parameter Event is not valid.");
            }
        }
        return TestEventPatternResponse.builder().result(pattern.matches(event.toString())).build();
    }
}
