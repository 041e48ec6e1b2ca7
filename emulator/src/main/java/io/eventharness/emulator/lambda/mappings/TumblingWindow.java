package io.eventharness.emulator.lambda.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.core.Json;
import java.time.Instant;

/**
 * One tumbling window of a lane (<a href="https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-windows.html">
 * Tumbling windows</a>): its bounds, aligned on the epoch and taken from the records' arrival times, and the state the
 * function returned so far. Its records are aggregated in one or more invocations; when it ends on the clock (or its
 * shard ends) the function gets a final invocation with {@code isFinalInvokeForWindow} and the state, and the state is
 * dropped. A state over 1 MB terminates the window early: a final invocation with {@code isWindowTerminatedEarly}, and
 * the window goes on with a fresh state. Guarded by its poller's monitor.
 */
final class TumblingWindow {
    /** AWS: "Your state can be a maximum of 1 MB per shard." */
    static final int MAX_STATE_BYTES = 1024 * 1024;

    final Instant start;
    final Instant end;
    /** The state for the next invocation: {@code {}} until the function returned one. */
    JsonNode state = Json.MAPPER.createObjectNode();
    /** Whether an aggregation invocation of it succeeded (only then does it get a final invocation). */
    boolean invoked;
    /** The function returned a state over 1 MB: the next invocation terminates the window early. */
    boolean terminateEarly;
    /** The clock task that wakes the lane at {@link #end}. */
    EmulatorClock.Task endTask;

    TumblingWindow(Instant start, int seconds) {
        this.start = start;
        this.end = start.plusSeconds(seconds);
    }

    /** The window of that size that holds a record that arrived then. */
    static TumblingWindow of(Instant arrival, int seconds) {
        long size = seconds * 1000L;
        return new TumblingWindow(Instant.ofEpochMilli(Math.floorDiv(arrival.toEpochMilli(), size) * size), seconds);
    }

    boolean holds(Instant arrival) {
        return !arrival.isBefore(start) && arrival.isBefore(end);
    }

    boolean endedBy(Instant now) {
        return !now.isBefore(end);
    }
}
