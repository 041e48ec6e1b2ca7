package io.eventharness.emulator.dynamodb;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.dynamodb.expr.AttributeValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * A local or global secondary index: its key, what it projects, and for a global one its own capacity. Sparse, as
 * in DynamoDB: an item is in the index only when it has the index's key attributes with their types. Indexes are
 * computed from the table's items when read, so they are always up to date (DynamoDB's global indexes are
 * eventually consistent).
 */
final class SecondaryIndex {
    private final String name;
    private final boolean global;
    private final KeySchema key;
    private final Projection projection;
    private final Arn arn;
    private Throughput throughput;
    private OnDemandThroughput onDemand;

    SecondaryIndex(String name, boolean global, KeySchema key, Projection projection, Arn tableArn, Throughput throughput,
                   OnDemandThroughput onDemand) {
        this.name = name;
        this.global = global;
        this.key = key;
        this.projection = projection;
        this.arn = tableArn.withResource(tableArn.resource() + "/index/" + name);
        this.throughput = throughput;
        this.onDemand = onDemand;
    }

    String name() {
        return name;
    }

    boolean global() {
        return global;
    }

    KeySchema key() {
        return key;
    }

    Projection projection() {
        return projection;
    }

    boolean projectsAll() {
        return projection.projectionType() == ProjectionType.ALL;
    }

    void throughput(Throughput t) {
        this.throughput = t;
    }

    void onDemand(OnDemandThroughput t) {
        this.onDemand = t;
    }

    /** Whether the item is in this index. */
    boolean contains(Map<String, AttributeValue> item) {
        return key.fits(item);
    }

    /** The attributes of an item that the index holds: the table's and the index's keys, plus what it projects. */
    Map<String, AttributeValue> project(Map<String, AttributeValue> item, KeySchema tableKey) {
        if (projectsAll()) {
            return item;
        }
        List<String> included = projection.projectionType() == ProjectionType.INCLUDE ? projection.nonKeyAttributes() : List.of();
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        item.forEach((k, v) -> {
            if (tableKey.isKey(k) || key.isKey(k) || included.contains(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Whether the index holds this attribute of its items. */
    boolean projects(String attribute, KeySchema tableKey) {
        return projectsAll() || tableKey.isKey(attribute) || key.isKey(attribute)
                || projection.projectionType() == ProjectionType.INCLUDE && projection.nonKeyAttributes().contains(attribute);
    }

    GlobalSecondaryIndexDescription describeGlobal(Iterable<Map<String, AttributeValue>> items, KeySchema tableKey, boolean payPerRequest) {
        Counts c = counts(items, tableKey);
        return GlobalSecondaryIndexDescription.builder().indexName(name).keySchema(key.toModel()).projection(projection)
                .indexStatus(IndexStatus.ACTIVE).provisionedThroughput(throughput.describe(payPerRequest))
                .onDemandThroughput(onDemand).indexSizeBytes(c.bytes()).itemCount(c.items()).indexArn(arn.toString()).build();
    }

    LocalSecondaryIndexDescription describeLocal(Iterable<Map<String, AttributeValue>> items, KeySchema tableKey) {
        Counts c = counts(items, tableKey);
        return LocalSecondaryIndexDescription.builder().indexName(name).keySchema(key.toModel()).projection(projection)
                .indexSizeBytes(c.bytes()).itemCount(c.items()).indexArn(arn.toString()).build();
    }

    private record Counts(long items, long bytes) {
    }

    private Counts counts(Iterable<Map<String, AttributeValue>> items, KeySchema tableKey) {
        long n = 0;
        long bytes = 0;
        for (Map<String, AttributeValue> item : items) {
            if (contains(item)) {
                n++;
                bytes += AttributeValues.itemSize(project(item, tableKey));
            }
        }
        return new Counts(n, bytes);
    }
}
