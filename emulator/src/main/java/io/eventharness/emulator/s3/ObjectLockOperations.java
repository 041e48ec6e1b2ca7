package io.eventharness.emulator.s3;

import software.amazon.awssdk.services.s3.model.DefaultRetention;
import software.amazon.awssdk.services.s3.model.GetObjectLegalHoldRequest;
import software.amazon.awssdk.services.s3.model.GetObjectLegalHoldResponse;
import software.amazon.awssdk.services.s3.model.GetObjectLockConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetObjectLockConfigurationResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRetentionRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRetentionResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockConfiguration;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetention;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.PutObjectLegalHoldRequest;
import software.amazon.awssdk.services.s3.model.PutObjectLegalHoldResponse;
import software.amazon.awssdk.services.s3.model.PutObjectLockConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutObjectLockConfigurationResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRetentionRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRetentionResponse;

/**
 * Object Lock ({@link ObjectLock}): Put/GetObjectLockConfiguration (enabled at CreateBucket, or later on a bucket
 * whose versioning is enabled; a default retention of days or years), Put/GetObjectRetention, Put/GetObjectLegalHold.
 * A bucket without Object Lock answers InvalidRequest to the object operations.
 */
public final class ObjectLockOperations {
    private final S3Buckets buckets;

    ObjectLockOperations(S3Buckets buckets) {
        this.buckets = buckets;
    }

    public PutObjectLockConfigurationResponse putObjectLockConfiguration(PutObjectLockConfigurationRequest r) {
        S3Bucket b = buckets.bucket(r.bucket());
        ObjectLockConfiguration c = r.objectLockConfiguration();
        if (c == null || c.objectLockEnabled() != ObjectLockEnabled.ENABLED) {
            throw S3Errors.malformedXml();
        }
        DefaultRetention d = c.rule() == null ? null : c.rule().defaultRetention();
        if (c.rule() != null && d == null) {
            throw S3Errors.malformedXml();
        }
        if (d != null) {
            if (d.mode() == null || d.mode() == ObjectLockRetentionMode.UNKNOWN_TO_SDK_VERSION
                    || (d.days() == null) == (d.years() == null)) {
                throw S3Errors.malformedXml();
            }
            int period = d.days() != null ? d.days() : d.years();
            if (period <= 0) {
                throw S3Errors.invalidRetentionPeriod();
            }
        }
        if (!b.settings().objectLockEnabled() && b.versioning() != BucketVersioning.ENABLED) {
            throw S3Errors.invalidBucketState("Versioning must be 'Enabled' on the bucket to apply a Object Lock configuration");
        }
        b.settings().objectLock(c);
        return PutObjectLockConfigurationResponse.builder().build();
    }

    public GetObjectLockConfigurationResponse getObjectLockConfiguration(GetObjectLockConfigurationRequest r) {
        BucketSettings s = buckets.bucket(r.bucket()).settings();
        if (!s.objectLockEnabled()) {
            throw S3Errors.notFound("ObjectLockConfigurationNotFoundError", "Object Lock configuration does not exist for this bucket");
        }
        return GetObjectLockConfigurationResponse.builder().objectLockConfiguration(s.objectLock()).build();
    }

    public PutObjectRetentionResponse putObjectRetention(PutObjectRetentionRequest r) {
        S3Bucket b = lockedBucket(r.bucket());
        ObjectLockRetention want = r.retention();
        if (want == null || want.modeAsString() != null && want.mode() == ObjectLockRetentionMode.UNKNOWN_TO_SDK_VERSION
                || (want.modeAsString() == null) != (want.retainUntilDate() == null)) {
            throw S3Errors.malformedXml();
        }
        if (want.retainUntilDate() != null && !want.retainUntilDate().isAfter(buckets.exactNow())) {
            throw S3Errors.invalidArgument("The retain until date must be in the future!");
        }
        boolean bypass = Boolean.TRUE.equals(r.bypassGovernanceRetention());
        b.change(r.key(), r.versionId(), o -> o.withLock(o.headers().lock().retain(want.modeAsString(),
                want.retainUntilDate(), buckets.exactNow(), bypass)));
        return PutObjectRetentionResponse.builder().build();
    }

    public GetObjectRetentionResponse getObjectRetention(GetObjectRetentionRequest r) {
        ObjectLock lock = lockedBucket(r.bucket()).object(r.key(), r.versionId()).headers().lock();
        if (lock.mode() == null) {
            throw noLock();
        }
        return GetObjectRetentionResponse.builder().retention(x -> x.mode(lock.mode()).retainUntilDate(lock.retainUntil())).build();
    }

    public PutObjectLegalHoldResponse putObjectLegalHold(PutObjectLegalHoldRequest r) {
        S3Bucket b = lockedBucket(r.bucket());
        if (r.legalHold() == null || r.legalHold().status() == null
                || r.legalHold().status() == ObjectLockLegalHoldStatus.UNKNOWN_TO_SDK_VERSION) {
            throw S3Errors.malformedXml();
        }
        b.change(r.key(), r.versionId(), o -> o.withLock(o.headers().lock().hold(r.legalHold().statusAsString())));
        return PutObjectLegalHoldResponse.builder().build();
    }

    public GetObjectLegalHoldResponse getObjectLegalHold(GetObjectLegalHoldRequest r) {
        ObjectLock lock = lockedBucket(r.bucket()).object(r.key(), r.versionId()).headers().lock();
        if (lock.legalHold() == null) {
            throw noLock();
        }
        return GetObjectLegalHoldResponse.builder().legalHold(h -> h.status(lock.legalHold())).build();
    }

    private S3Bucket lockedBucket(String name) {
        S3Bucket b = buckets.bucket(name);
        if (!b.settings().objectLockEnabled()) {
            throw S3Errors.invalidRequest("Bucket is missing Object Lock Configuration");
        }
        return b;
    }

    private static RuntimeException noLock() {
        return S3Errors.notFound("NoSuchObjectLockConfiguration", "The specified object does not have a ObjectLock configuration");
    }
}
