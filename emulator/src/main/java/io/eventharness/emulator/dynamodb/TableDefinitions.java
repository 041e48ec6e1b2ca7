package io.eventharness.emulator.dynamodb;

import io.eventharness.emulator.core.Arn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The rules of a table's definition, as CreateTable and UpdateTable check them: key schemas, attribute definitions
 * (each used by a key, each key defined), indexes (LSIs share the table's partition key, at most 5; GSIs at most
 * 20; projections), and capacity by billing mode.
 */
final class TableDefinitions {
    static final int MAX_LOCAL_INDEXES = 5;
    static final int MAX_GLOBAL_INDEXES = 20;
    private static final String INVALID = "One or more parameter values were invalid: ";

    private TableDefinitions() {
    }

    /** The attribute definitions of a request, by name; a name defined twice is refused. */
    static Map<String, ScalarAttributeType> definitions(List<AttributeDefinition> defs) {
        Map<String, ScalarAttributeType> out = new LinkedHashMap<>();
        for (AttributeDefinition d : defs) {
            if (d.attributeType() == null || d.attributeType() == ScalarAttributeType.UNKNOWN_TO_SDK_VERSION) {
                throw DynamoDbErrors.constraint(d.attributeTypeAsString(), "attributeDefinitions.member.attributeType",
                        d.attributeTypeAsString() == null ? "Member must not be null" : "Member must satisfy enum value set: [B, N, S]");
            }
            if (out.put(d.attributeName(), d.attributeType()) != null) {
                throw DynamoDbErrors.validation("Cannot have two attributes with the same name. Attribute name: " + d.attributeName());
            }
        }
        return out;
    }

    /** A key schema: one HASH element, then at most one RANGE element, each a defined attribute. */
    static KeySchema keySchema(List<KeySchemaElement> elements, Map<String, ScalarAttributeType> defs, String index) {
        if (elements.get(0).keyType() != KeyType.HASH) {
            throw DynamoDbErrors.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (elements.size() == 2 && elements.get(1).keyType() != KeyType.RANGE) {
            throw DynamoDbErrors.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        }
        if (elements.size() == 2 && elements.get(0).attributeName().equals(elements.get(1).attributeName())) {
            throw DynamoDbErrors.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        List<String> missing = new ArrayList<>();
        for (KeySchemaElement e : elements) {
            if (!defs.containsKey(e.attributeName())) {
                missing.add(e.attributeName());
            }
        }
        if (!missing.isEmpty()) {
            throw DynamoDbErrors.validation(INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: "
                    + missing + ", AttributeDefinitions: " + new ArrayList<>(defs.keySet()));
        }
        KeySchema.KeyAttribute hash = new KeySchema.KeyAttribute(elements.get(0).attributeName(), defs.get(elements.get(0).attributeName()));
        KeySchema.KeyAttribute range = elements.size() < 2 ? null
                : new KeySchema.KeyAttribute(elements.get(1).attributeName(), defs.get(elements.get(1).attributeName()));
        return new KeySchema(hash, range);
    }

    /** Every attribute definition must be used by a key of the table or an index. */
    static void allDefinitionsUsed(Map<String, ScalarAttributeType> defs, Set<String> used) {
        if (!used.containsAll(defs.keySet())) {
            throw DynamoDbErrors.validation(INVALID + "Some AttributeDefinitions are not used. AttributeDefinitions: "
                    + new ArrayList<>(defs.keySet()) + ", keys used: " + new ArrayList<>(used));
        }
    }

    static void projection(Projection p, String index) {
        if (p == null || p.projectionType() == null) {
            throw DynamoDbErrors.validation(INVALID + "Unknown ProjectionType: null");
        }
        if (p.projectionType() == ProjectionType.UNKNOWN_TO_SDK_VERSION) {
            throw DynamoDbErrors.validation(INVALID + "Unknown ProjectionType: " + p.projectionTypeAsString());
        }
        if (p.projectionType() == ProjectionType.INCLUDE) {
            if (!p.hasNonKeyAttributes() || p.nonKeyAttributes().isEmpty()) {
                throw DynamoDbErrors.validation(INVALID + "ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
            }
            if (new LinkedHashSet<>(p.nonKeyAttributes()).size() < p.nonKeyAttributes().size()) {
                throw DynamoDbErrors.validation(INVALID + "Duplicate attribute name in NonKeyAttributes of index " + index);
            }
        } else if (p.hasNonKeyAttributes()) {
            throw DynamoDbErrors.validation(INVALID + "ProjectionType is " + p.projectionType() + ", but NonKeyAttributes is specified");
        }
    }

    /** Capacity of a table or a GSI for its billing mode: required when provisioned, refused on demand. */
    static void capacity(BillingMode mode, ProvisionedThroughput t, String index) {
        if (mode == BillingMode.PAY_PER_REQUEST) {
            if (t != null) {
                throw DynamoDbErrors.validation(index == null
                        ? INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST"
                        : INVALID + "ProvisionedThroughput should not be specified for index: " + index + " when BillingMode is PAY_PER_REQUEST");
            }
            return;
        }
        if (t == null) {
            throw DynamoDbErrors.validation(index == null
                    ? INVALID + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED"
                    : INVALID + "ProvisionedThroughput is not specified for index: " + index);
        }
        String prefix = index == null ? "provisionedThroughput" : "globalSecondaryIndexes.member.provisionedThroughput";
        new Constraints().notNull(t.readCapacityUnits(), prefix + ".readCapacityUnits")
                .notNull(t.writeCapacityUnits(), prefix + ".writeCapacityUnits")
                .range(t.readCapacityUnits(), prefix + ".readCapacityUnits", 1, Long.MAX_VALUE)
                .range(t.writeCapacityUnits(), prefix + ".writeCapacityUnits", 1, Long.MAX_VALUE).check();
    }

    static SecondaryIndex localIndex(LocalSecondaryIndex l, KeySchema table, Map<String, ScalarAttributeType> defs, Arn tableArn) {
        new Constraints().tableName(l.indexName(), "localSecondaryIndexes.member.indexName", true)
                .notNull(l.hasKeySchema() ? l.keySchema() : null, "localSecondaryIndexes.member.keySchema")
                .notNull(l.projection(), "localSecondaryIndexes.member.projection").check();
        if (table.range() == null) {
            throw DynamoDbErrors.validation(INVALID + "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
        }
        KeySchema key = keySchema(l.keySchema(), defs, l.indexName());
        if (!key.hash().name().equals(table.hash().name())) {
            throw DynamoDbErrors.validation(INVALID + "Index KeySchema does not have the same leading hash key as table KeySchema for index: "
                    + l.indexName() + ". index hash key: " + key.hash().name() + ", table hash key: " + table.hash().name());
        }
        if (key.range() == null) {
            throw DynamoDbErrors.validation(INVALID + "Index KeySchema does not have a range key for index: " + l.indexName());
        }
        projection(l.projection(), l.indexName());
        return new SecondaryIndex(l.indexName(), false, key, l.projection(), tableArn, null, null);
    }

    static SecondaryIndex globalIndex(String name, List<KeySchemaElement> keySchema, Projection projection, ProvisionedThroughput t,
                                      OnDemandThroughput onDemand, BillingMode mode, Map<String, ScalarAttributeType> defs, Arn tableArn) {
        new Constraints().tableName(name, "globalSecondaryIndexes.member.indexName", true)
                .notNull(keySchema, "globalSecondaryIndexes.member.keySchema")
                .notNull(projection, "globalSecondaryIndexes.member.projection").check();
        KeySchema key = keySchema(keySchema, defs, name);
        projection(projection, name);
        capacity(mode, t, name);
        return new SecondaryIndex(name, true, key, projection, tableArn, Throughput.of(t), onDemand);
    }

    static SecondaryIndex globalIndex(GlobalSecondaryIndex g, BillingMode mode, Map<String, ScalarAttributeType> defs, Arn tableArn) {
        return globalIndex(g.indexName(), g.hasKeySchema() ? g.keySchema() : null, g.projection(), g.provisionedThroughput(),
                g.onDemandThroughput(), mode, defs, tableArn);
    }

    static SecondaryIndex globalIndex(CreateGlobalSecondaryIndexAction g, BillingMode mode, Map<String, ScalarAttributeType> defs,
                                      Arn tableArn) {
        return globalIndex(g.indexName(), g.hasKeySchema() ? g.keySchema() : null, g.projection(), g.provisionedThroughput(),
                g.onDemandThroughput(), mode, defs, tableArn);
    }

    /** The index names must be unique across a table's local and global indexes. */
    static void uniqueNames(List<SecondaryIndex> indexes) {
        Set<String> names = new LinkedHashSet<>();
        for (SecondaryIndex i : indexes) {
            if (!names.add(i.name())) {
                throw DynamoDbErrors.validation(INVALID + "Duplicate index name: " + i.name());
            }
        }
    }

    /** The non-key attributes all indexes project together: at most 100. */
    static void projectedAttributeLimit(List<SecondaryIndex> indexes) {
        int n = 0;
        for (SecondaryIndex i : indexes) {
            n += i.projection().hasNonKeyAttributes() ? i.projection().nonKeyAttributes().size() : 0;
        }
        if (n > 100) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: The number of projected attributes across all secondary indexes exceeds the limit of 100");
        }
    }
}
