/**
 * Amazon S3 (restXml), in memory: buckets, objects, listings, multipart uploads and bucket notification
 * configurations, for unmodified clients addressing it path-style ({@code /bucket/key}) or virtual-host style
 * ({@code bucket.localhost:port}; {@code routing} and {@code protocol} resolve both).
 *
 * <p><b>What it serves.</b> Buckets: CreateBucket (LocationConstraint checked against the endpoint's region),
 * HeadBucket, DeleteBucket, ListBuckets, GetBucketLocation. Objects: PutObject, GetObject and HeadObject (byte
 * ranges, {@code partNumber}, conditional reads, {@code response-*} overrides), DeleteObject, DeleteObjects,
 * CopyObject; conditional writes ({@code If-Match}, {@code If-None-Match: *}); {@code Content-MD5} and the
 * flexible checksums CRC32, CRC32C, CRC64NVME, SHA1, SHA256, SHA512 and MD5. Listings: ListObjects,
 * ListObjectsV2 and ListMultipartUploads, with delimiters and {@code encoding-type=url}. Multipart uploads:
 * CreateMultipartUpload, UploadPart, UploadPartCopy, CompleteMultipartUpload (COMPOSITE and FULL_OBJECT
 * checksums), AbortMultipartUpload, ListParts. Notifications: Put/GetBucketNotificationConfiguration. Any other
 * S3 operation gets a 501 that names it.
 *
 * <p><b>Layout</b> (the house pattern):
 * <ul>
 *   <li>{@link io.eventharness.emulator.s3.S3Service} — the spec, the state and the operation objects, and the
 *       in-JVM read {@code object(bucket, key)} (Lambda code from S3: the bytes and their verified SHA-256); no operation methods.</li>
 *   <li>State, knowing nothing of requests: {@code S3Buckets} (the registry, and the time to the second),
 *       {@code S3Bucket} (objects in UTF-8 key order, uploads in progress, the notification configuration; it
 *       owns its lock: conditional writes check and store under it), {@code StoredObject} and
 *       {@code PendingUpload} (which assembles the object its parts make).</li>
 *   <li>Operations, one class per area: {@code BucketOperations}, {@code ObjectOperations},
 *       {@code ListingOperations}, {@code MultipartOperations}, {@code NotificationOperations}.</li>
 *   <li>Events: {@code ObjectEvents.raise} is the one place an object-created or object-removed event
 *       ({@code ObjectEvent}: bucket, region, key, size, ETag, version, event name, time, request id) leaves a
 *       bucket; every operation that stores or removes an object calls it.</li>
 *   <li>Rules and values: {@code NotificationRules} (configuration checks; destinations as {@code core.Arn},
 *       their existence asked through {@code S3Destinations}, which {@code Services} fills in),
 *       {@code Preconditions}, {@code Checksums} ({@code Crc64Nvme}), {@code ObjectReads},
 *       {@code ObjectListing}, {@code KeyOrder}, {@code BucketNames}, {@code ObjectKeys}, {@code Tokens};
 *       records {@code ObjectParts}, {@code ObjectHeaders}, {@code StoredChecksum}, {@code ByteRange},
 *       {@code CopySource}; {@code Members} reads and sets SDK model members by name; {@code BucketOwner}.</li>
 *   <li>{@code S3Errors} — the errors, with the codes of S3's "List of error codes".</li>
 * </ul>
 *
 * <p><b>Differences from AWS.</b> One account, which owns every bucket. No versioning (a copy source's
 * {@code versionId} may only be {@code null}), object tagging, ACLs, encryption keys (every object reports
 * AES256), lifecycle, object lock or website hosting. XXHASH checksums are not verified: their values are
 * ignored. Notification configurations are validated (queue and topic destinations must exist; functions
 * are not looked up) and stored, but no event is delivered yet and no {@code s3:TestEvent} is sent.
 *
 * <p><b>Imports:</b> {@code core}, {@code protocol} (the spec, {@code Call}, {@code WithBody}) and
 * {@code delivery} (for the events to come); never {@code http}, {@code routing}, {@code pipeline} or
 * {@code admin}.
 */
package io.eventharness.emulator.s3;
