package io.eventharness.emulator.lambda.mappings;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.delivery.ReadableStreams;
import io.eventharness.emulator.delivery.StreamCursor;
import io.eventharness.emulator.delivery.StreamPage;
import io.eventharness.emulator.delivery.StreamShardInfo;
import io.eventharness.emulator.delivery.StreamWatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shards of a stream mapping's stream, as its poller follows them: listed again when the stream's watch reports a
 * change, a new shard given its starting point, a shard gone from the stream dropped with its lanes.
 *
 * <p>Where reading starts: in the shards the stream has when the mapping first starts, at {@code StartingPosition}
 * ({@code LATEST} is pinned then: records put after {@code CreateEventSourceMapping} answered are delivered; a closed
 * shard is finished at once); in shards that appear later, at their beginning ({@code AT_TIMESTAMP} skips records that
 * arrived before its timestamp).
 *
 * <p>The list is guarded by the poller's monitor; the lookup by id and the changed flag are read by the watch, which
 * runs on the stream writer's thread without it.
 */
final class ShardDiscovery {
    private final ReadableStreams streams;
    private final Arn stream;
    /** The shards in the stream's order (parents first). Guarded by the poller's monitor. */
    private final List<ShardTrack> shards = new ArrayList<>();
    /** The same, by id, for the watch. */
    private final Map<String, ShardTrack> byId = new ConcurrentHashMap<>();
    private volatile boolean changed = true;

    ShardDiscovery(ReadableStreams streams, Arn stream) {
        this.streams = streams;
        this.stream = stream;
    }

    /** The shards in the stream's order (parents first); under the poller's monitor. */
    List<ShardTrack> shards() {
        return shards;
    }

    /** The shard of that id, null when it is not (yet) known. */
    ShardTrack byId(String shardId) {
        return byId.get(shardId);
    }

    /** The stream's shards changed (or may have): they are listed again at the next {@link #discover}. */
    void changed() {
        changed = true;
    }

    /**
     * The watch of the stream (on the writer's thread): an append to a known shard bumps its count, one to an unknown
     * shard, a reshard or the stream's deletion marks the shards changed; each wakes the poller.
     */
    StreamWatcher watcher(Runnable wake) {
        return new StreamWatcher() {
            @Override
            public void appended(Set<String> shardIds) {
                for (String id : shardIds) {
                    ShardTrack t = byId.get(id);
                    if (t == null) {
                        changed = true;
                    } else {
                        t.appends.incrementAndGet();
                    }
                }
                wake.run();
            }

            @Override
            public void resharded() {
                changed = true;
                wake.run();
            }

            @Override
            public void deleted() {
                changed = true;
                wake.run();
            }
        };
    }

    boolean isChanged() {
        return changed;
    }

    /**
     * Lists the shards; new ones get their starting point ({@code first}: the mapping's first start). The stream gone:
     * every shard is dropped, and {@code p} notes it in the trail. Under the poller's monitor.
     */
    void discover(boolean first, StreamOptions o, StreamPoller p) {
        changed = false;
        List<StreamShardInfo> listed;
        try {
            listed = streams.shards(stream);
        } catch (AwsException gone) {
            if (!shards.isEmpty()) {
                p.note(stream.toString(), "the stream is gone: " + gone.getMessage());
            }
            shards.forEach(ShardTrack::drop);
            shards.clear();
            byId.clear();
            return;
        }
        Set<String> now = new HashSet<>();
        for (StreamShardInfo info : listed) {
            now.add(info.shardId());
            ShardTrack t = byId.get(info.shardId());
            if (t == null) {
                try {
                    t = newTrack(info, first, o);
                } catch (AwsException gone) {
                    changed = true; // gone while the shards were listed: listed again at the next change
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
}
