package io.eventharness.emulator.sts;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.AwsException;

/** STS's errors, with the query error codes the SDK maps to its typed exceptions, and AWS's wording. */
final class StsErrors {
    private StsErrors() {
    }

    static AwsException expiredToken() {
        return AwsException.of(400, "ExpiredTokenException", "The security token included in the request is expired");
    }

    /** What AWS answers when a role cannot be assumed (it does not exist, or its trust policy does not allow it). */
    static AwsException cannotAssume(Arn caller, String roleArn) {
        return AwsException.of(403, "AccessDenied", "User: " + caller + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
    }

    static AwsException sessionCredentials() {
        return AwsException.of(403, "AccessDenied", "Cannot call GetSessionToken with session credentials");
    }

    static AwsException invalidRoleArn() {
        return AwsException.of(400, "ValidationError", "Request ARN is invalid");
    }

    static AwsException durationOverRoleMaximum() {
        return AwsException.of(400, "ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
    }

    static AwsException packedPolicyTooLarge(int percent) {
        return AwsException.of(400, "PackedPolicyTooLarge", "Packed policy consumes " + percent + "% of allotted space, please use smaller policy.");
    }

    /** A model constraint violated by one member, worded as AWS words it (code ValidationError). */
    static AwsException constraint(Object value, String member, String constraint) {
        String shown = value == null ? "null" : "'" + value + "'";
        return AwsException.of(400, "ValidationError", "1 validation error detected: Value " + shown + " at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }
}
