package io.eventharness.emulator.dynamodb;

import io.eventharness.emulator.dynamodb.expr.ExpressionContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The rules about a request's members that several operations share: expression parameters and the legacy ones
 * they replace (never both), placeholders only with expressions, and the enums of return options.
 */
final class Requests {
    private Requests() {
    }

    /** The members of one request that are expressions, and those that are the legacy parameters, by name. */
    static final class Members {
        private final Map<String, Object> expressions = new LinkedHashMap<>();
        private final Map<String, Object> legacy = new LinkedHashMap<>();

        Members expression(String name, Object value) {
            expressions.put(name, value);
            return this;
        }

        Members legacy(String name, Object value, boolean present) {
            legacy.put(name, present ? value : null);
            return this;
        }

        /** {@link #check}, then the placeholders' context (their own checks come after those of the members). */
        ExpressionContext context(boolean hasNames, Map<String, String> names, boolean hasValues, Map<String, AttributeValue> values) {
            check(hasNames, hasValues);
            return ExpressionContext.of(hasNames ? names : null, hasValues ? values : null);
        }

        /**
         * Checks the mix: DynamoDB refuses expression and legacy members together, names without any expression, and
         * values without an expression that takes values (a ProjectionExpression takes none).
         */
        Members check(boolean hasNames, boolean hasValues) {
            List<String> usedExpressions = present(expressions);
            List<String> usedLegacy = present(legacy);
            if (!usedExpressions.isEmpty() && !usedLegacy.isEmpty()) {
                throw DynamoDbErrors.validation("Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {" + String.join(", ", usedLegacy) + "} Expression parameters: {"
                        + String.join(", ", usedExpressions) + "}");
            }
            if (hasNames && usedExpressions.isEmpty()) {
                throw DynamoDbErrors.validation("ExpressionAttributeNames can only be specified when using expressions");
            }
            List<String> valueExpressions = new ArrayList<>(expressions.keySet());
            valueExpressions.remove("ProjectionExpression");
            if (hasValues && valueExpressions.stream().allMatch(e -> expressions.get(e) == null)) {
                throw DynamoDbErrors.validation("ExpressionAttributeValues can only be specified when using expressions: "
                        + String.join(" and ", valueExpressions) + (valueExpressions.size() > 1 ? " are" : " is") + " null");
            }
            return this;
        }

        private static List<String> present(Map<String, Object> members) {
            return members.entrySet().stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey).toList();
        }
    }

    static Members members() {
        return new Members();
    }

    /** The enum constraint of ReturnValues. */
    static void returnValues(Constraints c, ReturnValue v, String text) {
        c.enumValue(v, text, "returnValues", "ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW");
    }

    /** ReturnValues among the allowed ones ("Return values set to invalid value" otherwise); NONE when absent. */
    static ReturnValue returnValues(ReturnValue v, String text, ReturnValue... allowed) {
        if (text == null) {
            return ReturnValue.NONE;
        }
        for (ReturnValue a : allowed) {
            if (a == v) {
                return v;
            }
        }
        if (allowed.length == 2) {
            throw DynamoDbErrors.validation("ReturnValues can only be ALL_OLD or NONE");
        }
        throw DynamoDbErrors.validation("Return values set to invalid value");
    }

    static void returnOptions(Constraints c, ReturnConsumedCapacity capacity, String capacityText,
                              ReturnItemCollectionMetrics metrics, String metricsText) {
        c.enumValue(capacity, capacityText, "returnConsumedCapacity", "INDEXES, TOTAL, NONE")
                .enumValue(metrics, metricsText, "returnItemCollectionMetrics", "SIZE, NONE");
    }

    /** The enum constraints of the return options of PutItem, UpdateItem and DeleteItem. */
    static Constraints writeOptions(Constraints c, ReturnConsumedCapacity capacity, String capacityText, ReturnItemCollectionMetrics metrics,
                                    String metricsText, ReturnValuesOnConditionCheckFailure onFailure, String onFailureText,
                                    ReturnValue values, String valuesText) {
        returnOptions(c, capacity, capacityText, metrics, metricsText);
        onConditionFailure(c, onFailure, onFailureText);
        returnValues(c, values, valuesText);
        return c;
    }

    static void onConditionFailure(Constraints c, ReturnValuesOnConditionCheckFailure v, String text) {
        c.enumValue(v, text, "returnValuesOnConditionCheckFailure", "ALL_OLD, NONE");
    }
}
