package io.eventharness.harness.backend;

import java.util.Optional;

/**
 * What a backend can do beyond the services' own APIs, where backends differ: a test that needs one declares it
 * ({@code @Needs(Feature.S3_NOTIFICATIONS)}) and is skipped, with the reason, where it is missing; a wiring that needs
 * one fails at once there, instead of a wait timing out later. The embedded emulator and a standalone one at an
 * endpoint name theirs in {@code GET /_harness/health} ({@link #id()}).
 */
public enum Feature {
    /** A movable clock: {@code cloud.advance(...)}. The emulator only. */
    CLOCK("clock", "a movable clock (cloud.advance)"),
    /** The event trail, the hops between services a failure's story tells. The emulator only. */
    TRAIL("trail", "the event trail"),
    /** SNS delivering to SQS queues. */
    SNS_TO_SQS("sns-to-sqs", "SNS delivering to SQS"),
    /** SNS invoking Lambda functions. */
    SNS_TO_LAMBDA("sns-to-lambda", "SNS invoking Lambda"),
    /** S3 delivering bucket events (object created, removed) to SQS, SNS and Lambda. */
    S3_NOTIFICATIONS("s3-notifications", "S3 event notifications delivered to SQS, SNS and Lambda"),
    /** Lambda polling SQS queues and invoking functions with batches (event source mappings). */
    SQS_EVENT_SOURCE("sqs-event-source", "Lambda polling SQS queues (event source mappings)"),
    /** Lambda reading Kinesis data streams and invoking functions with batches (event source mappings). */
    KINESIS_EVENT_SOURCE("kinesis-event-source", "Lambda reading Kinesis streams (event source mappings)"),
    /** Lambda reading DynamoDB tables' streams and invoking functions with batches (event source mappings). */
    DYNAMODB_EVENT_SOURCE("dynamodb-event-source", "Lambda reading DynamoDB streams (event source mappings)"),
    /** Faults of the AWS APIs on purpose: {@code cloud.faults().throttle("s3:PutObject", 2)}. The emulator only. */
    API_FAULTS("api-faults", "faults of the AWS APIs on purpose (cloud.faults())");

    private final String id;
    private final String description;

    Feature(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** As {@code /_harness/health} names it: {@code clock}, {@code s3-notifications}, ... */
    public String id() {
        return id;
    }

    /** What it is, in a few words, for messages. */
    public String description() {
        return description;
    }

    /** The feature {@code /_harness/health} names {@code id}; empty for one the harness does not know. */
    public static Optional<Feature> byId(String id) {
        for (Feature f : values()) {
            if (f.id.equals(id)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
