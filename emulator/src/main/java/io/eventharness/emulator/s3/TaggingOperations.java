package io.eventharness.emulator.s3;

import io.eventharness.emulator.protocol.Call;
import io.eventharness.emulator.protocol.WithBody;
import software.amazon.awssdk.services.s3.model.DeleteObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectTaggingResponse;
import software.amazon.awssdk.services.s3.model.GetObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.GetObjectTaggingResponse;
import software.amazon.awssdk.services.s3.model.PutObjectTaggingRequest;
import software.amazon.awssdk.services.s3.model.PutObjectTaggingResponse;

/**
 * Object tagging ("Categorizing your objects using tags"): PutObjectTagging replaces an object's tag set,
 * DeleteObjectTagging empties it, GetObjectTagging reads it; the current object or a version. Each change raises
 * {@code ObjectTagging:Put} or {@code ObjectTagging:Delete} through {@link ObjectEvents}. Tags given when an object
 * is stored ({@code x-amz-tagging}) are {@link ObjectOperations}' and {@link MultipartOperations}'.
 */
public final class TaggingOperations {
    private final S3Buckets buckets;
    private final ObjectEvents events;

    TaggingOperations(S3Buckets buckets, ObjectEvents events) {
        this.buckets = buckets;
        this.events = events;
    }

    public PutObjectTaggingResponse putObjectTagging(PutObjectTaggingRequest r, Call call) {
        S3Bucket b = buckets.bucket(r.bucket());
        if (r.tagging() == null) {
            throw S3Errors.malformedXml();
        }
        StoredObject tagged = b.retag(r.key(), r.versionId(), ObjectTags.of(r.tagging().tagSet()));
        events.tagged(b, "ObjectTagging:Put", tagged, call);
        return PutObjectTaggingResponse.builder().versionId(tagged.reportedId()).build();
    }

    public GetObjectTaggingResponse getObjectTagging(GetObjectTaggingRequest r) {
        StoredObject o = buckets.bucket(r.bucket()).object(r.key(), r.versionId());
        return GetObjectTaggingResponse.builder().versionId(o.reportedId()).tagSet(o.tags().tagSet()).build();
    }

    public WithBody<DeleteObjectTaggingResponse> deleteObjectTagging(DeleteObjectTaggingRequest r, Call call) {
        S3Bucket b = buckets.bucket(r.bucket());
        StoredObject untagged = b.retag(r.key(), r.versionId(), ObjectTags.NONE);
        events.tagged(b, "ObjectTagging:Delete", untagged, call);
        return new WithBody<>(DeleteObjectTaggingResponse.builder().versionId(untagged.reportedId()).build(), new byte[0], 204);
    }
}
