package io.eventharness.emulator.kinesis;

import io.eventharness.emulator.core.Arn;
import java.time.Instant;
import java.util.List;

/**
 * Reading a shard: where a {@link StartingPosition} puts a reader (a counter: the reader gets the records above
 * it), and one read from there. Shared by GetShardIterator/GetRecords and the in-JVM readers. Called under the
 * stream's lock.
 */
final class ShardReader {
    private ShardReader() {
    }

    /**
     * The position a start resolves to: the shard's beginning (TRIM_HORIZON: records past retention are skipped
     * anyway), its tip (LATEST), just before the first record that arrived at or after a time, or at or after a
     * sequence number of this shard.
     */
    static long position(Arn stream, long streamTag, StreamShard s, StartingPosition from, long now) {
        return switch (from.type()) {
            case TRIM_HORIZON -> s.startCounter();
            case LATEST -> s.tip();
            case AT_TIMESTAMP -> {
                long millis = from.timestamp().toEpochMilli();
                if (millis > now) {
                    throw KinesisErrors.invalidArgument("The timestampInMillis parameter cannot be greater than the "
                            + "currentTimestampInMillis. timestampInMillis: " + millis + ", currentTimestampInMillis: " + now);
                }
                yield s.positionAt(millis);
            }
            // no record has the shard's starting counter: at it is after it
            case AT_SEQUENCE_NUMBER -> Math.max(s.startCounter(), counterOf(stream, streamTag, s, from.sequenceNumber()) - 1);
            case AFTER_SEQUENCE_NUMBER -> counterOf(stream, streamTag, s, from.sequenceNumber());
        };
    }

    private static long counterOf(Arn stream, long streamTag, StreamShard s, String text) {
        String where = " used in GetShardIterator on shard " + s.id() + " in stream " + KinesisStream.nameOf(stream)
                + " under account " + stream.account() + " is invalid";
        SequenceNumber n = SequenceNumber.parse(text)
                .orElseThrow(() -> KinesisErrors.invalidArgument("StartingSequenceNumber " + text + where + "."));
        if (n.streamTag() != streamTag) {
            throw KinesisErrors.invalidArgument("StartingSequenceNumber " + text + where + " because it did not come from this stream.");
        }
        if (n.shardIndex() != s.index()) {
            throw KinesisErrors.invalidArgument("Invalid StartingSequenceNumber. It encodes " + StreamShard.idOf(n.shardIndex())
                    + ", while it was used in a call to a shard with " + s.id());
        }
        if (n.counter() < s.startCounter() || n.counter() > s.tip() && !s.open()) {
            throw KinesisErrors.invalidArgument("StartingSequenceNumber " + text + where + " because it is outside the shard's "
                    + "sequence number range.");
        }
        return n.counter();
    }

    /** The records after {@code position}, where the next read starts, and whether the shard ended. */
    static ShardRead read(StreamShard s, List<StreamShard> children, long position, int limit, long maxBytes, long now, long cutoff) {
        List<StoredRecord> stored = s.after(position, cutoff, limit, maxBytes);
        long last = stored.isEmpty() ? position : stored.get(stored.size() - 1).counter();
        boolean more = s.hasAfter(last, cutoff);
        boolean ended = !s.open() && !more;
        long behind = more ? Math.max(0, now - stored.get(stored.size() - 1).arrivalMillis()) : 0;
        List<KinesisRecord> records = stored.stream().map(r -> new KinesisRecord(s.id(), s.sequenceNumber(r.counter()),
                r.partitionKey(), r.data(), Instant.ofEpochMilli(r.arrivalMillis()))).toList();
        return new ShardRead(records, StartingPosition.afterSequenceNumber(s.sequenceNumber(last)), ended,
                ended ? children.stream().map(StreamShard::info).toList() : List.of(), behind);
    }
}
