package io.eventharness.emulator.s3;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code x-amz-copy-source} header of CopyObject and UploadPartCopy: {@code [/]bucket/key}, the
 * key URL-encoded, optionally {@code ?versionId=…} (there are no versions here, so only {@code null}).
 */
record CopySource(String bucket, String key) {

    static CopySource parse(String header) {
        if (header == null || header.isBlank()) {
            throw S3Errors.invalidArgument("Copy Source must mention the source bucket and key: sourcebucket/sourcekey");
        }
        String s = header.trim();
        int q = s.indexOf("?versionId=");
        if (q >= 0) {
            String version = s.substring(q + "?versionId=".length());
            if (!version.equals("null")) {
                throw S3Errors.invalidArgument("Invalid version id specified");
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
        return new CopySource(decodePath(s.substring(0, slash)), decodePath(s.substring(slash + 1)));
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
