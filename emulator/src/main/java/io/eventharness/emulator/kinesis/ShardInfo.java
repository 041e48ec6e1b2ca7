package io.eventharness.emulator.kinesis;

import java.util.Optional;

/**
 * One shard of a stream as readers see it: its id, the shards it came from (a split has one parent, a merge two),
 * its hash key range and sequence number range; the ending sequence number is present once the shard is closed
 * (split or merged away), and a closed shard takes no more records.
 */
public record ShardInfo(String shardId, String parentShardId, String adjacentParentShardId, HashRange hashKeyRange,
                        String startingSequenceNumber, String endingSequenceNumber) {

    public boolean open() {
        return endingSequenceNumber == null;
    }

    public Optional<String> parent() {
        return Optional.ofNullable(parentShardId);
    }

    public Optional<String> adjacentParent() {
        return Optional.ofNullable(adjacentParentShardId);
    }
}
