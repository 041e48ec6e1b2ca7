package io.eventharness.emulator.s3;

import java.time.Instant;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A multipart upload in progress: what CreateMultipartUpload said about the object to be, and the
 * parts uploaded so far (a part uploaded again under the same number replaces the earlier one).
 */
final class PendingUpload {
    final String uploadId;
    final String key;
    final Instant initiated;
    final ObjectHeaders headers;
    /** The algorithm every part's checksum uses, or null. */
    final String checksumAlgorithm;
    /** {@code COMPOSITE} or {@code FULL_OBJECT} when there is an algorithm. */
    final String checksumType;
    final NavigableMap<Integer, Part> parts = new ConcurrentSkipListMap<>();

    /** One uploaded part; {@code checksum} is the part's own checksum in the upload's algorithm. */
    record Part(int number, byte[] data, String etag, Instant lastModified, String checksum) {
    }

    PendingUpload(String uploadId, String key, Instant initiated, ObjectHeaders headers, String checksumAlgorithm,
                    String checksumType) {
        this.uploadId = uploadId;
        this.key = key;
        this.initiated = initiated;
        this.headers = headers;
        this.checksumAlgorithm = checksumAlgorithm;
        this.checksumType = checksumType;
    }
}
