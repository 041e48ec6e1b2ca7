package io.eventharness.emulator.kinesis;

import java.util.List;

/**
 * What one read of a shard gave: the records in order, where the next read starts, and whether the shard is
 * finished (closed and read to its end: read its children next).
 *
 * @param records            in sequence number order; empty when there is nothing new
 * @param next               where the next read of this shard starts (after the last record read, or where this
 *                           read started when it found none; a {@code LATEST} start becomes the current tip)
 * @param shardEnded         the shard is closed and every record it holds has been read
 * @param childShards        when the shard ended: the shards that continue its hash range
 * @param millisBehindLatest how far the last record read is behind the emulator's clock, 0 when the read reached
 *                           the newest record of the shard
 */
public record ShardRead(List<KinesisRecord> records, StartingPosition next, boolean shardEnded,
                        List<ShardInfo> childShards, long millisBehindLatest) {
    public ShardRead {
        records = List.copyOf(records);
        childShards = List.copyOf(childShards);
    }
}
