package io.eventharness.emulator.delivery;

import java.time.Instant;

/**
 * One record of a stream as a {@link ReadableStreams} reader gets it.
 *
 * @param shardId        the shard that holds it
 * @param sequenceNumber its place in the shard: a decimal string, greater for later records
 * @param arrival        when the stream accepted it, on the emulator's clock
 * @param partitionKey   what orders it: records of one partition key keep their order (Kinesis: the producer's
 *                       partition key; DynamoDB: the item's key)
 * @param data           the record's payload: a Kinesis record's data, or a DynamoDB stream record as JSON, shaped as
 *                       a Lambda event record carries it (the reader must not change it)
 */
public record StreamRecord(String shardId, String sequenceNumber, Instant arrival, String partitionKey, byte[] data) {
}
