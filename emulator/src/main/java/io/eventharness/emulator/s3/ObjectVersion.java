package io.eventharness.emulator.s3;

import java.time.Instant;

/**
 * One version of a key, as a versioned bucket keeps them ("Retaining multiple versions of objects with S3
 * Versioning"): an object, or a delete marker that hides the versions below it. An unversioned bucket keeps one
 * version per key, whose id is {@code null} (the string, as S3 lists it).
 */
sealed interface ObjectVersion permits StoredObject, DeleteMarker {
    /** The id S3 gives an object stored while versioning was never enabled, or suspended. */
    String NULL_ID = "null";

    String key();

    /** A generated id, or {@link #NULL_ID}. */
    String versionId();

    Instant lastModified();

    /**
     * The id as S3 reports it in {@code x-amz-version-id} and event records: a generated one, or null for the
     * {@code null} version (S3 leaves it out there).
     */
    default String reportedId() {
        return versionId().equals(NULL_ID) ? null : versionId();
    }
}
