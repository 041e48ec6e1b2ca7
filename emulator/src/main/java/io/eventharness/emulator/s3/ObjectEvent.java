package io.eventharness.emulator.s3;

import java.time.Instant;

/**
 * An object-level event, with what an S3 event notification record says about it ("Event message
 * structure" in the S3 user guide). Raised through {@link ObjectEvents}, the one place such events leave a
 * bucket.
 *
 * @param eventName  as in "Event notification types", without the {@code s3:} prefix:
 *                   {@code ObjectCreated:Put}, {@code ObjectCreated:Copy},
 *                   {@code ObjectCreated:CompleteMultipartUpload}, {@code ObjectRemoved:Delete},
 *                   {@code ObjectRemoved:DeleteMarkerCreated}, {@code ObjectTagging:Put}, {@code ObjectTagging:Delete},
 *                   {@code LifecycleExpiration:Delete}, {@code LifecycleExpiration:DeleteMarkerCreated}, {@code LifecycleTransition}
 * @param bucket     the bucket's name
 * @param region     the bucket's region (the record's {@code awsRegion}), which need not be the region the
 *                   request was signed for
 * @param key        the key as stored; the record carries it URL-encoded
 * @param size       the object's size in bytes; null where the record has none (removals, tagging)
 * @param etag       the object's ETag without its quotes; null where the record has none (removals)
 * @param versionId  the version the event concerns (an object's, or the delete marker's); null for the
 *                   {@code null} version, which the record leaves out
 * @param sequencer  what orders the events of one key; null where the record has none (tagging)
 * @param time       when the event happened ({@code eventTime})
 * @param requestId  the id of the request that caused it ({@code responseElements.x-amz-request-id})
 */
record ObjectEvent(String eventName, String bucket, String region, String key, Long size, String etag,
                   String versionId, String sequencer, Instant time, String requestId) {

    /** Version 2.3 of the record for tagging (and ACL) events, 2.1 for the others ("Event message structure"). */
    String eventVersion() {
        return eventName.startsWith("ObjectTagging:") || eventName.startsWith("ObjectAcl:") ? "2.3" : "2.1";
    }
}
