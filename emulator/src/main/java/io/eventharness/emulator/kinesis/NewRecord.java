package io.eventharness.emulator.kinesis;

import java.math.BigInteger;

/** A record a producer puts, validated: its partition key, its data and the hash key that chooses its shard. */
record NewRecord(String partitionKey, byte[] data, BigInteger hashKey) {
}
