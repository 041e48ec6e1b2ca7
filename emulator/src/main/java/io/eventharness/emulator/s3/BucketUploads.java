package io.eventharness.emulator.s3;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bucket's multipart uploads: those in progress, by id, and what each completed one answered (for a client that
 * completes it again). Starting and completing an upload go through its {@link S3Bucket} (they check and store under
 * the bucket's lock); looking one up, listing and aborting do not wait.
 */
final class BucketUploads {
    private final Map<String, PendingUpload> inProgress = new ConcurrentHashMap<>();
    /** Uploads completed, by id: what completing them answered, for a client that completes one again. */
    private final Map<String, CompletedUpload> completed = new ConcurrentHashMap<>();

    /** Called by {@link S3Bucket#startUpload} under the bucket's lock. */
    void start(PendingUpload u) {
        inProgress.put(u.uploadId(), u);
    }

    /** The upload in progress with this id, for this key; NoSuchUpload otherwise. */
    PendingUpload upload(String key, String uploadId) {
        PendingUpload u = uploadId == null ? null : inProgress.get(uploadId);
        if (u == null || !u.key().equals(key)) {
            throw S3Errors.noSuchUpload();
        }
        return u;
    }

    /** The uploads in progress, in no particular order. */
    List<PendingUpload> inProgress() {
        return List.copyOf(inProgress.values());
    }

    /** Ends an upload whose object was stored; called by {@link S3Bucket#complete} under the bucket's lock. */
    void completed(PendingUpload u, CompletedUpload answer) {
        inProgress.remove(u.uploadId(), u);
        completed.put(u.uploadId(), answer);
    }

    /** What completing this upload of this key answered, when it was completed; else empty. */
    Optional<CompletedUpload> completed(String key, String uploadId) {
        CompletedUpload c = uploadId == null ? null : completed.get(uploadId);
        return c != null && c.key().equals(key) ? Optional.of(c) : Optional.empty();
    }

    void abort(PendingUpload u) {
        inProgress.remove(u.uploadId(), u);
    }
}
