package io.eventharness.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.TestAws;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;

/**
 * For DynamoDB stream mapping tests: a table (string partition key {@code pk}) with a stream, and the recorder
 * function of {@link MappedStream} (its data rules apply to the item's attribute {@code v}, or to its key when the
 * record has no new image). Each put writes the item {@code {pk, v}}: a new key is an INSERT, a known one a MODIFY.
 */
final class MappedTable {
    final String table;
    final String arn;
    final String function;
    final Path records;
    private final DynamoDbClient ddb;

    private MappedTable(DynamoDbClient ddb, String table, String arn, String function, Path records) {
        this.ddb = ddb;
        this.table = table;
        this.arn = arn;
        this.function = function;
        this.records = records;
    }

    /** A new table whose stream has this view type, and a new recorder function. */
    static MappedTable create(OwnEmulator aws, DynamoDbClient ddb, Path dir, StreamViewType view, Consumer<CreateFunctionRequest.Builder> fn) {
        String name = TestAws.unique("t");
        String arn = ddb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(view))).tableDescription().latestStreamArn();
        Path records = MappedStream.recordDir(dir, name);
        String function = aws.python(MappedStream.HANDLER, "recorder", MappedStream.SOURCE, b -> {
            b.timeout(30).environment(e -> e.variables(Map.of("RECORD_DIR", records.toString())));
            fn.accept(b);
        });
        return new MappedTable(ddb, name, arn, function, records);
    }

    /** Maps the table's stream to the function with these settings (TRIM_HORIZON unless they say otherwise); the UUID. */
    String map(LambdaClient lambda, Consumer<CreateEventSourceMappingRequest.Builder> settings) {
        return lambda.createEventSourceMapping(b -> {
            b.eventSourceArn(arn).functionName(function).startingPosition("TRIM_HORIZON");
            settings.accept(b);
        }).uuid();
    }

    /** Writes the item {@code {pk, v}} and any more attributes. */
    void put(String pk, String v, Map<String, AttributeValue> more) {
        Map<String, AttributeValue> item = new HashMap<>(more);
        item.put("pk", AttributeValue.fromS(pk));
        item.put("v", AttributeValue.fromS(v));
        ddb.putItem(b -> b.tableName(table).item(item));
    }

    void put(String pk, String v) {
        put(pk, v, Map.of());
    }

    /** One put per entry, in order: {@code key:v}, or {@code v} as its own key. */
    void putAll(List<String> keyed) {
        for (String kv : keyed) {
            int colon = kv.indexOf(':');
            put(colon < 0 ? kv : kv.substring(0, colon), colon < 0 ? kv : kv.substring(colon + 1));
        }
    }

    void delete(String pk) {
        ddb.deleteItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS(pk))));
    }

    /** The events the function got so far, in the order it got them. */
    List<JsonNode> events() {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(records)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.add(MappedQueue.JSON.readTree(f.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Every record the function got, in order (a record retried appears again). */
    List<JsonNode> recordsGot() {
        List<JsonNode> out = new ArrayList<>();
        events().forEach(e -> e.path("Records").forEach(out::add));
        return out;
    }

    /** The text of every record the function got, in order. */
    List<String> data() {
        return recordsGot().stream().map(MappedTable::text).toList();
    }

    /** The text of each event's records. */
    List<List<String>> batches() {
        List<List<String>> out = new ArrayList<>();
        for (JsonNode e : events()) {
            List<String> batch = new ArrayList<>();
            e.path("Records").forEach(r -> batch.add(text(r)));
            out.add(batch);
        }
        return out;
    }

    /** A record's {@code v} (its new image's, else the key's {@code pk}), as the recorder reads it. */
    static String text(JsonNode r) {
        JsonNode image = r.path("dynamodb").has("NewImage") ? r.path("dynamodb").path("NewImage") : r.path("dynamodb").path("Keys");
        JsonNode v = image.has("v") ? image.path("v") : image.path("pk");
        return v.has("S") ? v.path("S").asText() : v.path("N").asText();
    }
}
