package io.eventharness.emulator.protocol;

import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The validity a presigned URL states in its query ("Authenticating Requests: Using Query Parameters"): SigV4's
 * {@code X-Amz-Date} and {@code X-Amz-Expires} (seconds), or SigV2's {@code Expires} (epoch seconds, with
 * {@code AWSAccessKeyId} and {@code Signature}). Read here; a service judges it against its clock
 * ({@link EmulatedService#admit}). The signature itself is not checked.
 *
 * @param signedAt when it was signed; null for SigV2, which does not say
 * @param lifetime how long it is valid from {@code signedAt} as the URL states it (may be zero or negative); null for
 *                 SigV2
 * @param expiresAt when it stops being valid
 */
public record Presign(Instant signedAt, Duration lifetime, Instant expiresAt) {
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** The longest a SigV4 presigned URL may be valid: seven days. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(7);

    /**
     * The validity of a presigned request; empty for a request signed in its headers or not at all. A value that
     * cannot be read is 403 AuthorizationQueryParametersError, as S3 answers it.
     */
    static Optional<Presign> of(HttpRequest r) {
        if (r.header("Authorization") != null) {
            return Optional.empty();
        }
        String credential = r.queryParamIfReadable("X-Amz-Credential");
        String expires = r.queryParamIfReadable("X-Amz-Expires");
        if (credential != null || expires != null) {
            String date = r.queryParamIfReadable("X-Amz-Date");
            if (date == null || expires == null) {
                throw malformed("Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, "
                        + "X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.");
            }
            try {
                Instant signed = AMZ_DATE.parse(date, Instant::from);
                Duration lifetime = Duration.ofSeconds(Long.parseLong(expires.trim()));
                return Optional.of(new Presign(signed, lifetime, signed.plus(lifetime)));
            } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
                throw malformed("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\" and X-Amz-Expires "
                        + "a number of seconds");
            }
        }
        String v2 = r.queryParamIfReadable("Expires");
        if (v2 != null && r.queryParamIfReadable("AWSAccessKeyId") != null && r.queryParamIfReadable("Signature") != null) {
            try {
                return Optional.of(new Presign(null, null, Instant.ofEpochSecond(Long.parseLong(v2.trim()))));
            } catch (NumberFormatException | java.time.DateTimeException e) {
                throw malformed("Invalid date (should be seconds since epoch): " + v2);
            }
        }
        return Optional.empty();
    }

    private static AwsException malformed(String message) {
        return AwsException.of(403, "AuthorizationQueryParametersError", message);
    }
}
