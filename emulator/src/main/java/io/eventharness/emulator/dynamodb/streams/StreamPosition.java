package io.eventharness.emulator.dynamodb.streams;

/**
 * Where to read a shard from, for the in-JVM API ({@code DynamoDbService.readShard}); the Streams API's shard
 * iterator types.
 */
public sealed interface StreamPosition {

    /** The oldest record still kept (24 hours). */
    record TrimHorizon() implements StreamPosition {
    }

    /** Only records written from now on. */
    record Latest() implements StreamPosition {
    }

    /** The record with this sequence number and those after it. */
    record AtSequenceNumber(String sequenceNumber) implements StreamPosition {
    }

    /** The records after the one with this sequence number. */
    record AfterSequenceNumber(String sequenceNumber) implements StreamPosition {
    }

    /** The first record created at or after this time. */
    record AtTimestamp(java.time.Instant timestamp) implements StreamPosition {
    }

    static StreamPosition trimHorizon() {
        return new TrimHorizon();
    }

    static StreamPosition latest() {
        return new Latest();
    }

    static StreamPosition after(String sequenceNumber) {
        return new AfterSequenceNumber(sequenceNumber);
    }

    static StreamPosition at(String sequenceNumber) {
        return new AtSequenceNumber(sequenceNumber);
    }
}
