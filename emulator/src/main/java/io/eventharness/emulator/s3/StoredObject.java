package io.eventharness.emulator.s3;

import java.time.Instant;
import java.util.Optional;

/**
 * One stored object (one version of a key), immutable: a new PUT, copy or completed upload stores another;
 * tagging stores a copy with the new tags ({@link #withTags}). {@link #data()} is the stored array itself, not a
 * copy: no one writes to it.
 */
final class StoredObject implements ObjectVersion {
    private final String key;
    private final byte[] data;
    private final String etag;
    private final Instant lastModified;
    private final ObjectHeaders headers;
    private final StoredChecksum checksum;
    private final ObjectParts parts;
    private final ObjectTags tags;
    private final ObjectEncryption encryption;
    private final String versionId;

    /**
     * @param etag      quoted, as on the wire: {@code "<md5 hex>"} or {@code "<md5 of part md5s>-N"}
     * @param checksum  the flexible checksum, or null
     * @param parts     the part sizes of a completed multipart upload; null for an object stored in one piece
     * @param encryption how S3 reports it encrypted
     * @param versionId {@link ObjectVersion#NULL_ID} until the bucket stores it ({@link S3Bucket#put})
     */
    StoredObject(String key, byte[] data, String etag, Instant lastModified, ObjectHeaders headers,
                 StoredChecksum checksum, ObjectParts parts, ObjectTags tags, ObjectEncryption encryption, String versionId) {
        this.key = key;
        this.data = data;
        this.etag = etag;
        this.lastModified = lastModified;
        this.headers = headers;
        this.checksum = checksum;
        this.parts = parts;
        this.tags = tags;
        this.encryption = encryption;
        this.versionId = versionId;
    }

    /** An object stored in one piece (PutObject, CopyObject), its ETag the quoted MD5 of its bytes. */
    static StoredObject whole(String key, byte[] data, Instant lastModified, ObjectHeaders headers,
                              StoredChecksum checksum, ObjectTags tags, ObjectEncryption encryption) {
        return new StoredObject(key, data, Checksums.quotedMd5(data), lastModified, headers, checksum, null, tags,
                encryption, NULL_ID);
    }

    /** The same object under the version id its bucket gave it. */
    StoredObject withVersion(String id) {
        return new StoredObject(key, data, etag, lastModified, headers, checksum, parts, tags, encryption, id);
    }

    /** The same object with another ACL (PutObjectAcl): its time and ETag stay. */
    StoredObject withAcl(java.util.List<software.amazon.awssdk.services.s3.model.Grant> grants) {
        return new StoredObject(key, data, etag, lastModified, headers.withAcl(grants), checksum, parts, tags, encryption,
                versionId);
    }

    /** The same object with another Object Lock retention or legal hold: its time and ETag stay. */
    StoredObject withLock(ObjectLock lock) {
        return new StoredObject(key, data, etag, lastModified, headers.withLock(lock), checksum, parts, tags, encryption,
                versionId);
    }

    /** The same object in another storage class (a lifecycle transition): its time and ETag stay. */
    StoredObject withStorageClass(String storageClass) {
        return new StoredObject(key, data, etag, lastModified, headers.withStorageClass(storageClass), checksum, parts, tags,
                encryption, versionId);
    }

    /** The same object with other tags (PutObjectTagging, DeleteObjectTagging): its time and ETag stay. */
    StoredObject withTags(ObjectTags newTags) {
        return new StoredObject(key, data, etag, lastModified, headers, checksum, parts, newTags, encryption, versionId);
    }

    @Override
    public String key() {
        return key;
    }

    byte[] data() {
        return data;
    }

    String etag() {
        return etag;
    }

    @Override
    public Instant lastModified() {
        return lastModified;
    }

    @Override
    public String versionId() {
        return versionId;
    }

    ObjectHeaders headers() {
        return headers;
    }

    /** The object's tags (ObjectTagging, {@code x-amz-tagging}); empty when it has none. */
    ObjectTags tags() {
        return tags;
    }

    /** How S3 reports the object encrypted. */
    ObjectEncryption encryption() {
        return encryption;
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
