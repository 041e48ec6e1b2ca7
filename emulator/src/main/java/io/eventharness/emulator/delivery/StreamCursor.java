package io.eventharness.emulator.delivery;

import java.util.Objects;

/**
 * Where a {@link ReadableStreams#read} starts in a shard: at its oldest record kept, after its newest record now, or
 * after a record of a sequence number.
 *
 * @param sequenceNumber the record the read starts after ({@link Kind#AFTER} only)
 */
public record StreamCursor(Kind kind, String sequenceNumber) {

    /** The starts a reader has. */
    public enum Kind { TRIM_HORIZON, LATEST, AFTER }

    public StreamCursor {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.AFTER) != (sequenceNumber != null)) {
            throw new IllegalArgumentException(kind + " with sequence number " + sequenceNumber);
        }
    }

    public static StreamCursor trimHorizon() {
        return new StreamCursor(Kind.TRIM_HORIZON, null);
    }

    public static StreamCursor latest() {
        return new StreamCursor(Kind.LATEST, null);
    }

    public static StreamCursor after(String sequenceNumber) {
        return new StreamCursor(Kind.AFTER, sequenceNumber);
    }
}
