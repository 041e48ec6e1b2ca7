package io.eventharness.harness.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * An output table: its items now (read consistently), and waits for what a function writes there.
 *
 * <pre>{@code
 * TableView totals = cloud.table(table);
 * Map<String, AttributeValue> item = totals.await().item(TableView.key("pk", "device-1"), i -> i.containsKey("sum"));
 * List<Map<String, AttributeValue>> all = totals.await().items(3);
 * totals.await().gone(TableView.key("pk", "device-1"));
 * }</pre>
 */
public final class TableView {
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Await await;

    public TableView(DynamoDbClient dynamoDb, String table, Await await) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.await = await;
    }

    /** A key of one string attribute: {@code key("pk", "device-1")}. */
    public static Map<String, AttributeValue> key(String name, String value) {
        return Map.of(name, AttributeValue.builder().s(value).build());
    }

    /** A key of a string partition key and a string sort key. */
    public static Map<String, AttributeValue> key(String name, String value, String sortName, String sortValue) {
        return Map.of(name, AttributeValue.builder().s(value).build(), sortName, AttributeValue.builder().s(sortValue).build());
    }

    public String name() {
        return table;
    }

    /** The item with this key now ({@code GetItem}, consistent), or {@code null} while there is none. */
    public Map<String, AttributeValue> item(Map<String, AttributeValue> key) {
        var r = dynamoDb.getItem(b -> b.tableName(table).key(key).consistentRead(true));
        return r.hasItem() && !r.item().isEmpty() ? r.item() : null;
    }

    /** Every item now ({@code Scan}, consistent, every page). */
    public List<Map<String, AttributeValue>> items() {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamoDb.scan(b -> b.tableName(table).consistentRead(true).exclusiveStartKey(from));
            out.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    /** Waits on this table. */
    public TableWaits await() {
        return new TableWaits(this, await);
    }
}
