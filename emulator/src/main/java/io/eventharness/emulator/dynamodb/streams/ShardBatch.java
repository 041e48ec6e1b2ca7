package io.eventharness.emulator.dynamodb.streams;

import java.util.List;

/**
 * What one read of a shard returned (in-JVM API).
 *
 * @param records the records, oldest first
 * @param next    where to read on from: after the last record returned, or the position read from made concrete
 *                (LATEST becomes "after the newest record now")
 * @param ended   the shard is closed and has nothing after {@code next}: go on with its child shard
 */
public record ShardBatch(List<ChangeRecord> records, StreamPosition next, boolean ended) {
}
