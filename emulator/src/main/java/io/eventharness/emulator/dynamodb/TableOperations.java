package io.eventharness.emulator.dynamodb;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.protocol.Call;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * CreateTable, DescribeTable, ListTables, DeleteTable and DescribeLimits (UpdateTable is {@link TableUpdates}). A
 * table is ACTIVE as soon as CreateTable returns (which reports CREATING, as AWS does): SDK waiters and the
 * AWS CLI's {@code wait table-exists} see it at their first poll.
 */
public final class TableOperations {
    private final Tables tables;

    TableOperations(Tables tables) {
        this.tables = tables;
    }

    public CreateTableResponse createTable(CreateTableRequest r, Call call) {
        Constraints.tableNameFirst(r.tableName());
        CreateTableRules.check(r);
        refuseUnsimulated(r);
        Map<String, ScalarAttributeType> defs = TableDefinitions.definitions(r.attributeDefinitions());
        KeySchema key = TableDefinitions.keySchema(r.keySchema(), defs, null);
        BillingMode mode = r.billingMode() == null ? BillingMode.PROVISIONED : r.billingMode();
        TableDefinitions.capacity(mode, r.provisionedThroughput(), null);
        Arn arn = Arn.of("dynamodb", call.region(), "table/" + r.tableName());
        List<SecondaryIndex> indexes = new ArrayList<>();
        if (r.hasLocalSecondaryIndexes()) {
            r.localSecondaryIndexes().forEach(l -> indexes.add(TableDefinitions.localIndex(l, key, defs, arn)));
        }
        if (r.hasGlobalSecondaryIndexes()) {
            r.globalSecondaryIndexes().forEach(g -> indexes.add(TableDefinitions.globalIndex(g, mode, defs, arn)));
        }
        TableDefinitions.uniqueNames(indexes);
        TableDefinitions.projectedAttributeLimit(indexes);
        Set<String> used = new HashSet<>(key.names());
        indexes.forEach(i -> used.addAll(i.key().names()));
        TableDefinitions.allDefinitionsUsed(defs, used);
        StreamSettings.validate(r.streamSpecification());
        List<Tag> tags = r.hasTags() ? TagOperations.valid(r.tags()) : List.of();
        return tables.locked(() -> {
            if (tables.find(call.region(), r.tableName()) != null) {
                throw DynamoDbErrors.inUse("Table already exists: " + r.tableName());
            }
            Table t = new Table(r.tableName(), arn, key, tables.context());
            defs.forEach(t::defineAttribute);
            indexes.forEach(t::addIndex);
            t.billing(mode, r.billingMode() != null);
            t.throughput(r.provisionedThroughput() == null ? null : r.provisionedThroughput());
            t.onDemand(r.onDemandThroughput());
            t.deletionProtection(Boolean.TRUE.equals(r.deletionProtectionEnabled()));
            if (r.tableClass() != null) {
                t.tableClass(r.tableClass());
            }
            t.sse(Encryption.describe(r.sseSpecification(), call.region()));
            tags.forEach(tag -> t.tag(tag.key(), tag.value()));
            if (r.streamSpecification() != null && Boolean.TRUE.equals(r.streamSpecification().streamEnabled())) {
                t.enableStream(r.streamSpecification().streamViewType());
            }
            tables.add(t);
            return CreateTableResponse.builder().tableDescription(TableDescriptions.describe(t, TableStatus.CREATING)).build();
        });
    }

    private static void refuseUnsimulated(CreateTableRequest r) {
        if (r.resourcePolicy() != null) {
            throw DynamoDbErrors.notSimulated("ResourcePolicy (resource-based policies)");
        }
        if (r.warmThroughput() != null || r.hasGlobalSecondaryIndexes() && r.globalSecondaryIndexes().stream().anyMatch(g -> g.warmThroughput() != null)) {
            throw DynamoDbErrors.notSimulated("WarmThroughput");
        }
        if (r.globalTableSourceArn() != null || r.globalTableSettingsReplicationMode() != null) {
            throw DynamoDbErrors.notSimulated("global tables (GlobalTableSourceArn)");
        }
        if (r.hasVectorIndexes()) {
            throw DynamoDbErrors.notSimulated("VectorIndexes");
        }
    }

    public DescribeTableResponse describeTable(DescribeTableRequest r, Call call) {
        Constraints.tableNameFirst(r.tableName());
        new Constraints().tableName(r.tableName(), "tableName", true).check();
        return tables.locked(() -> DescribeTableResponse.builder()
                .table(TableDescriptions.describe(tables.getNamed(call.region(), r.tableName()), TableStatus.ACTIVE)).build());
    }

    public ListTablesResponse listTables(ListTablesRequest r, Call call) {
        new Constraints().tableName(r.exclusiveStartTableName(), "exclusiveStartTableName", false)
                .range(r.limit(), "limit", 1, 100).check();
        int limit = r.limit() == null ? 100 : r.limit();
        return tables.locked(() -> {
            List<String> names = tables.names(call.region()).stream()
                    .filter(n -> r.exclusiveStartTableName() == null || n.compareTo(r.exclusiveStartTableName()) > 0).toList();
            List<String> page = names.subList(0, Math.min(limit, names.size()));
            return ListTablesResponse.builder().tableNames(page)
                    .lastEvaluatedTableName(names.size() > limit ? page.get(page.size() - 1) : null).build();
        });
    }

    public DeleteTableResponse deleteTable(DeleteTableRequest r, Call call) {
        Constraints.tableNameFirst(r.tableName());
        new Constraints().tableName(r.tableName(), "tableName", true).check();
        return tables.locked(() -> {
            Table t = tables.getNamed(call.region(), r.tableName());
            if (t.deletionProtection()) {
                throw DynamoDbErrors.validation("Resource cannot be deleted as it is currently protected against deletion. "
                        + "Disable deletion protection first.");
            }
            DeleteTableResponse out = DeleteTableResponse.builder()
                    .tableDescription(TableDescriptions.describe(t, TableStatus.DELETING).toBuilder()
                            .globalSecondaryIndexes((java.util.Collection<software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription>) null)
                            .build()).build();
            tables.remove(t);
            return out;
        });
    }

    /** The default quotas of an account: 40,000 units per table, 80,000 per account. */
    public DescribeLimitsResponse describeLimits(DescribeLimitsRequest r) {
        return DescribeLimitsResponse.builder().accountMaxReadCapacityUnits(80000L).accountMaxWriteCapacityUnits(80000L)
                .tableMaxReadCapacityUnits(40000L).tableMaxWriteCapacityUnits(40000L).build();
    }
}
