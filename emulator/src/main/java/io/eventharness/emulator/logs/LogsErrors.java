package io.eventharness.emulator.logs;

import io.eventharness.emulator.core.AwsException;

/**
 * CloudWatch Logs' errors, as the SDK maps them to its typed exceptions. Logs reports a request that
 * breaks a model constraint as {@code InvalidParameterException} with the usual
 * "1 validation error detected: …" message (not {@code ValidationException}).
 */
final class LogsErrors {
    private LogsErrors() {
    }

    static AwsException groupNotFound() {
        return AwsException.of(400, "ResourceNotFoundException", "The specified log group does not exist.");
    }

    static AwsException streamNotFound() {
        return AwsException.of(400, "ResourceNotFoundException", "The specified log stream does not exist.");
    }

    static AwsException resourceNotFound(String message) {
        return AwsException.of(400, "ResourceNotFoundException", message);
    }

    static AwsException groupExists() {
        return AwsException.of(400, "ResourceAlreadyExistsException", "The specified log group already exists");
    }

    static AwsException streamExists() {
        return AwsException.of(400, "ResourceAlreadyExistsException", "The specified log stream already exists");
    }

    static AwsException invalidParameter(String message) {
        return AwsException.of(400, "InvalidParameterException", message);
    }

    static AwsException invalidToken() {
        return invalidParameter("The specified nextToken is invalid.");
    }

    static AwsException tooManyTags(String arn) {
        return AwsException.of(400, "TooManyTagsException", "A resource can have no more than 50 tags: " + arn);
    }

    /** A model constraint violated by one member, worded as AWS words it. */
    static AwsException constraint(Object value, String member, String constraint) {
        String shown = value == null ? "null" : "'" + value + "'";
        return invalidParameter("1 validation error detected: Value " + shown + " at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }

    static AwsException missing(String member) {
        return constraint(null, member, "Member must not be null");
    }
}
