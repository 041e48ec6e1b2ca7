package io.eventharness.emulator.iam;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.AwsException;

/** IAM's errors: the query error codes the SDK maps to its typed exceptions, with AWS's statuses and wording. */
final class IamErrors {
    private IamErrors() {
    }

    static AwsException noSuchEntity(String message) {
        return AwsException.of(404, "NoSuchEntity", message);
    }

    static AwsException noSuchRole(String name) {
        return noSuchEntity("The role with name " + name + " cannot be found.");
    }

    static AwsException noSuchUser(String name) {
        return noSuchEntity("The user with name " + name + " cannot be found.");
    }

    static AwsException alreadyExists(String message) {
        return AwsException.of(409, "EntityAlreadyExists", message);
    }

    static AwsException deleteConflict(String message) {
        return AwsException.of(409, "DeleteConflict", message);
    }

    static AwsException limitExceeded(String message) {
        return AwsException.of(409, "LimitExceeded", message);
    }

    static AwsException malformedPolicy(String message) {
        return AwsException.of(400, "MalformedPolicyDocument", message);
    }

    static AwsException invalidInput(String message) {
        return AwsException.of(400, "InvalidInput", message);
    }

    /** What the root user may not do either, such as deleting an AWS managed policy. */
    static AwsException accessDenied(String action, String resource) {
        return AwsException.of(403, "AccessDenied", "User: " + Arn.global("iam", "root")
                + " is not authorized to perform: " + action + " on resource: " + resource);
    }

    /** A model constraint violated by one member, worded as AWS words it (code ValidationError). */
    static AwsException constraint(Object value, String member, String constraint) {
        String shown = value == null ? "null" : "'" + value + "'";
        return AwsException.of(400, "ValidationError", "1 validation error detected: Value " + shown + " at '"
                + member + "' failed to satisfy constraint: " + constraint);
    }
}
