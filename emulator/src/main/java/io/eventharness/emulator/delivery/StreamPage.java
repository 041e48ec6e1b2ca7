package io.eventharness.emulator.delivery;

import java.util.List;

/**
 * What one {@link ReadableStreams#read} of a shard returned.
 *
 * @param records in sequence number order; empty when there is nothing new
 * @param next    where the next read of the shard starts: after the last record returned, or the cursor read from
 *                made concrete (a LATEST start becomes "after the newest record now")
 * @param ended   the shard is closed and has nothing after {@code next}: go on with its children
 */
public record StreamPage(List<StreamRecord> records, StreamCursor next, boolean ended) {
    public StreamPage {
        records = List.copyOf(records);
    }
}
