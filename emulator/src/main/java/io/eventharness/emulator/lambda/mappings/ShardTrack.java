package io.eventharness.emulator.lambda.mappings;

import io.eventharness.emulator.delivery.StreamCursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One shard as a stream mapping follows it: its parents (read to their end first), where its lanes start, its lanes
 * once its parents are finished (one per {@code ParallelizationFactor}), and a counter of the appends its watch has seen
 * (so that a lane knows whether it has read everything there is); its poller's pumps {@link #advance} it. Guarded by
 * its poller's monitor, except {@link #appends}, which the stream's writer bumps.
 */
final class ShardTrack {
    final String shardId;
    List<String> parents;
    boolean open;
    /** Where its lanes start reading, and the arrival time before which they skip records (AT_TIMESTAMP). */
    final StreamCursor start;
    final Instant notBefore;
    /** Bumped by the watch on every append to this shard. */
    final AtomicLong appends = new AtomicLong();
    /** Null until every parent is finished. */
    List<StreamLane> lanes;
    /** Read to its end and every record done (or gone from the stream). */
    boolean finished;
    /** Earlier lane layouts (before a change of {@code ParallelizationFactor}): what they had done is skipped. */
    final List<Relane> relanes = new ArrayList<>();

    /** The positions of the lanes of an earlier {@code ParallelizationFactor}: records at or before them were done. */
    record Relane(List<StreamCursor> positions) {
        boolean done(String partitionKey, String sequenceNumber) {
            StreamCursor p = positions.get(StreamLane.laneOf(partitionKey, positions.size()));
            return p.kind() == StreamCursor.Kind.AFTER && SequenceNumbers.compare(sequenceNumber, p.sequenceNumber()) <= 0;
        }
    }

    ShardTrack(String shardId, List<String> parents, boolean open, StreamCursor start, Instant notBefore) {
        this.shardId = shardId;
        this.parents = parents;
        this.open = open;
        this.start = start;
        this.notBefore = notBefore;
    }

    boolean allLanesDone() {
        return lanes != null && lanes.stream().allMatch(l -> l.state == StreamLane.State.DONE);
    }

    /** Whether every lane is idle with nothing taken and no window open (a new lane layout may replace them). */
    boolean quiet() {
        return lanes != null && lanes.stream().allMatch(StreamLane::quiet);
    }

    /** Lays out {@code n} lanes, from where the old ones (if any) stand: the earliest of their positions. */
    void layOut(int n) {
        StreamCursor from = start;
        if (lanes != null && !lanes.isEmpty()) {
            List<StreamCursor> old = lanes.stream().map(l -> l.position).toList();
            relanes.add(new Relane(old));
            from = old.stream().min(SequenceNumbers::compare).orElse(start);
        }
        List<StreamLane> fresh = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            fresh.add(new StreamLane(this, i, n, from, notBefore));
        }
        lanes = fresh;
    }

    /**
     * Its lanes step until they wait (laid out first once its parents are finished, again for a new
     * {@code ParallelizationFactor} when they are quiet); true when the shard finished (its children may start).
     */
    boolean advance(StreamPoller p, ShardDiscovery shards) {
        if (finished) {
            return false;
        }
        int parallelization = p.options().parallelization();
        if (lanes == null) {
            for (String parent : parents) {
                ShardTrack t = shards.byId(parent);
                if (t != null && !t.finished) {
                    return false;
                }
            }
            layOut(parallelization);
        } else if (lanes.size() != parallelization && quiet()) {
            layOut(parallelization);
        }
        for (StreamLane lane : lanes) {
            int steps = 0;
            while (lane.step(p) && ++steps < 10_000) {
                // it moved on without starting anything: it may take another step at once
            }
        }
        if (allLanesDone()) {
            finished = true;
            return true;
        }
        return false;
    }

    /** Whether an earlier lane layout already did this record. */
    boolean doneBefore(String partitionKey, String sequenceNumber) {
        for (Relane r : relanes) {
            if (r.done(partitionKey, sequenceNumber)) {
                return true;
            }
        }
        return false;
    }

    /** Stops every lane's clock tasks (the shard or the stream is gone). */
    void drop() {
        if (lanes != null) {
            lanes.forEach(StreamLane::pause);
        }
        finished = true;
    }
}
