package io.eventharness.emulator.kinesis;

import io.eventharness.emulator.core.Arn;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * One data stream: its lifecycle, its settings ({@link StreamSettings}: capacity mode, retention, maximum record size,
 * tags) and its shards with their records ({@link ShardMap}). Fields change only through its methods, under its own lock; listeners are told after the lock is
 * released. Records older than the retention period (on the emulator's clock) are dropped whenever the stream is
 * written or read, and a closed shard is forgotten once its closing time is past the retention period.
 */
final class KinesisStream {
    /** The stream's lifecycle (AWS's {@code StreamStatus}). */
    enum Status { CREATING, ACTIVE, UPDATING, DELETING }

    /** The capacity mode (AWS's {@code StreamMode}). */
    enum Mode { PROVISIONED, ON_DEMAND }

    static final int MIN_RETENTION_HOURS = 24;
    static final int MAX_RETENTION_HOURS = 8760;
    static final int DEFAULT_MAX_RECORD_KIB = 1024;

    private final Arn arn;
    private final long createdMillis;
    private final long tag;
    private final LongSupplier clock;
    private final StreamListeners listeners;
    private final ReentrantLock lock = new ReentrantLock();
    private final ShardMap shards;
    private final StreamSettings settings;
    private Status status = Status.CREATING;
    private long lastArrival;

    KinesisStream(Arn arn, Mode mode, int shardCount, int maxRecordSizeKiB, Map<String, String> tags, long createdMillis,
                  long tag, LongSupplier clock, StreamListeners listeners) {
        this.arn = arn;
        this.clock = clock;
        this.createdMillis = createdMillis;
        this.tag = tag;
        this.settings = new StreamSettings(arn, mode, maxRecordSizeKiB, tags);
        this.listeners = listeners;
        this.shards = new ShardMap(arn, shardCount, tag, createdMillis);
    }

    /** The stream's name: the resource of {@code arn:aws:kinesis:<region>:<account>:stream/<name>}. */
    static String nameOf(Arn stream) {
        return stream.resourceId();
    }

    Arn arn() {
        return arn;
    }

    String name() {
        return nameOf(arn);
    }

    Instant created() {
        return Instant.ofEpochMilli(createdMillis);
    }

    /**
     * The tag every sequence number and iterator of this stream carries: its creation time, made unique among the
     * registry's streams (one created in the same millisecond as another gets the next number).
     */
    long tag() {
        return tag;
    }

    Status status() {
        return locked(() -> status);
    }

    Mode mode() {
        return locked(settings::mode);
    }

    int retentionHours() {
        return locked(settings::retentionHours);
    }

    int maxRecordSizeKiB() {
        return locked(settings::maxRecordSizeKiB);
    }

    Map<String, String> tags() {
        return locked(settings::tags);
    }

    // ---- lifecycle ------------------------------------------------------------------------------

    /** CREATING → ACTIVE: the stream's shards are ready. */
    void activate() {
        locked(() -> transition(Status.CREATING, Status.ACTIVE));
    }

    /** Any state → DELETING: the registry forgets the stream, and its listeners are told. */
    void markDeleting() {
        locked(() -> status = Status.DELETING);
        listeners.deleted(arn);
    }

    private Status transition(Status from, Status to) {
        if (status != from) {
            throw new IllegalStateException("stream " + name() + " is " + status + ", not " + from + ": cannot become " + to);
        }
        return status = to;
    }

    // ---- records --------------------------------------------------------------------------------

    /** Appends records to the open shards their hash keys fall in, in order; tells the listeners. */
    List<PutResult> put(List<NewRecord> records) {
        List<PutResult> out = new ArrayList<>(records.size());
        Set<String> touched = new LinkedHashSet<>();
        lock.lock();
        try {
            long now = Math.max(clock.getAsLong(), lastArrival);
            lastArrival = now;
            maintain(now);
            for (NewRecord r : records) {
                StreamShard s = shards.route(r.hashKey());
                long counter = shards.nextCounter();
                s.append(new StoredRecord(counter, r.partitionKey(), r.data(), now));
                out.add(new PutResult(s.id(), s.sequenceNumber(counter)));
                touched.add(s.id());
            }
        } finally {
            lock.unlock();
        }
        listeners.recordsAppended(arn, touched);
        return out;
    }

    /** The stream's shards (open, and closed ones still within retention), oldest first. */
    List<ShardInfo> shards() {
        return locked(() -> {
            maintain(clock.getAsLong());
            return shards.all().stream().map(StreamShard::info).toList();
        });
    }

    /**
     * The shards open at some time since {@code millis} (closed at or after it, or still open); with {@code atOnly},
     * those open at {@code millis} itself (ListShards' shard filters).
     */
    List<ShardInfo> shardsOpen(long millis, boolean atOnly) {
        return locked(() -> {
            maintain(clock.getAsLong());
            return shards.all().stream().filter(s -> atOnly ? s.openAt(millis) : s.open() || s.closedMillis() >= millis)
                    .map(StreamShard::info).toList();
        });
    }

    /** The trim horizon's time: now minus the retention period, or the stream's creation when that is later. */
    long trimHorizonMillis() {
        return locked(() -> Math.max(createdMillis, cutoff(clock.getAsLong())));
    }

    int openShardCount() {
        return locked(() -> shards.open().size());
    }

    /** The counter a read starting there continues after (ResourceNotFoundException for an unknown shard). */
    long position(String shardId, StartingPosition from) {
        return locked(() -> {
            long now = clock.getAsLong();
            maintain(now);
            return ShardReader.position(arn, tag(), shards.shard(shardId), from, now);
        });
    }

    /** The index of the shard of that id (ResourceNotFoundException for an unknown shard). */
    int shardIndex(String shardId) {
        return locked(() -> {
            maintain(clock.getAsLong());
            return shards.shard(shardId).index();
        });
    }

    /** Reads a shard after a position; see {@link ShardReader}. */
    ShardRead read(int shardIndex, long position, int limit, long maxBytes) {
        return locked(() -> {
            long now = clock.getAsLong();
            maintain(now);
            StreamShard s = shards.byIndex(shardIndex).orElseThrow(() -> KinesisErrors.shardGone(StreamShard.idOf(shardIndex), arn));
            return ShardReader.read(s, shards.children(s), position, limit, maxBytes, now, cutoff(now));
        });
    }

    // ---- reshards -------------------------------------------------------------------------------

    /** SplitShard: ACTIVE → UPDATING → ACTIVE, the shard closed and two children open ({@link ShardMap#split}). */
    void split(String shardId, BigInteger newStartingHashKey) {
        reshard(() -> {
            shards.split(shardId, newStartingHashKey, clock.getAsLong());
            return null;
        });
    }

    /** MergeShards: ACTIVE → UPDATING → ACTIVE, two adjacent shards closed and one child open. */
    void merge(String shardId, String adjacentShardId) {
        reshard(() -> {
            shards.merge(shardId, adjacentShardId, clock.getAsLong());
            return null;
        });
    }

    /** UpdateShardCount ({@link ShardMap#scaleTo}); returns the open shard count before. */
    int scaleTo(int target) {
        return reshard(() -> shards.scaleTo(target, clock.getAsLong()));
    }

    private <T> T reshard(java.util.function.Supplier<T> change) {
        T result;
        lock.lock();
        try {
            if (status != Status.ACTIVE) {
                throw KinesisErrors.notActive(arn, status);
            }
            transition(Status.ACTIVE, Status.UPDATING);
            try {
                maintain(clock.getAsLong());
                result = change.get();
            } finally {
                transition(Status.UPDATING, Status.ACTIVE);
            }
        } finally {
            lock.unlock();
        }
        listeners.resharded(arn);
        return result;
    }

    // ---- settings -------------------------------------------------------------------------------

    /** UpdateStreamMode: at most two switches in a rolling 24 hours, as AWS allows ({@link StreamSettings}). */
    void switchMode(Mode to) {
        lockedDo(() -> {
            if (status != Status.ACTIVE) {
                throw KinesisErrors.notActive(arn, status);
            }
            settings.switchMode(to, clock.getAsLong());
        });
    }

    /** Increase (or, with {@code increase} false, Decrease) StreamRetentionPeriod: only in that direction. */
    void changeRetention(int hours, boolean increase) {
        lockedDo(() -> settings.changeRetention(hours, increase));
    }

    void setMaxRecordSizeKiB(int kib) {
        lockedDo(() -> settings.setMaxRecordSizeKiB(kib));
    }

    /** Adds or replaces tags, keeping at most {@code max} in all. */
    void tag(Map<String, String> added, int max) {
        lockedDo(() -> settings.tag(added, max));
    }

    void untag(Collection<String> keys) {
        lockedDo(() -> settings.untag(keys));
    }

    // ---- internals ------------------------------------------------------------------------------

    private long cutoff(long now) {
        return now - Duration.ofHours(settings.retentionHours()).toMillis();
    }

    /** Drops what fell out of retention. Under the lock. */
    private void maintain(long now) {
        long cutoff = cutoff(now);
        shards.expire(cutoff);
        shards.all().forEach(s -> s.trim(cutoff));
    }

    private void lockedDo(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }

    private <T> T locked(java.util.function.Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
