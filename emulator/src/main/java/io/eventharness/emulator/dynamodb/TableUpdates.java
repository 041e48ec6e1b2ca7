package io.eventharness.emulator.dynamodb;

import io.eventharness.emulator.protocol.Call;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableResponse;

/**
 * UpdateTable: billing mode and capacity, global secondary indexes (create, update capacity, delete), the stream,
 * encryption, table class and deletion protection. Changes take effect at once (the response says UPDATING, as
 * AWS's does; a new index is ACTIVE and filled when DescribeTable next looks). Replicas, multi-region consistency,
 * witnesses, warm throughput and vector indexes are refused: the emulator does not simulate them.
 */
public final class TableUpdates {
    private final Tables tables;

    TableUpdates(Tables tables) {
        this.tables = tables;
    }

    public UpdateTableResponse updateTable(UpdateTableRequest r, Call call) {
        Constraints.tableNameFirst(r.tableName());
        Constraints c = new Constraints().tableName(r.tableName(), "tableName", true)
                .enumValue(r.billingMode(), r.billingModeAsString(), "billingMode", "PROVISIONED, PAY_PER_REQUEST")
                .enumValue(r.tableClass(), r.tableClassAsString(), "tableClass", "STANDARD, STANDARD_INFREQUENT_ACCESS");
        c.noNulls(r.hasGlobalSecondaryIndexUpdates() ? r.globalSecondaryIndexUpdates() : null, "globalSecondaryIndexUpdates")
                .noNulls(r.hasAttributeDefinitions() ? r.attributeDefinitions() : null, "attributeDefinitions");
        for (int i = 0; r.hasGlobalSecondaryIndexUpdates() && i < r.globalSecondaryIndexUpdates().size(); i++) {
            GlobalSecondaryIndexUpdate u = r.globalSecondaryIndexUpdates().get(i);
            if (u == null) {
                continue;
            }
            String m = "globalSecondaryIndexUpdates." + (i + 1) + ".member.";
            if (u.update() != null) {
                c.notNull(u.update().indexName(), m + "update.indexName").tableName(u.update().indexName(), m + "update.indexName", false);
                var p = u.update().provisionedThroughput();
                if (u.update().onDemandThroughput() == null) {
                    c.notNull(p, m + "update.provisionedThroughput");
                }
                if (p != null) {
                    String t = m + "update.provisionedThroughput.";
                    c.notNull(p.writeCapacityUnits(), t + "writeCapacityUnits").range(p.writeCapacityUnits(), t + "writeCapacityUnits", 1, Long.MAX_VALUE)
                            .notNull(p.readCapacityUnits(), t + "readCapacityUnits").range(p.readCapacityUnits(), t + "readCapacityUnits", 1, Long.MAX_VALUE);
                }
            }
            if (u.create() != null) {
                c.notNull(u.create().indexName(), m + "create.indexName").tableName(u.create().indexName(), m + "create.indexName", false)
                        .notNull(u.create().hasKeySchema() ? u.create().keySchema() : null, m + "create.keySchema")
                        .notNull(u.create().projection(), m + "create.projection");
            }
            if (u.delete() != null) {
                c.notNull(u.delete().indexName(), m + "delete.indexName").tableName(u.delete().indexName(), m + "delete.indexName", false);
            }
        }
        c.check();
        if (r.hasReplicaUpdates()) {
            throw DynamoDbErrors.notSimulated("ReplicaUpdates (global tables)");
        }
        if (r.multiRegionConsistency() != null || r.hasGlobalTableWitnessUpdates() || r.globalTableSettingsReplicationMode() != null
                || r.disassociationProtectionEnabled() != null) {
            throw DynamoDbErrors.notSimulated("multi-Region global table settings");
        }
        if (r.warmThroughput() != null) {
            throw DynamoDbErrors.notSimulated("WarmThroughput");
        }
        if (r.hasVectorIndexUpdates()) {
            throw DynamoDbErrors.notSimulated("VectorIndexUpdates");
        }
        if (r.provisionedThroughput() == null && r.billingMode() == null && r.streamSpecification() == null
                && (!r.hasGlobalSecondaryIndexUpdates() || r.globalSecondaryIndexUpdates().isEmpty()) && r.sseSpecification() == null && r.tableClass() == null
                && r.deletionProtectionEnabled() == null && r.onDemandThroughput() == null) {
            throw DynamoDbErrors.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
                    + "GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        }
        StreamSettings.validate(r.streamSpecification());
        if (r.billingMode() == BillingMode.PROVISIONED && r.provisionedThroughput() == null) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
        }
        if (r.provisionedThroughput() != null) {
            var p = r.provisionedThroughput();
            new Constraints().notNull(p.writeCapacityUnits(), "provisionedThroughput.writeCapacityUnits")
                    .range(p.writeCapacityUnits(), "provisionedThroughput.writeCapacityUnits", 1, Long.MAX_VALUE)
                    .notNull(p.readCapacityUnits(), "provisionedThroughput.readCapacityUnits")
                    .range(p.readCapacityUnits(), "provisionedThroughput.readCapacityUnits", 1, Long.MAX_VALUE).check();
            for (Long units : new Long[]{p.readCapacityUnits(), p.writeCapacityUnits()}) {
                if (units > 1_000_000_000_000L) {
                    throw DynamoDbErrors.validation("Given value " + units + " for " + (units.equals(p.readCapacityUnits())
                            ? "ReadCapacityUnits" : "WriteCapacityUnits") + " is out of bounds");
                }
            }
        }
        if (r.hasGlobalSecondaryIndexUpdates()) {
            java.util.Set<String> names = new java.util.HashSet<>();
            for (GlobalSecondaryIndexUpdate u : r.globalSecondaryIndexUpdates()) {
                if (u.create() == null && u.update() == null && u.delete() == null) {
                    throw DynamoDbErrors.validation("One or more parameter values were invalid: One of GlobalSecondaryIndexUpdate.Update, "
                            + "GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null");
                }
                String name = u.update() != null ? u.update().indexName() : u.create() != null ? u.create().indexName() : u.delete().indexName();
                if (!names.add(String.valueOf(name))) {
                    throw DynamoDbErrors.validation("One or more parameter values were invalid: Only one global secondary index update per index "
                            + "is allowed simultaneously. Index: " + name);
                }
            }
        }
        return tables.locked(() -> {
            Table t = tables.getNamed(call.region(), r.tableName());
            Throughput capacityBefore = t.throughput();
            BillingMode mode = r.billingMode() != null ? r.billingMode() : t.billing() != null ? t.billing() : BillingMode.PROVISIONED;
            if (r.provisionedThroughput() != null) {
                TableDefinitions.capacity(mode, r.provisionedThroughput(), null);
                sameThroughput(t, r.provisionedThroughput(), r.billingMode() != null);
            }
            Map<String, ScalarAttributeType> defs = new LinkedHashMap<>(t.attributes());
            if (r.hasAttributeDefinitions()) {
                TableDefinitions.definitions(r.attributeDefinitions()).forEach((name, type) -> {
                    ScalarAttributeType before = defs.putIfAbsent(name, type);
                    if (before != null && before != type) {
                        throw DynamoDbErrors.validation("One or more parameter values were invalid: Attribute " + name
                                + " is already defined with type " + before);
                    }
                });
            }
            List<Runnable> changes = new ArrayList<>();
            List<String> created = new ArrayList<>();
            if (r.hasGlobalSecondaryIndexUpdates()) {
                planIndexUpdates(t, r.globalSecondaryIndexUpdates(), mode, defs, changes);
                r.globalSecondaryIndexUpdates().stream().filter(u -> u.create() != null).forEach(u -> created.add(u.create().indexName()));
            }
            if (r.streamSpecification() != null) {
                changes.add(streamChange(t, r.streamSpecification()));
            }
            // every check passed: apply
            if (r.billingMode() != null) {
                t.billing(r.billingMode(), true);
                if (r.billingMode() == BillingMode.PAY_PER_REQUEST) {
                    t.clearThroughput();
                }
            }
            if (r.provisionedThroughput() != null) {
                t.throughput(r.provisionedThroughput());
            }
            if (r.onDemandThroughput() != null) {
                t.onDemand(r.onDemandThroughput());
            }
            defs.forEach(t::defineAttribute);
            changes.forEach(Runnable::run);
            t.pruneAttributes();
            if (r.sseSpecification() != null) {
                t.sse(Encryption.describe(r.sseSpecification(), call.region()));
            }
            if (r.tableClass() != null) {
                t.tableClass(r.tableClass());
            }
            if (r.deletionProtectionEnabled() != null) {
                t.deletionProtection(r.deletionProtectionEnabled());
            }
            var description = TableDescriptions.describe(t, TableStatus.UPDATING, created);
            if (r.provisionedThroughput() != null && !t.payPerRequest()) {
                // the answer shows the capacity the table had: the change takes effect while the table is UPDATING
                description = description.toBuilder().provisionedThroughput(description.provisionedThroughput().toBuilder()
                        .readCapacityUnits(capacityBefore.read()).writeCapacityUnits(capacityBefore.write()).build()).build();
            }
            return UpdateTableResponse.builder().tableDescription(description).build();
        });
    }

    private static void sameThroughput(Table t, ProvisionedThroughput p, boolean modeChange) {
        Throughput now = t.throughput();
        if (!modeChange && !t.payPerRequest() && now.read() == p.readCapacityUnits() && now.write() == p.writeCapacityUnits()) {
            throw DynamoDbErrors.validation("The provisioned throughput for the table will not change. The requested value equals the current value. "
                    + "Current ReadCapacityUnits provisioned for the table: " + now.read() + ". Requested ReadCapacityUnits: "
                    + p.readCapacityUnits() + ". Current WriteCapacityUnits provisioned for the table: " + now.write()
                    + ". Requested WriteCapacityUnits: " + p.writeCapacityUnits() + ". Refer to the Amazon DynamoDB Developer Guide "
                    + "for current limits and how to request higher limits.");
        }
    }

    private static void planIndexUpdates(Table t, List<GlobalSecondaryIndexUpdate> updates, BillingMode mode,
                                         Map<String, ScalarAttributeType> defs, List<Runnable> changes) {
        if (updates.stream().filter(u -> u.create() != null || u.delete() != null).count() > 1) {
            throw DynamoDbErrors.limitExceeded("Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
        }
        for (GlobalSecondaryIndexUpdate u : updates) {
            if (u.create() != null) {
                if (t.index(u.create().indexName()) != null) {
                    throw DynamoDbErrors.validation("One or more parameter values were invalid: Index " + u.create().indexName()
                            + " already exists");
                }
                if (t.globalIndexes().size() >= TableDefinitions.MAX_GLOBAL_INDEXES) {
                    throw DynamoDbErrors.limitExceeded("GlobalSecondaryIndex count exceeds the per-table limit of " + TableDefinitions.MAX_GLOBAL_INDEXES);
                }
                if (u.create().warmThroughput() != null) {
                    throw DynamoDbErrors.notSimulated("WarmThroughput");
                }
                SecondaryIndex i = TableDefinitions.globalIndex(u.create(), mode, defs, t.arn());
                changes.add(() -> t.addIndex(i));
            } else if (u.update() != null) {
                SecondaryIndex i = globalIndex(t, u.update().indexName());
                if (u.update().provisionedThroughput() != null) {
                    TableDefinitions.capacity(mode, u.update().provisionedThroughput(), i.name());
                    changes.add(() -> i.throughput(Throughput.of(u.update().provisionedThroughput())));
                }
                if (u.update().onDemandThroughput() != null) {
                    changes.add(() -> i.onDemand(u.update().onDemandThroughput()));
                }
                if (u.update().warmThroughput() != null) {
                    throw DynamoDbErrors.notSimulated("WarmThroughput");
                }
            } else if (u.delete() != null) {
                SecondaryIndex i = globalIndex(t, u.delete().indexName());
                changes.add(() -> t.removeGlobalIndex(i.name()));
            } else {
                throw DynamoDbErrors.validation("One or more parameter values were invalid: One of GlobalSecondaryIndexUpdate.Create, "
                        + "Update or Delete must be specified");
            }
        }
    }

    private static SecondaryIndex globalIndex(Table t, String name) {
        SecondaryIndex i = t.index(name);
        if (i == null || !i.global()) {
            throw DynamoDbErrors.resourceNotFound("Requested resource not found: Index: " + name + " not found");
        }
        return i;
    }

    private static Runnable streamChange(Table t, StreamSpecification s) {
        if (s.streamEnabled()) {
            if (t.activeStream() != null) {
                throw DynamoDbErrors.validation("Table already has an enabled stream: " + t.activeStream().arn());
            }
            return () -> t.enableStream(s.streamViewType());
        }
        if (t.activeStream() == null) {
            throw DynamoDbErrors.validation("Table does not have an enabled stream: " + t.name());
        }
        return t::disableStream;
    }
}
