package io.eventharness.emulator.sns;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.AwsException;

/**
 * SNS's errors, with the query error codes the SDK maps to its typed exceptions
 * ({@code InvalidParameter} → {@code InvalidParameterException}, {@code ParameterValueInvalid} →
 * {@code InvalidParameterValueException}, {@code NotFound} → {@code NotFoundException}, ...), as
 * registered by {@code DefaultSnsClient} of SDK 2.57.
 */
final class SnsErrors {
    private SnsErrors() {
    }

    /** {@code 400 InvalidParameter}: the message is AWS's full text, usually "Invalid parameter: …". */
    static AwsException invalidParameter(String message) {
        return AwsException.of(400, "InvalidParameter", message);
    }

    /** {@code 400 ParameterValueInvalid}: what SNS answers for bad message attributes. */
    static AwsException parameterValueInvalid(String message) {
        return AwsException.of(400, "ParameterValueInvalid", message);
    }

    static AwsException topicNotFound() {
        return AwsException.of(404, "NotFound", "Topic does not exist");
    }

    static AwsException subscriptionNotFound() {
        return AwsException.of(404, "NotFound", "Subscription does not exist");
    }

    static AwsException resourceNotFound() {
        return AwsException.of(404, "ResourceNotFound", "Resource does not exist");
    }

    /** A topic of another account: AWS cannot tell whether it exists and refuses the action. */
    static AwsException authorization(String action, String arn) {
        return AwsException.of(403, "AuthorizationError", "User: " + Arn.global("iam", "root")
                + " is not authorized to perform: SNS:" + action + " on resource: " + arn
                + " because no resource-based policy allows the SNS:" + action + " action");
    }

    /** A required member that is absent: AWS's model validation. */
    static AwsException missing(String member) {
        return AwsException.of(400, "ValidationError", "1 validation error detected: Value null at '" + member
                + "' failed to satisfy constraint: Member must not be null");
    }

    static AwsException emptyBatch() {
        return AwsException.of(400, "EmptyBatchRequest", "The batch request doesn't contain any entries.");
    }

    static AwsException tooManyEntries() {
        return AwsException.of(400, "TooManyEntriesInBatchRequest", "The batch request contains more entries than permissible.");
    }

    static AwsException idsNotDistinct() {
        return AwsException.of(400, "BatchEntryIdsNotDistinct", "Two or more batch entries in the request have the same Id.");
    }

    static AwsException invalidBatchEntryId(String id) {
        return AwsException.of(400, "InvalidBatchEntryId", id != null && id.length() > 80
                ? "The Id of a batch entry in the batch request is too long: " + id
                : "The Id of a batch entry in the batch request contains an impermissible character: " + id);
    }

    static AwsException batchTooLong() {
        return AwsException.of(400, "BatchRequestTooLong", "The length of all the messages put together is more than the limit.");
    }

    static AwsException filterPolicyLimit() {
        return AwsException.of(403, "FilterPolicyLimitExceeded", "Filter policy limit exceeded: a topic can have at most 200 filter policies.");
    }

    static AwsException tagLimit() {
        return AwsException.of(400, "TagLimitExceeded", "Could not complete request: tag quota of per resource exceeded");
    }
}
