package io.eventharness.emulator.dynamodb.streams;

import io.eventharness.emulator.core.AwsException;

/** DynamoDB Streams' errors, with its codes and wording. */
final class StreamsErrors {
    private StreamsErrors() {
    }

    static AwsException streamNotFound(String arn) {
        return AwsException.of(400, "ResourceNotFoundException", "Requested resource not found: Stream: " + arn + " not found");
    }

    static AwsException shardNotFound(String arn, String shardId) {
        return AwsException.of(400, "ResourceNotFoundException", "Requested resource not found: Shard: " + shardId
                + " in Stream: " + arn + " not found");
    }

    static AwsException validation(String message) {
        return AwsException.validation(message);
    }

    static AwsException expiredIterator() {
        return AwsException.of(400, "ExpiredIteratorException", "Iterator expired. The iterator was created more than 15 minutes ago.");
    }

    static AwsException trimmed() {
        return AwsException.of(400, "TrimmedDataAccessException",
                "The operation attempted to read past the oldest stream record in a shard.");
    }
}
