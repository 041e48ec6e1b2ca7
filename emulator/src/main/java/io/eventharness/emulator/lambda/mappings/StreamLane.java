package io.eventharness.emulator.lambda.mappings;

import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.delivery.StreamCursor;
import io.eventharness.emulator.delivery.StreamPage;
import io.eventharness.emulator.delivery.StreamRecord;
import io.eventharness.emulator.lambda.runtime.InvocationResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One lane of a shard: the records of one shard (of one partition-key hash when {@code ParallelizationFactor} is above
 * 1), processed in order, one batch at a time. Its state machine, driven by its poller's pumps (under the poller's
 * monitor) and by the clock:
 * <ul>
 *   <li>{@code IDLE} — reads from its position; a batch is invoked at once when it is full, has no batching window,
 *       or the shard ended; else it is {@code GATHERING} until the window ends on the clock or the batch fills up;</li>
 *   <li>{@code INVOKING} — the batch runs on the mappings' threads; its outcome moves the position past it
 *       (success), to the first reported failure (partial success), bisects it, or blocks the lane;</li>
 *   <li>{@code BACKOFF} — blocked after a failure, until a retry on the clock ({@value #FIRST_BACKOFF_MS} ms, doubling
 *       up to a minute); then {@code DUE}: records past {@code MaximumRecordAgeInSeconds} or past the stream's retention
 *       are discarded, the rest invoked again, until {@code MaximumRetryAttempts} discards them;</li>
 *   <li>{@code DONE} — a closed shard read to its end (its children may start).</li>
 * </ul>
 */
final class StreamLane {
    static final long FIRST_BACKOFF_MS = 1000;
    static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

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
        Read r = read(p, s);
        if (r == null) {
            return false;
        }
        if (batch == null) {
            if (r.ended) {
                if (window != null && window.invoked) {
                    invoke(p, StreamBatch.finalOf(window, position)); // the shard ended: so did its window
                } else {
                    closeWindow();
                    state = State.DONE;
                }
                return false;
            }
            state = State.IDLE;
            return r.more;
        }
        if (r.cut || batch.size() >= s.batchSize() || s.batchingWindowSeconds() == 0 || gatherEnded || r.ended) {
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

    /** What a read came to: the batch is complete ({@code cut}), the shard ended, or more may be read at once. */
    private record Read(boolean cut, boolean ended, boolean more) {
    }

    /** Reads after the open batch (or the position) into the batch; null when the shard could not be read. */
    private Read read(StreamPoller p, MappingSettings s) {
        StreamOptions o = (StreamOptions) s.options();
        StreamCursor cursor = batch != null ? batch.end : position;
        long appends = shard.appends.get();
        int filteredOut = 0;
        boolean cut = false;
        boolean ended = false;
        boolean reachedTip = false;
        int want = Math.max(1, s.batchSize() - (batch == null ? 0 : batch.size()));
        io.eventharness.emulator.core.Arn role = p.role(s);
        reading:
        while (true) {
            StreamPage page;
            try {
                page = p.read(shard.shardId, cursor, Math.min(10_000, Math.max(want, 100)));
            } catch (AwsException gone) {
                p.shardUnreadable(this, gone);
                return null;
            }
            if (page.records().isEmpty()) {
                cursor = page.next();
                ended = page.ended();
                reachedTip = true;
                break;
            }
            for (StreamRecord rec : page.records()) {
                StreamCursor past = StreamCursor.after(rec.sequenceNumber());
                if (of > 1 && laneOf(rec.partitionKey(), of) != index || notBefore != null && rec.arrival().isBefore(notBefore)
                        || !shard.relanes.isEmpty() && shard.doneBefore(rec.partitionKey(), rec.sequenceNumber())) {
                    cursor = past;
                    continue;
                }
                byte[] json = p.format().record(rec, p.stream(), role);
                if (s.filter() != null && !s.filter().matches(p.format().filterView(rec, json))) {
                    filteredOut++;
                    cursor = past;
                    continue;
                }
                if (o.tumblingWindowSeconds() > 0) {
                    if (window != null && !window.holds(rec.arrival())) {
                        cut = batch != null && !batch.isEmpty();
                        break reading; // the window ended: its final invocation comes first
                    }
                    if (window == null) {
                        window = TumblingWindow.of(rec.arrival(), o.tumblingWindowSeconds());
                    }
                }
                if (batch == null) {
                    batch = new StreamBatch(window, cursor);
                }
                if (!batch.isEmpty() && batch.bytes + json.length + stateBytes() > StreamBatch.MAX_PAYLOAD) {
                    cut = true;
                    break reading;
                }
                batch.add(new StreamBatch.Taken(rec, json));
                cursor = past;
                if (batch.size() >= s.batchSize()) {
                    cut = true;
                    break reading;
                }
            }
        }
        if (batch != null) {
            batch.end = cursor;
        } else {
            position = cursor;
        }
        if (reachedTip) {
            seen = appends;
        }
        if (filteredOut > 0) {
            p.note(filteredOut + " record(s) of " + shard.shardId, "filtered out (no filter matches): skipped");
        }
        return new Read(cut, ended, !reachedTip);
    }

    private int stateBytes() {
        return window == null ? 0 : window.state.toString().length();
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
        b.attemptedAt = b.retryDue != null && b.retryDue.isAfter(now.minusSeconds(1)) && !b.retryDue.isAfter(now) ? b.retryDue : now;
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
        state = State.IDLE;
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
                    endWindowOrGoOn();
                } else {
                    position = b.end;
                    aggregated(p, out);
                }
                batch = null;
                seen = -1;
            }
            case PARTIAL -> {
                p.result("OK");
                int k = out.failedFrom();
                if (k > 0) {
                    position = StreamCursor.after(b.records.get(k - 1).record().sequenceNumber());
                    aggregated(p, out);
                }
                batch = b.from(k);
                batch.retries++;
                retryOrDiscard(p, out);
            }
            case FAILED -> {
                p.result("PROBLEM: Function call failed");
                if (!b.finalInvoke && o.bisectOnFunctionError() && b.size() > 1) {
                    List<StreamBatch> halves = b.halves();
                    batch = halves.get(0);
                    queued.addFirst(halves.get(1));
                    p.note(b.size() + " record(s) of " + shard.shardId + " from " + b.records.get(0).record().sequenceNumber(),
                            out.reason() + ": bisected into " + halves.get(0).size() + " and " + halves.get(1).size());
                    state = State.DUE;
                    return;
                }
                b.retries++;
                retryOrDiscard(p, out);
            }
            case NOT_INVOKED -> {
                b.notInvoked++;
                backOff(p, out.reason());
            }
        }
    }

    /** A successful aggregation: the window keeps the function's new state (over 1 MB ends the window early). */
    private void aggregated(StreamPoller p, StreamOutcome out) {
        if (window == null || out.state() == null) {
            return;
        }
        window.state = out.state();
        window.invoked = true;
        window.terminateEarly = out.state().toString().length() > TumblingWindow.MAX_STATE_BYTES;
        armWindowEnd(p);
    }

    /** After a window's final invocation: a window terminated early goes on with a fresh state; else it is over. */
    private void endWindowOrGoOn() {
        if (window != null && window.terminateEarly) {
            window.terminateEarly = false;
            window.state = io.eventharness.emulator.core.Json.MAPPER.createObjectNode();
        } else {
            closeWindow();
        }
    }

    private void retryOrDiscard(StreamPoller p, StreamOutcome out) {
        StreamOptions o = p.options();
        if (!o.retriesForever() && batch.retries > o.maximumRetryAttempts()) {
            if (batch.finalInvoke) {
                p.note("the final invocation of the window " + window.start + "–" + window.end + " of " + shard.shardId,
                        "failed " + batch.invocations + " time(s): its state is dropped");
                closeWindow();
            } else {
                p.discard(this, batch, batch.records, "RetryAttemptsExhausted", out);
                position = batch.end;
            }
            batch = null;
            seen = -1;
            return;
        }
        backOff(p, out.reason());
    }

    /** Blocks the lane until a retry on the clock, earlier when the batch's first record gets too old before it. */
    private void backOff(StreamPoller p, String reason) {
        int failures = batch.retries + batch.notInvoked;
        long delay = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF_MS << Math.min(20, Math.max(0, failures - 1)));
        Instant from = batch.attemptedAt != null ? batch.attemptedAt : p.now();
        Instant due = from.plusMillis(delay);
        StreamOptions o = p.options();
        if (o.maximumRecordAge() >= 0 && !batch.isEmpty()) {
            Instant tooOld = batch.firstArrival().plusSeconds(o.maximumRecordAge()).plusMillis(1);
            if (tooOld.isBefore(due)) {
                due = tooOld;
            }
        }
        if (due.isBefore(p.now())) {
            due = p.now();
        }
        batch.retryDue = due;
        state = State.BACKOFF;
        int seq = ++timerSeq;
        timer = p.schedule(due, () -> p.timerFired(this, seq, false));
        p.note(batch.isEmpty() ? "the final invocation of a window of " + shard.shardId : batch.size() + " record(s) of " + shard.shardId
                + " from " + batch.records.get(0).record().sequenceNumber(), reason + ": retried at " + due + ", the shard waits");
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

    private void armWindowEnd(StreamPoller p) {
        if (window.endTask == null) {
            TumblingWindow w = window;
            w.endTask = p.schedule(w.end, p::wake);
        }
    }

    private void closeWindow() {
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
