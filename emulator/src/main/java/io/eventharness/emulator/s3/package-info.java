/**
 * Amazon S3 (restXml), in memory: buckets, objects and their versions and tags, listings, multipart uploads, and
 * bucket notifications delivered to queues, topics and functions, for unmodified clients addressing it path-style
 * ({@code /bucket/key}) or virtual-host style ({@code bucket.localhost:port}; {@code routing} and {@code protocol}
 * resolve both).
 *
 * <p><b>What it serves.</b> Buckets: CreateBucket (LocationConstraint checked against the endpoint's region),
 * HeadBucket, DeleteBucket, ListBuckets, GetBucketLocation, Put/GetBucketVersioning ({@code Enabled},
 * {@code Suspended}), Put/Get/DeleteBucketEncryption (SSE-S3 unless set otherwise). Encryption: every write and read
 * reports how the object is encrypted as S3 does ({@code ObjectEncryption}: SSE-S3, SSE-KMS and DSSE-KMS with their
 * key and bucket-key flag, SSE-C with its key's MD5, the bucket's default when a write names none), and an SSE-C
 * object is read, copied or added to only with its key. Objects: PutObject, GetObject and HeadObject (versions, byte ranges, {@code partNumber},
 * conditional reads, {@code response-*} overrides, {@code x-amz-tagging-count}), DeleteObject (delete markers in a
 * versioned bucket, a version by id), DeleteObjects, CopyObject (of a version; tagging directive); conditional
 * writes ({@code If-Match}, {@code If-None-Match: *}); {@code Content-MD5} and the flexible checksums CRC32, CRC32C,
 * CRC64NVME, SHA1, SHA256, SHA512 and MD5; tags ({@code x-amz-tagging}, Put/Get/DeleteObjectTagging). Browser form
 * uploads (POST Object, {@code multipart/form-data} to the bucket) are PutObject's other wire form: the codec reads
 * the form's header fields into the request, {@code PostPolicy} checks the policy (expiration on the emulator's
 * clock, {@code eq}, {@code starts-with} and {@code content-length-range} conditions; its signature is not checked),
 * {@code FormUploads} answers ({@code success_action_status}, {@code success_action_redirect}), and the event is
 * {@code ObjectCreated:Post}. Listings:
 * ListObjects, ListObjectsV2, ListObjectVersions (an unversioned bucket's objects as their {@code null} version) and
 * ListMultipartUploads, with delimiters and {@code encoding-type=url}. Multipart uploads: CreateMultipartUpload,
 * UploadPart, UploadPartCopy, CompleteMultipartUpload (COMPOSITE and FULL_OBJECT checksums; completing an upload
 * again answers as the first time), AbortMultipartUpload, ListParts. PutObject and UploadPart need a
 * {@code Content-Length} (or a chunked body): 411 MissingContentLength otherwise. Presigned URLs (SigV4 and SigV2
 * query authentication) are honoured for their validity on the emulator's clock: one second to seven days from
 * {@code X-Amz-Date}, then 403 AccessDenied "Request has expired" ({@link io.eventharness.emulator.s3.PresignedUrls});
 * their signatures are checked with {@code --verify-signatures}. Notifications: Put/GetBucketNotificationConfiguration, and
 * the events themselves. Bucket configurations stored and returned ({@code BucketSettings}): Put/Get/DeleteBucketPolicy (checked as S3
 * does; evaluated by the request pipeline when policies are enforced, read through {@code bucketPolicy}) and
 * GetBucketPolicyStatus, Put/Get/DeletePublicAccessBlock
 * (all blocked for a new bucket, as S3's since April 2023; a public policy or ACL is refused while blocked),
 * Put/Get/DeleteBucketTagging, Put/Get/DeleteBucketCors. CORS is applied as browsers meet it ({@code CorsRules}): a
 * preflight ({@code OPTIONS}, unsigned) is answered by the bucket's rules (403 AccessForbidden when none takes it),
 * and a request with an {@code Origin} that a rule allows carries the {@code Access-Control-*} headers, errors too. ACLs as S3 answers them today ({@code Acls}): a new bucket's
 * ownership is {@code BucketOwnerEnforced}, where only the owner's full control is accepted
 * (AccessControlListNotSupported otherwise); Put/Get/DeleteBucketOwnershipControls, Get/PutBucketAcl,
 * Get/PutObjectAcl, and {@code x-amz-acl}/{@code x-amz-grant-*} on CreateBucket and object writes. GetObjectAttributes
 * (ETag, Checksum, ObjectParts, StorageClass, ObjectSize). Object Lock ({@code ObjectLock}): enabled at CreateBucket
 * (which turns versioning on for good) or on a versioned bucket, Put/GetObjectLockConfiguration with a default
 * retention, Put/GetObjectRetention and Put/GetObjectLegalHold, the lock headers on writes and reads; a retained or
 * held version is not deleted (AccessDenied; {@code GOVERNANCE} gives way to
 * {@code x-amz-bypass-governance-retention}). Lifecycle: Put/GetBucketLifecycleConfiguration, DeleteBucketLifecycle
 * ({@code LifecycleRules}), applied at each midnight UTC of the emulator's clock ({@code Lifecycle}): expiration
 * (with {@code LifecycleExpiration:Delete} and {@code :DeleteMarkerCreated} events), noncurrent version expiration,
 * expired delete markers, transitions (the storage class changes, {@code LifecycleTransition}) and aborting
 * incomplete uploads; {@code x-amz-expiration} on PutObject, CopyObject, GetObject and HeadObject. Any other S3
 * operation gets a 501 that names it.
 *
 * <p><b>Notifications</b> ("Amazon S3 Event Notifications" in the S3 user guide). A configuration is saved when its
 * destinations exist and their resource policy lets {@code s3.amazonaws.com} send for the bucket (a function's
 * {@code AddPermission}, a queue's or topic's {@code Policy}); otherwise InvalidArgument "Unable to validate the
 * following destination configurations" names each one and why ({@code ArgumentNameN}, {@code ArgumentValueN}).
 * {@code x-amz-skip-destination-validation} skips the checks; the emulator's switch
 * ({@code Emulator.Builder.withS3DestinationPolicyCheck(false)}) skips only the policies, and tells {@code delivery}
 * to trust S3 without them (functions, queues and topics then take S3's records regardless). Each queue and topic
 * then gets the
 * {@code s3:TestEvent} message. Object events ({@code ObjectCreated:Put|Copy|CompleteMultipartUpload},
 * {@code ObjectRemoved:Delete|DeleteMarkerCreated}, {@code ObjectTagging:Put|Delete}) are matched against every
 * configuration (event types, prefix and suffix rules) and each match gets a record as AWS shapes it: version 2.1
 * (2.3 for tagging), the key form-encoded ({@code +} for a space), size, ETag, version id, and a sequencer that
 * grows with each change of a key. Records go through {@code delivery}: to a queue or a topic at once (published with the subject
 * {@code Amazon S3 Notification}), to a function as an asynchronous invocation (retries, dead-letter queue, destinations), each hop in the event trail.
 *
 * <p><b>Layout</b> (the house pattern):
 * <ul>
 *   <li>{@link io.eventharness.emulator.s3.S3Service} — the spec, the state and the operation objects, and the
 *       in-JVM read {@code object(bucket, key)} (Lambda code from S3: the bytes and their verified SHA-256); no operation methods.</li>
 *   <li>State, knowing nothing of requests: {@code S3Buckets} (the registry, and the time to the second),
 *       {@code S3Bucket} (every version of every key, the current objects in UTF-8 key order, the versioning state
 *       {@code BucketVersioning}; it owns its lock: writes check and store under it and get their sequencer there),
 *       {@code BucketUploads} (its multipart uploads in progress, and what each completed one answered),
 *       {@code BucketSettings} (the configurations S3 stores and returns: policy, tags, CORS, ACL, Object Lock,
 *       lifecycle, default encryption, notifications), {@code ObjectVersion} ({@code StoredObject} or
 *       {@code DeleteMarker}) and {@code PendingUpload} (which assembles the object its parts make).</li>
 *   <li>Operations, one class per area: {@code BucketOperations}, {@code ObjectOperations},
 *       {@code TaggingOperations}, {@code ListingOperations}, {@code VersioningOperations}, {@code EncryptionOperations},
 *       {@code AclOperations}, {@code PolicyOperations}, {@code BucketTaggingOperations}, {@code CorsOperations},
 *       {@code AttributesOperations}, {@code ObjectLockOperations}, {@code LifecycleOperations},
 *       {@code MultipartOperations}, {@code NotificationOperations}; {@code Lifecycle} applies lifecycle rules on the
 *       clock.</li>
 *   <li>Events: {@code ObjectEvents} is the one place object events ({@code ObjectEvent}) leave a bucket and the
 *       test message is sent; every operation that stores, removes or tags an object calls it. {@code ObjectDelivery}
 *       is S3's {@code delivery} target: other services (a stream mapping's on-failure records) write objects by their
 *       ARN {@code arn:aws:s3:::bucket/key}, as PutObject would, events included.
 *       {@code EventRecords} writes the JSON.</li>
 *   <li>Rules and values: {@code NotificationRules} (configuration checks; destinations as {@code core.Arn}, their
 *       existence and policies asked through {@code S3Destinations}, which {@code Services} fills in),
 *       {@code ObjectTags}, {@code Preconditions}, {@code Checksums} ({@code Crc64Nvme}), {@code ObjectReads},
 *       {@code ObjectListing}, {@code VersionListing}, {@code KeyOrder}, {@code BucketNames}, {@code ObjectKeys},
 *       {@code Tokens}; records {@code ObjectParts}, {@code ObjectHeaders}, {@code StoredChecksum},
 *       {@code ByteRange}, {@code CopySource}; {@code Members} reads and sets SDK model members by name;
 *       {@code BucketOwner}.</li>
 *   <li>{@code S3Errors} — the errors, with the codes of S3's "List of error codes".</li>
 * </ul>
 *
 * <p><b>Differences from AWS.</b> One account, which owns every bucket. ACLs, bucket policies and Block Public Access
 * are stored, not enforced. No encryption at rest (objects are stored as
 * they came; KMS keys are not looked up: any key id is reported as given, none as {@code alias/aws/s3}), MFA delete (refused) or website
 * hosting. XXHASH checksums are not verified: their values are ignored. Event records name every caller and the
 * bucket owner with one principal id and {@code 127.0.0.1} as the source address; S3 delivers them before the
 * request that caused them answers (AWS within about a second), in the order of the requests. A destination that
 * refuses a record (deleted, its policy changed) loses it, as in AWS, and the trail says so. Version ids are 32
 * URL-safe characters; an id of another form is "Invalid version id specified". Lifecycle actions are taken exactly at
 * midnight UTC (S3: some time after), and a transition only changes the storage class (objects stay readable);
 * lifecycle event records name the same principal as others and carry no {@code lifecycleEventData}. An SNS notification's {@code Subject} is
 * not yet {@code Amazon S3 Notification}.
 *
 * <p><b>Imports:</b> {@code core}, {@code protocol} (the spec, {@code Call}, {@code WithBody}),
 * {@code delivery} and {@code policy} (a bucket policy's grammar); never {@code http}, {@code routing}, {@code pipeline} or {@code admin}.
 */
package io.eventharness.emulator.s3;
