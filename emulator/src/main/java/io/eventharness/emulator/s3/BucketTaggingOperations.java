package io.eventharness.emulator.s3;

import io.eventharness.emulator.protocol.WithBody;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.DeleteBucketTaggingRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketTaggingResponse;
import software.amazon.awssdk.services.s3.model.GetBucketTaggingRequest;
import software.amazon.awssdk.services.s3.model.GetBucketTaggingResponse;
import software.amazon.awssdk.services.s3.model.PutBucketTaggingRequest;
import software.amazon.awssdk.services.s3.model.PutBucketTaggingResponse;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * A bucket's tags ("Using cost allocation S3 bucket tags"): PutBucketTagging replaces them (up to 50, keys unique,
 * of up to 128 characters and not starting with {@code aws:}, values of up to 256), GetBucketTagging reads them
 * (NoSuchTagSet when there are none), DeleteBucketTagging removes them.
 */
public final class BucketTaggingOperations {
    private static final int MAX_TAGS = 50;

    private final S3Buckets buckets;

    BucketTaggingOperations(S3Buckets buckets) {
        this.buckets = buckets;
    }

    public WithBody<PutBucketTaggingResponse> putBucketTagging(PutBucketTaggingRequest r) {
        S3Bucket b = buckets.bucket(r.bucket());
        if (r.tagging() == null) {
            throw S3Errors.malformedXml();
        }
        List<Tag> tags = r.tagging().tagSet();
        if (tags.size() > MAX_TAGS) {
            throw S3Errors.invalidTag("Bucket tag count cannot be greater than " + MAX_TAGS);
        }
        Set<String> keys = new HashSet<>();
        for (Tag t : tags) {
            String k = t.key() == null ? "" : t.key();
            String v = t.value() == null ? "" : t.value();
            if (!keys.add(k)) {
                throw S3Errors.invalidTag("Cannot provide multiple Tags with the same key");
            }
            if (k.isEmpty() || k.codePointCount(0, k.length()) > 128 || k.startsWith("aws:")) {
                throw S3Errors.invalidTag("The TagKey you have provided is invalid");
            }
            if (v.codePointCount(0, v.length()) > 256) {
                throw S3Errors.invalidTag("The TagValue you have provided is invalid");
            }
        }
        b.settings().tags(tags.stream().map(t -> Tag.builder().key(t.key() == null ? "" : t.key())
                .value(t.value() == null ? "" : t.value()).build()).toList());
        return new WithBody<>(PutBucketTaggingResponse.builder().build(), new byte[0], 204);
    }

    public GetBucketTaggingResponse getBucketTagging(GetBucketTaggingRequest r) {
        List<Tag> tags = buckets.bucket(r.bucket()).settings().tags();
        if (tags == null) {
            throw S3Errors.notFound("NoSuchTagSet", "The TagSet does not exist");
        }
        return GetBucketTaggingResponse.builder().tagSet(tags).build();
    }

    public WithBody<DeleteBucketTaggingResponse> deleteBucketTagging(DeleteBucketTaggingRequest r) {
        buckets.bucket(r.bucket()).settings().tags(null);
        return new WithBody<>(DeleteBucketTaggingResponse.builder().build(), new byte[0], 204);
    }
}
