package io.eventharness.emulator.eventbridge;

import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.protocol.EmulatedService;
import io.eventharness.emulator.protocol.Protocol;
import io.eventharness.emulator.protocol.ServiceSpec;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Amazon EventBridge, assembled: the buses ({@link EventBuses}), the router that matches events to rules and runs
 * scheduled rules on the clock ({@link EventRouter}), the target dispatch with retries and dead-letter queues
 * ({@link TargetDispatch}), the operation objects, and the {@code delivery} target through which other services put
 * events on a bus ({@code arn:aws:events:…:event-bus/…}, {@link BusDelivery}). No operation is served here: see
 * {@link BusOperations}, {@link RuleOperations}, {@link TargetOperations}, {@link EventOperations},
 * {@link TagOperations}.
 */
public final class EventBridgeService implements EmulatedService, AutoCloseable {
    public static final ServiceSpec SPEC = ServiceSpec.awsJson("events", Protocol.AWS_JSON_1_1, EventBridgeClient.class, "AWSEvents");

    private final EventRouter router;
    private final List<Object> operations;

    /** @param queues what EventBridge may know of SQS queues (their policies), filled in by the assembly */
    public EventBridgeService(EmulatorClock clock, Delivery delivery, Queues queues) {
        EventBuses buses = new EventBuses(clock);
        this.router = new EventRouter(clock, delivery, new TargetDispatch(clock, delivery, queues));
        this.operations = List.of(new BusOperations(buses, router), new RuleOperations(buses, router),
                new TargetOperations(buses), new EventOperations(buses, router, clock, delivery), new TagOperations(buses));
        delivery.register("events", new BusDelivery(buses, router, clock));
    }

    @Override
    public ServiceSpec spec() {
        return SPEC;
    }

    @Override
    public List<?> operations() {
        return operations;
    }

    /** Stops every scheduled rule. */
    @Override
    public void close() {
        router.close();
    }
}
