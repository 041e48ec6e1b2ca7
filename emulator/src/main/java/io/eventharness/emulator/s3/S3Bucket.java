package io.eventharness.emulator.s3;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;

/**
 * One bucket: every version of every key (newest first), the current object of each key in key order, its
 * versioning state, its multipart uploads ({@link BucketUploads}) and its configurations ({@link BucketSettings}).
 * Everything changes through the methods below and theirs; writes hold the bucket's lock (so
 * that conditional writes check and store at once, and each write of a key gets a greater sequencer than the one
 * before), reads do not wait.
 */
final class S3Bucket {
    private static final Pattern VERSION_ID = Pattern.compile("[A-Za-z0-9_-]{32}");

    private final String name;
    private final String region;
    private final Instant created;
    /** The latest version of each key, when that is an object (not a delete marker): what listings show. */
    private final NavigableMap<String, StoredObject> current = new ConcurrentSkipListMap<>(KeyOrder.UTF8);
    /** Every version of each key, newest first; each list is replaced, never changed. */
    private final NavigableMap<String, List<ObjectVersion>> history = new ConcurrentSkipListMap<>(KeyOrder.UTF8);
    private final BucketUploads uploads = new BucketUploads();
    private final Object lock = new Object();
    private volatile BucketVersioning versioning = BucketVersioning.UNVERSIONED;
    private final BucketSettings settings = new BucketSettings();
    /** Set under the lock when the bucket is deleted: a write that comes after fails as NoSuchBucket. */
    private boolean deleted;
    /** The last sequencer given, under the lock: from the creation time in microseconds, one more per change. */
    private long sequence;

    /** What a write stored: the object with its version id, and the sequencer of its event. */
    record Write(StoredObject object, String sequencer) {
    }

    /**
     * What a delete did: the version it removed for good (or null), the delete marker it created (or null), and
     * the sequencer of its event (null when it changed nothing).
     */
    record Removal(String key, ObjectVersion removed, DeleteMarker marker, String sequencer) {
        boolean changed() {
            return sequencer != null;
        }
    }

    S3Bucket(String name, String region, Instant created) {
        this.name = name;
        this.region = region;
        this.created = created;
        this.sequence = created.getEpochSecond() * 1_000_000L + created.getNano() / 1_000;
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

    // ---- versioning ---------------------------------------------------------------------------

    BucketVersioning versioning() {
        return versioning;
    }

    /** Enables or suspends versioning (PutBucketVersioning); a versioned bucket never becomes unversioned again. */
    void versioning(BucketVersioning state) {
        if (state == BucketVersioning.UNVERSIONED) {
            throw new IllegalArgumentException("a bucket cannot return to never having been versioned");
        }
        synchronized (lock) {
            checkNotDeleted();
            versioning = state;
        }
    }

    /** Every version of the keys at and after {@code fromKey} (all when null), by key, each key's newest first. */
    NavigableMap<String, List<ObjectVersion>> versionsFrom(String fromKey) {
        return fromKey == null ? history : history.tailMap(fromKey, true);
    }

    // ---- objects --------------------------------------------------------------------------------

    /**
     * The current object under this key; NoSuchKey when there is none, with {@code x-amz-delete-marker: true} and the
     * marker's version id when its latest version is a delete marker ("Working with delete markers").
     */
    StoredObject object(String key) {
        StoredObject o = current.get(key);
        if (o == null) {
            List<ObjectVersion> versions = history.getOrDefault(key, List.of());
            if (!versions.isEmpty() && versions.get(0) instanceof DeleteMarker m) {
                throw S3Errors.noSuchKey().withHeader("x-amz-delete-marker", "true").withHeader("x-amz-version-id", m.versionId());
            }
            throw S3Errors.noSuchKey();
        }
        return o;
    }

    /**
     * The object a read names: the current one without a version id, else that version. InvalidArgument for a
     * version id S3 could not have given, NoSuchVersion for one this key does not have, MethodNotAllowed for a
     * delete marker.
     */
    StoredObject object(String key, String versionId) {
        if (versionId == null) {
            return object(key);
        }
        if (!(version(key, versionId) instanceof StoredObject o)) {
            throw S3Errors.deleteMarkerMethodNotAllowed();
        }
        return o;
    }

    /** One version of a key, by id; see {@link #object(String, String)} for the errors. */
    ObjectVersion version(String key, String versionId) {
        checkVersionId(versionId);
        for (ObjectVersion v : history.getOrDefault(key, List.of())) {
            if (v.versionId().equals(versionId)) {
                return v;
            }
        }
        throw S3Errors.noSuchVersion();
    }

    Optional<StoredObject> find(String key) {
        return Optional.ofNullable(current.get(key));
    }

    /**
     * Stores an object, atomically with the conditional-write checks ({@code If-Match}, {@code If-None-Match}):
     * under a new version id when versioning is enabled (older versions, the {@code null} one too, stay), else as
     * the key's {@code null} version, which it replaces.
     */
    Write put(StoredObject o, String ifMatch, String ifNoneMatch) {
        synchronized (lock) {
            checkNotDeleted();
            Preconditions.checkWrite(current.get(o.key()), ifMatch, ifNoneMatch);
            StoredObject stored = o.withVersion(versioning == BucketVersioning.ENABLED ? newVersionId() : ObjectVersion.NULL_ID);
            List<ObjectVersion> versions = new ArrayList<>();
            versions.add(stored);
            if (versioning != BucketVersioning.UNVERSIONED) {
                // a versioned write keeps every older version (the null one of before versioning too); a write
                // while suspended replaces the null version
                for (ObjectVersion v : history.getOrDefault(o.key(), List.of())) {
                    if (versioning == BucketVersioning.ENABLED || !v.versionId().equals(ObjectVersion.NULL_ID)) {
                        versions.add(v);
                    }
                }
            }
            history.put(o.key(), List.copyOf(versions));
            current.put(o.key(), stored);
            return new Write(stored, nextSequencer());
        }
    }

    /**
     * Deletes as DeleteObject does. Without a version id: an unversioned bucket removes the key's object (if any);
     * a versioned one adds a delete marker (a suspended one's replaces the {@code null} version). With one: that
     * version goes for good, and the one below it (if any) becomes current. {@code If-Match} is checked against
     * the current object. A version under Object Lock retention or legal hold is not removed: AccessDenied.
     */
    Removal delete(String key, String versionId, String ifMatch, Instant now, boolean bypassGovernance) {
        synchronized (lock) {
            if (ifMatch != null) {
                Preconditions.checkWrite(current.get(key), ifMatch, null);
            }
            List<ObjectVersion> versions = new ArrayList<>(history.getOrDefault(key, List.of()));
            if (versionId != null) {
                checkVersionId(versionId);
                ObjectVersion gone = versions.stream().filter(v -> v.versionId().equals(versionId)).findFirst().orElse(null);
                if (gone == null) {
                    return new Removal(key, null, null, null);
                }
                if (gone instanceof StoredObject o) {
                    o.headers().lock().checkDelete(now, bypassGovernance);
                }
                versions.remove(gone);
                replace(key, versions);
                return new Removal(key, gone, null, nextSequencer());
            }
            if (versioning == BucketVersioning.UNVERSIONED) {
                StoredObject gone = current.remove(key);
                history.remove(key);
                return new Removal(key, gone, null, gone == null ? null : nextSequencer());
            }
            checkNotDeleted();
            ObjectVersion replaced = null;
            String id = versioning == BucketVersioning.ENABLED ? newVersionId() : ObjectVersion.NULL_ID;
            if (id.equals(ObjectVersion.NULL_ID)) {
                replaced = versions.stream().filter(v -> v.versionId().equals(ObjectVersion.NULL_ID)).findFirst().orElse(null);
                versions.remove(replaced);
            }
            DeleteMarker marker = new DeleteMarker(key, id, now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            versions.add(0, marker);
            replace(key, versions);
            return new Removal(key, replaced, marker, nextSequencer());
        }
    }

    /**
     * Gives an object (the current one, or the version named) other tags; returns it as stored. NoSuchKey,
     * NoSuchVersion, or MethodNotAllowed for a delete marker, as reads report them.
     */
    StoredObject retag(String key, String versionId, ObjectTags tags) {
        return change(key, versionId, o -> o.withTags(tags));
    }

    /**
     * Replaces an object (the current one, or the version named) with a changed copy of it (its tags, its ACL); returns
     * the copy as stored. NoSuchKey, NoSuchVersion, or MethodNotAllowed for a delete marker, as reads report them.
     */
    StoredObject change(String key, String versionId, java.util.function.UnaryOperator<StoredObject> how) {
        synchronized (lock) {
            StoredObject o = object(key, versionId);
            StoredObject tagged = how.apply(o);
            List<ObjectVersion> versions = new ArrayList<>(history.getOrDefault(key, List.of()));
            versions.replaceAll(v -> v == o ? tagged : v);
            replace(key, versions);
            return tagged;
        }
    }

    /** Sets a key's versions (newest first) and its current object; none left removes the key. */
    private void replace(String key, List<ObjectVersion> versions) {
        if (versions.isEmpty()) {
            history.remove(key);
            current.remove(key);
            return;
        }
        history.put(key, List.copyOf(versions));
        if (versions.get(0) instanceof StoredObject latest) {
            current.put(key, latest);
        } else {
            current.remove(key);
        }
    }

    /** One page of keys and common prefixes (ListObjects, ListObjectsV2). */
    ObjectListing.Page list(String prefix, String delimiter, String after, int maxKeys) {
        return ObjectListing.list(current, prefix, delimiter, after, maxKeys);
    }

    /**
     * The next sequencer, under the lock: 18 upper-case hex digits, so that a later change of a key compares
     * greater as text too ("Event message structure": the greater sequencer is the later event).
     */
    private String nextSequencer() {
        return String.format("%018X", ++sequence);
    }

    private static String newVersionId() {
        return io.eventharness.emulator.core.Ids.token(24);
    }

    /** A version id this bucket could have given: {@code null}, or (once versioned) one of the form it gives. */
    private void checkVersionId(String versionId) {
        if (!versionId.equals(ObjectVersion.NULL_ID)
                && (versioning == BucketVersioning.UNVERSIONED || !VERSION_ID.matcher(versionId).matches())) {
            throw S3Errors.invalidVersionId();
        }
    }

    // ---- multipart uploads ------------------------------------------------------------------------

    void startUpload(PendingUpload u) {
        synchronized (lock) {
            checkNotDeleted();
            uploads.start(u);
        }
    }

    /** The uploads in progress and those completed; start and complete one through this bucket. */
    BucketUploads uploads() {
        return uploads;
    }

    /** Stores the object an upload made (with the conditional-write checks) and ends the upload. */
    Write complete(PendingUpload u, StoredObject o, String ifMatch, String ifNoneMatch) {
        synchronized (lock) {
            Write w = put(o, ifMatch, ifNoneMatch);
            uploads.completed(u, new CompletedUpload(o.key(), o.etag(), w.object().reportedId(), o.checksum(),
                    o.encryption()));
            return w;
        }
    }

    /**
     * The configurations S3 stores and returns: policy, public access block, tags, CORS, ownership, ACL, Object Lock,
     * lifecycle, default encryption, notifications.
     */
    BucketSettings settings() {
        return settings;
    }

    // ---- the bucket itself -----------------------------------------------------------------------

    /**
     * Marks the bucket deleted, refusing while it holds objects, versions or delete markers (BucketNotEmpty); a
     * write that comes after fails as NoSuchBucket. The registry forgets it next ({@link S3Buckets#delete}).
     */
    void markDeleted() {
        synchronized (lock) {
            if (!history.isEmpty()) {
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
