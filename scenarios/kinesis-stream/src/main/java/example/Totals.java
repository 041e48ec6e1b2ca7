package example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The totals table ({@code TABLE}) the aggregating functions write, through the SDK's DynamoDB client, built once per
 * sandbox (region, credentials and, on a local backend, {@code AWS_ENDPOINT_URL} come from Lambda's environment).
 * One item per device ({@code pk}): {@code total} and {@code eventCount} of its events, {@code seqs} the events'
 * {@code seq} in the order they were counted, {@code seen} the Kinesis sequence numbers counted. Counting is
 * idempotent — a record already in {@code seen} is not counted again — so a batch retried, bisected or read again from
 * {@code TRIM_HORIZON} counts each record once.
 */
final class Totals {
    static final ObjectMapper JSON = new ObjectMapper();
    static final DynamoDbClient DYNAMO = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    static final String TABLE = System.getenv("TABLE");

    private Totals() {
    }

    /** An event as the producers put it: {@code {"device": "...", "seq": 1, "value": 5, ...}}. */
    static JsonNode event(ByteBuffer data) {
        try {
            return JSON.readTree(StandardCharsets.UTF_8.decode(data.duplicate()).toString());
        } catch (IOException e) {
            throw new UncheckedIOException("not an event", e);
        }
    }

    /** Counts the event once; false when this record (its sequence number) was counted before. */
    static boolean count(String sequenceNumber, JsonNode event) {
        try {
            DYNAMO.updateItem(b -> b.tableName(TABLE).key(Map.of("pk", s(event.path("device").asText())))
                    .conditionExpression("attribute_not_exists(seen) OR NOT contains(seen, :sn)")
                    .updateExpression("SET seqs = list_append(if_not_exists(seqs, :none), :seq) ADD #total :v, eventCount :one, seen :sns")
                    .expressionAttributeNames(Map.of("#total", "total")) // TOTAL is one of DynamoDB's reserved words
                    .expressionAttributeValues(Map.of(":sn", s(sequenceNumber), ":sns", AttributeValue.builder().ss(sequenceNumber).build(),
                            ":none", AttributeValue.builder().l(List.of()).build(),
                            ":seq", AttributeValue.builder().l(n(event.path("seq").asLong())).build(),
                            ":v", n(event.path("value").asLong()), ":one", n(1))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** True the first time it is asked for this record: a marker item {@code failed#<sequence number>} is written. */
    static boolean firstFailure(String sequenceNumber) {
        try {
            DYNAMO.putItem(b -> b.tableName(TABLE).item(Map.of("pk", s("failed#" + sequenceNumber)))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** The device's {@code eventCount} now (0 without an item). */
    static long eventCount(String device) {
        var item = DYNAMO.getItem(b -> b.tableName(TABLE).key(Map.of("pk", s(device))).consistentRead(true)).item();
        AttributeValue c = item == null ? null : item.get("eventCount");
        return c == null ? 0 : Long.parseLong(c.n());
    }

    static AttributeValue s(String v) {
        return AttributeValue.builder().s(v).build();
    }

    static AttributeValue n(long v) {
        return AttributeValue.builder().n(Long.toString(v)).build();
    }
}
