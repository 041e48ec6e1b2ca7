package io.eventharness.emulator.dynamodb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.core.Json;
import io.eventharness.emulator.protocol.JsonShapes;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;

/** DynamoDB's errors: the codes the SDK maps to its typed exceptions, with DynamoDB's statuses and wording. */
final class DynamoDbErrors {
    static final String CONDITION_FAILED = "The conditional request failed";

    private DynamoDbErrors() {
    }

    static AwsException validation(String message) {
        return AwsException.validation(message);
    }

    /** A value that breaks a member's constraint, in the words of the service model's validator. */
    static AwsException constraint(Object value, String member, String constraint) {
        return validation("1 validation error detected: " + constraintText(value, member, constraint));
    }

    static String constraintText(Object value, String member, String constraint) {
        String shown = value == null ? "null" : "'" + value + "'";
        return "Value " + shown + " at '" + member + "' failed to satisfy constraint: " + constraint;
    }

    /** An item operation on a table that does not exist. */
    static AwsException tableNotFound() {
        return AwsException.of(400, "ResourceNotFoundException", "Requested resource not found");
    }

    /** DescribeTable, DeleteTable, UpdateTable on a table that does not exist. */
    static AwsException tableNotFound(String name) {
        return AwsException.of(400, "ResourceNotFoundException", "Requested resource not found: Table: " + name + " not found");
    }

    static AwsException resourceNotFound(String message) {
        return AwsException.of(400, "ResourceNotFoundException", message);
    }

    static AwsException inUse(String message) {
        return AwsException.of(400, "ResourceInUseException", message);
    }

    static AwsException limitExceeded(String message) {
        return AwsException.of(400, "LimitExceededException", message);
    }

    /** ConditionalCheckFailedException; with the item as it is when ReturnValuesOnConditionCheckFailure is ALL_OLD. */
    static AwsException conditionFailed(Map<String, AttributeValue> item) {
        AwsException e = AwsException.of(400, "ConditionalCheckFailedException", CONDITION_FAILED);
        if (item != null) {
            e.withJsonMember("Item", JsonShapes.JSON.write(AttributeValue.fromM(item)).get("M"));
        }
        return e;
    }

    /**
     * TransactionCanceledException with one reason per action, in order: {@code None} for those that did not fail;
     * the message lists the codes as DynamoDB does.
     */
    static AwsException transactionCanceled(List<CancellationReason> reasons) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        reasons.forEach(r -> list.add(JsonShapes.JSON.write(r)));
        String codes = String.join(", ", reasons.stream().map(CancellationReason::code).toList());
        return AwsException.of(400, "TransactionCanceledException",
                        "Transaction cancelled, please refer cancellation reasons for specific reasons [" + codes + "]")
                .withJsonMember("CancellationReasons", list);
    }

    static AwsException idempotentParameterMismatch() {
        return AwsException.of(400, "IdempotentParameterMismatchException",
                "Request parameters do not match the parameters of an earlier request with the same client request token");
    }

    /** A parameter that DynamoDB has and the emulator does not simulate: refused rather than ignored. */
    static AwsException notSimulated(String parameter) {
        return validation("The emulator does not simulate " + parameter + "; remove it from the request");
    }
}
