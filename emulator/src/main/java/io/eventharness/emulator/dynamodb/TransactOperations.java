package io.eventharness.emulator.dynamodb;

import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.dynamodb.expr.AttributeValues;
import io.eventharness.emulator.dynamodb.expr.Condition;
import io.eventharness.emulator.dynamodb.expr.Documents;
import io.eventharness.emulator.dynamodb.expr.ExpressionContext;
import io.eventharness.emulator.dynamodb.expr.Expressions;
import io.eventharness.emulator.dynamodb.expr.Path;
import io.eventharness.emulator.dynamodb.expr.UpdateExpression;
import io.eventharness.emulator.protocol.Call;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/**
 * TransactWriteItems and TransactGetItems: up to 100 actions on distinct items, all or nothing. A write transaction
 * first works out every action (conditions, updates); if any fails, none is applied and the
 * TransactionCanceledException lists a reason per action, in order ({@code None} for those that did not fail,
 * {@code ConditionalCheckFailed} with the item when asked, {@code ValidationError}). A ClientRequestToken makes the
 * call idempotent for 10 minutes of the emulator clock: the same request again returns the same answer without
 * writing; another request with the same token is IdempotentParameterMismatchException.
 */
public final class TransactOperations {
    private static final int MAX_ACTIONS = 100;
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);

    private final Tables tables;
    private final Map<String, Idempotent> tokens = new HashMap<>();

    /** A transaction done under a client token. */
    private record Idempotent(TransactWriteItemsRequest request, TransactWriteItemsResponse response, Instant until) {
    }

    /** One action of a write transaction, checked: what to plan once the tables are locked. */
    private record Action(Table table, Map<String, AttributeValue> key, Supplier<Writes.Planned> plan,
                          ReturnValuesOnConditionCheckFailure onFailure) {
    }

    TransactOperations(Tables tables) {
        this.tables = tables;
    }

    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest r, Call call) {
        Constraints c = new Constraints().notNull(r.hasTransactItems() ? r.transactItems() : null, "transactItems")
                .size(r.hasTransactItems() ? r.transactItems() : null, "transactItems", 1, MAX_ACTIONS)
                .length(r.clientRequestToken(), "clientRequestToken", 1, 36)
                .noNulls(r.hasTransactItems() ? r.transactItems() : null, "transactItems");
        Requests.returnOptions(c, r.returnConsumedCapacity(), r.returnConsumedCapacityAsString(), r.returnItemCollectionMetrics(),
                r.returnItemCollectionMetricsAsString());
        c.check();
        return tables.locked(() -> {
            Instant now = tables.clock().now();
            tokens.values().removeIf(t -> t.until().isBefore(now));
            Idempotent before = r.clientRequestToken() == null ? null : tokens.get(r.clientRequestToken());
            if (before != null) {
                if (!before.request().equals(r)) {
                    throw DynamoDbErrors.idempotentParameterMismatch();
                }
                return before.response();
            }
            List<Action> actions = new ArrayList<>();
            Set<String> items = new HashSet<>();
            for (TransactWriteItem item : r.transactItems()) {
                Action a = action(item, call);
                if (!items.add(a.table().arn() + "\n" + ItemKey.of(a.table().key(), a.key()))) {
                    throw DynamoDbErrors.validation("Transaction request cannot include multiple operations on one item");
                }
                actions.add(a);
            }
            List<Writes.Planned> planned = new ArrayList<>();
            List<CancellationReason> reasons = new ArrayList<>();
            boolean failed = false;
            for (Action a : actions) {
                try {
                    planned.add(a.plan().get());
                    reasons.add(CancellationReason.builder().code("None").build());
                } catch (Writes.ConditionFailed e) {
                    failed = true;
                    reasons.add(CancellationReason.builder().code("ConditionalCheckFailed").message(DynamoDbErrors.CONDITION_FAILED)
                            .item(a.onFailure() == ReturnValuesOnConditionCheckFailure.ALL_OLD ? e.item : null).build());
                } catch (AwsException e) {
                    if (!e.code().equals("ValidationException")) {
                        throw e;
                    }
                    failed = true;
                    reasons.add(CancellationReason.builder().code("ValidationError").message(e.getMessage()).build());
                }
            }
            if (failed) {
                throw DynamoDbErrors.transactionCanceled(reasons);
            }
            Map<String, Capacity> capacity = new LinkedHashMap<>();
            for (Writes.Planned p : planned) {
                if (p != null) {
                    p.apply();
                    capacity.computeIfAbsent(p.table().name(), k -> new Capacity(p.table())).write(p.before(), p.after(), true);
                }
            }
            TransactWriteItemsResponse response = TransactWriteItemsResponse.builder()
                    .consumedCapacity(BatchOperations.report(capacity, r.returnConsumedCapacity())).build();
            if (r.clientRequestToken() != null) {
                tokens.put(r.clientRequestToken(), new Idempotent(r, response, now.plus(TOKEN_LIFETIME)));
            }
            return response;
        });
    }

    /** Checks one action (its table, key, expressions) and says how to plan it. */
    private Action action(TransactWriteItem item, Call call) {
        int set = (item.put() != null ? 1 : 0) + (item.update() != null ? 1 : 0) + (item.delete() != null ? 1 : 0)
                + (item.conditionCheck() != null ? 1 : 0);
        if (set != 1) {
            throw DynamoDbErrors.validation("TransactItems can only contain one of Check, Put, Update or Delete");
        }
        if (item.put() != null) {
            var p = item.put();
            Table t = table(p.tableName(), call);
            Condition cond = condition(p.conditionExpression(), p.hasExpressionAttributeNames(), p.expressionAttributeNames(),
                    p.hasExpressionAttributeValues(), p.expressionAttributeValues());
            Map<String, AttributeValue> full = AttributeValues.validItem(p.hasItem() ? p.item() : Map.of());
            ItemRules.checkPut(t, full);
            return new Action(t, t.key().keyOf(full), () -> Writes.put(t, full, cond), p.returnValuesOnConditionCheckFailure());
        }
        if (item.update() != null) {
            var u = item.update();
            Table t = table(u.tableName(), call);
            ExpressionContext ctx = Requests.members().expression("UpdateExpression", u.updateExpression())
                    .expression("ConditionExpression", u.conditionExpression())
                    .context(u.hasExpressionAttributeNames(), u.expressionAttributeNames(), u.hasExpressionAttributeValues(), u.expressionAttributeValues());
            if (u.updateExpression() == null) {
                throw DynamoDbErrors.constraint(null, "transactItems.member.update.updateExpression", "Member must not be null");
            }
            UpdateExpression update = Expressions.update(u.updateExpression(), ctx);
            Condition cond = u.conditionExpression() == null ? null : Expressions.condition("ConditionExpression", u.conditionExpression(), ctx);
            ctx.checkAllUsed();
            Map<String, AttributeValue> key = t.key().validKey(u.key());
            return new Action(t, key, () -> Writes.update(t, key, update, cond), u.returnValuesOnConditionCheckFailure());
        }
        if (item.delete() != null) {
            var d = item.delete();
            Table t = table(d.tableName(), call);
            Condition cond = condition(d.conditionExpression(), d.hasExpressionAttributeNames(), d.expressionAttributeNames(),
                    d.hasExpressionAttributeValues(), d.expressionAttributeValues());
            Map<String, AttributeValue> key = t.key().validKey(d.key());
            return new Action(t, key, () -> Writes.delete(t, key, cond), d.returnValuesOnConditionCheckFailure());
        }
        var check = item.conditionCheck();
        Table t = table(check.tableName(), call);
        if (check.conditionExpression() == null) {
            throw DynamoDbErrors.constraint(null, "transactItems.member.conditionCheck.conditionExpression", "Member must not be null");
        }
        Condition cond = condition(check.conditionExpression(), check.hasExpressionAttributeNames(), check.expressionAttributeNames(),
                check.hasExpressionAttributeValues(), check.expressionAttributeValues());
        Map<String, AttributeValue> key = t.key().validKey(check.key());
        return new Action(t, key, () -> {
            Writes.check(cond, t.get(ItemKey.of(t.key(), key)));
            return null;
        }, check.returnValuesOnConditionCheckFailure());
    }

    private static Condition condition(String expression, boolean hasNames, Map<String, String> names, boolean hasValues,
                                       Map<String, AttributeValue> values) {
        ExpressionContext ctx = Requests.members().expression("ConditionExpression", expression).context(hasNames, names, hasValues, values);
        Condition c = expression == null ? null : Expressions.condition("ConditionExpression", expression, ctx);
        ctx.checkAllUsed();
        return c;
    }

    private Table table(String name, Call call) {
        new Constraints().tableName(name, "transactItems.member.tableName", true).check();
        return tables.get(call.region(), name);
    }

    public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest r, Call call) {
        new Constraints().notNull(r.hasTransactItems() ? r.transactItems() : null, "transactItems")
                .size(r.hasTransactItems() ? r.transactItems() : null, "transactItems", 1, MAX_ACTIONS)
                .noNulls(r.hasTransactItems() ? r.transactItems() : null, "transactItems")
                .enumValue(r.returnConsumedCapacity(), r.returnConsumedCapacityAsString(), "returnConsumedCapacity", "INDEXES, TOTAL, NONE").check();
        return tables.locked(() -> {
            Set<String> items = new HashSet<>();
            List<ItemResponse> responses = new ArrayList<>();
            Map<String, Capacity> capacity = new LinkedHashMap<>();
            for (TransactGetItem g : r.transactItems()) {
                if (g.get() == null) {
                    throw DynamoDbErrors.constraint(null, "transactItems.member.get", "Member must not be null");
                }
                var get = g.get();
                Table t = table(get.tableName(), call);
                ExpressionContext ctx = Requests.members().expression("ProjectionExpression", get.projectionExpression())
                        .context(get.hasExpressionAttributeNames(), get.expressionAttributeNames(), false, null);
                List<Path> projection = ItemOperations.projection(get.projectionExpression(), ctx, null);
                Map<String, AttributeValue> key = t.key().validKey(get.key());
                ItemKey k = ItemKey.of(t.key(), key);
                if (!items.add(t.arn() + "\n" + k)) {
                    throw DynamoDbErrors.validation("Transaction request cannot include multiple operations on one item");
                }
                Map<String, AttributeValue> item = t.get(k);
                capacity.computeIfAbsent(t.name(), x -> new Capacity(t)).read(null, item == null ? 0 : AttributeValues.itemSize(item), true, true);
                responses.add(item == null ? ItemResponse.builder().build()
                        : ItemResponse.builder().item(projection == null ? item : Documents.project(item, projection)).build());
            }
            return TransactGetItemsResponse.builder().responses(responses)
                    .consumedCapacity(BatchOperations.report(capacity, r.returnConsumedCapacity())).build();
        });
    }
}
