package io.eventharness.emulator.delivery;

import java.util.List;

/**
 * One shard of a stream as a {@link ReadableStreams} reader sees it.
 *
 * @param shardId        as the source names it
 * @param parentShardIds the shards it continues (none, one after a split or a roll-over, two after a merge): read
 *                       them to their end first
 * @param open           whether records may still arrive in it; a closed shard ends once read to its end
 */
public record StreamShardInfo(String shardId, List<String> parentShardIds, boolean open) {
    public StreamShardInfo {
        parentShardIds = List.copyOf(parentShardIds);
    }
}
