package io.eventharness.emulator.s3;

import java.time.Instant;
import java.time.ZoneOffset;
import software.amazon.awssdk.services.s3.model.DefaultRetention;
import software.amazon.awssdk.services.s3.model.ObjectLockConfiguration;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;

/**
 * An object version's lock ("Locking objects with Object Lock" in the S3 user guide): its retention (a mode,
 * {@code GOVERNANCE} or {@code COMPLIANCE}, until a date; or none) and its legal hold ({@code ON}, {@code OFF}, or
 * never set). While retained or held, the version cannot be deleted (a delete without a version id only adds a
 * delete marker); a {@code GOVERNANCE} retention gives way to {@code x-amz-bypass-governance-retention}.
 */
record ObjectLock(String mode, Instant retainUntil, String legalHold) {
    static final ObjectLock NONE = new ObjectLock(null, null, null);

    /**
     * The lock an object write asks for ({@code x-amz-object-lock-mode}, {@code -retain-until-date},
     * {@code -legal-hold}), else the bucket's default retention from {@code now}. InvalidRequest where the bucket
     * has no Object Lock; InvalidArgument for a mode without a date (or the reverse) or a date not in the future.
     */
    static ObjectLock requested(Object request, BucketSettings bucket, Instant now) {
        String mode = (String) Members.get(request, "ObjectLockMode");
        Instant until = (Instant) Members.get(request, "ObjectLockRetainUntilDate");
        String hold = (String) Members.get(request, "ObjectLockLegalHoldStatus");
        if (mode == null && until == null && hold == null) {
            return bucket.objectLockEnabled() ? byDefault(bucket.objectLock(), now) : NONE;
        }
        if (!bucket.objectLockEnabled()) {
            throw S3Errors.invalidRequest("Bucket is missing Object Lock Configuration");
        }
        if ((mode == null) != (until == null)) {
            throw S3Errors.invalidArgument("x-amz-object-lock-retain-until-date and x-amz-object-lock-mode must both be supplied");
        }
        if (mode != null && ObjectLockMode.fromValue(mode) == ObjectLockMode.UNKNOWN_TO_SDK_VERSION) {
            throw S3Errors.invalidArgument("Unknown wormMode directive.", "x-amz-object-lock-mode", mode);
        }
        if (until != null && !until.isAfter(now)) {
            throw S3Errors.invalidArgument("The retain until date must be in the future!");
        }
        if (hold != null && ObjectLockLegalHoldStatus.fromValue(hold) == ObjectLockLegalHoldStatus.UNKNOWN_TO_SDK_VERSION) {
            throw S3Errors.invalidArgument("Legal Hold must be either of 'ON' or 'OFF'", "x-amz-object-lock-legal-hold", hold);
        }
        ObjectLock base = mode == null ? byDefault(bucket.objectLock(), now) : new ObjectLock(mode, until, null);
        return new ObjectLock(base.mode, base.retainUntil, hold);
    }

    private static ObjectLock byDefault(ObjectLockConfiguration c, Instant now) {
        DefaultRetention d = c == null || c.rule() == null ? null : c.rule().defaultRetention();
        if (d == null) {
            return NONE;
        }
        var at = now.atOffset(ZoneOffset.UTC);
        Instant until = (d.days() != null ? at.plusDays(d.days()) : at.plusYears(d.years())).toInstant();
        return new ObjectLock(d.modeAsString(), until, null);
    }

    boolean retained(Instant now) {
        return mode != null && retainUntil.isAfter(now);
    }

    boolean held() {
        return ObjectLockLegalHoldStatus.ON.toString().equals(legalHold);
    }

    /** AccessDenied when this version may not be deleted now (retained, held; governance without bypass). */
    void checkDelete(Instant now, boolean bypassGovernance) {
        if (held() || retained(now) && !(bypassGovernance && ObjectLockMode.GOVERNANCE.toString().equals(mode))) {
            throw S3Errors.accessDenied("Access Denied because object protected by object lock.");
        }
    }

    /**
     * This lock with another retention (PutObjectRetention). While retained, a {@code COMPLIANCE} retention may only
     * be extended, and a {@code GOVERNANCE} one shortened, removed or changed in mode only with the bypass header:
     * AccessDenied otherwise.
     */
    ObjectLock retain(String newMode, Instant newUntil, Instant now, boolean bypassGovernance) {
        if (retained(now)) {
            boolean weaker = newMode == null || !newMode.equals(mode) || newUntil.isBefore(retainUntil);
            if (weaker && (ObjectLockMode.COMPLIANCE.toString().equals(mode) || !bypassGovernance)) {
                throw S3Errors.accessDenied("Access Denied because object protected by object lock.");
            }
        }
        return new ObjectLock(newMode, newUntil, legalHold);
    }

    ObjectLock hold(String status) {
        return new ObjectLock(mode, retainUntil, status);
    }

    /** Sets the lock headers on a GetObject or HeadObject response builder. */
    void apply(Object builder) {
        Members.set(builder, "ObjectLockMode", mode);
        Members.set(builder, "ObjectLockRetainUntilDate", retainUntil);
        Members.set(builder, "ObjectLockLegalHoldStatus", legalHold);
    }
}
