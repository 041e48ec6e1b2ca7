package io.eventharness.emulator.lambda;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.AwsException;

/**
 * Lambda's errors (restJson1: the code travels in {@code x-amzn-ErrorType}; the SDK maps it to its exception of
 * that name, e.g. {@code ResourceNotFoundException}).
 */
public final class LambdaErrors {
    private LambdaErrors() {
    }

    /** No such function, version or alias: {@code arn} is the ARN asked for, qualified when a qualifier was given. */
    public static AwsException functionNotFound(Arn arn) {
        return AwsException.of(404, "ResourceNotFoundException", "Function not found: " + arn);
    }

    public static AwsException notFound(String message) {
        return AwsException.of(404, "ResourceNotFoundException", message);
    }

    public static AwsException conflict(String message) {
        return AwsException.of(409, "ResourceConflictException", message);
    }

    public static AwsException invalidParameter(String message) {
        return AwsException.of(400, "InvalidParameterValueException", message);
    }

    /** Constraint violations ({@code 1 validation error detected: ...}), as Lambda reports them. */
    public static AwsException validation(String member, Object value, String constraint) {
        return AwsException.of(400, "ValidationException", "1 validation error detected: Value "
                + (value == null ? "null" : "'" + value + "'") + " at '" + member + "' failed to satisfy constraint: " + constraint);
    }

    /** A required member that is missing. */
    public static AwsException required(String member) {
        return validation(member, null, "Member must not be null");
    }

    public static AwsException tooLarge(long limit, String operation) {
        return AwsException.of(413, "RequestEntityTooLargeException", "Request must be smaller than " + limit
                + " bytes for the " + operation + " operation");
    }

    public static AwsException invalidRequestContent(String message) {
        return AwsException.of(400, "InvalidRequestContentException", message);
    }

    /** Reserved concurrency reached. */
    public static AwsException throttled() {
        return AwsException.of(429, "TooManyRequestsException", "Rate Exceeded.");
    }

    public static AwsException preconditionFailed(String message) {
        return AwsException.of(412, "PreconditionFailedException", message);
    }
}
