package example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.harness.Cloud;
import io.eventharness.harness.JavaFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/** What the scenario's tests do alike, in plain SDK calls: streams, tables, events, the functions' specs. */
final class Scenario {
    static final ObjectMapper JSON = new ObjectMapper();

    private Scenario() {
    }

    /** One of the module's functions (the zip {@code package} built), Java 17, 512 MB. */
    static JavaFunction function(String handler, String name, Duration timeout) {
        return JavaFunction.fromModule().handler(handler).named(name).memoryMb(512).timeout(timeout);
    }

    /** A Kinesis stream of one shard, once it is ACTIVE; returns its name. */
    static String stream(Cloud cloud, String base) {
        String name = cloud.name(base);
        cloud.kinesis().createStream(b -> b.streamName(name).shardCount(1));
        cloud.kinesis().waiter().waitUntilStreamExists(b -> b.streamName(name));
        return name;
    }

    /** A table keyed by the string {@code pk}, on demand, with a stream of that view type (none when null), once ACTIVE. */
    static void createTable(Cloud cloud, String table, StreamViewType view) {
        cloud.dynamoDb().createTable(b -> {
            b.tableName(table).billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH));
            if (view != null) {
                b.streamSpecification(s -> s.streamEnabled(true).streamViewType(view));
            }
        });
        cloud.dynamoDb().waiter().waitUntilTableExists(b -> b.tableName(table));
    }

    /** A device's event: {@code {"device": ..., "seq": ..., "value": ...}}. */
    static ObjectNode event(String device, int seq, long value) {
        return JSON.createObjectNode().put("device", device).put("seq", seq).put("value", value);
    }

    /** PutRecord; returns the record's sequence number. */
    static String put(Cloud cloud, String stream, String partitionKey, ObjectNode event) {
        return cloud.kinesis().putRecord(b -> b.streamName(stream).partitionKey(partitionKey)
                .data(SdkBytes.fromUtf8String(event.toString()))).sequenceNumber();
    }

    /** PutRecords of these events under one partition key, in order; returns their sequence numbers. */
    static List<String> putAll(Cloud cloud, String stream, String partitionKey, List<ObjectNode> events) {
        PutRecordsResponse r = cloud.kinesis().putRecords(b -> b.streamName(stream).records(events.stream()
                .map(e -> PutRecordsRequestEntry.builder().partitionKey(partitionKey).data(SdkBytes.fromUtf8String(e.toString())).build())
                .toList()));
        if (r.failedRecordCount() != null && r.failedRecordCount() > 0) {
            throw new IllegalStateException("Kinesis refused records: " + r.records());
        }
        return r.records().stream().map(PutRecordsResultEntry::sequenceNumber).toList();
    }

    static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + s, e);
        }
    }
}
