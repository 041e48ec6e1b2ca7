package io.eventharness.emulator.dynamodb.streams;

/**
 * A shard of a stream as the in-JVM API shows it.
 *
 * @param shardId                {@code shardId-<20 digits>-<8 hex>}
 * @param parentShardId          the shard it follows (read that one to its end first), or null
 * @param open                   whether records still arrive in it
 * @param startingSequenceNumber the first sequence number it holds or will hold
 * @param endingSequenceNumber   the last one, once closed; else null
 */
public record ShardInfo(String shardId, String parentShardId, boolean open, String startingSequenceNumber,
                        String endingSequenceNumber) {
}
