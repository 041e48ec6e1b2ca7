package io.eventharness.emulator.s3;

import io.eventharness.emulator.protocol.WithBody;
import software.amazon.awssdk.services.s3.model.DeleteBucketEncryptionRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionRequest;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.PutBucketEncryptionRequest;
import software.amazon.awssdk.services.s3.model.PutBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * A bucket's default encryption ("Setting default server-side encryption behavior for Amazon S3 buckets"):
 * PutBucketEncryption, GetBucketEncryption, DeleteBucketEncryption. Every bucket encrypts with SSE-S3 unless told
 * otherwise, so GetBucketEncryption answers that default for a bucket never configured, and DeleteBucketEncryption
 * returns to it, as S3 has done since January 2023. Objects written without encryption headers take the default
 * ({@link ObjectEncryption#ofDefault}).
 */
public final class EncryptionOperations {
    private final S3Buckets buckets;

    EncryptionOperations(S3Buckets buckets) {
        this.buckets = buckets;
    }

    public PutBucketEncryptionResponse putBucketEncryption(PutBucketEncryptionRequest r) {
        S3Bucket b = buckets.bucket(r.bucket());
        ServerSideEncryptionConfiguration c = r.serverSideEncryptionConfiguration();
        if (c == null || c.rules().size() != 1 || c.rules().get(0).applyServerSideEncryptionByDefault() == null
                || c.rules().get(0).applyServerSideEncryptionByDefault().sseAlgorithmAsString() == null) {
            throw S3Errors.malformedXml();
        }
        ServerSideEncryptionRule rule = c.rules().get(0);
        if (rule.blockedEncryptionTypes() != null) {
            throw S3Errors.notImplemented("BlockedEncryptionTypes is not implemented by this emulator");
        }
        ServerSideEncryptionByDefault d = rule.applyServerSideEncryptionByDefault();
        ObjectEncryption.of(d.sseAlgorithmAsString(), d.kmsMasterKeyID(), rule.bucketKeyEnabled(), b.region(), "SSEAlgorithm");
        b.settings().defaultEncryption(c);
        return PutBucketEncryptionResponse.builder().build();
    }

    public GetBucketEncryptionResponse getBucketEncryption(GetBucketEncryptionRequest r) {
        ServerSideEncryptionConfiguration c = buckets.bucket(r.bucket()).settings().defaultEncryption();
        if (c == null) {
            c = ServerSideEncryptionConfiguration.builder().rules(ServerSideEncryptionRule.builder()
                    .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256))
                    .bucketKeyEnabled(false).build()).build();
        }
        return GetBucketEncryptionResponse.builder().serverSideEncryptionConfiguration(c).build();
    }

    public WithBody<DeleteBucketEncryptionResponse> deleteBucketEncryption(DeleteBucketEncryptionRequest r) {
        buckets.bucket(r.bucket()).settings().defaultEncryption(null);
        return new WithBody<>(DeleteBucketEncryptionResponse.builder().build(), new byte[0], 204);
    }
}
