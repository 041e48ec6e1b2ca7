package io.eventharness.emulator.s3;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.model.Grant;

/**
 * What S3 keeps of an upload's headers and returns on GET and HEAD: the standard content headers,
 * the storage class, the user metadata ({@code x-amz-meta-*}, names lower-cased), and the object's ACL
 * ({@link Acls}; the owner's full control unless the upload gave another where ACLs are enabled) and its Object Lock
 * retention and legal hold ({@link ObjectLock}).
 */
record ObjectHeaders(String contentType, String contentEncoding, String contentDisposition, String contentLanguage,
                     String cacheControl, Instant expires, String storageClass, Map<String, String> metadata,
                     List<Grant> acl, ObjectLock lock) {
    /** S3's default when an upload names no content type. */
    static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";
    /** User-defined metadata may total 2 KB (names and values, UTF-8): "Working with object metadata". */
    private static final int MAX_METADATA_BYTES = 2048;

    /** The headers of an upload request (PutObject, CreateMultipartUpload, CopyObject with REPLACE). */
    @SuppressWarnings("unchecked")
    static ObjectHeaders of(Object request) {
        Map<String, String> meta = (Map<String, String>) Members.get(request, "Metadata");
        meta = meta == null ? Map.of() : new LinkedHashMap<>(meta);
        int size = 0;
        for (Map.Entry<String, String> e : meta.entrySet()) {
            size += e.getKey().getBytes(StandardCharsets.UTF_8).length + e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (size > MAX_METADATA_BYTES) {
            throw S3Errors.metadataTooLarge();
        }
        String type = (String) Members.get(request, "ContentType");
        String storage = (String) Members.get(request, "StorageClass");
        return new ObjectHeaders(type == null || type.isBlank() ? DEFAULT_CONTENT_TYPE : type,
                withoutAwsChunked((String) Members.get(request, "ContentEncoding")),
                (String) Members.get(request, "ContentDisposition"), (String) Members.get(request, "ContentLanguage"),
                (String) Members.get(request, "CacheControl"), (Instant) Members.get(request, "Expires"),
                storage == null ? "STANDARD" : storage, Map.copyOf(meta), Acls.ownerFullControl(), ObjectLock.NONE);
    }

    /** The same headers in another storage class (CopyObject with {@code x-amz-storage-class}). */
    ObjectHeaders withStorageClass(String newStorageClass) {
        return new ObjectHeaders(contentType, contentEncoding, contentDisposition, contentLanguage, cacheControl, expires,
                newStorageClass, metadata, acl, lock);
    }

    /** The same headers with another ACL (the grants of {@code x-amz-acl} and {@code x-amz-grant-*}, PutObjectAcl). */
    ObjectHeaders withAcl(List<Grant> grants) {
        return new ObjectHeaders(contentType, contentEncoding, contentDisposition, contentLanguage, cacheControl, expires,
                storageClass, metadata, List.copyOf(grants), lock);
    }

    /** The same headers with another Object Lock retention or legal hold. */
    ObjectHeaders withLock(ObjectLock newLock) {
        return new ObjectHeaders(contentType, contentEncoding, contentDisposition, contentLanguage, cacheControl, expires,
                storageClass, metadata, acl, newLock);
    }

    /** {@code aws-chunked} describes the transfer, not the object: S3 does not store it. */
    private static String withoutAwsChunked(String encoding) {
        if (encoding == null) {
            return null;
        }
        if (Arrays.stream(encoding.split(",")).noneMatch(s -> s.trim().equalsIgnoreCase("aws-chunked"))) {
            return encoding; // as given, spaces and all
        }
        String rest = Arrays.stream(encoding.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty() && !s.equalsIgnoreCase("aws-chunked")).collect(Collectors.joining(","));
        return rest.isEmpty() ? null : rest;
    }

    /** Sets these headers on a GetObject or HeadObject response builder. */
    void apply(Object builder) {
        Members.set(builder, "ContentType", contentType);
        Members.set(builder, "ContentEncoding", contentEncoding);
        Members.set(builder, "ContentDisposition", contentDisposition);
        Members.set(builder, "ContentLanguage", contentLanguage);
        Members.set(builder, "CacheControl", cacheControl);
        Members.set(builder, "Expires", expires);
        if (!"STANDARD".equals(storageClass)) {
            Members.set(builder, "StorageClass", storageClass); // S3 omits the header for STANDARD
        }
        if (!metadata.isEmpty()) {
            Members.set(builder, "Metadata", metadata);
        }
        lock.apply(builder);
    }
}
