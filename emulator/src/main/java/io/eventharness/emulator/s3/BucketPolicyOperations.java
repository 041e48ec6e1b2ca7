package io.eventharness.emulator.s3;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.policy.PolicyDocument;
import io.eventharness.emulator.policy.Statement;
import software.amazon.awssdk.services.s3.model.DeleteBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyResponse;

/**
 * Bucket policies ("Bucket policies for Amazon S3"): PutBucketPolicy stores a resource-based policy after checking
 * it as S3 does (JSON whose statements each name a {@code Principal} and only resources of this bucket, else
 * {@code MalformedPolicy}); GetBucketPolicy returns it as stored ({@code NoSuchBucketPolicy} without one);
 * DeleteBucketPolicy removes it. The request pipeline evaluates it when policies are enforced.
 */
public final class BucketPolicyOperations {
    private final S3Buckets buckets;

    BucketPolicyOperations(S3Buckets buckets) {
        this.buckets = buckets;
    }

    public PutBucketPolicyResponse putBucketPolicy(PutBucketPolicyRequest r) {
        S3Bucket b = buckets.bucket(r.bucket());
        String text = r.policy();
        if (text == null || !text.stripLeading().startsWith("{")) {
            throw S3Errors.malformedPolicy("Policies must be valid JSON and the first byte must be '{'");
        }
        PolicyDocument doc;
        try {
            doc = PolicyDocument.parse(text);
        } catch (IllegalArgumentException e) {
            throw S3Errors.malformedPolicy("Policies must be valid JSON and the first byte must be '{'");
        }
        for (Statement s : doc.statements()) {
            if (s.principals() == null) {
                throw S3Errors.malformedPolicy("Missing required field Principal");
            }
            for (String resource : s.resources()) {
                if (!inBucket(resource, b.name())) {
                    throw S3Errors.malformedPolicy("Policy has invalid resource");
                }
            }
        }
        b.policy(text);
        return PutBucketPolicyResponse.builder().build();
    }

    public GetBucketPolicyResponse getBucketPolicy(GetBucketPolicyRequest r) {
        String policy = buckets.bucket(r.bucket()).policy();
        if (policy == null) {
            throw S3Errors.noSuchBucketPolicy();
        }
        return GetBucketPolicyResponse.builder().policy(policy).build();
    }

    public DeleteBucketPolicyResponse deleteBucketPolicy(DeleteBucketPolicyRequest r) {
        buckets.bucket(r.bucket()).policy(null);
        return DeleteBucketPolicyResponse.builder().build();
    }

    /** Whether a statement's resource is the bucket or under it ({@code arn:aws:s3:::bucket}, {@code …/key*}). */
    private static boolean inBucket(String resource, String bucket) {
        return Arn.tryParse(resource).filter(a -> a.service().equals("s3"))
                .map(a -> a.resource().equals(bucket) || a.resource().startsWith(bucket + "/")).orElse(false);
    }
}
