package io.eventharness.emulator.kinesis;

import java.nio.charset.StandardCharsets;

/** A record in a shard: its place in the stream's counter, what the producer sent, when it arrived. */
record StoredRecord(long counter, String partitionKey, byte[] data, long arrivalMillis) {
    /** Bytes as the record size limits count them: the data and the partition key. */
    long size() {
        return data.length + partitionKey.getBytes(StandardCharsets.UTF_8).length;
    }
}
