package io.eventharness.emulator.s3;

import io.eventharness.emulator.protocol.Call;
import io.eventharness.emulator.protocol.WithBody;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketRequest;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.ObjectLockConfiguration;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.DeleteBucketResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLocationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;

/**
 * Buckets: CreateBucket (with its region rules, its object ownership and ACL, see {@link Acls}, and Object Lock), HeadBucket,
 * DeleteBucket, ListBuckets, GetBucketLocation.
 */
public final class BucketOperations {
    static final String US_EAST_1 = "us-east-1";
    private static final Pattern REGION = Pattern.compile("[a-zA-Z0-9-]{2,32}");

    private final S3Buckets buckets;

    BucketOperations(S3Buckets buckets) {
        this.buckets = buckets;
    }

    public CreateBucketResponse createBucket(CreateBucketRequest r, Call call) {
        String name = r.bucket();
        if (!BucketNames.valid(name)) {
            throw S3Errors.invalidBucketName();
        }
        String region = bucketRegion(r.createBucketConfiguration(), call.region());
        ObjectOwnership ownership = r.objectOwnershipAsString() == null ? ObjectOwnership.BUCKET_OWNER_ENFORCED : r.objectOwnership();
        if (ownership == ObjectOwnership.UNKNOWN_TO_SDK_VERSION) {
            throw S3Errors.invalidArgument("Invalid x-amz-object-ownership header: " + r.objectOwnershipAsString(),
                    "x-amz-object-ownership", r.objectOwnershipAsString());
        }
        List<Grant> grants = Acls.requested(r.aclAsString(), r.grantFullControl(), r.grantRead(), r.grantReadACP(),
                r.grantWrite(), r.grantWriteACP(), null);
        if (grants != null && ownership == ObjectOwnership.BUCKET_OWNER_ENFORCED && !Acls.ownerOnly(grants)) {
            throw S3Errors.invalidBucketAclWithObjectOwnership();
        }
        S3Bucket existing = buckets.createIfAbsent(name, region);
        if (existing == null) {
            S3Bucket created = buckets.bucket(name);
            created.settings().ownership(ownership);
            if (grants != null) {
                created.settings().acl(grants);
            }
            if (Boolean.TRUE.equals(r.objectLockEnabledForBucket())) {
                created.versioning(BucketVersioning.ENABLED); // Object Lock needs versioning, and keeps it on
                created.settings().objectLock(ObjectLockConfiguration.builder().objectLockEnabled(ObjectLockEnabled.ENABLED).build());
            }
        }
        // "For legacy compatibility, if you re-create an existing bucket that you already own in the
        // North Virginia Region, Amazon S3 returns 200 OK" (BucketAlreadyOwnedByYou).
        if (existing != null && !(existing.region().equals(US_EAST_1) && call.region().equals(US_EAST_1))) {
            throw S3Errors.bucketAlreadyOwnedByYou();
        }
        return CreateBucketResponse.builder().location("/" + name).build();
    }

    /** The region a new bucket goes to: its LocationConstraint, which must agree with the endpoint's region. */
    private static String bucketRegion(CreateBucketConfiguration config, String requestRegion) {
        String lc = config == null ? null : config.locationConstraintAsString();
        if (lc == null || lc.isEmpty()) {
            if (!requestRegion.equals(US_EAST_1)) {
                throw S3Errors.illegalLocationConstraint("The unspecified location constraint "
                        + "is incompatible for the region specific endpoint this request was sent to.");
            }
            return US_EAST_1;
        }
        if (lc.equals(US_EAST_1) || !REGION.matcher(lc).matches()) {
            throw S3Errors.invalidLocationConstraint();
        }
        if (!requestRegion.equals(US_EAST_1) && !requestRegion.equals(lc)) {
            throw S3Errors.illegalLocationConstraint("The " + lc + " location constraint is "
                    + "incompatible for the region specific endpoint this request was sent to.");
        }
        return lc.equals("EU") ? "eu-west-1" : lc;
    }

    public HeadBucketResponse headBucket(HeadBucketRequest r) {
        S3Bucket b = buckets.bucket(r.bucket());
        return HeadBucketResponse.builder().bucketRegion(b.region()).accessPointAlias(false).build();
    }

    public WithBody<DeleteBucketResponse> deleteBucket(DeleteBucketRequest r) {
        buckets.delete(buckets.bucket(r.bucket()));
        return new WithBody<>(DeleteBucketResponse.builder().build(), new byte[0], 204);
    }

    public ListBucketsResponse listBuckets(ListBucketsRequest r) {
        Integer max = r.maxBuckets();
        if (max != null && (max < 1 || max > 10_000)) {
            throw S3Errors.invalidArgument("Argument max-buckets must be an integer between 1 and 10000.");
        }
        String after = r.continuationToken() == null ? null : Tokens.decode(r.continuationToken());
        List<S3Bucket> chosen = buckets.all().stream()
                .filter(b -> r.prefix() == null || b.name().startsWith(r.prefix()))
                .filter(b -> r.bucketRegion() == null || b.region().equals(r.bucketRegion()))
                .filter(b -> after == null || b.name().compareTo(after) > 0)
                .toList();
        int limit = max == null ? Integer.MAX_VALUE : max;
        List<S3Bucket> page = chosen.subList(0, Math.min(limit, chosen.size()));
        ListBucketsResponse.Builder out = ListBucketsResponse.builder().owner(BucketOwner.OWNER).prefix(r.prefix())
                .buckets(page.stream().map(b -> Bucket.builder().name(b.name()).creationDate(b.created())
                        .bucketRegion(b.region()).build()).toList());
        if (page.size() < chosen.size()) {
            out.continuationToken(Tokens.encode(page.get(page.size() - 1).name()));
        }
        return out.build();
    }

    public GetBucketLocationResponse getBucketLocation(GetBucketLocationRequest r) {
        S3Bucket b = buckets.bucket(r.bucket());
        // us-east-1 buckets have an empty LocationConstraint ("GetBucketLocation")
        return GetBucketLocationResponse.builder().locationConstraint(b.region().equals(US_EAST_1) ? null : b.region()).build();
    }
}
