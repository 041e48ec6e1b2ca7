package io.eventharness.emulator.lambda.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.delivery.StreamRecord;
import java.time.Instant;

/**
 * What differs between the kinds of stream a mapping reads (Kinesis data streams, DynamoDB Streams): the event record
 * a function gets, what filters see of it, and the words of the API and of the on-failure record.
 */
interface StreamFormat {

    /** The service of the stream ARNs: {@code kinesis} or {@code dynamodb}. */
    String service();

    /** The key of the on-failure record's batch description: {@code KinesisBatchInfo} or {@code DDBStreamBatchInfo}. */
    String batchInfoKey();

    /** An arrival time as the on-failure record writes it (Kinesis with milliseconds, DynamoDB without). */
    String arrivalText(Instant arrival);

    /** Whether {@code StartingPosition: AT_TIMESTAMP} is allowed (Kinesis only). */
    boolean atTimestamp();

    /** The record's data property, whose filter pattern must be a JSON object: {@code data} or {@code dynamodb}. */
    String dataKey();

    /** The record as the function gets it in {@code Records}, JSON. */
    byte[] record(StreamRecord r, Arn stream, Arn role);

    /** The record as filters see it (see the AWS page on filtering stream records). */
    JsonNode filterView(StreamRecord r, byte[] record);
}
