package io.eventharness.emulator.s3;

import java.time.Instant;

/**
 * One stored object (immutable; a new PUT replaces it). {@code partSizes} is null for an object
 * uploaded in one piece and lists the part sizes of a completed multipart upload (for
 * {@code GetObject?partNumber=N} and {@code x-amz-mp-parts-count}).
 */
final class StoredObject {
    final String key;
    final byte[] data;
    /** Quoted, as on the wire: {@code "<md5 hex>"} or {@code "<md5 of part md5s>-N"}. */
    final String etag;
    final Instant lastModified;
    final ObjectHeaders headers;
    final StoredChecksum checksum;
    final long[] partSizes;

    StoredObject(String key, byte[] data, String etag, Instant lastModified, ObjectHeaders headers,
             StoredChecksum checksum, long[] partSizes) {
        this.key = key;
        this.data = data;
        this.etag = etag;
        this.lastModified = lastModified;
        this.headers = headers;
        this.checksum = checksum;
        this.partSizes = partSizes;
    }

    long size() {
        return data.length;
    }

    int partsCount() {
        return partSizes == null ? 1 : partSizes.length;
    }
}
