package io.eventharness.emulator.s3;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;

/**
 * One bucket: its objects in key order, its multipart uploads in progress and its notification
 * configuration (kept as the SDK model object it was validated as). Everything changes through the
 * methods below; writes that check and change together (conditional writes, deleting the bucket) hold
 * the bucket's lock, reads do not wait.
 */
final class S3Bucket {
    private final String name;
    private final String region;
    private final Instant created;
    private final NavigableMap<String, StoredObject> objects = new ConcurrentSkipListMap<>(KeyOrder.UTF8);
    private final Map<String, PendingUpload> uploads = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private volatile NotificationConfiguration notifications = NotificationConfiguration.builder().build();
    /** Set under the lock when the bucket is deleted: a write that comes after fails as NoSuchBucket. */
    private boolean deleted;

    S3Bucket(String name, String region, Instant created) {
        this.name = name;
        this.region = region;
        this.created = created;
    }

    String name() {
        return name;
    }

    String region() {
        return region;
    }

    Instant created() {
        return created;
    }

    // ---- objects --------------------------------------------------------------------------------

    /** The object under this key; NoSuchKey when there is none. */
    StoredObject object(String key) {
        StoredObject o = objects.get(key);
        if (o == null) {
            throw S3Errors.noSuchKey();
        }
        return o;
    }

    Optional<StoredObject> find(String key) {
        return Optional.ofNullable(objects.get(key));
    }

    /** Stores an object, atomically with the conditional-write checks ({@code If-Match}, {@code If-None-Match}). */
    void put(StoredObject o, String ifMatch, String ifNoneMatch) {
        synchronized (lock) {
            checkNotDeleted();
            Preconditions.checkWrite(objects.get(o.key()), ifMatch, ifNoneMatch);
            objects.put(o.key(), o);
        }
    }

    /**
     * Removes the object under this key, atomically with an {@code If-Match} check when one is given;
     * returns the removed object, or null when there was none.
     */
    StoredObject remove(String key, String ifMatch) {
        synchronized (lock) {
            if (ifMatch != null) {
                Preconditions.checkWrite(objects.get(key), ifMatch, null);
            }
            return objects.remove(key);
        }
    }

    /** One page of keys and common prefixes (ListObjects, ListObjectsV2). */
    ObjectListing.Page list(String prefix, String delimiter, String after, int maxKeys) {
        return ObjectListing.list(objects, prefix, delimiter, after, maxKeys);
    }

    // ---- multipart uploads ------------------------------------------------------------------------

    void startUpload(PendingUpload u) {
        synchronized (lock) {
            checkNotDeleted();
            uploads.put(u.uploadId(), u);
        }
    }

    /** The upload in progress with this id, for this key; NoSuchUpload otherwise. */
    PendingUpload upload(String key, String uploadId) {
        PendingUpload u = uploadId == null ? null : uploads.get(uploadId);
        if (u == null || !u.key().equals(key)) {
            throw S3Errors.noSuchUpload();
        }
        return u;
    }

    /** The uploads in progress, in no particular order. */
    List<PendingUpload> uploads() {
        return List.copyOf(uploads.values());
    }

    /** Stores the object an upload made (with the conditional-write checks) and ends the upload. */
    void complete(PendingUpload u, StoredObject o, String ifMatch, String ifNoneMatch) {
        synchronized (lock) {
            put(o, ifMatch, ifNoneMatch);
            uploads.remove(u.uploadId(), u);
        }
    }

    void abort(PendingUpload u) {
        uploads.remove(u.uploadId(), u);
    }

    // ---- notifications -----------------------------------------------------------------------------

    /** The notification configuration, with every configuration's id; empty when notifications are off. */
    NotificationConfiguration notifications() {
        return notifications;
    }

    /** Replaces the notification configuration with a validated one ({@link NotificationRules#validate}). */
    void configureNotifications(NotificationConfiguration validated) {
        notifications = validated;
    }

    // ---- the bucket itself -----------------------------------------------------------------------

    /**
     * Marks the bucket deleted, refusing while it holds objects (BucketNotEmpty); a write that comes after
     * fails as NoSuchBucket. The registry forgets it next ({@link S3Buckets#delete}).
     */
    void markDeleted() {
        synchronized (lock) {
            if (!objects.isEmpty()) {
                throw S3Errors.bucketNotEmpty();
            }
            deleted = true;
        }
    }

    private void checkNotDeleted() {
        if (deleted) {
            throw S3Errors.noSuchBucket(name);
        }
    }
}
