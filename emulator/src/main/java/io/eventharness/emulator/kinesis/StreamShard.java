package io.eventharness.emulator.kinesis;

import java.util.ArrayList;
import java.util.List;

/**
 * One shard: where it sits in the stream (id, parents, hash range, the counter it opened at and, once closed, the
 * counter it closed at) and its records in arrival order. Positions are counters: a read "after {@code p}" returns
 * the records whose counter is above {@code p}. Not thread-safe: its {@link KinesisStream} guards it.
 */
final class StreamShard {
    private final int index;
    private final String id;
    private final String parentId;
    private final String adjacentParentId;
    private final HashRange range;
    private final long startCounter;
    private final long streamTag;
    private final long openedMillis;
    private long endCounter = -1;
    private long closedMillis;
    /** Records in counter order; those before {@code head} are trimmed (dropped in bulk by {@link #compact}). */
    private final ArrayList<StoredRecord> records = new ArrayList<>();
    private int head;

    StreamShard(int index, String parentId, String adjacentParentId, HashRange range, long startCounter, long streamTag,
          long openedMillis) {
        this.index = index;
        this.id = idOf(index);
        this.parentId = parentId;
        this.adjacentParentId = adjacentParentId;
        this.range = range;
        this.startCounter = startCounter;
        this.streamTag = streamTag;
        this.openedMillis = openedMillis;
    }

    /** {@code shardId-000000000007}. */
    static String idOf(int index) {
        return String.format("shardId-%012d", index);
    }

    int index() {
        return index;
    }

    String id() {
        return id;
    }

    HashRange range() {
        return range;
    }

    String parentId() {
        return parentId;
    }

    String adjacentParentId() {
        return adjacentParentId;
    }

    boolean open() {
        return endCounter < 0;
    }

    long closedMillis() {
        return closedMillis;
    }

    /** Whether the shard was open at that time (opened at or before it, closed at or after it or not at all). */
    boolean openAt(long millis) {
        return openedMillis <= millis && (open() || closedMillis >= millis);
    }

    long startCounter() {
        return startCounter;
    }

    /** The position after every record this shard holds or will hold while open: its end once closed. */
    long tip() {
        if (!open()) {
            return endCounter;
        }
        return records.size() > head ? records.get(records.size() - 1).counter() : startCounter;
    }

    String sequenceNumber(long counter) {
        return new SequenceNumber(counter, index, streamTag).format();
    }

    ShardInfo info() {
        return new ShardInfo(id, parentId, adjacentParentId, range, sequenceNumber(startCounter),
                open() ? null : sequenceNumber(endCounter));
    }

    void append(StoredRecord r) {
        if (!open()) {
            throw new IllegalStateException(id + " is closed");
        }
        records.add(r);
    }

    void close(long counter, long millis) {
        endCounter = counter;
        closedMillis = millis;
    }

    /**
     * The records after {@code position} that arrived at or after {@code cutoff}, at most {@code limit} of them and
     * at most {@code maxBytes} together (but always the first one).
     */
    List<StoredRecord> after(long position, long cutoff, int limit, long maxBytes) {
        List<StoredRecord> out = new ArrayList<>();
        long bytes = 0;
        for (int i = firstAfter(position); i < records.size() && out.size() < limit; i++) {
            StoredRecord r = records.get(i);
            if (r.arrivalMillis() < cutoff) {
                continue;
            }
            bytes += r.size();
            if (!out.isEmpty() && bytes > maxBytes) {
                break;
            }
            out.add(r);
        }
        return out;
    }

    /** Whether a record after {@code position} is kept. */
    boolean hasAfter(long position, long cutoff) {
        for (int i = firstAfter(position); i < records.size(); i++) {
            if (records.get(i).arrivalMillis() >= cutoff) {
                return true;
            }
        }
        return false;
    }

    /** The arrival time of the newest record, or -1 when the shard holds none. */
    long newestArrival() {
        return records.size() > head ? records.get(records.size() - 1).arrivalMillis() : -1;
    }

    /** The position just before the first record that arrived at or after {@code millis}; the tip when none did. */
    long positionAt(long millis) {
        for (int i = head; i < records.size(); i++) {
            if (records.get(i).arrivalMillis() >= millis) {
                return records.get(i).counter() - 1;
            }
        }
        return tip();
    }

    /** Drops the records that arrived before {@code cutoff} (past the stream's retention). */
    void trim(long cutoff) {
        while (head < records.size() && records.get(head).arrivalMillis() < cutoff) {
            records.set(head++, null);
        }
        compact();
    }

    private void compact() {
        if (head > 1024 && head > records.size() / 2) {
            records.subList(0, head).clear();
            head = 0;
        }
    }

    /** The index of the first record whose counter is above {@code position} (binary search). */
    private int firstAfter(long position) {
        int lo = head;
        int hi = records.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (records.get(mid).counter() <= position) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
