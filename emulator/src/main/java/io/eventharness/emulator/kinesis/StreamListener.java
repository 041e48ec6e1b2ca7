package io.eventharness.emulator.kinesis;

import io.eventharness.emulator.core.Arn;
import java.util.Set;

/**
 * Told when a stream changes, so that a reader (a Lambda event source mapping) reads when there is something to
 * read instead of polling. Called on the writer's thread after the change is visible, outside the stream's lock;
 * a listener must return quickly (hand the work to its own thread) and may read the stream from anywhere. An
 * exception it throws is logged and does not fail the write.
 */
public interface StreamListener {
    /** A listener's registration: closing it stops the calls. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** Records were appended to these shards of the stream. */
    default void recordsAppended(Arn stream, Set<String> shardIds) {
    }

    /** The stream's shards changed: a split, a merge, a new shard count; closed shards have children now. */
    default void resharded(Arn stream) {
    }

    /** The stream was deleted: its shards and records are gone. */
    default void deleted(Arn stream) {
    }
}
