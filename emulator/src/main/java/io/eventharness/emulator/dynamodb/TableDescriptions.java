package io.eventharness.emulator.dynamodb;

import io.eventharness.emulator.dynamodb.streams.TableStream;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingModeSummary;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableClassSummary;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * A table as DescribeTable (and CreateTable, UpdateTable, DeleteTable) describe it. Item counts and sizes are the
 * current ones (AWS updates them about every six hours).
 */
final class TableDescriptions {
    private TableDescriptions() {
    }

    /** The description, with the status the operation reports (CREATING, UPDATING, DELETING; else ACTIVE). */
    static TableDescription describe(Table t, TableStatus status) {
        return describe(t, status, status == TableStatus.CREATING ? t.globalIndexes().stream().map(SecondaryIndex::name).toList() : List.of());
    }

    /** The same, with these global indexes reported CREATING (they were just created). */
    static TableDescription describe(Table t, TableStatus status, List<String> creating) {
        Iterable<Map<String, AttributeValue>> items = t.items().values();
        TableDescription.Builder b = TableDescription.builder()
                .attributeDefinitions(t.attributes().entrySet().stream().map(e -> AttributeDefinition.builder()
                        .attributeName(e.getKey()).attributeType(e.getValue()).build()).toList())
                .tableName(t.name()).keySchema(t.key().toModel()).tableStatus(status).creationDateTime(t.created())
                .provisionedThroughput(t.throughput().describe(t.payPerRequest()))
                .tableSizeBytes(t.sizeBytes()).itemCount(t.itemCount()).tableArn(t.arn().toString()).tableId(t.id())
                .deletionProtectionEnabled(t.deletionProtection());
        if (t.billingModeGiven() || t.payPerRequest()) {
            b.billingModeSummary(BillingModeSummary.builder().billingMode(t.billing())
                    .lastUpdateToPayPerRequestDateTime(t.payPerRequestSince()).build());
        }
        if (t.onDemand() != null) {
            b.onDemandThroughput(t.onDemand());
        }
        if (!t.localIndexes().isEmpty()) {
            b.localSecondaryIndexes(t.localIndexes().stream().map(i -> i.describeLocal(items, t.key())).toList());
        }
        if (!t.globalIndexes().isEmpty()) {
            b.globalSecondaryIndexes(t.globalIndexes().stream().map(i -> {
                var d = i.describeGlobal(items, t.key(), t.payPerRequest());
                return creating.contains(i.name()) ? d.toBuilder().indexStatus(IndexStatus.CREATING).build() : d;
            }).toList());
        }
        TableStream active = t.activeStream();
        if (active != null) {
            b.streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(active.viewType()).build());
        }
        TableStream latest = t.latestStream();
        if (latest != null) {
            b.latestStreamArn(latest.arn().toString()).latestStreamLabel(latest.label());
        }
        if (t.sse() != null) {
            b.sseDescription(t.sse());
        }
        if (t.tableClass() != null && t.tableClass() != software.amazon.awssdk.services.dynamodb.model.TableClass.STANDARD) {
            b.tableClassSummary(TableClassSummary.builder().tableClass(t.tableClass()).build());
        }
        return b.build();
    }

    static List<String> names(List<AttributeDefinition> defs) {
        return defs.stream().map(AttributeDefinition::attributeName).toList();
    }
}
