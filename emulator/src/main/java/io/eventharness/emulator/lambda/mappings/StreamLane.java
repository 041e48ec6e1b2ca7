package io.eventharness.emulator.lambda.mappings;

import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.delivery.StreamCursor;
import io.eventharness.emulator.delivery.StreamRecord;
import io.eventharness.emulator.lambda.runtime.InvocationResult;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One lane of a shard: the records of one shard (of one partition-key hash when {@code ParallelizationFactor} is above
 * 1), processed in order, one batch at a time. Its state machine, driven by its poller's pumps (under the poller's
 * monitor) and by the clock:
 * <ul>
 *   <li>{@code IDLE} — reads from its position; a batch is invoked at once when it is full, has no batching window,
 *       or the shard ended; else it is {@code GATHERING} until the window ends on the clock or the batch fills up;</li>
 *   <li>{@code INVOKING} — the batch runs on the mappings' threads; its outcome moves the position past it
 *       (success), to the first reported failure (partial success), bisects it, or blocks the lane;</li>
 *   <li>{@code BACKOFF} — blocked after a failure, until a retry on the clock ({@link RetryBackoff}); then {@code DUE}:
 *       records past {@code MaximumRecordAgeInSeconds} or past the stream's retention are discarded, the rest invoked
 *       again, until {@code MaximumRetryAttempts} discards them;</li>
 *   <li>{@code DONE} — a closed shard read to its end (its children may start).</li>
 * </ul>
 * Its batch assembly is {@link LaneReader}'s, what it does with an invocation's outcome {@link LaneOutcomes}'.
 */
final class StreamLane {
    enum State { IDLE, GATHERING, INVOKING, BACKOFF, DUE, DONE }

    final ShardTrack shard;
    final int index;
    final int of;
    final Instant notBefore;
    /** After the last record this lane is done with. */
    StreamCursor position;
    State state = State.IDLE;
    /** Taken and not done: gathering, invoking, or waiting for its retry. */
    StreamBatch batch;
    /** The other halves of bisected batches, next first. */
    final Deque<StreamBatch> queued = new ArrayDeque<>();
    /** The end of a batching window, or a retry; {@link #timerSeq} numbers them. */
    EmulatorClock.Task timer;
    private int timerSeq;
    boolean gatherEnded;
    TumblingWindow window;
    /** The shard's append count when this lane last read everything there was; -1 when it must read. */
    long seen = -1;

    StreamLane(ShardTrack shard, int index, int of, StreamCursor position, Instant notBefore) {
        this.shard = shard;
        this.index = index;
        this.of = of;
        this.position = position;
        this.notBefore = notBefore;
    }

    /** The lane of a partition key among {@code n}. */
    static int laneOf(String partitionKey, int n) {
        return n == 1 ? 0 : Math.floorMod(partitionKey.hashCode(), n);
    }

    boolean quiet() {
        return state == State.IDLE && batch == null && queued.isEmpty() && window == null;
    }

    /** Whether it could take records it has not read (the emulator is not settled meanwhile). */
    boolean unread() {
        return state == State.DUE || (state == State.IDLE || state == State.GATHERING) && seen != shard.appends.get();
    }

    /** The mapping is disabled or the shard gone: clock tasks stop; a gathering batch is dropped (read again later). */
    void pause() {
        cancelTimer();
        if (state == State.GATHERING) {
            batch = null;
            state = State.IDLE;
            seen = -1;
        } else if (state == State.BACKOFF) {
            state = State.DUE;
        }
        if (window != null && window.endTask != null) {
            window.endTask.cancel();
            window.endTask = null;
        }
    }

    /** The mapping is enabled again: an aggregating window wakes the lane at its end. */
    void resume(StreamPoller p) {
        if (window != null && window.invoked) {
            armWindowEnd(p);
        }
    }

    /**
     * Takes the next step it can take now; returns true when another step may follow at once (it moved on without
     * starting anything).
     */
    boolean step(StreamPoller p) {
        if (state == State.INVOKING || state == State.BACKOFF || state == State.DONE) {
            return false;
        }
        Instant now = p.now();
        if (window != null && batch == null && queued.isEmpty() && (window.terminateEarly || window.endedBy(now))) {
            if (window.invoked || window.terminateEarly) {
                invoke(p, StreamBatch.finalOf(window, position));
                return false;
            }
            closeWindow();
        }
        if (state == State.DUE || batch == null && !queued.isEmpty()) {
            if (batch == null) {
                batch = queued.poll();
            }
            state = State.IDLE;
            return prepareAndInvoke(p);
        }
        MappingSettings s = p.settings();
        LaneReader.Read r = LaneReader.read(this, p, s);
        if (r == null) {
            return false;
        }
        if (batch == null) {
            if (r.ended()) {
                if (window != null && window.invoked) {
                    invoke(p, StreamBatch.finalOf(window, position)); // the shard ended: so did its window
                } else {
                    closeWindow();
                    state = State.DONE;
                }
                return false;
            }
            state = State.IDLE;
            return r.more();
        }
        if (r.cut() || batch.size() >= s.batchSize() || s.batchingWindowSeconds() == 0 || gatherEnded || r.ended()) {
            return prepareAndInvoke(p);
        }
        if (state == State.IDLE) {
            state = State.GATHERING;
            gatherEnded = false;
            int seq = ++timerSeq;
            timer = p.schedule(now.plusSeconds(s.batchingWindowSeconds()), () -> p.timerFired(this, seq, true));
        }
        return false;
    }

    /** Whether a record is this lane's: its partition-key hash, not before {@code AT_TIMESTAMP}, not done before a re-laning. */
    boolean owns(StreamRecord rec) {
        return !(of > 1 && laneOf(rec.partitionKey(), of) != index || notBefore != null && rec.arrival().isBefore(notBefore)
                || !shard.relanes.isEmpty() && shard.doneBefore(rec.partitionKey(), rec.sequenceNumber()));
    }

    /** Discards what expired or is too old, then invokes the rest; true when nothing is left to invoke. */
    private boolean prepareAndInvoke(StreamPoller p) {
        cancelTimer();
        gatherEnded = false;
        StreamOptions o = p.options();
        Instant horizon = p.trimHorizon();
        int expired = countBefore(horizon);
        if (expired > 0) {
            p.note(expired + " record(s) of " + shard.shardId + " from " + batch.records.get(0).record().sequenceNumber(),
                    "expired from the stream (past its retention) before they were processed: lost");
            skip(expired);
        }
        if (batch != null && o.maximumRecordAge() >= 0) {
            int old = countBefore(p.now().minusSeconds(o.maximumRecordAge()));
            if (old > 0) {
                p.discard(this, batch, batch.before(old), "RecordAgeExceeded", null);
                skip(old);
            }
        }
        if (batch == null) {
            state = State.IDLE;
            seen = -1;
            return true;
        }
        invoke(p, batch);
        return false;
    }

    private int countBefore(Instant cutoff) {
        int k = 0;
        while (k < batch.size() && batch.records.get(k).record().arrival().isBefore(cutoff)) {
            k++;
        }
        return k;
    }

    /** Moves past the batch's first {@code k} records. */
    private void skip(int k) {
        position = StreamCursor.after(batch.records.get(k - 1).record().sequenceNumber());
        batch = k == batch.size() ? null : batch.from(k);
    }

    private void invoke(StreamPoller p, StreamBatch b) {
        Instant now = p.now();
        // a retry run late (the clock moved past it) counts its next back-off from when it was due
        b.attemptedAt = RetryBackoff.attemptedAt(b.retryDue, now);
        b.retryDue = null;
        batch = b;
        state = State.INVOKING;
        p.invoke(this, b);
    }

    /** The invocation of {@code b} ended with {@code out} ({@code r} null when the function was not invoked). */
    void finished(StreamPoller p, StreamBatch b, InvocationResult r, StreamOutcome out) {
        if (batch != b || state != State.INVOKING) {
            return; // the shard was dropped meanwhile
        }
        LaneOutcomes.apply(this, p, b, r, out);
    }

    /** Blocks the lane until its batch's retry, due then on the clock. */
    void waitForRetry(StreamPoller p, Instant due) {
        batch.retryDue = due;
        state = State.BACKOFF;
        int seq = ++timerSeq;
        timer = p.schedule(due, () -> p.timerFired(this, seq, false));
    }

    /**
     * A timer of this lane fired (on the clock's thread, under the poller's monitor); {@code seq} tells it from a timer
     * cancelled or replaced since (a task due at once may run before its scheduler has stored it).
     */
    void timerFired(int seq, boolean gathering) {
        if (seq != timerSeq) {
            return;
        }
        timer = null;
        if (gathering && state == State.GATHERING) {
            gatherEnded = true;
            seen = -1;
        } else if (!gathering && state == State.BACKOFF) {
            state = State.DUE;
        }
    }

    void armWindowEnd(StreamPoller p) {
        if (window.endTask == null) {
            TumblingWindow w = window;
            w.endTask = p.schedule(w.end, p::wake);
        }
    }

    void closeWindow() {
        if (window != null && window.endTask != null) {
            window.endTask.cancel();
        }
        window = null;
    }

    private void cancelTimer() {
        timerSeq++;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
