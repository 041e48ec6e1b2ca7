package io.eventharness.emulator.lambda.mappings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.core.Json;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.delivery.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What a stream mapping sends its {@code OnFailure} destination when it discards records, shaped as AWS records it
 * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html">Retain discarded batch
 * records</a>): {@code requestContext{requestId, functionArn, condition, approximateInvokeCount}},
 * {@code responseContext{statusCode, executedVersion, functionError}} (not for {@code RecordAgeExceeded}),
 * {@code version}, {@code timestamp} and the batch's place in the stream ({@code KinesisBatchInfo} or
 * {@code DDBStreamBatchInfo}) — as the body of an SQS message or the message of an SNS notification; an S3 bucket gets
 * an object {@code aws/lambda/<mapping UUID>/<shard>/YYYY/MM/DD/YYYY-MM-DDTHH.MM.SS-<UUID>} with the same fields in
 * alphabetical order and the records themselves under {@code payload}.
 *
 * @param condition     {@code RetryAttemptsExhausted} or {@code RecordAgeExceeded}
 * @param invoked       whether a {@code responseContext} goes with it (not for {@code RecordAgeExceeded})
 * @param functionError {@code Unhandled}, or null when the function answered but its answer failed the batch
 */
record OnFailureRecord(StreamFormat format, Arn stream, String shardId, List<StreamBatch.Taken> records, String condition,
                       int approximateInvokeCount, String requestId, Arn functionArn, boolean invoked, String executedVersion,
                       String functionError, Instant now) {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter KEY_DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter KEY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH.mm.ss").withZone(ZoneOffset.UTC);

    /** The record for an SQS queue or SNS topic, keys in AWS's order. */
    String forQueueOrTopic() {
        ObjectNode r = Json.MAPPER.createObjectNode();
        ObjectNode request = r.putObject("requestContext");
        request.put("requestId", requestId);
        request.put("functionArn", functionArn.toString());
        request.put("condition", condition);
        request.put("approximateInvokeCount", approximateInvokeCount);
        if (invoked) {
            ObjectNode response = r.putObject("responseContext");
            response.put("statusCode", 200);
            response.put("executedVersion", executedVersion);
            response.put("functionError", functionError);
        }
        r.put("version", "1.0");
        r.put("timestamp", TIMESTAMP.format(now));
        batchInfo(r.putObject(format.batchInfoKey()), false);
        return r.toString();
    }

    /** The object for an S3 bucket: the same fields in alphabetical order, the records under {@code payload}. */
    String forBucket() {
        ObjectNode r = Json.MAPPER.createObjectNode();
        batchInfo(r.putObject(format.batchInfoKey()), true);
        ArrayNode payload = r.putObject("payload").putArray("Records");
        for (StreamBatch.Taken t : records) {
            try {
                payload.add(Json.MAPPER.readTree(t.json()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        ObjectNode request = r.putObject("requestContext");
        request.put("approximateInvokeCount", approximateInvokeCount);
        request.put("condition", condition);
        request.put("functionArn", functionArn.toString());
        request.put("requestId", requestId);
        if (invoked) {
            ObjectNode response = r.putObject("responseContext");
            response.put("executedVersion", executedVersion);
            response.put("functionError", functionError);
            response.put("statusCode", 200);
        }
        r.put("timestamp", TIMESTAMP.format(now));
        r.put("version", "1.0");
        return r.toString();
    }

    private void batchInfo(ObjectNode info, boolean alphabetical) {
        String first = records.get(0).record().sequenceNumber();
        String last = records.get(records.size() - 1).record().sequenceNumber();
        String firstArrival = format.arrivalText(records.get(0).record().arrival());
        String lastArrival = format.arrivalText(records.get(records.size() - 1).record().arrival());
        if (alphabetical) {
            info.put("approximateArrivalOfFirstRecord", firstArrival);
            info.put("approximateArrivalOfLastRecord", lastArrival);
            info.put("batchSize", records.size());
            info.put("endSequenceNumber", last);
            info.put("shardId", shardId);
            info.put("startSequenceNumber", first);
        } else {
            info.put("shardId", shardId);
            info.put("startSequenceNumber", first);
            info.put("endSequenceNumber", last);
            info.put("approximateArrivalOfFirstRecord", firstArrival);
            info.put("approximateArrivalOfLastRecord", lastArrival);
            info.put("batchSize", records.size());
        }
        info.put("streamArn", stream.toString());
    }

    /** The S3 object's key: {@code aws/lambda/<mapping UUID>/<shard>/YYYY/MM/DD/YYYY-MM-DDTHH.MM.SS-<UUID>}. */
    String objectKey(String mappingUuid) {
        return "aws/lambda/" + mappingUuid + "/" + shardId + "/" + KEY_DAY.format(now) + "/" + KEY_TIME.format(now) + "-" + Ids.uuid();
    }

    /**
     * Sends it to the destination through {@code delivery} (an S3 bucket gets it as an object ARN under the bucket), or
     * notes in the trail that the records were discarded when there is none. A destination that cannot take it is
     * recorded in the trail by {@code delivery} and otherwise ignored, as AWS drops it.
     */
    void send(Delivery delivery, Arn destination, String mappingUuid) {
        String summary = records.size() + " record(s) of " + shardId + " from " + records.get(0).record().sequenceNumber();
        if (destination == null) {
            delivery.note(stream.toString(), functionArn.toString(), StreamPoller.KIND, summary, "discarded (" + condition
                    + " after " + approximateInvokeCount + " invocation(s); no OnFailure destination) by event source mapping "
                    + mappingUuid);
            return;
        }
        try {
            if (destination.service().equals("s3")) {
                delivery.send(functionArn.toString(), destination.withResource(destination.resource() + "/" + objectKey(mappingUuid)).toString(),
                        StreamPoller.ON_FAILURE_KIND, Message.of(forBucket()));
            } else {
                delivery.send(functionArn.toString(), destination.toString(), StreamPoller.ON_FAILURE_KIND, Message.of(forQueueOrTopic()));
            }
        } catch (RuntimeException recordedByDelivery) {
            // AWS drops a record it cannot deliver; the trail says why
        }
    }
}
