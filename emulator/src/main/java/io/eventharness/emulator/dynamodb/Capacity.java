package io.eventharness.emulator.dynamodb;

import io.eventharness.emulator.dynamodb.expr.AttributeValues;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * The capacity an operation consumed, as
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html">the developer
 * guide</a> counts it: a read unit per 4 KB read (half for an eventually consistent read), a write unit per 1 KB
 * written (the larger of the item before and after), twice that in a transaction; writes count again for each index
 * the item is in. Reported when ReturnConsumedCapacity asks (TOTAL, or INDEXES for the split); never enforced.
 */
final class Capacity {
    private final Table table;
    private double tableUnits;
    private final Map<String, Double> globalIndexes = new LinkedHashMap<>();
    private final Map<String, Double> localIndexes = new LinkedHashMap<>();

    Capacity(Table table) {
        this.table = table;
    }

    static double readUnits(long bytes, boolean consistent) {
        double units = Math.max(1, Math.ceil(bytes / 4096.0));
        return consistent ? units : units / 2;
    }

    static double writeUnits(long bytes) {
        return Math.max(1, Math.ceil(bytes / 1024.0));
    }

    /** Units read from the table or from one of its indexes. */
    Capacity read(SecondaryIndex index, long bytes, boolean consistent, boolean transactional) {
        double units = readUnits(bytes, consistent) * (transactional ? 2 : 1);
        if (index == null) {
            tableUnits += units;
        } else {
            (index.global() ? globalIndexes : localIndexes).merge(index.name(), units, Double::sum);
        }
        return this;
    }

    /** Units to write an item (before, after: either null), to the table and each index it is in. */
    Capacity write(Map<String, AttributeValue> before, Map<String, AttributeValue> after, boolean transactional) {
        int factor = transactional ? 2 : 1;
        tableUnits += writeUnits(Math.max(size(before), size(after))) * factor;
        for (SecondaryIndex i : table.indexes()) {
            boolean was = before != null && i.contains(before);
            boolean is = after != null && i.contains(after);
            if (was || is) {
                long bytes = Math.max(was ? AttributeValues.itemSize(i.project(before, table.key())) : 0,
                        is ? AttributeValues.itemSize(i.project(after, table.key())) : 0);
                (i.global() ? globalIndexes : localIndexes).merge(i.name(), writeUnits(bytes) * factor, Double::sum);
            }
        }
        return this;
    }

    private static long size(Map<String, AttributeValue> item) {
        return item == null ? 0 : AttributeValues.itemSize(item);
    }

    /** What the response reports; null unless the request asked. */
    ConsumedCapacity report(ReturnConsumedCapacity mode) {
        if (mode == null || mode == ReturnConsumedCapacity.NONE) {
            return null;
        }
        double total = tableUnits + globalIndexes.values().stream().mapToDouble(d -> d).sum()
                + localIndexes.values().stream().mapToDouble(d -> d).sum();
        ConsumedCapacity.Builder b = ConsumedCapacity.builder().tableName(table.name()).capacityUnits(total);
        if (mode == ReturnConsumedCapacity.INDEXES) {
            b.table(c -> c.capacityUnits(tableUnits));
            if (!globalIndexes.isEmpty()) {
                Map<String, software.amazon.awssdk.services.dynamodb.model.Capacity> g = new LinkedHashMap<>();
                globalIndexes.forEach((k, v) -> g.put(k, software.amazon.awssdk.services.dynamodb.model.Capacity.builder().capacityUnits(v).build()));
                b.globalSecondaryIndexes(g);
            }
            if (!localIndexes.isEmpty()) {
                Map<String, software.amazon.awssdk.services.dynamodb.model.Capacity> l = new LinkedHashMap<>();
                localIndexes.forEach((k, v) -> l.put(k, software.amazon.awssdk.services.dynamodb.model.Capacity.builder().capacityUnits(v).build()));
                b.localSecondaryIndexes(l);
            }
        }
        return b.build();
    }
}
