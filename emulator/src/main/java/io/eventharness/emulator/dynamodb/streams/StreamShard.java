package io.eventharness.emulator.dynamodb.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One shard of a stream: its records in sequence order (those older than the stream's retention are trimmed),
 * and whether it is still open. Read and changed only under its stream's lock ({@link TableStream}'s monitor).
 */
final class StreamShard {
    private final String id;
    private final String parentId;
    private final Instant opened;
    /** Sequence numbers in this shard are greater than this count. */
    private final long floor;
    private final List<ChangeRecord> records = new ArrayList<>();
    private final List<Long> counts = new ArrayList<>();
    private final List<Instant> created = new ArrayList<>();
    /** The highest count trimmed away; records at or below it are gone. */
    private long trimmedUpTo;
    private long ending = -1;

    StreamShard(String id, String parentId, Instant opened, long floor) {
        this.id = id;
        this.parentId = parentId;
        this.opened = opened;
        this.floor = floor;
        this.trimmedUpTo = floor;
    }

    String id() {
        return id;
    }

    Instant opened() {
        return opened;
    }

    boolean open() {
        return ending < 0;
    }

    boolean isEmpty() {
        return counts.isEmpty();
    }

    void add(long count, Instant at, ChangeRecord r) {
        records.add(r);
        counts.add(count);
        created.add(at);
    }

    /** Closes the shard after its last record. */
    void close(long lastCount) {
        ending = lastCount;
    }

    long floor() {
        return floor;
    }

    long trimmedUpTo() {
        return trimmedUpTo;
    }

    /** The count of the newest record, or the floor when there is none. */
    long last() {
        return counts.isEmpty() ? Math.max(floor, trimmedUpTo) : counts.get(counts.size() - 1);
    }

    /** Whether a sequence count belongs to this shard's range. */
    boolean covers(long count) {
        return count > floor && (open() || count <= ending);
    }

    /** Drops the records created before {@code horizon}. */
    void trim(Instant horizon) {
        int n = 0;
        while (n < created.size() && created.get(n).isBefore(horizon)) {
            n++;
        }
        if (n > 0) {
            trimmedUpTo = counts.get(n - 1);
            records.subList(0, n).clear();
            counts.subList(0, n).clear();
            created.subList(0, n).clear();
        }
    }

    /** Whether the shard is closed and all its records are trimmed: it is no longer shown. */
    boolean expired() {
        return !open() && counts.isEmpty() && trimmedUpTo >= ending;
    }

    /** Up to {@code max} records with counts greater than {@code after}. */
    List<ChangeRecord> after(long after, int max) {
        int from = Collections.binarySearch(counts, after + 1); // counts increase: the first one past after
        from = from >= 0 ? from : -from - 1;
        return new ArrayList<>(records.subList(from, (int) Math.min(records.size(), (long) from + max)));
    }

    /** Whether nothing can come after {@code after}: closed and read to its end. */
    boolean endedAfter(long after) {
        return !open() && after >= ending;
    }

    ShardInfo info() {
        return new ShardInfo(id, parentId, open(), SequenceNumbers.format(floor + 1), open() ? null : SequenceNumbers.format(ending));
    }
}
