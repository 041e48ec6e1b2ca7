package io.eventharness.emulator.kinesis;

import io.eventharness.emulator.core.Arn;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The shards of one stream and the stream's counter (which orders records and shard openings): which open shard a
 * hash key goes to, and the reshards — split, merge, and UpdateShardCount's uniform scaling, done as AWS does it
 * with splits and merges, so that every new shard names its parents. Not thread-safe: its {@link KinesisStream}
 * guards it.
 */
final class ShardMap {
    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    private final Arn stream;
    private final List<StreamShard> shards = new ArrayList<>();
    /** When UpdateShardCount ran, within the last 24 hours. */
    private final List<Long> scalings = new ArrayList<>();
    private final long streamTag;
    private long counter;
    private int nextIndex;

    /** {@code count} open shards of equal hash ranges, opened when the stream was created. */
    ShardMap(Arn stream, int count, long streamTag, long createdMillis) {
        this.stream = stream;
        this.streamTag = streamTag;
        for (HashRange r : HashRange.uniform(count)) {
            open(null, null, r, createdMillis);
        }
    }

    long nextCounter() {
        return ++counter;
    }

    List<StreamShard> all() {
        return shards;
    }

    List<StreamShard> open() {
        return shards.stream().filter(StreamShard::open).toList();
    }

    Optional<StreamShard> byId(String id) {
        return shards.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    Optional<StreamShard> byIndex(int index) {
        return shards.stream().filter(s -> s.index() == index).findFirst();
    }

    /** The open shard whose range holds the key (the open shards always cover every key). */
    StreamShard route(BigInteger hashKey) {
        for (StreamShard s : shards) {
            if (s.open() && s.range().contains(hashKey)) {
                return s;
            }
        }
        throw new IllegalStateException("no open shard holds hash key " + hashKey);
    }

    /** The shards whose parent or adjacent parent this one is. */
    List<StreamShard> children(StreamShard parent) {
        return shards.stream().filter(s -> parent.id().equals(s.parentId()) || parent.id().equals(s.adjacentParentId()))
                .toList();
    }

    /** The shard of that id; ResourceNotFoundException when the stream has none (or it expired). */
    StreamShard shard(String id) {
        return byId(id).orElseThrow(() -> KinesisErrors.shardNotFound(id, stream));
    }

    /**
     * SplitShard: closes an open shard and opens children {@code [start, key - 1]} and {@code [key, end]}; the key
     * must be above the shard's start plus one and below its end.
     */
    void split(String shardId, BigInteger key, long millis) {
        StreamShard s = openShard(shardId);
        HashRange r = s.range();
        if (key.compareTo(r.start().add(BigInteger.ONE)) <= 0 || key.compareTo(r.end()) >= 0) {
            throw KinesisErrors.invalidArgument("NewStartingHashKey " + key + " used in SplitShard() on shard " + shardId
                    + " in stream " + KinesisStream.nameOf(stream) + " under account " + stream.account()
                    + " is not both greater than one plus the shard's StartingHashKey " + r.start()
                    + " and less than the shard's EndingHashKey " + r.end() + ".");
        }
        split(s, key, millis);
    }

    /** MergeShards: closes two adjacent open shards and opens their child (parent {@code shardId}, adjacent parent the other). */
    void merge(String shardId, String adjacentShardId, long millis) {
        StreamShard s = openShard(shardId);
        StreamShard adjacent = openShard(adjacentShardId);
        if (s == adjacent || !s.range().adjacentTo(adjacent.range())) {
            throw KinesisErrors.invalidArgument("Shards " + shardId + " and " + adjacentShardId + " in stream "
                    + KinesisStream.nameOf(stream) + " under account " + stream.account()
                    + " are not an adjacent pair of shards eligible for merging");
        }
        merge(s, adjacent, millis);
    }

    /**
     * UpdateShardCount with uniform scaling, within AWS's default limits: to at most double and at least half the
     * open shards, at most ten times in a rolling 24 hours. Reshapes the open shards into {@code target} shards of
     * equal ranges: every open shard is split at each boundary of the target ranges inside it, then the pieces
     * within one target range are merged left to right (the shards in between open and close at once, AWS's
     * short-lived shards). Returns the open shard count before.
     */
    int scaleTo(int target, long millis) {
        scalings.removeIf(t -> t <= millis - DAY_MILLIS);
        int current = open().size();
        String name = KinesisStream.nameOf(stream);
        if (scalings.size() >= 10) {
            throw KinesisErrors.limitExceeded("Stream " + name + " under account " + stream.account()
                    + " has been scaled 10 times in the last 24 hours, the most UpdateShardCount allows.");
        }
        if (target > 2 * current || 2 * target < current) {
            throw KinesisErrors.limitExceeded("UpdateShardCount can scale stream " + name + " under account "
                    + stream.account() + " to between half and double its " + current + " open shards, not to " + target + ".");
        }
        scalings.add(millis);
        List<HashRange> goal = HashRange.uniform(target);
        for (HashRange g : goal.subList(1, goal.size())) {
            for (StreamShard s : open()) {
                if (s.range().start().compareTo(g.start()) < 0 && g.start().compareTo(s.range().end()) <= 0) {
                    split(s, g.start(), millis);
                    break;
                }
            }
        }
        for (HashRange g : goal) {
            List<StreamShard> pieces = open().stream().filter(s -> s.range().within(g))
                    .sorted(Comparator.comparing(s -> s.range().start())).toList();
            StreamShard merged = pieces.get(0);
            for (StreamShard next : pieces.subList(1, pieces.size())) {
                merged = merge(merged, next, millis);
            }
        }
        return current;
    }

    private StreamShard openShard(String shardId) {
        StreamShard s = shard(shardId);
        if (!s.open()) {
            throw KinesisErrors.invalidArgument("Shard " + shardId + " in stream " + KinesisStream.nameOf(stream)
                    + " under account " + stream.account()
                    + " has already been merged or split, and thus is not eligible for merging or splitting.");
        }
        return s;
    }

    private void split(StreamShard s, BigInteger key, long millis) {
        close(s, millis);
        HashRange r = s.range();
        open(s.id(), null, new HashRange(r.start(), key.subtract(BigInteger.ONE)), millis);
        open(s.id(), null, new HashRange(key, r.end()), millis);
    }

    private StreamShard merge(StreamShard s, StreamShard adjacent, long millis) {
        close(s, millis);
        close(adjacent, millis);
        return open(s.id(), adjacent.id(), s.range().union(adjacent.range()), millis);
    }

    /** Forgets the closed shards that closed before {@code cutoff}: all their records are past retention. */
    void expire(long cutoff) {
        shards.removeIf(s -> !s.open() && s.closedMillis() < cutoff);
    }

    private void close(StreamShard s, long millis) {
        s.close(nextCounter(), millis);
    }

    private StreamShard open(String parent, String adjacentParent, HashRange range, long millis) {
        StreamShard s = new StreamShard(nextIndex++, parent, adjacentParent, range, nextCounter(), streamTag, millis);
        shards.add(s);
        return s;
    }
}
