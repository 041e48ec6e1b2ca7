package io.eventharness.emulator.s3;

import io.eventharness.emulator.protocol.WithBody;
import java.util.List;
import software.amazon.awssdk.services.s3.model.DeleteBucketLifecycleRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketLifecycleResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.PutBucketLifecycleConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketLifecycleConfigurationResponse;

/**
 * A bucket's lifecycle configuration: Put/GetBucketLifecycleConfiguration and DeleteBucketLifecycle, checked as S3
 * checks it ({@link LifecycleRules}); its actions are taken on the emulator's clock at each midnight UTC
 * ({@link Lifecycle}), and object writes and reads report the expiration that applies ({@code x-amz-expiration}).
 */
public final class LifecycleOperations {
    private final S3Buckets buckets;
    private final Lifecycle lifecycle;

    LifecycleOperations(S3Buckets buckets, Lifecycle lifecycle) {
        this.buckets = buckets;
        this.lifecycle = lifecycle;
    }

    public PutBucketLifecycleConfigurationResponse putBucketLifecycleConfiguration(PutBucketLifecycleConfigurationRequest r) {
        S3Bucket b = buckets.bucket(r.bucket());
        if (r.lifecycleConfiguration() == null) {
            throw S3Errors.malformedXml();
        }
        b.settings().lifecycle(LifecycleRules.validate(r.lifecycleConfiguration().rules()));
        lifecycle.scheduleNextRun();
        return PutBucketLifecycleConfigurationResponse.builder().build();
    }

    public GetBucketLifecycleConfigurationResponse getBucketLifecycleConfiguration(GetBucketLifecycleConfigurationRequest r) {
        List<LifecycleRule> rules = buckets.bucket(r.bucket()).settings().lifecycle();
        if (rules == null) {
            throw S3Errors.notFound("NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist");
        }
        return GetBucketLifecycleConfigurationResponse.builder().rules(rules).build();
    }

    public WithBody<DeleteBucketLifecycleResponse> deleteBucketLifecycle(DeleteBucketLifecycleRequest r) {
        buckets.bucket(r.bucket()).settings().lifecycle(null);
        return new WithBody<>(DeleteBucketLifecycleResponse.builder().build(), new byte[0], 204);
    }
}
