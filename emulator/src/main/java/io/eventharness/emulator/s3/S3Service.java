package io.eventharness.emulator.s3;

import io.eventharness.emulator.core.Account;
import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.protocol.Call;
import io.eventharness.emulator.protocol.EmulatedService;
import io.eventharness.emulator.protocol.ServiceSpec;
import io.eventharness.emulator.protocol.WithBody;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.*;

/**
 * Amazon S3 (restXml): buckets, objects (ranges, conditional requests, flexible checksums, copy),
 * listings, multipart uploads and bucket notification configurations, kept in memory. Path-style
 * ({@code /bucket/key}) and virtual-host ({@code bucket.localhost:port}) addressing both work.
 *
 * <p>Differences from AWS: one account, no versioning, ACLs, encryption keys, tagging or lifecycle;
 * XXHASH checksums are not verified; notifications are validated and stored but not yet delivered
 * (see {@link #emit}).
 */
public final class S3Service implements EmulatedService {
    public static final ServiceSpec SPEC = ServiceSpec.restXml("s3", S3Client.class, "http://s3.amazonaws.com/doc/2006-03-01/",
            Map.ofEntries(
                    Map.entry("ListBuckets", "ListAllMyBucketsResult"),
                    Map.entry("GetBucketLocation", "LocationConstraint"),
                    Map.entry("ListObjects", "ListBucketResult"),
                    Map.entry("ListObjectsV2", "ListBucketResult"),
                    Map.entry("DeleteObjects", "DeleteResult"),
                    Map.entry("CreateMultipartUpload", "InitiateMultipartUploadResult"),
                    Map.entry("CompleteMultipartUpload", "CompleteMultipartUploadResult"),
                    Map.entry("ListParts", "ListPartsResult"),
                    Map.entry("ListMultipartUploads", "ListMultipartUploadsResult"),
                    Map.entry("GetBucketNotificationConfiguration", "NotificationConfiguration")));

    @Override
    public ServiceSpec spec() {
        return SPEC;
    }

    @Override
    public List<?> operations() {
        return List.of(this);
    }

    static final String US_EAST_1 = "us-east-1";
    /** The canonical user id of the one account. */
    static final Owner OWNER = Owner.builder()
            .id(Checksums.md5Hex(Account.ID.getBytes(StandardCharsets.UTF_8)).repeat(2)).displayName("emulator").build();
    private static final int MAX_KEY_BYTES = 1024;
    private static final Pattern REGION = Pattern.compile("[a-zA-Z0-9-]{2,32}");

    private final EmulatorClock clock;
    /** Carries object events to the notification destinations, once {@link #emit} delivers them. */
    private final Delivery delivery;
    private final S3Destinations destinations;
    private final Map<String, S3Bucket> buckets = new ConcurrentHashMap<>();
    private final Multipart multipart;

    public S3Service(EmulatorClock clock, Delivery delivery) {
        this(clock, delivery, S3Destinations.ANY);
    }

    public S3Service(EmulatorClock clock, Delivery delivery, S3Destinations destinations) {
        this.clock = clock;
        this.delivery = delivery;
        this.destinations = destinations;
        this.multipart = new Multipart(this::now, this::emit);
    }

    // ---- buckets ------------------------------------------------------------------------------

    public CreateBucketResponse createBucket(CreateBucketRequest r, Call call) {
        String name = r.bucket();
        if (!BucketNames.valid(name)) {
            throw S3Errors.invalidBucketName();
        }
        String region = bucketRegion(r.createBucketConfiguration(), call.region());
        S3Bucket created = new S3Bucket(name, region, now());
        S3Bucket existing = buckets.putIfAbsent(name, created);
        // "For legacy compatibility, if you re-create an existing bucket that you already own in the
        // North Virginia Region, Amazon S3 returns 200 OK" (BucketAlreadyOwnedByYou).
        if (existing != null && !(existing.region.equals(US_EAST_1) && call.region().equals(US_EAST_1))) {
            throw S3Errors.bucketAlreadyOwnedByYou();
        }
        return CreateBucketResponse.builder().location("/" + name).build();
    }

    /** The region a new bucket goes to: its LocationConstraint, which must agree with the endpoint's region. */
    private static String bucketRegion(CreateBucketConfiguration config, String requestRegion) {
        String lc = config == null ? null : config.locationConstraintAsString();
        if (lc == null || lc.isEmpty()) {
            if (!requestRegion.equals(US_EAST_1)) {
                throw AwsException.of(400, "IllegalLocationConstraintException", "The unspecified location constraint "
                        + "is incompatible for the region specific endpoint this request was sent to.");
            }
            return US_EAST_1;
        }
        if (lc.equals(US_EAST_1) || !REGION.matcher(lc).matches()) {
            throw AwsException.of(400, "InvalidLocationConstraint", "The specified location-constraint is not valid");
        }
        if (!requestRegion.equals(US_EAST_1) && !requestRegion.equals(lc)) {
            throw AwsException.of(400, "IllegalLocationConstraintException", "The " + lc + " location constraint is "
                    + "incompatible for the region specific endpoint this request was sent to.");
        }
        return lc.equals("EU") ? "eu-west-1" : lc;
    }

    public HeadBucketResponse headBucket(HeadBucketRequest r) {
        S3Bucket b = bucket(r.bucket());
        return HeadBucketResponse.builder().bucketRegion(b.region).accessPointAlias(false).build();
    }

    public WithBody<DeleteBucketResponse> deleteBucket(DeleteBucketRequest r) {
        S3Bucket b = bucket(r.bucket());
        synchronized (b) {
            if (!b.objects.isEmpty()) {
                throw S3Errors.bucketNotEmpty();
            }
            buckets.remove(b.name, b);
        }
        return noContent(DeleteBucketResponse.builder().build());
    }

    public ListBucketsResponse listBuckets(ListBucketsRequest r) {
        Integer max = r.maxBuckets();
        if (max != null && (max < 1 || max > 10_000)) {
            throw S3Errors.invalidArgument("Argument max-buckets must be an integer between 1 and 10000.");
        }
        String after = r.continuationToken() == null ? null : Tokens.decode(r.continuationToken());
        var names = buckets.values().stream()
                .filter(b -> r.prefix() == null || b.name.startsWith(r.prefix()))
                .filter(b -> r.bucketRegion() == null || b.region.equals(r.bucketRegion()))
                .filter(b -> after == null || b.name.compareTo(after) > 0)
                .sorted((a, b) -> a.name.compareTo(b.name)).toList();
        int limit = max == null ? Integer.MAX_VALUE : max;
        var page = names.subList(0, Math.min(limit, names.size()));
        ListBucketsResponse.Builder out = ListBucketsResponse.builder().owner(OWNER).prefix(r.prefix())
                .buckets(page.stream().map(b -> Bucket.builder().name(b.name).creationDate(b.created)
                        .bucketRegion(b.region).build()).toList());
        if (page.size() < names.size()) {
            out.continuationToken(Tokens.encode(page.get(page.size() - 1).name));
        }
        return out.build();
    }

    public GetBucketLocationResponse getBucketLocation(GetBucketLocationRequest r) {
        S3Bucket b = bucket(r.bucket());
        // us-east-1 buckets have an empty LocationConstraint ("GetBucketLocation")
        return GetBucketLocationResponse.builder().locationConstraint(b.region.equals(US_EAST_1) ? null : b.region).build();
    }

    public PutBucketNotificationConfigurationResponse putBucketNotificationConfiguration(
            PutBucketNotificationConfigurationRequest r) {
        S3Bucket b = bucket(r.bucket());
        if (r.notificationConfiguration() == null) {
            throw S3Errors.malformedXml();
        }
        b.notifications = NotificationRules.validate(r.notificationConfiguration(), destinations,
                Boolean.TRUE.equals(r.skipDestinationValidation()));
        return PutBucketNotificationConfigurationResponse.builder().build();
    }

    public GetBucketNotificationConfigurationResponse getBucketNotificationConfiguration(
            GetBucketNotificationConfigurationRequest r) {
        NotificationConfiguration c = bucket(r.bucket()).notifications;
        return GetBucketNotificationConfigurationResponse.builder().queueConfigurations(c.queueConfigurations())
                .topicConfigurations(c.topicConfigurations()).lambdaFunctionConfigurations(c.lambdaFunctionConfigurations())
                .eventBridgeConfiguration(c.eventBridgeConfiguration()).build();
    }

    // ---- objects ------------------------------------------------------------------------------

    public PutObjectResponse putObject(PutObjectRequest r, Call call) {
        S3Bucket b = bucket(r.bucket());
        checkKey(r.key());
        byte[] data = call.body();
        Checksums.verifyContentMd5(r.contentMD5(), data);
        StoredChecksum checksum = Checksums.verifyStated(r, data);
        if (checksum == null && Checksums.supported(r.checksumAlgorithmAsString())) {
            String alg = r.checksumAlgorithmAsString().toUpperCase(Locale.ROOT);
            checksum = new StoredChecksum(alg, Checksums.base64(alg, data), StoredChecksum.FULL_OBJECT);
        }
        StoredObject o = new StoredObject(r.key(), data, quotedMd5(data), now(), ObjectHeaders.of(r), checksum, null);
        store(b, o, r.ifMatch(), r.ifNoneMatch());
        emit(b, "ObjectCreated:Put", o);
        PutObjectResponse.Builder out = PutObjectResponse.builder().eTag(o.etag).serverSideEncryption("AES256");
        Checksums.apply((SdkPojo) out, checksum);
        return out.build();
    }

    public WithBody<GetObjectResponse> getObject(GetObjectRequest r) {
        StoredObject o = object(bucket(r.bucket()), r.key());
        Preconditions.checkRead(o, r.ifMatch(), r.ifNoneMatch(), r.ifModifiedSince(), r.ifUnmodifiedSince());
        ByteRange slice = ObjectReads.slice(o, r.range(), r.partNumber());
        GetObjectResponse.Builder out = GetObjectResponse.builder();
        ObjectReads.describe((SdkPojo) out, o, slice, r.partNumber(), "ENABLED".equals(r.checksumModeAsString()), r);
        byte[] body = slice == null ? o.data : Arrays.copyOfRange(o.data, (int) slice.first(), (int) slice.last() + 1);
        return new WithBody<>(out.build(), body, slice == null ? 200 : 206);
    }

    public HeadObjectResponse headObject(HeadObjectRequest r) {
        StoredObject o = object(bucket(r.bucket()), r.key());
        Preconditions.checkRead(o, r.ifMatch(), r.ifNoneMatch(), r.ifModifiedSince(), r.ifUnmodifiedSince());
        ByteRange slice = ObjectReads.slice(o, r.range(), r.partNumber());
        HeadObjectResponse.Builder out = HeadObjectResponse.builder();
        ObjectReads.describe((SdkPojo) out, o, slice, r.partNumber(), "ENABLED".equals(r.checksumModeAsString()), r);
        return out.build();
    }

    public WithBody<DeleteObjectResponse> deleteObject(DeleteObjectRequest r) {
        S3Bucket b = bucket(r.bucket());
        StoredObject removed;
        synchronized (b) {
            if (r.ifMatch() != null) {
                Preconditions.checkWrite(b.objects.get(r.key()), r.ifMatch(), null);
            }
            removed = b.objects.remove(r.key());
        }
        if (removed != null) {
            emit(b, "ObjectRemoved:Delete", removed);
        }
        return noContent(DeleteObjectResponse.builder().build());
    }

    public DeleteObjectsResponse deleteObjects(DeleteObjectsRequest r, Call call) {
        S3Bucket b = bucket(r.bucket());
        // "The Content-MD5 or x-amz-checksum-algorithm header is required for all Multi-Object Delete requests."
        if (!Checksums.verifyHeaders(call::payloadChecksum, call.body())) {
            throw S3Errors.invalidRequest("Missing required header for this request: Content-MD5 OR x-amz-checksum-*");
        }
        Delete d = r.delete();
        if (d == null || d.objects().isEmpty() || d.objects().size() > 1000) {
            throw S3Errors.malformedXml();
        }
        boolean quiet = Boolean.TRUE.equals(d.quiet());
        DeleteObjectsResponse.Builder out = DeleteObjectsResponse.builder();
        List<DeletedObject> deleted = new ArrayList<>();
        List<S3Error> errors = new ArrayList<>();
        for (ObjectIdentifier id : d.objects()) {
            String key = id.key();
            if (key == null || key.isEmpty() || key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
                errors.add(S3Error.builder().key(key).code("KeyTooLongError").message("Your key is too long").build());
                continue;
            }
            StoredObject removed = b.objects.remove(key);
            if (removed != null) {
                emit(b, "ObjectRemoved:Delete", removed);
            }
            if (!quiet) {
                deleted.add(DeletedObject.builder().key(key).versionId(id.versionId()).build());
            }
        }
        return out.deleted(deleted).errors(errors).build();
    }

    public CopyObjectResponse copyObject(CopyObjectRequest r) {
        S3Bucket target = bucket(r.destinationBucket());
        checkKey(r.destinationKey());
        CopySource src = CopySource.parse(r.copySource());
        StoredObject source = object(bucket(src.bucket()), src.key());
        Preconditions.checkCopySource(source, r.copySourceIfMatch(), r.copySourceIfNoneMatch(),
                r.copySourceIfModifiedSince(), r.copySourceIfUnmodifiedSince());
        String directive = r.metadataDirectiveAsString() == null ? "COPY" : r.metadataDirectiveAsString();
        if (!directive.equals("COPY") && !directive.equals("REPLACE")) {
            throw S3Errors.invalidArgument("Unknown metadata directive.");
        }
        boolean replace = directive.equals("REPLACE");
        if (target.name.equals(src.bucket()) && r.destinationKey().equals(src.key()) && !replace
                && r.storageClass() == null && r.checksumAlgorithm() == null && r.websiteRedirectLocation() == null) {
            throw S3Errors.invalidRequest("This copy request is illegal because it is trying to copy an object to itself "
                    + "without changing the object's metadata, storage class, website redirect location or encryption attributes.");
        }
        ObjectHeaders headers = replace ? ObjectHeaders.of(r) : source.headers;
        if (!replace && r.storageClassAsString() != null) {
            headers = new ObjectHeaders(headers.contentType(), headers.contentEncoding(), headers.contentDisposition(),
                    headers.contentLanguage(), headers.cacheControl(), headers.expires(), r.storageClassAsString(),
                    headers.metadata());
        }
        // the copy is stored in one piece: its checksum is a full-object one, in the algorithm asked for
        // or the source's
        String alg = r.checksumAlgorithmAsString() != null ? r.checksumAlgorithmAsString()
                : source.checksum == null ? null : source.checksum.algorithm();
        StoredChecksum checksum = alg == null || !Checksums.supported(alg) ? null
                : new StoredChecksum(alg, Checksums.base64(alg, source.data), StoredChecksum.FULL_OBJECT);
        StoredObject copy = new StoredObject(r.destinationKey(), source.data, quotedMd5(source.data), now(), headers, checksum, null);
        store(target, copy, r.ifMatch(), r.ifNoneMatch());
        emit(target, "ObjectCreated:Copy", copy);
        CopyObjectResult.Builder result = CopyObjectResult.builder().eTag(copy.etag).lastModified(copy.lastModified);
        Checksums.apply((SdkPojo) result, checksum);
        return CopyObjectResponse.builder().copyObjectResult(result.build()).serverSideEncryption("AES256").build();
    }

    public ListObjectsResponse listObjects(ListObjectsRequest r) {
        return Listings.listObjects(bucket(r.bucket()), r);
    }

    public ListObjectsV2Response listObjectsV2(ListObjectsV2Request r) {
        return Listings.listObjectsV2(bucket(r.bucket()), r);
    }

    // ---- multipart uploads --------------------------------------------------------------------

    public CreateMultipartUploadResponse createMultipartUpload(CreateMultipartUploadRequest r) {
        S3Bucket b = bucket(r.bucket());
        checkKey(r.key());
        return multipart.create(b, r);
    }

    public UploadPartResponse uploadPart(UploadPartRequest r, Call call) {
        return multipart.uploadPart(bucket(r.bucket()), r, call.body());
    }

    public UploadPartCopyResponse uploadPartCopy(UploadPartCopyRequest r) {
        S3Bucket b = bucket(r.destinationBucket());
        CopySource src = CopySource.parse(r.copySource());
        StoredObject source = object(bucket(src.bucket()), src.key());
        Preconditions.checkCopySource(source, r.copySourceIfMatch(), r.copySourceIfNoneMatch(),
                r.copySourceIfModifiedSince(), r.copySourceIfUnmodifiedSince());
        return multipart.uploadPartCopy(b, r, source);
    }

    public CompleteMultipartUploadResponse completeMultipartUpload(CompleteMultipartUploadRequest r, Call call) {
        S3Bucket b = bucket(r.bucket());
        return multipart.complete(b, r, call.endpoint(), (o) -> store(b, o, r.ifMatch(), r.ifNoneMatch()));
    }

    public WithBody<AbortMultipartUploadResponse> abortMultipartUpload(AbortMultipartUploadRequest r) {
        multipart.abort(bucket(r.bucket()), r.key(), r.uploadId());
        return noContent(AbortMultipartUploadResponse.builder().build());
    }

    public ListPartsResponse listParts(ListPartsRequest r) {
        return multipart.listParts(bucket(r.bucket()), r);
    }

    public ListMultipartUploadsResponse listMultipartUploads(ListMultipartUploadsRequest r) {
        return Listings.listMultipartUploads(bucket(r.bucket()), r);
    }

    // ---- helpers ------------------------------------------------------------------------------

    /**
     * The one place object-created and object-removed events leave S3 ({@code eventName} as in "Event
     * notification types", without the {@code s3:} prefix). Delivering them to the bucket's notification
     * destinations ({@code bucket.notifications}, through {@code delivery}) is a later step that hooks in
     * here; today nothing is sent.
     */
    private void emit(S3Bucket bucket, String eventName, StoredObject object) {
    }

    /** An object's bytes for in-JVM readers (Lambda code from S3Bucket/S3Key); null when absent. */
    public byte[] objectBytes(String bucket, String key) {
        S3Bucket b = buckets.get(bucket);
        StoredObject o = b == null ? null : b.objects.get(key);
        return o == null ? null : o.data;
    }

    private S3Bucket bucket(String name) {
        S3Bucket b = name == null ? null : buckets.get(name);
        if (b == null) {
            throw S3Errors.noSuchBucket(name);
        }
        return b;
    }

    private static StoredObject object(S3Bucket b, String key) {
        StoredObject o = b.objects.get(key);
        if (o == null) {
            throw S3Errors.noSuchKey();
        }
        return o;
    }

    /** Stores an object, atomically with the conditional-write checks. */
    private static void store(S3Bucket b, StoredObject o, String ifMatch, String ifNoneMatch) {
        synchronized (b) {
            Preconditions.checkWrite(b.objects.get(o.key), ifMatch, ifNoneMatch);
            b.objects.put(o.key, o);
        }
    }

    static void checkKey(String key) {
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw S3Errors.keyTooLong();
        }
    }

    static String quotedMd5(byte[] data) {
        return "\"" + Checksums.md5Hex(data) + "\"";
    }

    /** S3 keeps times to the second, as {@code Last-Modified} carries them. */
    private Instant now() {
        return clock.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private static <R> WithBody<R> noContent(R response) {
        return new WithBody<>(response, new byte[0], 204);
    }
}
