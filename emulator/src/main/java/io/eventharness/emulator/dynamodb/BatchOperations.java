package io.eventharness.emulator.dynamodb;

import io.eventharness.emulator.dynamodb.expr.AttributeValues;
import io.eventharness.emulator.dynamodb.expr.Documents;
import io.eventharness.emulator.dynamodb.expr.ExpressionContext;
import io.eventharness.emulator.dynamodb.expr.Path;
import io.eventharness.emulator.protocol.Call;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchWriteItem (up to 25 puts and deletes) and BatchGetItem (up to 100 keys, 16 MB of items). Every request of a
 * batch is checked before any is done; a batch leaves nothing unprocessed except what is beyond BatchGetItem's 16 MB
 * (the emulator never throttles).
 */
public final class BatchOperations {
    private static final int MAX_WRITES = 25;
    private static final int MAX_GETS = 100;
    private static final long MAX_GET_BYTES = 16L * 1024 * 1024;

    private final Tables tables;

    BatchOperations(Tables tables) {
        this.tables = tables;
    }

    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest r, Call call) {
        Constraints c = new Constraints().notNull(r.hasRequestItems() ? r.requestItems() : null, "requestItems")
                .size(r.hasRequestItems() ? r.requestItems() : null, "requestItems", 1, 25)
                .noNulls(r.hasRequestItems() ? r.requestItems() : null, "requestItems");
        if (r.hasRequestItems()) {
            r.requestItems().forEach((k, v) -> c.noNulls(v, "requestItems." + k));
        }
        Requests.returnOptions(c, r.returnConsumedCapacity(), r.returnConsumedCapacityAsString(), r.returnItemCollectionMetrics(),
                r.returnItemCollectionMetricsAsString());
        c.check();
        int total = 0;
        for (var e : r.requestItems().entrySet()) {
            new Constraints().tableName(e.getKey(), "requestItems.key", true).size(e.getValue(), "requestItems." + e.getKey(), 1, MAX_WRITES).check();
            total += e.getValue().size();
        }
        if (total > MAX_WRITES) {
            throw DynamoDbErrors.validation("Too many items requested for the BatchWriteItem call");
        }
        Map<String, List<Map<String, AttributeValue>>> values = new LinkedHashMap<>();
        for (var e : r.requestItems().entrySet()) {
            List<Map<String, AttributeValue>> checked = new ArrayList<>();
            for (WriteRequest w : e.getValue()) {
                checked.add(values(e.getKey(), w));
            }
            values.put(e.getKey(), checked);
        }
        return tables.locked(() -> {
            List<Writes.Planned> planned = new ArrayList<>();
            for (var e : r.requestItems().entrySet()) {
                Table t = tables.get(call.region(), e.getKey());
                Set<ItemKey> seen = new HashSet<>();
                for (int i = 0; i < e.getValue().size(); i++) {
                    Writes.Planned p = plan(t, e.getValue().get(i), values.get(e.getKey()).get(i));
                    if (!seen.add(p.key())) {
                        throw DynamoDbErrors.validation("Provided list of item keys contains duplicates");
                    }
                    planned.add(p);
                }
            }
            Map<String, Capacity> capacity = new LinkedHashMap<>();
            Map<String, List<ItemCollectionMetrics>> metrics = new LinkedHashMap<>();
            for (Writes.Planned p : planned) {
                p.apply();
                capacity.computeIfAbsent(p.table().name(), k -> new Capacity(p.table())).write(p.before(), p.after(), false);
                ItemCollectionMetrics m = Writes.collectionMetrics(p.table(), p.after() != null ? p.after() : p.before(),
                        r.returnItemCollectionMetrics());
                if (m != null) {
                    metrics.computeIfAbsent(p.table().name(), k -> new ArrayList<>()).add(m);
                }
            }
            return BatchWriteItemResponse.builder().unprocessedItems(Map.of())
                    .consumedCapacity(report(capacity, r.returnConsumedCapacity()))
                    .itemCollectionMetrics(metrics.isEmpty() ? null : metrics).build();
        });
    }

    /** A write request's item (or key) checked in itself, before the table is looked at. */
    private static Map<String, AttributeValue> values(String table, WriteRequest w) {
        if ((w.putRequest() == null) == (w.deleteRequest() == null)) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: A WriteRequest must contain exactly one of "
                    + "PutRequest or DeleteRequest");
        }
        if (w.putRequest() != null) {
            if (!w.putRequest().hasItem()) {
                throw DynamoDbErrors.constraint(null, "requestItems." + table + ".member.putRequest.item", "Member must not be null");
            }
            Map<String, AttributeValue> item = AttributeValues.validItem(w.putRequest().item());
            ItemRules.checkSize(item);
            return item;
        }
        if (!w.deleteRequest().hasKey()) {
            throw DynamoDbErrors.constraint(null, "requestItems." + table + ".member.deleteRequest.key", "Member must not be null");
        }
        return AttributeValues.validItem(w.deleteRequest().key());
    }

    /** A put or delete of a batch; an item whose key does not fit the table is refused as a key that does not. */
    private static Writes.Planned plan(Table t, WriteRequest w, Map<String, AttributeValue> values) {
        if (w.putRequest() != null) {
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            t.key().names().forEach(n -> {
                if (values.containsKey(n)) {
                    key.put(n, values.get(n));
                }
            });
            t.key().validKey(key);
            return Writes.put(t, values, null);
        }
        return Writes.delete(t, t.key().validKey(values), null);
    }

    public BatchGetItemResponse batchGetItem(BatchGetItemRequest r, Call call) {
        Constraints c = new Constraints().notNull(r.hasRequestItems() ? r.requestItems() : null, "requestItems")
                .size(r.hasRequestItems() ? r.requestItems() : null, "requestItems", 1, 100)
                .noNulls(r.hasRequestItems() ? r.requestItems() : null, "requestItems")
                .enumValue(r.returnConsumedCapacity(), r.returnConsumedCapacityAsString(), "returnConsumedCapacity", "INDEXES, TOTAL, NONE");
        c.check();
        int total = 0;
        Map<String, List<Path>> projections = new LinkedHashMap<>();
        for (var e : r.requestItems().entrySet()) {
            KeysAndAttributes k = e.getValue();
            new Constraints().tableName(e.getKey(), "requestItems.key", true)
                    .notNull(k.hasKeys() ? k.keys() : null, "requestItems." + e.getKey() + ".member.keys")
                    .noNulls(k.hasKeys() ? k.keys() : null, "requestItems." + e.getKey() + ".member.keys")
                    .noNulls(k.hasAttributesToGet() ? k.attributesToGet() : null, "requestItems." + e.getKey() + ".member.attributesToGet")
                    .size(k.hasKeys() ? k.keys() : null, "requestItems." + e.getKey() + ".member.keys", 1, MAX_GETS).check();
            total += k.keys().size();
            ExpressionContext ctx = Requests.members().expression("ProjectionExpression", k.projectionExpression())
                    .legacy("AttributesToGet", k.attributesToGet(), k.hasAttributesToGet())
                    .context(k.hasExpressionAttributeNames(), k.expressionAttributeNames(), false, null);
            projections.put(e.getKey(), ItemOperations.projection(k.projectionExpression(), ctx, k.hasAttributesToGet() ? k.attributesToGet() : null));
        }
        if (total > MAX_GETS) {
            throw DynamoDbErrors.validation("Too many items requested for the BatchGetItem call");
        }
        r.requestItems().values().forEach(k -> k.keys().forEach(AttributeValues::validItem));
        return tables.locked(() -> {
            Map<String, List<Map<String, AttributeValue>>> responses = new LinkedHashMap<>();
            Map<String, KeysAndAttributes> unprocessed = new LinkedHashMap<>();
            Map<String, Capacity> capacity = new LinkedHashMap<>();
            long bytes = 0;
            for (var e : r.requestItems().entrySet()) {
                Table t = tables.get(call.region(), e.getKey());
                KeysAndAttributes k = e.getValue();
                Set<ItemKey> seen = new HashSet<>();
                List<Map<String, AttributeValue>> keys = new ArrayList<>();
                for (Map<String, AttributeValue> key : k.keys()) {
                    Map<String, AttributeValue> valid = t.key().validKey(key);
                    if (!seen.add(ItemKey.of(t.key(), valid))) {
                        throw DynamoDbErrors.validation("Provided list of item keys contains duplicates");
                    }
                    keys.add(valid);
                }
                List<Map<String, AttributeValue>> found = responses.computeIfAbsent(t.name(), x -> new ArrayList<>());
                List<Map<String, AttributeValue>> left = new ArrayList<>();
                Capacity cap = capacity.computeIfAbsent(t.name(), x -> new Capacity(t));
                for (Map<String, AttributeValue> key : keys) {
                    if (bytes >= MAX_GET_BYTES) {
                        left.add(key);
                        continue;
                    }
                    Map<String, AttributeValue> item = t.get(ItemKey.of(t.key(), key));
                    long size = item == null ? 0 : AttributeValues.itemSize(item);
                    cap.read(null, size, Boolean.TRUE.equals(k.consistentRead()), false);
                    bytes += size;
                    if (item != null) {
                        List<Path> projection = projections.get(e.getKey());
                        found.add(projection == null ? item : Documents.project(item, projection));
                    }
                }
                if (!left.isEmpty()) {
                    unprocessed.put(e.getKey(), k.toBuilder().keys(left).build());
                }
            }
            return BatchGetItemResponse.builder().responses(responses).unprocessedKeys(unprocessed)
                    .consumedCapacity(report(capacity, r.returnConsumedCapacity())).build();
        });
    }

    static List<ConsumedCapacity> report(Map<String, Capacity> capacity, software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity mode) {
        List<ConsumedCapacity> out = new ArrayList<>();
        capacity.values().forEach(c -> {
            ConsumedCapacity cc = c.report(mode);
            if (cc != null) {
                out.add(cc);
            }
        });
        return out.isEmpty() ? null : out;
    }
}
