package io.eventharness.emulator.s3;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.protocol.Call;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.PutBucketNotificationConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketNotificationConfigurationResponse;

/**
 * A bucket's notification configuration: validated ({@link NotificationRules}: destinations must exist and, unless
 * the emulator was built to skip it, allow S3) and stored as S3 does; each queue and topic it names then gets the
 * {@code s3:TestEvent} message. The events it describes are sent by {@link ObjectEvents}.
 */
public final class NotificationOperations {
    private final S3Buckets buckets;
    private final S3Destinations destinations;
    private final ObjectEvents events;
    private final boolean checkDestinationPolicies;

    /** @param checkDestinationPolicies whether a destination's resource policy must allow S3, as in AWS */
    NotificationOperations(S3Buckets buckets, S3Destinations destinations, ObjectEvents events, boolean checkDestinationPolicies) {
        this.buckets = buckets;
        this.destinations = destinations;
        this.events = events;
        this.checkDestinationPolicies = checkDestinationPolicies;
    }

    public PutBucketNotificationConfigurationResponse putBucketNotificationConfiguration(
            PutBucketNotificationConfigurationRequest r, Call call) {
        S3Bucket b = buckets.bucket(r.bucket());
        if (r.notificationConfiguration() == null) {
            throw S3Errors.malformedXml();
        }
        NotificationRules.DestinationCheck check = Boolean.TRUE.equals(r.skipDestinationValidation())
                ? NotificationRules.DestinationCheck.SKIPPED
                : checkDestinationPolicies ? NotificationRules.DestinationCheck.EXISTENCE_AND_POLICY
                : NotificationRules.DestinationCheck.EXISTENCE;
        NotificationRules.Validated v = NotificationRules.validate(r.notificationConfiguration(), destinations, check,
                ObjectEvents.bucketArn(b));
        b.settings().notifications(v.configuration());
        for (Arn tested : v.tested()) {
            events.testEvent(b, tested, call);
        }
        return PutBucketNotificationConfigurationResponse.builder().build();
    }

    public GetBucketNotificationConfigurationResponse getBucketNotificationConfiguration(
            GetBucketNotificationConfigurationRequest r) {
        NotificationConfiguration c = buckets.bucket(r.bucket()).settings().notifications();
        return GetBucketNotificationConfigurationResponse.builder().queueConfigurations(c.queueConfigurations())
                .topicConfigurations(c.topicConfigurations()).lambdaFunctionConfigurations(c.lambdaFunctionConfigurations())
                .eventBridgeConfiguration(c.eventBridgeConfiguration()).build();
    }
}
