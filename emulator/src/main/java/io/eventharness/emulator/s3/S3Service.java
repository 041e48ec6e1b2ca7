package io.eventharness.emulator.s3;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.protocol.Call;
import io.eventharness.emulator.protocol.CrossOrigin;
import io.eventharness.emulator.protocol.EmulatedService;
import io.eventharness.emulator.protocol.ServiceSpec;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Amazon S3 (restXml), bound for the emulator: its spec, its state ({@link S3Buckets}) and its operation
 * objects, the one in-JVM read other services need ({@link #object}, Lambda code from S3), and the {@code delivery}
 * target that stores objects other services write ({@code arn:aws:s3:::bucket/key}: a stream mapping's on-failure
 * records). The
 * package description says what is served and how it differs from AWS.
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
                    Map.entry("GetBucketNotificationConfiguration", "NotificationConfiguration"),
                    Map.entry("ListObjectVersions", "ListVersionsResult"),
                    Map.entry("GetBucketVersioning", "VersioningConfiguration"),
                    Map.entry("GetObjectTagging", "Tagging"),
                    Map.entry("GetBucketTagging", "Tagging"),
                    Map.entry("GetBucketAcl", "AccessControlPolicy"),
                    Map.entry("GetObjectAcl", "AccessControlPolicy"),
                    Map.entry("GetBucketCors", "CORSConfiguration"),
                    Map.entry("GetObjectAttributes", "GetObjectAttributesResponse"),
                    Map.entry("GetBucketLifecycleConfiguration", "LifecycleConfiguration")));

    private final EmulatorClock clock;
    private final S3Buckets buckets;
    private final List<Object> operations;

    /**
     * @param delivery                 carries object events to notification destinations (see {@link ObjectEvents})
     * @param destinations             whether a notification destination exists and allows S3, asked when a
     *                                 configuration is saved
     * @param checkDestinationPolicies whether a destination's resource policy must allow S3 (as in AWS); false
     *                                 checks only that it exists
     */
    public S3Service(EmulatorClock clock, Delivery delivery, S3Destinations destinations, boolean checkDestinationPolicies) {
        this.clock = clock;
        this.buckets = new S3Buckets(clock);
        ObjectEvents events = new ObjectEvents(clock, delivery);
        delivery.register("s3", new ObjectDelivery(buckets, events));
        this.operations = List.of(
                new BucketOperations(buckets),
                new ObjectOperations(buckets, events),
                new TaggingOperations(buckets, events),
                new ListingOperations(buckets),
                new VersioningOperations(buckets),
                new EncryptionOperations(buckets),
                new AclOperations(buckets),
                new PolicyOperations(buckets),
                new BucketTaggingOperations(buckets),
                new CorsOperations(buckets),
                new AttributesOperations(buckets),
                new ObjectLockOperations(buckets),
                new LifecycleOperations(buckets, new Lifecycle(clock, buckets, events)),
                new MultipartOperations(buckets, events),
                new NotificationOperations(buckets, destinations, events, checkDestinationPolicies));
    }

    @Override
    public ServiceSpec spec() {
        return SPEC;
    }

    @Override
    public List<?> operations() {
        return operations;
    }

    /** The policy of the bucket an S3 ARN names ({@code arn:aws:s3:::bucket[/key]}); null when it has none. */
    public String bucketPolicy(Arn resource) {
        String r = resource.resource();
        int slash = r.indexOf('/');
        return buckets.find(slash < 0 ? r : r.substring(0, slash)).map(b -> b.settings().policy()).orElse(null);
    }

    /** A presigned URL out of its validity is refused before anything else ({@link PresignedUrls}). */
    @Override
    public void admit(Call call) {
        call.presign().ifPresent(p -> PresignedUrls.check(p, clock.now()));
    }

    /** CORS by the bucket's rules ({@link CorsRules}); NoSuchBucket to a preflight for a bucket that does not exist. */
    @Override
    public Map<String, String> crossOrigin(CrossOrigin request) {
        if (request.bucket() == null) {
            return CrossOrigin.refused(request);
        }
        java.util.Optional<S3Bucket> b = buckets.find(request.bucket());
        if (b.isEmpty()) {
            if (request.preflight()) {
                throw S3Errors.noSuchBucket(request.bucket());
            }
            return Map.of();
        }
        return CorsRules.answer(request, b.get().settings().cors());
    }

    /** An object's bytes and, when it was stored with one, its verified full-object SHA-256 checksum; null when absent. */
    public Content object(String bucket, String key) {
        return buckets.find(bucket).flatMap(b -> b.find(key)).map(o -> new Content(o.data(),
                o.checksum() != null && o.checksum().algorithm().equals("SHA256")
                        && o.checksum().type().equals(StoredChecksum.FULL_OBJECT) ? o.checksum().value() : null)).orElse(null);
    }

    /**
     * An object as in-JVM readers see it.
     *
     * @param data   the stored bytes themselves (not a copy: nobody writes to them)
     * @param sha256 the base64 SHA-256 S3 verified when the object was stored ({@code x-amz-checksum-sha256}), or null
     */
    public record Content(byte[] data, String sha256) {
    }
}
