package io.eventharness.emulator.dynamodb;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;

/**
 * CreateTable's checks, in the order DynamoDB makes them: the members' constraints (all reported together, indexes
 * of list members counted from 1), then capacity for the billing mode, the table's key schema against its attribute
 * definitions, the local indexes, the global indexes. What passes is a definition {@link TableDefinitions} can build.
 */
final class CreateTableRules {
    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final long MAX_UNITS = 1_000_000_000_000L;

    private CreateTableRules() {
    }

    static void check(CreateTableRequest r) {
        constraints(r);
        BillingMode mode = r.billingMode() == null ? BillingMode.PROVISIONED : r.billingMode();
        ProvisionedThroughput t = r.provisionedThroughput();
        if (mode == BillingMode.PAY_PER_REQUEST) {
            if (t != null) {
                throw DynamoDbErrors.validation(INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
        } else {
            if (t == null || t.readCapacityUnits() == null || t.writeCapacityUnits() == null) {
                throw DynamoDbErrors.validation(INVALID + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
            }
            outOfBounds(t);
        }
        List<String> defs = r.attributeDefinitions().stream().map(AttributeDefinition::attributeName).toList();
        List<String> keys = r.keySchema().stream().map(KeySchemaElement::attributeName).toList();
        if (keys.size() > defs.size()) {
            throw DynamoDbErrors.validation("Invalid KeySchema: Some index key attribute have no definition");
        }
        keySchema(r.keySchema(), defs);
        if (!r.hasLocalSecondaryIndexes() && !r.hasGlobalSecondaryIndexes() && keys.size() != defs.size()) {
            throw DynamoDbErrors.validation(INVALID + "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        }
        Set<String> names = new HashSet<>();
        if (r.hasLocalSecondaryIndexes()) {
            if (r.localSecondaryIndexes().isEmpty()) {
                throw DynamoDbErrors.validation(INVALID + "List of LocalSecondaryIndexes is empty");
            }
            if (keys.size() != 2) {
                throw DynamoDbErrors.validation(INVALID + "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
            }
            for (var l : r.localSecondaryIndexes()) {
                keySchema(l.keySchema(), defs);
                if (l.keySchema().size() != 2) {
                    throw DynamoDbErrors.validation(INVALID + "Index KeySchema does not have a range key for index: " + l.indexName());
                }
                String hash = l.keySchema().get(0).attributeName();
                if (!hash.equals(keys.get(0))) {
                    throw DynamoDbErrors.validation(INVALID + "Index KeySchema does not have the same leading hash key as table KeySchema for index: "
                            + l.indexName() + ". index hash key: " + hash + ", table hash key: " + keys.get(0));
                }
                projection(l.projection());
                unique(names, l.indexName());
            }
            if (r.localSecondaryIndexes().size() > TableDefinitions.MAX_LOCAL_INDEXES) {
                throw DynamoDbErrors.validation(INVALID + "Number of LocalSecondaryIndexes exceeds per-table limit of " + TableDefinitions.MAX_LOCAL_INDEXES);
            }
        }
        if (r.hasGlobalSecondaryIndexes()) {
            if (r.globalSecondaryIndexes().isEmpty()) {
                throw DynamoDbErrors.validation(INVALID + "List of GlobalSecondaryIndexes is empty");
            }
            for (var g : r.globalSecondaryIndexes()) {
                keySchema(g.keySchema(), defs);
                projection(g.projection());
                if (mode == BillingMode.PAY_PER_REQUEST && g.provisionedThroughput() != null) {
                    throw DynamoDbErrors.validation(INVALID + "ProvisionedThroughput should not be specified for index: " + g.indexName()
                            + " when BillingMode is PAY_PER_REQUEST");
                }
                if (mode == BillingMode.PROVISIONED && g.provisionedThroughput() != null) {
                    outOfBounds(g.provisionedThroughput());
                }
                unique(names, g.indexName());
            }
            if (r.globalSecondaryIndexes().size() > TableDefinitions.MAX_GLOBAL_INDEXES) {
                throw DynamoDbErrors.validation(INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of " + TableDefinitions.MAX_GLOBAL_INDEXES);
            }
        }
    }

    private static void constraints(CreateTableRequest r) {
        Constraints c = new Constraints();
        c.noNulls(r.hasAttributeDefinitions() ? r.attributeDefinitions() : null, "attributeDefinitions")
                .noNulls(r.hasKeySchema() ? r.keySchema() : null, "keySchema")
                .noNulls(r.hasLocalSecondaryIndexes() ? r.localSecondaryIndexes() : null, "localSecondaryIndexes")
                .noNulls(r.hasGlobalSecondaryIndexes() ? r.globalSecondaryIndexes() : null, "globalSecondaryIndexes")
                .noNulls(r.hasTags() ? r.tags() : null, "tags");
        for (var l : r.hasLocalSecondaryIndexes() ? r.localSecondaryIndexes() : java.util.List.<software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex>of()) {
            if (l != null) {
                c.noNulls(l.hasKeySchema() ? l.keySchema() : null, "localSecondaryIndexes.member.keySchema");
            }
        }
        for (var g : r.hasGlobalSecondaryIndexes() ? r.globalSecondaryIndexes() : java.util.List.<software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex>of()) {
            if (g != null) {
                c.noNulls(g.hasKeySchema() ? g.keySchema() : null, "globalSecondaryIndexes.member.keySchema");
            }
        }
        c.check();
        c.notNull(r.hasAttributeDefinitions() ? r.attributeDefinitions() : null, "attributeDefinitions");
        if (r.hasAttributeDefinitions()) {
            for (int i = 0; i < r.attributeDefinitions().size(); i++) {
                AttributeDefinition d = r.attributeDefinitions().get(i);
                String m = "attributeDefinitions." + (i + 1) + ".member.";
                c.notNull(d.attributeName(), m + "attributeName").notNull(d.attributeTypeAsString(), m + "attributeType")
                        .enumValue(d.attributeType(), d.attributeTypeAsString(), m + "attributeType", "B, N, S");
            }
        }
        c.tableName(r.tableName(), "tableName", true);
        c.enumValue(r.billingMode(), r.billingModeAsString(), "billingMode", "PROVISIONED, PAY_PER_REQUEST");
        throughput(c, r.provisionedThroughput(), "provisionedThroughput");
        keySchema(c, r.hasKeySchema() ? r.keySchema() : null, "keySchema");
        if (r.hasLocalSecondaryIndexes()) {
            for (int i = 0; i < r.localSecondaryIndexes().size(); i++) {
                var l = r.localSecondaryIndexes().get(i);
                index(c, "localSecondaryIndexes." + (i + 1) + ".member.", l.indexName(), l.hasKeySchema() ? l.keySchema() : null, l.projection());
            }
        }
        if (r.hasGlobalSecondaryIndexes()) {
            for (int i = 0; i < r.globalSecondaryIndexes().size(); i++) {
                var g = r.globalSecondaryIndexes().get(i);
                String m = "globalSecondaryIndexes." + (i + 1) + ".member.";
                index(c, m, g.indexName(), g.hasKeySchema() ? g.keySchema() : null, g.projection());
                throughput(c, g.provisionedThroughput(), m + "provisionedThroughput");
            }
        }
        c.enumValue(r.tableClass(), r.tableClassAsString(), "tableClass", "STANDARD, STANDARD_INFREQUENT_ACCESS");
        c.check();
    }

    private static void index(Constraints c, String m, String name, List<KeySchemaElement> keys, Projection p) {
        c.notNull(name, m + "indexName");
        if (name != null) {
            c.tableName(name, m + "indexName", false);
        }
        keySchema(c, keys, m + "keySchema");
        c.notNull(p, m + "projection");
        if (p != null) {
            c.enumValue(p.projectionType(), p.projectionTypeAsString(), m + "projection.projectionType", "ALL, INCLUDE, KEYS_ONLY");
            c.size(p.hasNonKeyAttributes() ? p.nonKeyAttributes() : null, m + "projection.nonKeyAttributes", 1, 20);
        }
    }

    private static void keySchema(Constraints c, List<KeySchemaElement> keys, String m) {
        c.notNull(keys, m).size(keys, m, 1, 2);
        if (keys != null) {
            for (int i = 0; i < keys.size(); i++) {
                KeySchemaElement k = keys.get(i);
                String e = m + "." + (i + 1) + ".member.";
                c.notNull(k.attributeName(), e + "attributeName").notNull(k.keyTypeAsString(), e + "keyType")
                        .enumValue(k.keyType(), k.keyTypeAsString(), e + "keyType", "HASH, RANGE");
            }
        }
    }

    private static void throughput(Constraints c, ProvisionedThroughput t, String m) {
        if (t != null) {
            c.notNull(t.writeCapacityUnits(), m + ".writeCapacityUnits").range(t.writeCapacityUnits(), m + ".writeCapacityUnits", 1, Long.MAX_VALUE)
                    .notNull(t.readCapacityUnits(), m + ".readCapacityUnits").range(t.readCapacityUnits(), m + ".readCapacityUnits", 1, Long.MAX_VALUE);
        }
    }

    private static void outOfBounds(ProvisionedThroughput t) {
        if (t.readCapacityUnits() != null && t.readCapacityUnits() > MAX_UNITS) {
            throw DynamoDbErrors.validation("Given value " + t.readCapacityUnits() + " for ReadCapacityUnits is out of bounds");
        }
        if (t.writeCapacityUnits() != null && t.writeCapacityUnits() > MAX_UNITS) {
            throw DynamoDbErrors.validation("Given value " + t.writeCapacityUnits() + " for WriteCapacityUnits is out of bounds");
        }
    }

    /** A key schema against the attribute definitions: defined, distinct names, HASH then RANGE. */
    private static void keySchema(List<KeySchemaElement> keys, List<String> defs) {
        List<String> names = keys.stream().map(KeySchemaElement::attributeName).toList();
        if (!defs.containsAll(names)) {
            throw DynamoDbErrors.validation(INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: "
                    + names + ", AttributeDefinitions: " + defs);
        }
        if (names.size() == 2 && names.get(0).equals(names.get(1))) {
            throw DynamoDbErrors.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        if (keys.get(0).keyType() != KeyType.HASH) {
            throw DynamoDbErrors.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (keys.size() == 2 && keys.get(1).keyType() != KeyType.RANGE) {
            throw DynamoDbErrors.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        }
    }

    private static void projection(Projection p) {
        if (p.projectionType() == null) {
            throw DynamoDbErrors.validation(INVALID + "Unknown ProjectionType: null");
        }
        if (p.hasNonKeyAttributes() && p.projectionType() != ProjectionType.INCLUDE) {
            throw DynamoDbErrors.validation(INVALID + "ProjectionType is " + p.projectionType() + ", but NonKeyAttributes is specified");
        }
    }

    private static void unique(Set<String> names, String name) {
        if (!names.add(name)) {
            throw DynamoDbErrors.validation(INVALID + "Duplicate index name: " + name);
        }
    }
}
