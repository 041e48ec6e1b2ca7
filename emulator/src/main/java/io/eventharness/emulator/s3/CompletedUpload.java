package io.eventharness.emulator.s3;

/**
 * What a completed multipart upload answered, kept so that the same CompleteMultipartUpload sent again (a client
 * retrying after a lost answer) gets the same answer instead of NoSuchUpload, as S3 gives it.
 *
 * @param key       the object's key
 * @param etag      the object's ETag, quoted
 * @param versionId the version it was stored as, as reported (null for the {@code null} version)
 * @param checksum  its checksum, or null
 * @param encryption how it is encrypted
 */
record CompletedUpload(String key, String etag, String versionId, StoredChecksum checksum, ObjectEncryption encryption) {
}
