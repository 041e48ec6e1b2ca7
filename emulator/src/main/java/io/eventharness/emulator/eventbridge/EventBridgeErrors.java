package io.eventharness.emulator.eventbridge;

import io.eventharness.emulator.core.AwsException;

/** EventBridge's errors, worded as AWS words them (recorded against AWS in LocalStack's events snapshots). */
final class EventBridgeErrors {
    private EventBridgeErrors() {
    }

    static AwsException validation(String message) {
        return AwsException.validation(message);
    }

    static AwsException busNotFound(String name) {
        return AwsException.of(400, "ResourceNotFoundException", "Event bus " + name + " does not exist.");
    }

    static AwsException busExists(String name) {
        return AwsException.of(400, "ResourceAlreadyExistsException", "Event bus " + name + " already exists.");
    }

    static AwsException ruleNotFound(String rule, String bus) {
        return AwsException.of(400, "ResourceNotFoundException", "Rule " + rule + " does not exist on EventBus " + bus + ".");
    }

    static AwsException resourceNotFound(String message) {
        return AwsException.of(400, "ResourceNotFoundException", message);
    }

    static AwsException invalidPattern(String reason) {
        return AwsException.of(400, "InvalidEventPatternException", "Event pattern is not valid. Reason: " + reason);
    }

    static AwsException invalidSchedule() {
        return validation("Parameter ScheduleExpression is not valid.");
    }

    static AwsException tooManyTargets() {
        return AwsException.of(400, "LimitExceededException", "The requested resource exceeds the maximum number allowed.");
    }

    /** A model constraint violated by one member, worded as AWS words it. */
    static AwsException constraint(Object value, String member, String constraint) {
        return validation("1 validation error detected: Value " + (value == null ? "null" : "'" + value + "'") + " at '"
                + member + "' failed to satisfy constraint: " + constraint);
    }

    /** A parameter AWS has and the emulator does not simulate: refused rather than ignored. */
    static AwsException notEmulated(String what) {
        return validation(what + " is not supported by the emulator (it serves Lambda, SQS, SNS and event bus targets"
                + " with Input, InputPath, InputTransformer, SqsParameters, RetryPolicy and DeadLetterConfig).");
    }
}
