package io.eventharness.emulator.scheduler;

import io.eventharness.emulator.core.AwsException;

/** EventBridge Scheduler's errors (restJson1: {@code x-amzn-ErrorType}), worded as AWS words them where recorded. */
final class SchedulerErrors {
    private SchedulerErrors() {
    }

    static AwsException validation(String message) {
        return AwsException.validation(message);
    }

    /** Recorded against AWS: {@code Invalid Schedule Expression rate(10 seconds).} */
    static AwsException invalidExpression(String expression) {
        return validation("Invalid Schedule Expression " + expression + ".");
    }

    static AwsException scheduleNotFound(String name) {
        return AwsException.of(404, "ResourceNotFoundException", "Schedule " + name + " does not exist.");
    }

    static AwsException groupNotFound(String name) {
        return AwsException.of(404, "ResourceNotFoundException", "Schedule group " + name + " does not exist.");
    }

    static AwsException resourceNotFound(String arn) {
        return AwsException.of(404, "ResourceNotFoundException", "Resource " + arn + " does not exist.");
    }

    static AwsException scheduleExists(String name) {
        return AwsException.of(409, "ConflictException", "Schedule " + name + " already exists.");
    }

    static AwsException groupExists(String name) {
        return AwsException.of(409, "ConflictException", "Schedule group " + name + " already exists.");
    }

    /** A model constraint violated by one member, worded as AWS words it. */
    static AwsException constraint(Object value, String member, String constraint) {
        return validation("1 validation error detected: Value " + (value == null ? "null" : "'" + value + "'") + " at '"
                + member + "' failed to satisfy constraint: " + constraint);
    }

    /** Something AWS has and the emulator does not simulate: refused, naming it. */
    static AwsException notEmulated(String what) {
        return validation(what + " is not supported by the emulator (it invokes Lambda functions, SQS queues, SNS topics and"
                + " EventBridge PutEvents, with Input, RetryPolicy and DeadLetterConfig).");
    }
}
