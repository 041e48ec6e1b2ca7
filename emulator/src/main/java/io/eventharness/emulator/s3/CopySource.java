package io.eventharness.emulator.s3;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code x-amz-copy-source} header of CopyObject and UploadPartCopy: {@code [/]bucket/key}, the
 * key URL-encoded, optionally {@code ?versionId=…} (then that version is copied).
 *
 * @param versionId the version to copy; null for the current one
 */
record CopySource(String bucket, String key, String versionId) {

    static CopySource parse(String header) {
        if (header == null || header.isBlank()) {
            throw S3Errors.invalidArgument("Copy Source must mention the source bucket and key: sourcebucket/sourcekey");
        }
        String s = header.trim();
        String version = null;
        int q = s.indexOf("?versionId=");
        if (q >= 0) {
            version = s.substring(q + "?versionId=".length());
            if (version.isEmpty()) {
                throw S3Errors.invalidVersionId();
            }
            s = s.substring(0, q);
        }
        if (s.startsWith("/")) {
            s = s.substring(1);
        }
        int slash = s.indexOf('/');
        if (slash <= 0 || slash == s.length() - 1) {
            throw S3Errors.invalidArgument("Copy Source must mention the source bucket and key: sourcebucket/sourcekey");
        }
        // path decoding: a '+' in the key is a plus, as the SDKs encode spaces as %20
        return new CopySource(decodePath(s.substring(0, slash)), decodePath(s.substring(slash + 1)), version);
    }

    /** The object to copy: the version named, or the current one. */
    StoredObject resolve(S3Buckets buckets) {
        return buckets.bucket(bucket).object(key, versionId);
    }

    /** Percent-decoding in which {@code +} stays a plus; a malformed escape is S3's InvalidArgument. */
    private static String decodePath(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw S3Errors.invalidArgument("Invalid copy source encoding");
        }
    }
}
