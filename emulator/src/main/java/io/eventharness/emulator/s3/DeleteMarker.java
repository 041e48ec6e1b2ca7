package io.eventharness.emulator.s3;

import java.time.Instant;

/**
 * A delete marker: what a DeleteObject without a version id leaves in a versioned bucket ("Working with delete
 * markers"). While it is the key's latest version, the key reads as deleted; deleting the marker by its version id
 * brings the version below it back.
 */
record DeleteMarker(String key, String versionId, Instant lastModified) implements ObjectVersion {
}
