package io.eventharness.emulator.s3;

/**
 * Tells PutBucketNotificationConfiguration whether a destination (queue, topic, function ARN) exists,
 * as S3 checks when it validates a configuration. The emulator wires the services it has; without
 * one, every well-formed ARN is taken to exist.
 */
@FunctionalInterface
public interface S3Destinations {
    S3Destinations ANY = arn -> true;

    boolean exists(String arn);
}
