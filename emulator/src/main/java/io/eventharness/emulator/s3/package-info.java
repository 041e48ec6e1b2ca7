/**
 * Amazon S3 (restXml): buckets, objects, listings, multipart uploads, checksums and notification
 * configurations, in memory. May import: {@code core}, {@code protocol}, {@code delivery}.
 */
package io.eventharness.emulator.s3;
