package io.eventharness.emulator.s3;

/**
 * A bucket's versioning state ("Retaining multiple versions of objects with S3 Versioning"): never enabled,
 * enabled, or suspended. A bucket once versioned never returns to {@link #UNVERSIONED}.
 */
enum BucketVersioning {
    /** Never enabled: one version per key, id {@code null}; GetBucketVersioning answers without a status. */
    UNVERSIONED(null),
    /** Every write makes a new version with a generated id; a delete leaves a delete marker. */
    ENABLED("Enabled"),
    /** Writes replace the {@code null} version and keep the others; a delete leaves a {@code null} delete marker. */
    SUSPENDED("Suspended");

    private final String status;

    BucketVersioning(String status) {
        this.status = status;
    }

    /** The {@code Status} GetBucketVersioning answers; null for a bucket never versioned. */
    String status() {
        return status;
    }

    /** The state a PutBucketVersioning {@code Status} asks for; MalformedXML for anything else. */
    static BucketVersioning of(String status) {
        if ("Enabled".equals(status)) {
            return ENABLED;
        }
        if ("Suspended".equals(status)) {
            return SUSPENDED;
        }
        throw S3Errors.malformedXml();
    }
}
