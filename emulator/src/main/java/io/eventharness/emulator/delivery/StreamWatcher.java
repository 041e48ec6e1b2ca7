package io.eventharness.emulator.delivery;

import java.util.Set;

/**
 * Told when a stream changes (see {@link ReadableStreams#watch}), on the writer's thread: quick, never blocking.
 */
public interface StreamWatcher {

    /** Records were appended to these shards. */
    void appended(Set<String> shardIds);

    /** The stream's shards changed: a split, a merge, a roll-over; closed shards have children now. */
    void resharded();

    /** The stream was deleted: its shards and records are gone. */
    void deleted();
}
