package io.eventharness.emulator.dynamodb;

import io.eventharness.emulator.dynamodb.expr.AttributeValues;
import io.eventharness.emulator.dynamodb.expr.Condition;
import io.eventharness.emulator.dynamodb.expr.Documents;
import io.eventharness.emulator.dynamodb.expr.ExpressionContext;
import io.eventharness.emulator.dynamodb.expr.Expressions;
import io.eventharness.emulator.dynamodb.expr.Path;
import io.eventharness.emulator.dynamodb.expr.UpdateExpression;
import io.eventharness.emulator.protocol.Call;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** PutItem, GetItem, UpdateItem and DeleteItem, with conditions (expressions or legacy Expected) and ReturnValues. */
public final class ItemOperations {
    private final Tables tables;

    ItemOperations(Tables tables) {
        this.tables = tables;
    }

    public PutItemResponse putItem(PutItemRequest r, Call call) {
        Constraints c = new Constraints().tableName(r.tableName(), "tableName", true).notNull(r.hasItem() ? r.item() : null, "item");
        Requests.writeOptions(c, r.returnConsumedCapacity(), r.returnConsumedCapacityAsString(), r.returnItemCollectionMetrics(),
                r.returnItemCollectionMetricsAsString(), r.returnValuesOnConditionCheckFailure(), r.returnValuesOnConditionCheckFailureAsString(),
                r.returnValues(), r.returnValuesAsString()).check();
        conditionMembers(r.conditionExpression(), r.hasExpected() ? r.expected() : null, r.conditionalOperatorAsString())
                .check(r.hasExpressionAttributeNames(), r.hasExpressionAttributeValues());
        Map<String, AttributeValue> item = AttributeValues.validItem(r.item());
        ItemRules.checkSize(item);
        ReturnValue rv = Requests.returnValues(r.returnValues(), r.returnValuesAsString(), ReturnValue.NONE, ReturnValue.ALL_OLD);
        ExpressionContext ctx = context(r.hasExpressionAttributeNames(), r.expressionAttributeNames(), r.hasExpressionAttributeValues(),
                r.expressionAttributeValues());
        Condition condition = condition(r.conditionExpression(), ctx, r.hasExpected() ? r.expected() : null, r.conditionalOperator());
        return tables.locked(() -> {
            Table t = tables.get(call.region(), r.tableName());
            Writes.Planned p;
            try {
                p = Writes.put(t, item, condition);
            } catch (Writes.ConditionFailed e) {
                throw e.toAws(r.returnValuesOnConditionCheckFailure());
            }
            p.apply();
            return PutItemResponse.builder().attributes(rv == ReturnValue.ALL_OLD ? p.before() : null)
                    .consumedCapacity(new Capacity(t).write(p.before(), p.after(), false).report(r.returnConsumedCapacity()))
                    .itemCollectionMetrics(Writes.collectionMetrics(t, item, r.returnItemCollectionMetrics())).build();
        });
    }

    public GetItemResponse getItem(GetItemRequest r, Call call) {
        Constraints c = new Constraints().tableName(r.tableName(), "tableName", true).notNull(r.hasKey() ? r.key() : null, "key");
        c.enumValue(r.returnConsumedCapacity(), r.returnConsumedCapacityAsString(), "returnConsumedCapacity", "INDEXES, TOTAL, NONE").check();
        Requests.members().expression("ProjectionExpression", r.projectionExpression())
                .legacy("AttributesToGet", r.attributesToGet(), r.hasAttributesToGet()).check(r.hasExpressionAttributeNames(), false);
        Map<String, AttributeValue> keyValues = AttributeValues.validItem(r.key());
        ExpressionContext ctx = context(r.hasExpressionAttributeNames(), r.expressionAttributeNames(), false, null);
        List<Path> projection = projection(r.projectionExpression(), ctx, r.hasAttributesToGet() ? r.attributesToGet() : null);
        return tables.locked(() -> {
            Table t = tables.get(call.region(), r.tableName());
            Map<String, AttributeValue> key = t.key().validKey(keyValues);
            if (projection != null) {
                ItemRules.checkKeyPaths(t, projection);
            }
            Map<String, AttributeValue> item = t.get(ItemKey.of(t.key(), key));
            boolean consistent = Boolean.TRUE.equals(r.consistentRead());
            GetItemResponse.Builder b = GetItemResponse.builder().consumedCapacity(new Capacity(t)
                    .read(null, item == null ? 0 : AttributeValues.itemSize(item), consistent, false).report(r.returnConsumedCapacity()));
            if (item != null) {
                b.item(projection == null ? item : Documents.project(item, projection));
            }
            return b.build();
        });
    }

    public UpdateItemResponse updateItem(UpdateItemRequest r, Call call) {
        Constraints c = new Constraints().tableName(r.tableName(), "tableName", true).notNull(r.hasKey() ? r.key() : null, "key");
        Requests.writeOptions(c, r.returnConsumedCapacity(), r.returnConsumedCapacityAsString(), r.returnItemCollectionMetrics(),
                r.returnItemCollectionMetricsAsString(), r.returnValuesOnConditionCheckFailure(), r.returnValuesOnConditionCheckFailureAsString(),
                r.returnValues(), r.returnValuesAsString()).check();
        Requests.members().expression("UpdateExpression", r.updateExpression())
                .expression("ConditionExpression", r.conditionExpression())
                .legacy("AttributeUpdates", r.attributeUpdates(), r.hasAttributeUpdates())
                .legacy("Expected", r.expected(), r.hasExpected()).legacy("ConditionalOperator", r.conditionalOperatorAsString(), true)
                .check(r.hasExpressionAttributeNames(), r.hasExpressionAttributeValues());
        Map<String, AttributeValue> keyValues = AttributeValues.validItem(r.key());
        ReturnValue rv = Requests.returnValues(r.returnValues(), r.returnValuesAsString(), ReturnValue.values());
        ExpressionContext ctx = context(r.hasExpressionAttributeNames(), r.expressionAttributeNames(), r.hasExpressionAttributeValues(),
                r.expressionAttributeValues());
        UpdateExpression update = r.updateExpression() != null ? Expressions.update(r.updateExpression(), ctx)
                : Legacy.attributeUpdates(r.hasAttributeUpdates() ? r.attributeUpdates() : Map.of());
        Condition condition = condition(r.conditionExpression(), ctx, r.hasExpected() ? r.expected() : null, r.conditionalOperator());
        return tables.locked(() -> {
            Table t = tables.get(call.region(), r.tableName());
            Map<String, AttributeValue> key = t.key().validKey(keyValues);
            Writes.Planned p;
            try {
                p = Writes.update(t, key, update, condition);
            } catch (Writes.ConditionFailed e) {
                throw e.toAws(r.returnValuesOnConditionCheckFailure());
            }
            p.apply();
            Map<String, AttributeValue> attributes = switch (rv) {
                case ALL_OLD -> p.before();
                case ALL_NEW -> p.after();
                case UPDATED_OLD -> p.before() == null ? null : Documents.project(p.before(), update.paths());
                case UPDATED_NEW -> Documents.project(p.after(), update.paths());
                default -> null;
            };
            return UpdateItemResponse.builder().attributes(attributes == null || attributes.isEmpty() ? null : attributes)
                    .consumedCapacity(new Capacity(t).write(p.before(), p.after(), false).report(r.returnConsumedCapacity()))
                    .itemCollectionMetrics(Writes.collectionMetrics(t, p.after(), r.returnItemCollectionMetrics())).build();
        });
    }

    public DeleteItemResponse deleteItem(DeleteItemRequest r, Call call) {
        Constraints c = new Constraints().tableName(r.tableName(), "tableName", true).notNull(r.hasKey() ? r.key() : null, "key");
        Requests.writeOptions(c, r.returnConsumedCapacity(), r.returnConsumedCapacityAsString(), r.returnItemCollectionMetrics(),
                r.returnItemCollectionMetricsAsString(), r.returnValuesOnConditionCheckFailure(), r.returnValuesOnConditionCheckFailureAsString(),
                r.returnValues(), r.returnValuesAsString()).check();
        conditionMembers(r.conditionExpression(), r.hasExpected() ? r.expected() : null, r.conditionalOperatorAsString())
                .check(r.hasExpressionAttributeNames(), r.hasExpressionAttributeValues());
        Map<String, AttributeValue> keyValues = AttributeValues.validItem(r.key());
        ReturnValue rv = Requests.returnValues(r.returnValues(), r.returnValuesAsString(), ReturnValue.NONE, ReturnValue.ALL_OLD);
        ExpressionContext ctx = context(r.hasExpressionAttributeNames(), r.expressionAttributeNames(), r.hasExpressionAttributeValues(),
                r.expressionAttributeValues());
        Condition condition = condition(r.conditionExpression(), ctx, r.hasExpected() ? r.expected() : null, r.conditionalOperator());
        return tables.locked(() -> {
            Table t = tables.get(call.region(), r.tableName());
            Map<String, AttributeValue> key = t.key().validKey(keyValues);
            Writes.Planned p;
            try {
                p = Writes.delete(t, key, condition);
            } catch (Writes.ConditionFailed e) {
                throw e.toAws(r.returnValuesOnConditionCheckFailure());
            }
            p.apply();
            return DeleteItemResponse.builder().attributes(rv == ReturnValue.ALL_OLD ? p.before() : null)
                    .consumedCapacity(new Capacity(t).write(p.before(), null, false).report(r.returnConsumedCapacity()))
                    .itemCollectionMetrics(Writes.collectionMetrics(t, p.before(), r.returnItemCollectionMetrics())).build();
        });
    }

    static ExpressionContext context(boolean hasNames, Map<String, String> names, boolean hasValues, Map<String, AttributeValue> values) {
        return ExpressionContext.of(hasNames ? names : null, hasValues ? values : null);
    }

    private static Requests.Members conditionMembers(String expression, Object expected, String conditionalOperator) {
        return Requests.members().expression("ConditionExpression", expression).legacy("Expected", expected, expected != null)
                .legacy("ConditionalOperator", conditionalOperator, true);
    }

    /** The condition of a write: its ConditionExpression or its Expected; all placeholders must be used. */
    static Condition condition(String expression, ExpressionContext ctx, Map<String, software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue> expected,
                               software.amazon.awssdk.services.dynamodb.model.ConditionalOperator op) {
        Condition c = expression != null ? Expressions.condition("ConditionExpression", expression, ctx) : Legacy.expected(expected, op);
        ctx.checkAllUsed();
        return c;
    }

    /** The projection of a read: its ProjectionExpression or its AttributesToGet; null for the whole item. */
    static List<Path> projection(String expression, ExpressionContext ctx, List<String> attributesToGet) {
        List<Path> p = expression != null ? Expressions.projection(expression, ctx) : Legacy.attributesToGet(attributesToGet);
        ctx.checkAllUsed();
        return p;
    }
}
