package io.eventharness.emulator.dynamodb.streams;

/**
 * Told of each record a stream gets, on the writing thread, once the record can be read. Keep it short and never
 * block in it (hand work to a thread of your own): the write waits for it.
 */
@FunctionalInterface
public interface StreamListener {
    void appended(ChangeRecord record);

    /** The stream was disabled (by UpdateTable, or with its table): its last shard is closed, nothing more arrives. */
    default void disabled(io.eventharness.emulator.core.Arn stream) {
    }
}
