package io.eventharness.emulator.sqs;

import io.eventharness.emulator.core.AwsException;

/**
 * SQS's errors: the JSON code the SDK maps to its typed exception, and the legacy query code
 * ({@code x-amzn-query-error}, and the query protocol's {@code <Code>}) that the AWS CLI and boto3 read.
 */
final class SqsErrors {
    private SqsErrors() {
    }

    /** The parameter's value; MissingParameter naming it when the request has none. */
    static <T> T required(T value, String name) {
        if (value == null) {
            throw missingParameter(name);
        }
        return value;
    }

    static AwsException queueDoesNotExist() {
        return AwsException.of(400, "QueueDoesNotExist", "The specified queue does not exist.")
                .withQueryCode("AWS.SimpleQueueService.NonExistentQueue");
    }

    static AwsException queueNameExists(String name) {
        return AwsException.of(400, "QueueNameExists", "A queue already exists with the same name and a different value for attribute(s) of " + name)
                .withQueryCode("QueueAlreadyExists");
    }

    static AwsException invalidParameterValue(String message) {
        return AwsException.of(400, "InvalidParameterValue", message).withQueryCode("InvalidParameterValue");
    }

    static AwsException missingParameter(String name) {
        return AwsException.of(400, "MissingParameter", "The request must contain the parameter " + name + ".")
                .withQueryCode("MissingParameter");
    }

    static AwsException invalidAttributeName(String name) {
        return AwsException.of(400, "InvalidAttributeName", "Unknown Attribute " + name + ".")
                .withQueryCode("InvalidAttributeName");
    }

    static AwsException invalidAttributeValue(String message) {
        return AwsException.of(400, "InvalidAttributeValue", message).withQueryCode("InvalidAttributeValue");
    }

    static AwsException receiptHandleIsInvalid(String handle) {
        return AwsException.of(400, "ReceiptHandleIsInvalid", "The input receipt handle \"" + handle + "\" is not a valid receipt handle.")
                .withQueryCode("ReceiptHandleIsInvalid");
    }

    static AwsException messageNotInflight() {
        return AwsException.of(400, "MessageNotInflight", "The message referred to isn't in flight.")
                .withQueryCode("AWS.SimpleQueueService.MessageNotInflight");
    }

    static AwsException emptyBatch() {
        return AwsException.of(400, "EmptyBatchRequest", "There should be at least one SendMessageBatchRequestEntry in the request.")
                .withQueryCode("AWS.SimpleQueueService.EmptyBatchRequest");
    }

    static AwsException tooManyEntries(int n) {
        return AwsException.of(400, "TooManyEntriesInBatchRequest", "Maximum number of entries per request are 10. You have sent " + n + ".")
                .withQueryCode("AWS.SimpleQueueService.TooManyEntriesInBatchRequest");
    }

    static AwsException idsNotDistinct(String id) {
        return AwsException.of(400, "BatchEntryIdsNotDistinct", "Id " + id + " repeated.")
                .withQueryCode("AWS.SimpleQueueService.BatchEntryIdsNotDistinct");
    }

    static AwsException invalidBatchEntryId(String id) {
        return AwsException.of(400, "InvalidBatchEntryId", "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.")
                .withQueryCode("AWS.SimpleQueueService.InvalidBatchEntryId");
    }

    static AwsException batchTooLong(long size, long max) {
        return AwsException.of(400, "BatchRequestTooLong", "Batch requests cannot be longer than " + max + " bytes. You have sent " + size + " bytes.")
                .withQueryCode("AWS.SimpleQueueService.BatchRequestTooLong");
    }

    static AwsException purgeInProgress(String name) {
        return AwsException.of(400, "PurgeQueueInProgress", "Only one PurgeQueue operation on " + name + " is allowed every 60 seconds.")
                .withQueryCode("AWS.SimpleQueueService.PurgeQueueInProgress");
    }

    static AwsException invalidMessageContents() {
        return AwsException.of(400, "InvalidMessageContents", "Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF")
                .withQueryCode("InvalidMessageContents");
    }

    static AwsException unsupported(String message) {
        return AwsException.of(400, "UnsupportedOperation", message).withQueryCode("AWS.SimpleQueueService.UnsupportedOperation");
    }
}
