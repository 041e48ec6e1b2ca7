package io.eventharness.emulator.lambda.mappings;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.delivery.ReadableStreams;
import io.eventharness.emulator.delivery.StreamCursor;
import io.eventharness.emulator.delivery.StreamPage;
import io.eventharness.emulator.lambda.runtime.InvocationResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poller of one stream mapping (Kinesis, DynamoDB Streams), event-driven: the stream's watch wakes it when records
 * are appended, the shards change or the stream goes, and the clock when a batching window, a retry back-off or a
 * tumbling window ends. A wake runs one pump on the mappings' threads: it follows the shards (a child starts once its
 * parents are read to their end and done), and lets each lane ({@link StreamLane}) take its next step; batches run on
 * the mappings' threads too, one at a time per lane, so that records keep their order per shard (per partition key
 * with a {@code ParallelizationFactor} above 1).
 * The shards and where reading starts in them are {@link ShardDiscovery}'s; the invocations {@link StreamBatchRunner}'s.
 * Disabling keeps every lane's position; enabling goes on from there.
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
    /** The shards; its list is guarded by this. */
    private final ShardDiscovery shards;
    private final StreamBatchRunner runner;
    private final PumpRequests pumps;
    private volatile boolean enabled;
    private volatile String lastResult;
    /** Whether the shards were listed once (the starting position applies to those). Guarded by this. */
    private boolean started;
    /** What the pump or invocation holding the monitor sends once it has let go of it (on-failure records). */
    private List<Runnable> pending;

    StreamPoller(EventSourceMapping mapping, MappingEnvironment env, ReadableStreams streams, StreamFormat format) {
        this.mapping = mapping;
        this.env = env;
        this.pumps = new PumpRequests(env);
        this.streams = streams;
        this.format = format;
        this.stream = mapping.source();
        this.shards = new ShardDiscovery(streams, stream);
        this.runner = new StreamBatchRunner(mapping, env, stream, this);
        this.watch = streams.watch(stream, shards.watcher(this::wake));
    }

    // ---- Poller ---------------------------------------------------------------------------------

    /** Enabled: the first time, the shards are listed and the starting position pinned before this returns. */
    @Override
    public void start() {
        synchronized (this) {
            enabled = true;
            if (!started) {
                started = true;
                shards.discover(true, options(), this);
            }
            for (ShardTrack t : shards.shards()) {
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
            for (ShardTrack t : shards.shards()) {
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
            for (ShardTrack t : shards.shards()) {
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
        if (!enabled || pumps.queued()) {
            return; // a queued pump is pending work of its own
        }
        synchronized (this) {
            // a change of the shards comes with a wake: its pump is pending work of its own
            for (ShardTrack t : shards.shards()) {
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
        if (enabled) {
            pumps.request("event source mapping " + mapping.uuid() + " reading " + stream, this::pump);
        }
    }

    /** Follows the shards and lets every lane take the steps it can take now. */
    private void pump() {
        pumps.started();
        List<Runnable> after = new ArrayList<>();
        synchronized (this) {
            if (!enabled) {
                return;
            }
            if (shards.isChanged()) {
                shards.discover(false, options(), this);
            }
            pending = after;
            try {
                boolean progress = true;
                while (progress) {
                    progress = false;
                    for (ShardTrack t : List.copyOf(shards.shards())) {
                        progress |= t.advance(this, shards);
                    }
                }
            } finally {
                pending = null;
            }
        }
        after.forEach(Runnable::run);
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
        shards.changed();
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

    /** Runs a lane's batch on the mappings' threads ({@link StreamBatchRunner}). */
    void invoke(StreamLane lane, StreamBatch b) {
        runner.invoke(lane, b);
    }

    /** A lane's batch ran (on the mappings' threads): the lane learns its outcome, and a pump runs. */
    void finished(StreamLane lane, StreamBatch b, InvocationResult r, StreamOutcome out) {
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
