package io.eventharness.emulator.lambda.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.Json;
import io.eventharness.emulator.delivery.StreamRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * DynamoDB stream records as a mapping's function gets them
 * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html">Using Lambda with DynamoDB</a>): DynamoDB's
 * reader hands each record over already shaped as the event carries it ({@code eventID}, {@code eventName},
 * {@code eventVersion} 1.1, {@code eventSource}, {@code awsRegion}, {@code dynamodb{...}}, {@code eventSourceARN},
 * {@code userIdentity} for a Time to Live deletion); filters see that record.
 */
final class DynamoDbFormat implements StreamFormat {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    @Override
    public String service() {
        return "dynamodb";
    }

    @Override
    public String batchInfoKey() {
        return "DDBStreamBatchInfo";
    }

    @Override
    public String arrivalText(Instant arrival) {
        return SECONDS.format(arrival);
    }

    @Override
    public boolean atTimestamp() {
        return false;
    }

    @Override
    public String dataKey() {
        return "dynamodb";
    }

    @Override
    public byte[] record(StreamRecord r, Arn stream, Arn role) {
        return r.data();
    }

    @Override
    public JsonNode filterView(StreamRecord r, byte[] record) {
        JsonNode view = JsonText.parse(record);
        return view != null ? view : Json.MAPPER.createObjectNode();
    }
}
