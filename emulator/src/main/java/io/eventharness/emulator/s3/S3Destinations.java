package io.eventharness.emulator.s3;

import io.eventharness.emulator.core.Arn;

/**
 * What PutBucketNotificationConfiguration asks about a destination (queue, topic, function) when it validates a
 * configuration ("Granting permissions to publish event notification messages to a destination"): whether it
 * exists, and whether its resource policy lets S3 send it this bucket's events. {@code Services} fills it in with
 * the services it has, so that this package imports none of them.
 */
public interface S3Destinations {

    /** Whether the queue, topic or function this well-formed ARN names exists. */
    boolean exists(Arn destination);

    /**
     * Whether the destination's resource policy lets {@code s3.amazonaws.com} send it events of {@code bucket}
     * ({@code sqs:SendMessage}, {@code sns:Publish}, {@code lambda:InvokeFunction}); asked only of destinations
     * that exist.
     */
    boolean allowsS3(Arn destination, Arn bucket);
}
