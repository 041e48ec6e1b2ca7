package io.eventharness.emulator.dynamodb;

import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.dynamodb.expr.AttributeValues;
import io.eventharness.emulator.dynamodb.expr.Condition;
import io.eventharness.emulator.dynamodb.expr.Path;
import io.eventharness.emulator.dynamodb.expr.UpdateExpression;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The three writes of an item (put, update, delete), in two steps: {@link #put}, {@link #update} and {@link #delete}
 * check everything and work out the item after, without changing the table; {@link Planned#apply} writes it. The
 * single-item operations plan and apply at once; a transaction plans all its actions first and applies them only
 * when none failed. Called with the tables' lock held.
 */
final class Writes {

    /** A write worked out and not yet done. */
    record Planned(Table table, ItemKey key, Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        void apply() {
            table.write(key, after, false);
        }
    }

    /** A condition that did not hold, and the item it was tested against (null when there was none). */
    static final class ConditionFailed extends RuntimeException {
        final transient Map<String, AttributeValue> item;

        ConditionFailed(Map<String, AttributeValue> item) {
            super(DynamoDbErrors.CONDITION_FAILED, null, false, false);
            this.item = item;
        }

        /** ConditionalCheckFailedException, with the item when the request asked for it (ALL_OLD). */
        AwsException toAws(ReturnValuesOnConditionCheckFailure option) {
            return DynamoDbErrors.conditionFailed(option == ReturnValuesOnConditionCheckFailure.ALL_OLD ? item : null);
        }
    }

    private Writes() {
    }

    /** A put of a whole item (validated by the caller: values and numbers). */
    static Planned put(Table t, Map<String, AttributeValue> item, Condition condition) {
        ItemRules.checkPut(t, item);
        ItemKey k = ItemKey.of(t.key(), item);
        Map<String, AttributeValue> before = t.get(k);
        check(condition, before);
        return new Planned(t, k, before, item);
    }

    /** An update of the item with this key (validated by {@link KeySchema#validKey}); it is created when missing. */
    static Planned update(Table t, Map<String, AttributeValue> key, UpdateExpression update, Condition condition) {
        for (Path p : update.paths()) {
            if (t.key().isKey(p.head())) {
                throw DynamoDbErrors.validation("One or more parameter values were invalid: Cannot update attribute " + p.head()
                        + ". This attribute is part of the key");
            }
        }
        for (SecondaryIndex i : t.indexes()) {
            for (KeySchema.KeyAttribute a : i.key().range() == null ? List.of(i.key().hash()) : List.of(i.key().hash(), i.key().range())) {
                for (UpdateExpression.Action action : update.actions()) {
                    var type = UpdateExpression.staticType(action);
                    if (action.path().isTopLevel() && action.path().head().equals(a.name()) && type != null
                            && !type.name().equals(a.type().toString())) {
                        throw DynamoDbErrors.validation("One or more parameter values were invalid: Type mismatch for Index Key " + a.name()
                                + " Expected: " + a.type() + " Actual: " + type + " IndexName: " + i.name());
                    }
                }
            }
        }
        ItemRules.checkKeyPaths(t, update.paths());
        ItemRules.checkKeyPaths(t, update.readPaths());
        ItemKey k = ItemKey.of(t.key(), key);
        Map<String, AttributeValue> before = t.get(k);
        check(condition, before);
        Map<String, AttributeValue> after = update.apply(before != null ? before : key);
        for (SecondaryIndex i : t.indexes()) {
            for (String name : i.key().names()) {
                AttributeValue v = after.get(name);
                if (v != null && !t.key().isKey(name) && !KeySchema.typeOf(v).equals((name.equals(i.key().hash().name()) ? i.key().hash()
                        : i.key().range()).type().toString())) {
                    throw DynamoDbErrors.validation("The update expression attempted to update the secondary index key to unsupported type");
                }
            }
        }
        ItemRules.checkUpdated(t, after);
        return new Planned(t, k, before, after);
    }

    /** A delete of the item with this key (validated); deleting a missing item is no error. */
    static Planned delete(Table t, Map<String, AttributeValue> key, Condition condition) {
        ItemKey k = ItemKey.of(t.key(), key);
        Map<String, AttributeValue> before = t.get(k);
        check(condition, before);
        return new Planned(t, k, before, null);
    }

    /** A condition alone (a transaction's ConditionCheck). */
    static void check(Condition condition, Map<String, AttributeValue> item) {
        if (condition != null && !condition.test(item == null ? Map.of() : item)) {
            throw new ConditionFailed(item);
        }
    }

    /** The size of the written item's collection, for tables with local indexes when SIZE was asked; else null. */
    static ItemCollectionMetrics collectionMetrics(Table t, Map<String, AttributeValue> item, ReturnItemCollectionMetrics option) {
        if (option != ReturnItemCollectionMetrics.SIZE || t.localIndexes().isEmpty() || item == null) {
            return null;
        }
        AttributeValue hash = item.get(t.key().hash().name());
        long bytes = 0;
        for (Map<String, AttributeValue> i : t.items().values()) {
            if (AttributeValues.equal(i.get(t.key().hash().name()), hash)) {
                bytes += AttributeValues.itemSize(i);
                for (SecondaryIndex index : t.localIndexes()) {
                    bytes += index.contains(i) ? AttributeValues.itemSize(index.project(i, t.key())) : 0;
                }
            }
        }
        double gb = bytes / (1024.0 * 1024 * 1024);
        return ItemCollectionMetrics.builder().itemCollectionKey(Map.of(t.key().hash().name(), hash))
                .sizeEstimateRangeGB(List.of(Math.floor(gb), Math.floor(gb) + 1)).build();
    }
}
