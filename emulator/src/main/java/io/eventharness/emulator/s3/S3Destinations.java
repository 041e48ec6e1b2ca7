package io.eventharness.emulator.s3;

import io.eventharness.emulator.core.Arn;

/**
 * Tells PutBucketNotificationConfiguration whether a destination (queue, topic, function) exists, as S3
 * checks when it validates a configuration. {@code Services} fills it in with the services it has, so that
 * this package imports none of them.
 */
@FunctionalInterface
public interface S3Destinations {

    /** Whether the queue, topic or function this well-formed ARN names exists. */
    boolean exists(Arn destination);
}
