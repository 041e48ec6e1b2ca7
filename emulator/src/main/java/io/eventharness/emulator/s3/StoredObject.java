package io.eventharness.emulator.s3;

import java.time.Instant;
import java.util.Optional;

/**
 * One stored object, immutable: a new PUT, copy or completed upload replaces it in its bucket.
 * {@link #data()} is the stored array itself, not a copy: no one writes to it.
 */
final class StoredObject {
    private final String key;
    private final byte[] data;
    private final String etag;
    private final Instant lastModified;
    private final ObjectHeaders headers;
    private final StoredChecksum checksum;
    private final ObjectParts parts;

    /**
     * @param etag     quoted, as on the wire: {@code "<md5 hex>"} or {@code "<md5 of part md5s>-N"}
     * @param checksum the flexible checksum, or null
     * @param parts    the part sizes of a completed multipart upload; null for an object stored in one piece
     */
    StoredObject(String key, byte[] data, String etag, Instant lastModified, ObjectHeaders headers,
                 StoredChecksum checksum, ObjectParts parts) {
        this.key = key;
        this.data = data;
        this.etag = etag;
        this.lastModified = lastModified;
        this.headers = headers;
        this.checksum = checksum;
        this.parts = parts;
    }

    /** An object stored in one piece (PutObject, CopyObject), its ETag the quoted MD5 of its bytes. */
    static StoredObject whole(String key, byte[] data, Instant lastModified, ObjectHeaders headers,
                              StoredChecksum checksum) {
        return new StoredObject(key, data, Checksums.quotedMd5(data), lastModified, headers, checksum, null);
    }

    String key() {
        return key;
    }

    byte[] data() {
        return data;
    }

    String etag() {
        return etag;
    }

    Instant lastModified() {
        return lastModified;
    }

    ObjectHeaders headers() {
        return headers;
    }

    /** The flexible checksum, or null when the object has none. */
    StoredChecksum checksum() {
        return checksum;
    }

    /** The parts of an object completed from a multipart upload; empty for one stored in one piece. */
    Optional<ObjectParts> parts() {
        return Optional.ofNullable(parts);
    }

    long size() {
        return data.length;
    }

    int partsCount() {
        return parts == null ? 1 : parts.count();
    }
}
