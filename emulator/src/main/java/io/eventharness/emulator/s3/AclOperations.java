package io.eventharness.emulator.s3;

import io.eventharness.emulator.protocol.WithBody;
import java.util.List;
import software.amazon.awssdk.services.s3.model.DeleteBucketOwnershipControlsRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketOwnershipControlsResponse;
import software.amazon.awssdk.services.s3.model.GetBucketAclRequest;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.GetBucketOwnershipControlsRequest;
import software.amazon.awssdk.services.s3.model.GetBucketOwnershipControlsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectAclRequest;
import software.amazon.awssdk.services.s3.model.GetObjectAclResponse;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.OwnershipControls;
import software.amazon.awssdk.services.s3.model.PutBucketAclRequest;
import software.amazon.awssdk.services.s3.model.PutBucketAclResponse;
import software.amazon.awssdk.services.s3.model.PutBucketOwnershipControlsRequest;
import software.amazon.awssdk.services.s3.model.PutBucketOwnershipControlsResponse;
import software.amazon.awssdk.services.s3.model.PutObjectAclRequest;
import software.amazon.awssdk.services.s3.model.PutObjectAclResponse;

/**
 * ACLs and object ownership as S3 answers them today ({@link Acls}): Get/PutBucketAcl, Get/PutObjectAcl,
 * Put/Get/DeleteBucketOwnershipControls. A bucket's ownership is {@code BucketOwnerEnforced} unless CreateBucket or
 * PutBucketOwnershipControls says otherwise; then ACLs other than the owner's full control are refused. Stored ACLs
 * are returned, not enforced.
 */
public final class AclOperations {
    private final S3Buckets buckets;

    AclOperations(S3Buckets buckets) {
        this.buckets = buckets;
    }

    public GetBucketAclResponse getBucketAcl(GetBucketAclRequest r) {
        return GetBucketAclResponse.builder().owner(BucketOwner.OWNER).grants(buckets.bucket(r.bucket()).settings().acl()).build();
    }

    public PutBucketAclResponse putBucketAcl(PutBucketAclRequest r) {
        S3Bucket b = buckets.bucket(r.bucket());
        List<Grant> grants = Acls.requested(r.aclAsString(), r.grantFullControl(), r.grantRead(), r.grantReadACP(),
                r.grantWrite(), r.grantWriteACP(), r.accessControlPolicy());
        if (grants == null) {
            throw S3Errors.malformedXml();
        }
        Acls.check(grants, b.settings());
        b.settings().acl(grants);
        return PutBucketAclResponse.builder().build();
    }

    public GetObjectAclResponse getObjectAcl(GetObjectAclRequest r) {
        StoredObject o = buckets.bucket(r.bucket()).object(r.key(), r.versionId());
        return GetObjectAclResponse.builder().owner(BucketOwner.OWNER).grants(o.headers().acl()).build();
    }

    public PutObjectAclResponse putObjectAcl(PutObjectAclRequest r) {
        S3Bucket b = buckets.bucket(r.bucket());
        List<Grant> grants = Acls.requested(r.aclAsString(), r.grantFullControl(), r.grantRead(), r.grantReadACP(),
                r.grantWrite(), r.grantWriteACP(), r.accessControlPolicy());
        if (grants == null) {
            throw S3Errors.malformedXml();
        }
        Acls.check(grants, b.settings());
        b.change(r.key(), r.versionId(), o -> o.withAcl(grants));
        return PutObjectAclResponse.builder().build();
    }

    public PutBucketOwnershipControlsResponse putBucketOwnershipControls(PutBucketOwnershipControlsRequest r) {
        S3Bucket b = buckets.bucket(r.bucket());
        OwnershipControls c = r.ownershipControls();
        if (c == null || c.rules().size() != 1 || c.rules().get(0).objectOwnership() == null
                || c.rules().get(0).objectOwnership() == ObjectOwnership.UNKNOWN_TO_SDK_VERSION) {
            throw S3Errors.malformedXml();
        }
        ObjectOwnership o = c.rules().get(0).objectOwnership();
        if (o == ObjectOwnership.BUCKET_OWNER_ENFORCED && !Acls.ownerOnly(b.settings().acl())) {
            throw S3Errors.invalidBucketAclWithObjectOwnership();
        }
        b.settings().ownership(o);
        return PutBucketOwnershipControlsResponse.builder().build();
    }

    public GetBucketOwnershipControlsResponse getBucketOwnershipControls(GetBucketOwnershipControlsRequest r) {
        ObjectOwnership o = buckets.bucket(r.bucket()).settings().ownership();
        if (o == null) {
            throw S3Errors.notFound("OwnershipControlsNotFoundError", "The bucket ownership controls were not found");
        }
        return GetBucketOwnershipControlsResponse.builder().ownershipControls(c -> c.rules(x -> x.objectOwnership(o))).build();
    }

    public WithBody<DeleteBucketOwnershipControlsResponse> deleteBucketOwnershipControls(DeleteBucketOwnershipControlsRequest r) {
        buckets.bucket(r.bucket()).settings().ownership(null);
        return new WithBody<>(DeleteBucketOwnershipControlsResponse.builder().build(), new byte[0], 204);
    }
}
