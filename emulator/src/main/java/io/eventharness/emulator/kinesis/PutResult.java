package io.eventharness.emulator.kinesis;

/** Where a put record went: its shard and its sequence number. */
record PutResult(String shardId, String sequenceNumber) {
}
