package io.eventharness.emulator.dynamodb;

import io.eventharness.emulator.dynamodb.expr.AttributeValues;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What DynamoDB checks of an item before it stores it: its key (present, typed, not empty), its secondary index keys
 * (when present: typed, not empty) and its size (400 KB).
 */
final class ItemRules {
    static final long MAX_ITEM_BYTES = 400 * 1024;

    private ItemRules() {
    }

    /** The size limit alone, which DynamoDB checks before it looks at the table. */
    static void checkSize(Map<String, AttributeValue> item) {
        if (AttributeValues.itemSize(item) > MAX_ITEM_BYTES) {
            throw DynamoDbErrors.validation("Item size has exceeded the maximum allowed size");
        }
    }

    /** Checks an item a client wrote in full (PutItem, a batch put, a transaction's Put). */
    static void checkPut(Table t, Map<String, AttributeValue> item) {
        t.key().checkItem(item);
        checkIndexKeys(t, item);
        if (AttributeValues.itemSize(item) > MAX_ITEM_BYTES) {
            throw DynamoDbErrors.validation("Item size has exceeded the maximum allowed size");
        }
    }

    /** Checks an item as an update left it. */
    static void checkUpdated(Table t, Map<String, AttributeValue> item) {
        checkIndexKeys(t, item);
        if (AttributeValues.itemSize(item) > MAX_ITEM_BYTES) {
            throw DynamoDbErrors.validation("Item size to update has exceeded the maximum allowed size");
        }
    }

    private static void checkIndexKeys(Table t, Map<String, AttributeValue> item) {
        for (SecondaryIndex i : t.indexes()) {
            for (KeySchema.KeyAttribute a : i.key().range() == null ? java.util.List.of(i.key().hash())
                    : java.util.List.of(i.key().hash(), i.key().range())) {
                AttributeValue v = item.get(a.name());
                if (v == null || t.key().isKey(a.name())) {
                    continue;
                }
                if (!KeySchema.typeOf(v).equals(a.type().toString())) {
                    throw DynamoDbErrors.validation("One or more parameter values were invalid: Type mismatch for Index Key " + a.name()
                            + " Expected: " + a.type() + " Actual: " + KeySchema.typeOf(v) + " IndexName: " + i.name());
                }
                if (v.s() != null && v.s().isEmpty() || v.b() != null && v.b().asByteArrayUnsafe().length == 0) {
                    throw DynamoDbErrors.validation("One or more parameter values are not valid. A value specified for a secondary index key "
                            + "is not supported. The AttributeValue for a key attribute cannot contain an empty " + (v.s() != null ? "string" : "binary")
                            + " value. IndexName: " + i.name() + ", IndexKey: " + a.name());
                }
            }
        }
    }

    /**
     * Refuses document paths that reach into a key attribute of the table or of an index ({@code pk.x}, {@code pk[0]}):
     * keys are scalars.
     */
    static void checkKeyPaths(Table t, java.util.Collection<io.eventharness.emulator.dynamodb.expr.Path> paths) {
        for (var p : paths) {
            if (!p.isTopLevel() && t.key().isKey(p.head())) {
                throw DynamoDbErrors.validation("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: " + p.head());
            }
        }
        for (var p : paths) {
            if (!p.isTopLevel() && t.indexes().stream().anyMatch(i -> i.key().isKey(p.head()))) {
                throw DynamoDbErrors.validation("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: " + p.head());
            }
        }
    }
}
