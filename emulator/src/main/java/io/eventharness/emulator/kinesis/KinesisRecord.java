package io.eventharness.emulator.kinesis;

import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * A record as a reader gets it: what a Lambda event's {@code kinesis} part carries (partition key, sequence number,
 * data, approximate arrival time on the emulator's clock) and the shard it was read from
 * ({@code eventID = shardId + ":" + sequenceNumber}).
 *
 * @param shardId                     {@code shardId-000000000000}
 * @param sequenceNumber              the record's sequence number, a decimal string
 * @param partitionKey                as the producer gave it
 * @param data                        the record's bytes (a copy on every access)
 * @param approximateArrivalTimestamp when the stream accepted it, on the emulator's clock (millisecond precision)
 */
public record KinesisRecord(String shardId, String sequenceNumber, String partitionKey, byte[] data,
                            Instant approximateArrivalTimestamp) {
    public KinesisRecord {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The data as base64, as the Lambda event's {@code kinesis.data} carries it. */
    public String dataBase64() {
        return Base64.getEncoder().encodeToString(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KinesisRecord r && shardId.equals(r.shardId) && sequenceNumber.equals(r.sequenceNumber)
                && partitionKey.equals(r.partitionKey) && Arrays.equals(data, r.data)
                && approximateArrivalTimestamp.equals(r.approximateArrivalTimestamp);
    }

    @Override
    public int hashCode() {
        return sequenceNumber.hashCode() * 31 + shardId.hashCode();
    }

    @Override
    public String toString() {
        return "KinesisRecord[" + shardId + ":" + sequenceNumber + ", key=" + partitionKey + ", " + data.length
                + " bytes, arrived " + approximateArrivalTimestamp + "]";
    }
}
