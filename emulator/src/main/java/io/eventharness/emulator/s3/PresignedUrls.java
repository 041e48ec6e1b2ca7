package io.eventharness.emulator.s3;

import io.eventharness.emulator.protocol.Presign;
import java.time.Instant;

/**
 * A presigned URL's validity as S3 judges it, on the emulator's clock ("Sharing objects with presigned URLs"): a
 * SigV4 URL is valid from its {@code X-Amz-Date} for {@code X-Amz-Expires} seconds, at least one and at most seven
 * days; a SigV2 URL until its {@code Expires}. Outside that, 403 AccessDenied before anything else is looked at. The
 * signature is not checked (that, and who may do what, belongs with IAM permissions).
 */
final class PresignedUrls {
    private PresignedUrls() {
    }

    static void check(Presign p, Instant now) {
        if (p.lifetime() != null) {
            if (p.lifetime().isNegative() || p.lifetime().isZero()) {
                throw S3Errors.accessDenied("X-Amz-Expires must be non-negative and greater than zero: " + p.lifetime().toSeconds());
            }
            if (p.lifetime().compareTo(Presign.MAX_LIFETIME) > 0) {
                throw S3Errors.accessDenied("X-Amz-Expires must be less than a week (in seconds) that is; "
                        + Presign.MAX_LIFETIME.toSeconds());
            }
        }
        if (!now.isBefore(p.expiresAt())) {
            throw S3Errors.accessDenied("Request has expired").withMember("Expires", p.expiresAt().toString())
                    .withMember("ServerTime", now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        }
    }
}
