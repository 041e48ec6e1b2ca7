package io.eventharness.emulator.s3;

import java.time.Instant;

/**
 * An object-level event, with what an S3 event notification record says about it ("Event message
 * structure" in the S3 user guide). Raised by {@link ObjectEvents#raise}, the one place such events leave
 * the bucket.
 *
 * @param eventName  as in "Event notification types", without the {@code s3:} prefix:
 *                   {@code ObjectCreated:Put}, {@code ObjectCreated:Copy},
 *                   {@code ObjectCreated:CompleteMultipartUpload}, {@code ObjectRemoved:Delete}
 * @param bucket     the bucket's name
 * @param region     the bucket's region (the record's {@code awsRegion}), which need not be the region the
 *                   request was signed for
 * @param key        the key as stored; the record carries it URL-encoded
 * @param size       the object's size in bytes (for a removal, of the object removed)
 * @param etag       the object's ETag without its quotes, as the record carries it
 * @param versionId  the version the event concerns; null while buckets are not versioned
 * @param time       when the event happened ({@code eventTime})
 * @param requestId  the id of the request that caused it ({@code responseElements.x-amz-request-id})
 */
record ObjectEvent(String eventName, String bucket, String region, String key, long size, String etag,
                   String versionId, Instant time, String requestId) {
}
