package io.eventharness.emulator.s3;

import java.time.Instant;

/**
 * Conditional requests as S3 evaluates them (GetObject, "Conditional requests"; RFC 7232 order):
 * a failed {@code If-Match} is 412 and wins over {@code If-Unmodified-Since}, which only counts
 * without {@code If-Match}; a matching {@code If-None-Match} is 304 (412 for the copy-source
 * variants) and wins over {@code If-Modified-Since}, which only counts without {@code If-None-Match}.
 * Dates compare at the second, as {@code Last-Modified} is sent.
 */
final class Preconditions {
    private Preconditions() {
    }

    /** For GET and HEAD: 412 or 304 when a condition fails. */
    static void checkRead(StoredObject o, String ifMatch, String ifNoneMatch, Instant ifModifiedSince,
                          Instant ifUnmodifiedSince) {
        check(o, ifMatch, ifNoneMatch, ifModifiedSince, ifUnmodifiedSince, false);
    }

    /** For the {@code x-amz-copy-source-if-*} headers: every failure is 412. */
    static void checkCopySource(StoredObject o, String ifMatch, String ifNoneMatch, Instant ifModifiedSince,
                                Instant ifUnmodifiedSince) {
        check(o, ifMatch, ifNoneMatch, ifModifiedSince, ifUnmodifiedSince, true);
    }

    private static void check(StoredObject o, String ifMatch, String ifNoneMatch, Instant ifModifiedSince,
                              Instant ifUnmodifiedSince, boolean copy) {
        long modified = o.lastModified().getEpochSecond();
        if (ifMatch != null) {
            if (!matches(ifMatch, o.etag())) {
                throw S3Errors.preconditionFailed();
            }
        } else if (ifUnmodifiedSince != null && modified > ifUnmodifiedSince.getEpochSecond()) {
            throw S3Errors.preconditionFailed();
        }
        if (ifNoneMatch != null) {
            if (matches(ifNoneMatch, o.etag())) {
                throw copy ? S3Errors.preconditionFailed() : S3Errors.notModified(o.etag(), o.lastModified());
            }
        } else if (ifModifiedSince != null && modified <= ifModifiedSince.getEpochSecond()) {
            throw copy ? S3Errors.preconditionFailed() : S3Errors.notModified(o.etag(), o.lastModified());
        }
    }

    /**
     * Conditional writes (PutObject, CompleteMultipartUpload; "Conditional writes"): {@code If-None-Match: *}
     * fails when the key exists; {@code If-Match} fails when the ETag differs and is 404 when the key
     * does not exist.
     */
    static void checkWrite(StoredObject existing, String ifMatch, String ifNoneMatch) {
        if (ifNoneMatch != null) {
            if (!ifNoneMatch.trim().equals("*")) {
                throw S3Errors.notImplemented("A header you provided implies functionality that is not implemented");
            }
            if (existing != null) {
                throw S3Errors.preconditionFailed();
            }
        }
        if (ifMatch != null) {
            if (existing == null) {
                throw S3Errors.noSuchKey();
            }
            if (!matches(ifMatch, existing.etag())) {
                throw S3Errors.preconditionFailed();
            }
        }
    }

    /** Whether an entity-tag list ({@code "a", W/"b"} or {@code *}) names this ETag. */
    static boolean matches(String header, String etag) {
        String bare = unquote(etag);
        for (String part : header.split(",")) {
            String t = part.trim();
            if (t.equals("*") || unquote(t.startsWith("W/") ? t.substring(2) : t).equals(bare)) {
                return true;
            }
        }
        return false;
    }

    static String unquote(String s) {
        String t = s.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
