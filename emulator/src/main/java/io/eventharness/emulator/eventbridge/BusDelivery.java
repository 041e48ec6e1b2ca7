package io.eventharness.emulator.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.core.Json;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.delivery.Message;
import java.io.IOException;
import java.util.List;

/**
 * Events other services put on a bus through {@code delivery}, addressed by the bus's ARN
 * ({@code arn:aws:events:<region>:<account>:event-bus/<name>}): the in-JVM PutEvents.
 *
 * <ul>
 *   <li>A body with {@code source} and {@code detail-type} is an event: what it lacks of {@code version},
 *       {@code id}, {@code account}, {@code time}, {@code region}, {@code resources} and {@code detail} is filled
 *       in. S3 sends {@code Object Created} / {@code Object Deleted} so, a rule's target bus the whole event.</li>
 *   <li>From a Lambda function (an asynchronous invocation's destination), the body is the invocation record, and
 *       the event is AWS's {@code Lambda Function Invocation Result - Success} / {@code - Failure} with
 *       {@code source "lambda"}, {@code resources [bus, function]} and the record as {@code detail}.</li>
 * </ul>
 * A bus that does not exist is refused with ResourceNotFoundException; a body that is neither with
 * ValidationException; an event that has already passed through five buses in a row (a rule whose target is a bus
 * that matches it again) with ValidationException, so that a loop ends in the trail instead of running for ever.
 */
final class BusDelivery implements Delivery.Target {
    private final EventBuses buses;
    private final EventRouter router;
    private final EmulatorClock clock;

    BusDelivery(EventBuses buses, EventRouter router, EmulatorClock clock) {
        this.buses = buses;
        this.router = router;
        this.clock = clock;
    }

    /** How many buses an event passed through on this thread: a rule that sends back to its own bus would never end. */
    private static final ThreadLocal<int[]> HOPS = ThreadLocal.withInitial(() -> new int[1]);
    static final int MAX_HOPS = 5;

    @Override
    public void accept(String sourceArn, String busArn, Message m) {
        int[] hops = HOPS.get();
        if (hops[0] >= MAX_HOPS) {
            throw EventBridgeErrors.validation("The event passed through " + MAX_HOPS + " event buses in a row: a rule's target leads"
                    + " back to a bus that matches it again.");
        }
        hops[0]++;
        try {
            route(sourceArn, busArn, m);
        } finally {
            hops[0]--;
        }
    }

    private void route(String sourceArn, String busArn, Message m) {
        Arn arn = Arn.parse(busArn);
        EventBus bus = buses.find(busArn, arn.region()).orElseThrow(() -> EventBridgeErrors.busNotFound(arn.resourceId()));
        JsonNode body;
        try {
            body = Json.STRICT.readTree(m.body());
        } catch (IOException e) {
            throw EventBridgeErrors.validation("Parameter Event is not valid.");
        }
        if (!(body instanceof ObjectNode given)) {
            throw EventBridgeErrors.validation("Parameter Event is not valid.");
        }
        ObjectNode event;
        if (Arn.serviceOf(sourceArn).equals("lambda") && given.has("requestContext")) {
            event = lambdaResult(bus, given);
        } else if (given.hasNonNull("source") && given.hasNonNull("detail-type")) {
            event = Events.complete(given, Ids.uuid(), clock.now(), arn.region());
        } else {
            throw EventBridgeErrors.validation("Parameter Event is not valid.");
        }
        router.route(bus, event);
    }

    /** An asynchronous invocation's record as the destination bus gets it (aws-recorded-shapes.md #15). */
    private ObjectNode lambdaResult(EventBus bus, ObjectNode record) {
        JsonNode ctx = record.path("requestContext");
        boolean success = ctx.path("condition").asText().equals("Success");
        ObjectNode e = Events.event(Ids.uuid(), "Lambda Function Invocation Result - " + (success ? "Success" : "Failure"),
                "lambda", clock.now(), bus.arn().region(), List.of(bus.arn().toString(), ctx.path("functionArn").asText()), record);
        ArrayNode resources = (ArrayNode) e.get("resources");
        if (ctx.path("functionArn").asText().isEmpty()) {
            resources.remove(1);
        }
        return e;
    }
}
