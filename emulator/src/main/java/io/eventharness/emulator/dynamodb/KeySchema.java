package io.eventharness.emulator.dynamodb;

import io.eventharness.emulator.dynamodb.expr.AttributeValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The key of a table or an index: a partition (HASH) attribute and an optional sort (RANGE) attribute, each with
 * its scalar type.
 *
 * @param hash  the partition key
 * @param range the sort key, or null
 */
record KeySchema(KeyAttribute hash, KeyAttribute range) {

    /** One key attribute and its type. */
    record KeyAttribute(String name, ScalarAttributeType type) {
    }

    List<KeySchemaElement> toModel() {
        List<KeySchemaElement> l = new ArrayList<>();
        l.add(KeySchemaElement.builder().attributeName(hash.name()).keyType(KeyType.HASH).build());
        if (range != null) {
            l.add(KeySchemaElement.builder().attributeName(range.name()).keyType(KeyType.RANGE).build());
        }
        return l;
    }

    List<String> names() {
        return range == null ? List.of(hash.name()) : List.of(hash.name(), range.name());
    }

    boolean isKey(String attribute) {
        return hash.name().equals(attribute) || range != null && range.name().equals(attribute);
    }

    /** The key attributes of an item (which must have them). */
    Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> k = new LinkedHashMap<>();
        k.put(hash.name(), item.get(hash.name()));
        if (range != null) {
            k.put(range.name(), item.get(range.name()));
        }
        return k;
    }

    /** Whether the item has every key attribute, with its type (the test of an item's place in a sparse index). */
    boolean fits(Map<String, AttributeValue> item) {
        return fits(hash, item.get(hash.name())) && (range == null || fits(range, item.get(range.name())));
    }

    private static boolean fits(KeyAttribute a, AttributeValue v) {
        return v != null && typeOf(v).equals(a.type().toString());
    }

    /**
     * A key given to GetItem, DeleteItem, UpdateItem and batches: exactly the key attributes, of their types
     * ({@code The provided key element does not match the schema} otherwise), no empty strings or binaries.
     */
    Map<String, AttributeValue> validKey(Map<String, AttributeValue> key) {
        if (key == null || key.size() != names().size()) {
            throw DynamoDbErrors.validation("The provided key element does not match the schema");
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (KeyAttribute a : range == null ? List.of(hash) : List.of(hash, range)) {
            AttributeValue v = key.get(a.name());
            if (v == null || AttributeValues.problem(v) != null || !fits(a, v)) {
                if (v != null && AttributeValues.problem(v) != null) {
                    throw DynamoDbErrors.validation(AttributeValues.problem(v));
                }
                throw DynamoDbErrors.validation("The provided key element does not match the schema");
            }
            checkNotEmpty(a.name(), v, "One or more parameter values were invalid: ");
            out.put(a.name(), AttributeValues.valid(v));
        }
        checkSizes(out);
        return out;
    }

    /** An item to write: it has the key attributes, of their types, not empty. */
    void checkItem(Map<String, AttributeValue> item) {
        for (KeyAttribute a : range == null ? List.of(hash) : List.of(hash, range)) {
            AttributeValue v = item.get(a.name());
            if (v == null) {
                throw DynamoDbErrors.validation("One or more parameter values were invalid: Missing the key " + a.name() + " in the item");
            }
            if (!fits(a, v)) {
                throw DynamoDbErrors.validation("One or more parameter values were invalid: Type mismatch for key " + a.name()
                        + " expected: " + a.type() + " actual: " + typeOf(v));
            }
            checkNotEmpty(a.name(), v, "One or more parameter values are not valid. ");
        }
        checkSizes(item);
    }

    /** The partition key's value may have up to 2048 bytes, the sort key's up to 1024. */
    void checkSizes(Map<String, AttributeValue> item) {
        if (AttributeValues.size(item.get(hash.name())) > 2048) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes");
        }
        if (range != null && AttributeValues.size(item.get(range.name())) > 1024) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
        }
    }

    /** A key attribute may not be an empty string or binary; DynamoDB words it differently for keys and for items. */
    private static void checkNotEmpty(String name, AttributeValue v, String prefix) {
        if (v.s() != null && v.s().isEmpty() || v.b() != null && v.b().asByteArrayUnsafe().length == 0) {
            throw DynamoDbErrors.validation(prefix + "The AttributeValue for a key attribute cannot contain an empty "
                    + (v.s() != null ? "string" : "binary") + " value. Key: " + name);
        }
    }

    static String typeOf(AttributeValue v) {
        AttributeValues.Type t = AttributeValues.typeOf(v);
        return t == null ? "null" : t.name();
    }
}
