package io.eventharness.emulator.s3;

import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.PutBucketNotificationConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketNotificationConfigurationResponse;

/**
 * A bucket's notification configuration: validated ({@link NotificationRules}) and stored as S3 does.
 * The events it describes are raised by {@link ObjectEvents}, which does not deliver them yet.
 */
public final class NotificationOperations {
    private final S3Buckets buckets;
    private final S3Destinations destinations;

    NotificationOperations(S3Buckets buckets, S3Destinations destinations) {
        this.buckets = buckets;
        this.destinations = destinations;
    }

    public PutBucketNotificationConfigurationResponse putBucketNotificationConfiguration(
            PutBucketNotificationConfigurationRequest r) {
        S3Bucket b = buckets.bucket(r.bucket());
        if (r.notificationConfiguration() == null) {
            throw S3Errors.malformedXml();
        }
        b.configureNotifications(NotificationRules.validate(r.notificationConfiguration(), destinations,
                Boolean.TRUE.equals(r.skipDestinationValidation())));
        return PutBucketNotificationConfigurationResponse.builder().build();
    }

    public GetBucketNotificationConfigurationResponse getBucketNotificationConfiguration(
            GetBucketNotificationConfigurationRequest r) {
        NotificationConfiguration c = buckets.bucket(r.bucket()).notifications();
        return GetBucketNotificationConfigurationResponse.builder().queueConfigurations(c.queueConfigurations())
                .topicConfigurations(c.topicConfigurations()).lambdaFunctionConfigurations(c.lambdaFunctionConfigurations())
                .eventBridgeConfiguration(c.eventBridgeConfiguration()).build();
    }
}
