package io.eventharness.emulator.lambda.mappings;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.delivery.ReadableStreams;
import io.eventharness.emulator.delivery.StreamCursor;
import io.eventharness.emulator.delivery.StreamPage;
import io.eventharness.emulator.delivery.StreamShardInfo;
import io.eventharness.emulator.delivery.StreamWatcher;
import io.eventharness.emulator.lambda.runtime.InvocationResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poller of one stream mapping (Kinesis, DynamoDB Streams), event-driven: the stream's watch wakes it when records
 * are appended, the shards change or the stream goes, and the clock when a batching window, a retry back-off or a
 * tumbling window ends. A wake runs one pump on the mappings' threads: it follows the shards (a child starts once its
 * parents are read to their end and done), and lets each lane ({@link StreamLane}) take its next step; batches run on
 * the mappings' threads too, one at a time per lane, so that records keep their order per shard (per partition key
 * with a {@code ParallelizationFactor} above 1).
 *
 * <p>Where reading starts: in the shards the stream has when the mapping first starts, at {@code StartingPosition}
 * ({@code LATEST} is pinned then: records put after {@code CreateEventSourceMapping} answered are delivered); in shards
 * that appear later, at their beginning. Disabling keeps every lane's position; enabling goes on from there.
 *
 * <p>Every pump and invocation is work handed off in the clock's sense; a lane that could read records it has not read
 * is pending work of the emulator's {@code Activity}; a lane waiting on the clock (a batching window, a retry, a
 * tumbling window's end) is not: it is due on the clock.
 */
final class StreamPoller implements Poller {
    /** The trail's kind of a mapping's hops. */
    static final String KIND = "lambda:EventSourceMapping";
    /** The trail's kind of an on-failure record sent to its destination. */
    static final String ON_FAILURE_KIND = "lambda:EventSourceMapping:OnFailure";

    private static final Logger LOG = LoggerFactory.getLogger(StreamPoller.class);

    private final EventSourceMapping mapping;
    private final MappingEnvironment env;
    private final ReadableStreams streams;
    private final StreamFormat format;
    private final Arn stream;
    private final AutoCloseable watch;
    /** The shards in the stream's order (parents first). Guarded by this. */
    private final List<ShardTrack> shards = new ArrayList<>();
    /** The same, by id, for the watch (which runs on the writer's thread without this monitor). */
    private final Map<String, ShardTrack> byId = new ConcurrentHashMap<>();
    private final AtomicBoolean pumpQueued = new AtomicBoolean();
    private volatile boolean enabled;
    private volatile boolean shardsChanged = true;
    private volatile String lastResult;
    /** Whether the shards were listed once (the starting position applies to those). Guarded by this. */
    private boolean started;
    /** What the pump or invocation holding the monitor sends once it has let go of it (on-failure records). */
    private List<Runnable> pending;

    StreamPoller(EventSourceMapping mapping, MappingEnvironment env, ReadableStreams streams, StreamFormat format) {
        this.mapping = mapping;
        this.env = env;
        this.streams = streams;
        this.format = format;
        this.stream = mapping.source();
        this.watch = streams.watch(stream, new StreamWatcher() {
            @Override
            public void appended(Set<String> shardIds) {
                for (String id : shardIds) {
                    ShardTrack t = byId.get(id);
                    if (t == null) {
                        shardsChanged = true;
                    } else {
                        t.appends.incrementAndGet();
                    }
                }
                wake();
            }

            @Override
            public void resharded() {
                shardsChanged = true;
                wake();
            }

            @Override
            public void deleted() {
                shardsChanged = true;
                wake();
            }
        });
    }

    // ---- Poller ---------------------------------------------------------------------------------

    /** Enabled: the first time, the shards are listed and the starting position pinned before this returns. */
    @Override
    public void start() {
        synchronized (this) {
            enabled = true;
            if (!started) {
                started = true;
                discover(true);
            }
            for (ShardTrack t : shards) {
                if (t.lanes != null) {
                    t.lanes.forEach(l -> l.resume(this));
                }
            }
        }
        wake();
    }

    @Override
    public void stop() {
        synchronized (this) {
            enabled = false;
            for (ShardTrack t : shards) {
                if (t.lanes != null) {
                    t.lanes.forEach(StreamLane::pause);
                }
            }
        }
        env.clock().activity().changed();
    }

    /** New settings: a pump lets the lanes take them (a shorter batching window, another parallelization factor). */
    @Override
    public void updated() {
        synchronized (this) {
            for (ShardTrack t : shards) {
                if (t.lanes != null) {
                    t.lanes.forEach(l -> l.seen = -1);
                }
            }
        }
        wake();
    }

    @Override
    public void close() {
        stop();
        try {
            watch.close();
        } catch (Exception e) {
            LOG.debug("closing the watch of {}", stream, e);
        }
    }

    @Override
    public void unsettled(List<String> out) {
        if (!enabled || pumpQueued.get()) {
            return; // a queued pump is pending work of its own
        }
        synchronized (this) {
            // a change of the shards comes with a wake: its pump is pending work of its own
            for (ShardTrack t : shards) {
                if (t.lanes != null && t.lanes.stream().anyMatch(StreamLane::unread)) {
                    out.add("event source mapping " + mapping.uuid() + " has records of " + t.shardId + " of " + stream
                            + " it has not processed yet");
                }
            }
        }
    }

    @Override
    public String lastProcessingResult() {
        return lastResult;
    }

    // ---- pumps ----------------------------------------------------------------------------------

    /** Runs one pump on the mappings' threads, unless one is queued already. Quick: called on writers' threads. */
    void wake() {
        if (!enabled || !pumpQueued.compareAndSet(false, true)) {
            return;
        }
        CompletableFuture<Void> done = env.clock().handedOff(new CompletableFuture<>(),
                "event source mapping " + mapping.uuid() + " reading " + stream);
        try {
            env.executor().execute(() -> {
                try {
                    pump();
                } catch (RuntimeException e) {
                    LOG.warn("event source mapping {} failed to read {}", mapping.uuid(), stream, e);
                } finally {
                    done.complete(null);
                }
            });
        } catch (RejectedExecutionException closing) {
            pumpQueued.set(false);
            done.complete(null);
        }
    }

    /** Follows the shards and lets every lane take the steps it can take now. */
    private void pump() {
        pumpQueued.set(false); // a wake from now on queues another pump
        List<Runnable> after = new ArrayList<>();
        synchronized (this) {
            if (!enabled) {
                return;
            }
            if (shardsChanged) {
                discover(false);
            }
            pending = after;
            try {
                boolean progress = true;
                while (progress) {
                    progress = false;
                    for (ShardTrack t : List.copyOf(shards)) {
                        progress |= advance(t);
                    }
                }
            } finally {
                pending = null;
            }
        }
        after.forEach(Runnable::run);
    }

    /** One shard's lanes step until they wait; true when the shard finished (its children may start). */
    private boolean advance(ShardTrack t) {
        if (t.finished) {
            return false;
        }
        int parallelization = options().parallelization();
        if (t.lanes == null) {
            for (String parent : t.parents) {
                ShardTrack p = byId.get(parent);
                if (p != null && !p.finished) {
                    return false;
                }
            }
            t.layOut(parallelization);
        } else if (t.lanes.size() != parallelization && t.quiet()) {
            t.layOut(parallelization);
        }
        for (StreamLane lane : t.lanes) {
            int steps = 0;
            while (lane.step(this) && ++steps < 10_000) {
                // it moved on without starting anything: it may take another step at once
            }
        }
        if (t.allLanesDone()) {
            t.finished = true;
            return true;
        }
        return false;
    }

    /** Lists the shards; new ones get their starting point. The stream gone: every shard is dropped. Under the monitor. */
    private void discover(boolean first) {
        shardsChanged = false;
        List<StreamShardInfo> listed;
        try {
            listed = streams.shards(stream);
        } catch (AwsException gone) {
            if (!shards.isEmpty()) {
                note(stream.toString(), "the stream is gone: " + gone.getMessage());
            }
            shards.forEach(ShardTrack::drop);
            shards.clear();
            byId.clear();
            return;
        }
        Set<String> now = new HashSet<>();
        StreamOptions o = options();
        for (StreamShardInfo info : listed) {
            now.add(info.shardId());
            ShardTrack t = byId.get(info.shardId());
            if (t == null) {
                try {
                    t = newTrack(info, first, o);
                } catch (AwsException gone) {
                    shardsChanged = true; // gone while the shards were listed: listed again at the next change
                    continue;
                }
                shards.add(t);
                byId.put(t.shardId, t);
            } else {
                t.open = info.open();
                t.parents = info.parentShardIds();
            }
        }
        for (ShardTrack t : List.copyOf(shards)) {
            if (!now.contains(t.shardId)) {
                t.drop(); // expired: its records are gone from the stream
                shards.remove(t);
                byId.remove(t.shardId);
            }
        }
    }

    private ShardTrack newTrack(StreamShardInfo info, boolean first, StreamOptions o) {
        Instant notBefore = o.startingPosition() == StreamOptions.StartingPosition.AT_TIMESTAMP ? o.startingTimestamp() : null;
        if (first && o.startingPosition() == StreamOptions.StartingPosition.LATEST) {
            ShardTrack t;
            if (info.open()) {
                StreamPage tip = streams.read(stream, info.shardId(), StreamCursor.latest(), 1);
                t = new ShardTrack(info.shardId(), info.parentShardIds(), true, tip.next(), null);
            } else {
                t = new ShardTrack(info.shardId(), info.parentShardIds(), false, StreamCursor.trimHorizon(), null);
                t.finished = true; // nothing new will arrive in a closed shard
            }
            return t;
        }
        return new ShardTrack(info.shardId(), info.parentShardIds(), info.open(), StreamCursor.trimHorizon(), notBefore);
    }

    // ---- what lanes use (under the monitor) -------------------------------------------------------

    Instant now() {
        return env.clock().now();
    }

    MappingSettings settings() {
        return mapping.settings();
    }

    StreamOptions options() {
        return (StreamOptions) mapping.settings().options();
    }

    StreamFormat format() {
        return format;
    }

    Arn stream() {
        return stream;
    }

    Arn role(MappingSettings s) {
        return env.functions().role(s.functionArn());
    }

    StreamPage read(String shardId, StreamCursor from, int max) {
        return streams.read(stream, shardId, from, max);
    }

    Instant trimHorizon() {
        try {
            return streams.trimHorizon(stream);
        } catch (AwsException gone) {
            return Instant.MIN;
        }
    }

    /**
     * A shard could not be read (gone, or the stream gone): the shards are listed again at the next pump; the lane tries
     * again when the stream next changes (not at once: a shard that stays unreadable must not spin).
     */
    void shardUnreadable(StreamLane lane, AwsException e) {
        LOG.debug("event source mapping {} cannot read {} of {}: {}", mapping.uuid(), lane.shard.shardId, stream, e.getMessage());
        lane.seen = lane.shard.appends.get();
        shardsChanged = true;
    }

    EmulatorClock.Task schedule(Instant due, Runnable action) {
        return env.clock().schedule(due, action);
    }

    /** A lane's timer fired, on the clock's thread: the lane learns it, and a pump runs. */
    void timerFired(StreamLane lane, int seq, boolean gathering) {
        synchronized (this) {
            lane.timerFired(seq, gathering);
        }
        wake();
    }

    void result(String r) {
        lastResult = r;
    }

    /** Records in the trail what became of some records ({@code what}: which, {@code outcome}: what happened). */
    void note(String what, String outcome) {
        env.delivery().note(stream.toString(), settings().functionArn().toString(), KIND, what, outcome + " (event source mapping "
                + mapping.uuid() + ")");
    }

    /** Discards records: their on-failure record goes to the destination (after the monitor is let go), or the trail. */
    void discard(StreamLane lane, StreamBatch b, List<StreamBatch.Taken> records, String condition, StreamOutcome out) {
        MappingSettings s = settings();
        boolean invoked = out != null;
        OnFailureRecord r = new OnFailureRecord(format, stream, lane.shard.shardId, records, condition, Math.max(1, b.invocations),
                b.requestId != null ? b.requestId : Ids.uuid(), s.functionArn(), invoked,
                b.executedVersion != null ? b.executedVersion : "$LATEST", invoked ? out.functionError() : null, now());
        Arn destination = ((StreamOptions) s.options()).onFailure();
        pending.add(() -> r.send(env.delivery(), destination, mapping.uuid()));
    }

    /** Runs a lane's batch on the mappings' threads; the clock's {@code advance} waits for it. */
    void invoke(StreamLane lane, StreamBatch b) {
        MappingSettings s = settings();
        String what = b.finalInvoke ? "the final invocation of a tumbling window" : b.size() + " record(s)";
        CompletableFuture<Void> done = env.clock().handedOff(new CompletableFuture<>(), "batch of " + what + " of "
                + lane.shard.shardId + " of " + stream + " to " + s.functionArn() + " (event source mapping " + mapping.uuid() + ")");
        try {
            env.executor().execute(() -> {
                try {
                    run(lane, b, s);
                } finally {
                    done.complete(null);
                }
            });
        } catch (RejectedExecutionException closing) {
            done.complete(null);
        }
    }

    private void run(StreamLane lane, StreamBatch b, MappingSettings s) {
        InvocationResult r = null;
        StreamOutcome out;
        try {
            byte[] payload = b.payload(stream, lane.shard.shardId);
            r = env.functions().invoke(s.functionArn(), Ids.uuid(), payload, stream.toString());
            out = StreamOutcome.of(r, b, s.reportBatchItemFailures());
        } catch (AwsException e) {
            out = StreamOutcome.notInvoked("not invoked: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("event source mapping {} failed to invoke a batch", mapping.uuid(), e);
            out = StreamOutcome.notInvoked("not invoked: " + e);
        }
        List<Runnable> after = new ArrayList<>();
        synchronized (this) {
            pending = after;
            try {
                lane.finished(this, b, r, out);
            } finally {
                pending = null;
            }
        }
        after.forEach(Runnable::run);
        wake();
    }
}
