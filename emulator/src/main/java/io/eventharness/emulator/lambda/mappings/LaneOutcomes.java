package io.eventharness.emulator.lambda.mappings;

import io.eventharness.emulator.core.Json;
import io.eventharness.emulator.delivery.StreamCursor;
import io.eventharness.emulator.lambda.runtime.InvocationResult;
import java.time.Instant;
import java.util.List;

/**
 * What a lane does with the {@link StreamOutcome} of its batch: on success it moves its position past the batch (the
 * checkpoint) and keeps a tumbling window's new state; on partial success it moves to the first reported failure and
 * retries the rest; on failure it bisects the batch ({@code BisectBatchOnFunctionError}) or retries it; a batch not
 * invoked is retried without counting as a retry. A retry waits out a {@link RetryBackoff} on the clock;
 * {@code MaximumRetryAttempts} exhausted, the records are discarded (their on-failure record sent). Under the poller's
 * monitor.
 */
final class LaneOutcomes {
    private LaneOutcomes() {
    }

    /** The invocation of {@code b} ended with {@code out} ({@code r} null when the function was not invoked). */
    static void apply(StreamLane lane, StreamPoller p, StreamBatch b, InvocationResult r, StreamOutcome out) {
        lane.state = StreamLane.State.IDLE;
        if (r != null) {
            b.invocations++;
            b.requestId = r.requestId();
            b.executedVersion = r.executedVersion();
        }
        StreamOptions o = p.options();
        switch (out.kind()) {
            case OK -> {
                p.result("OK");
                if (b.finalInvoke) {
                    endWindowOrGoOn(lane);
                } else {
                    lane.position = b.end;
                    aggregated(lane, p, out);
                }
                lane.batch = null;
                lane.seen = -1;
            }
            case PARTIAL -> {
                p.result("OK");
                int k = out.failedFrom();
                if (k > 0) {
                    lane.position = StreamCursor.after(b.records.get(k - 1).record().sequenceNumber());
                    aggregated(lane, p, out);
                }
                lane.batch = b.from(k);
                lane.batch.retries++;
                retryOrDiscard(lane, p, out);
            }
            case FAILED -> {
                p.result("PROBLEM: Function call failed");
                if (!b.finalInvoke && o.bisectOnFunctionError() && b.size() > 1) {
                    List<StreamBatch> halves = b.halves();
                    lane.batch = halves.get(0);
                    lane.queued.addFirst(halves.get(1));
                    p.note(b.size() + " record(s) of " + lane.shard.shardId + " from " + b.records.get(0).record().sequenceNumber(),
                            out.reason() + ": bisected into " + halves.get(0).size() + " and " + halves.get(1).size());
                    lane.state = StreamLane.State.DUE;
                    return;
                }
                b.retries++;
                retryOrDiscard(lane, p, out);
            }
            case NOT_INVOKED -> {
                b.notInvoked++;
                backOff(lane, p, out.reason());
            }
        }
    }

    /** A successful aggregation: the window keeps the function's new state (over 1 MB ends the window early). */
    private static void aggregated(StreamLane lane, StreamPoller p, StreamOutcome out) {
        TumblingWindow window = lane.window;
        if (window == null || out.state() == null) {
            return;
        }
        window.state = out.state();
        window.invoked = true;
        window.terminateEarly = out.state().toString().length() > TumblingWindow.MAX_STATE_BYTES;
        lane.armWindowEnd(p);
    }

    /** After a window's final invocation: a window terminated early goes on with a fresh state; else it is over. */
    private static void endWindowOrGoOn(StreamLane lane) {
        if (lane.window != null && lane.window.terminateEarly) {
            lane.window.terminateEarly = false;
            lane.window.state = Json.MAPPER.createObjectNode();
        } else {
            lane.closeWindow();
        }
    }

    private static void retryOrDiscard(StreamLane lane, StreamPoller p, StreamOutcome out) {
        StreamOptions o = p.options();
        StreamBatch batch = lane.batch;
        if (!o.retriesForever() && batch.retries > o.maximumRetryAttempts()) {
            if (batch.finalInvoke) {
                p.note("the final invocation of the window " + lane.window.start + "–" + lane.window.end + " of " + lane.shard.shardId,
                        "failed " + batch.invocations + " time(s): its state is dropped");
                lane.closeWindow();
            } else {
                p.discard(lane, batch, batch.records, "RetryAttemptsExhausted", out);
                lane.position = batch.end;
            }
            lane.batch = null;
            lane.seen = -1;
            return;
        }
        backOff(lane, p, out.reason());
    }

    /** Blocks the lane until a retry on the clock, earlier when the batch's first record gets too old before it. */
    private static void backOff(StreamLane lane, StreamPoller p, String reason) {
        StreamBatch batch = lane.batch;
        StreamOptions o = p.options();
        Instant tooOld = o.maximumRecordAge() >= 0 && !batch.isEmpty()
                ? batch.firstArrival().plusSeconds(o.maximumRecordAge()).plusMillis(1) : null;
        Instant due = RetryBackoff.due(batch.retries + batch.notInvoked, batch.attemptedAt, tooOld, p.now());
        lane.waitForRetry(p, due);
        p.note(batch.isEmpty() ? "the final invocation of a window of " + lane.shard.shardId : batch.size() + " record(s) of "
                + lane.shard.shardId + " from " + batch.records.get(0).record().sequenceNumber(), reason + ": retried at " + due
                + ", the shard waits");
    }
}
