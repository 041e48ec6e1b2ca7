package io.eventharness.emulator.kinesis;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a reader starts in a shard, as the shard iterator types define it: the oldest record kept
 * ({@link #trimHorizon()}), after the newest ({@link #latest()}), the first record that arrived at or after a time
 * ({@link #atTimestamp}), or at or after a sequence number.
 */
public record StartingPosition(Type type, String sequenceNumber, Instant timestamp) {

    /** The five shard iterator types. */
    public enum Type { TRIM_HORIZON, LATEST, AT_TIMESTAMP, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER }

    public StartingPosition {
        Objects.requireNonNull(type, "type");
        boolean bySequence = type == Type.AT_SEQUENCE_NUMBER || type == Type.AFTER_SEQUENCE_NUMBER;
        if (bySequence != (sequenceNumber != null) || (type == Type.AT_TIMESTAMP) != (timestamp != null)) {
            throw new IllegalArgumentException(type + " with sequence number " + sequenceNumber + " and timestamp " + timestamp);
        }
    }

    public static StartingPosition trimHorizon() {
        return new StartingPosition(Type.TRIM_HORIZON, null, null);
    }

    public static StartingPosition latest() {
        return new StartingPosition(Type.LATEST, null, null);
    }

    public static StartingPosition atTimestamp(Instant timestamp) {
        return new StartingPosition(Type.AT_TIMESTAMP, null, timestamp);
    }

    public static StartingPosition atSequenceNumber(String sequenceNumber) {
        return new StartingPosition(Type.AT_SEQUENCE_NUMBER, sequenceNumber, null);
    }

    public static StartingPosition afterSequenceNumber(String sequenceNumber) {
        return new StartingPosition(Type.AFTER_SEQUENCE_NUMBER, sequenceNumber, null);
    }
}
