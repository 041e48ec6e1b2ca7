package io.eventharness.emulator.s3;

import static io.eventharness.emulator.s3.S3ObjectTest.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.TestAws;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * What S3 stores and returns of a bucket: its policy and Block Public Access, tags, CORS rules, object ownership
 * and ACLs (as S3 answers them today), and GetObjectAttributes.
 */
class S3BucketConfigTest {
    private static final S3Client s3 = TestAws.s3();

    private static String bucket(String prefix) {
        String name = TestAws.unique(prefix);
        s3.createBucket(b -> b.bucket(name));
        return name;
    }

    static final String PUBLIC_READ = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::%s/*\"}]}";

    @Test
    void aPolicyIsStoredAndAPublicOneNeedsBlockPublicAccessOff() {
        String b = bucket("policy");
        assertThatThrownBy(() -> s3.getBucketPolicy(r -> r.bucket(b))).satisfies(e -> assertS3Error(e, 404, "NoSuchBucketPolicy"));
        var block = s3.getPublicAccessBlock(r -> r.bucket(b)).publicAccessBlockConfiguration();
        assertThat(List.of(block.blockPublicAcls(), block.ignorePublicAcls(), block.blockPublicPolicy(), block.restrictPublicBuckets()))
                .containsOnly(true);
        String policy = PUBLIC_READ.formatted(b);
        assertThatThrownBy(() -> s3.putBucketPolicy(r -> r.bucket(b).policy(policy))).satisfies(e -> assertS3Error(e, 403, "AccessDenied"));

        s3.putPublicAccessBlock(r -> r.bucket(b).publicAccessBlockConfiguration(c -> c.blockPublicPolicy(false)));
        assertThat(s3.getPublicAccessBlock(r -> r.bucket(b)).publicAccessBlockConfiguration().blockPublicAcls()).isFalse();
        s3.putBucketPolicy(r -> r.bucket(b).policy(policy));
        assertThat(s3.getBucketPolicy(r -> r.bucket(b)).policy()).isEqualTo(policy);
        assertThat(s3.getBucketPolicyStatus(r -> r.bucket(b)).policyStatus().isPublic()).isTrue();

        assertThatThrownBy(() -> s3.putBucketPolicy(r -> r.bucket(b).policy("not json")))
                .satisfies(e -> assertS3Error(e, 400, "MalformedPolicy"));
        s3.deleteBucketPolicy(r -> r.bucket(b));
        assertThatThrownBy(() -> s3.getBucketPolicy(r -> r.bucket(b))).satisfies(e -> assertS3Error(e, 404, "NoSuchBucketPolicy"));
        s3.deletePublicAccessBlock(r -> r.bucket(b));
        assertThatThrownBy(() -> s3.getPublicAccessBlock(r -> r.bucket(b)))
                .satisfies(e -> assertS3Error(e, 404, "NoSuchPublicAccessBlockConfiguration"));
    }

    @Test
    void bucketTags() {
        String b = bucket("btags");
        assertThatThrownBy(() -> s3.getBucketTagging(r -> r.bucket(b))).satisfies(e -> assertS3Error(e, 404, "NoSuchTagSet"));
        s3.putBucketTagging(r -> r.bucket(b).tagging(t -> t.tagSet(Tag.builder().key("team").value("orders").build(),
                Tag.builder().key("env").value("test").build())));
        assertThat(s3.getBucketTagging(r -> r.bucket(b)).tagSet()).extracting(Tag::key, Tag::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("team", "orders"), org.assertj.core.groups.Tuple.tuple("env", "test"));
        assertThatThrownBy(() -> s3.putBucketTagging(r -> r.bucket(b).tagging(t -> t.tagSet(Tag.builder().key("a").value("1").build(),
                Tag.builder().key("a").value("2").build())))).satisfies(e -> assertS3Error(e, 400, "InvalidTag"));
        s3.deleteBucketTagging(r -> r.bucket(b));
        assertThatThrownBy(() -> s3.getBucketTagging(r -> r.bucket(b))).satisfies(e -> assertS3Error(e, 404, "NoSuchTagSet"));
    }

    @Test
    void corsRules() {
        String b = bucket("cors");
        assertThatThrownBy(() -> s3.getBucketCors(r -> r.bucket(b))).satisfies(e -> assertS3Error(e, 404, "NoSuchCORSConfiguration"));
        CORSRule rule = CORSRule.builder().allowedOrigins("https://app.example.com").allowedMethods("PUT", "POST")
                .allowedHeaders("*").exposeHeaders("ETag").maxAgeSeconds(600).build();
        s3.putBucketCors(r -> r.bucket(b).corsConfiguration(c -> c.corsRules(rule)));
        assertThat(s3.getBucketCors(r -> r.bucket(b)).corsRules()).containsExactly(rule);
        assertThatThrownBy(() -> s3.putBucketCors(r -> r.bucket(b).corsConfiguration(c -> c.corsRules(
                CORSRule.builder().allowedOrigins("*").allowedMethods("PATCH").build()))))
                .satisfies(e -> assertS3Error(e, 400, "InvalidRequest"));
        s3.deleteBucketCors(r -> r.bucket(b));
        assertThatThrownBy(() -> s3.getBucketCors(r -> r.bucket(b))).satisfies(e -> assertS3Error(e, 404, "NoSuchCORSConfiguration"));
    }

    @Test
    void aclsAreDisabledByDefaultAsInS3Today() {
        String b = bucket("acl");
        assertThat(s3.getBucketOwnershipControls(r -> r.bucket(b)).ownershipControls().rules().get(0).objectOwnership())
                .isEqualTo(ObjectOwnership.BUCKET_OWNER_ENFORCED);
        assertThat(s3.getBucketAcl(r -> r.bucket(b)).grants()).singleElement()
                .satisfies(g -> assertThat(g.permission()).isEqualTo(Permission.FULL_CONTROL));
        assertThatThrownBy(() -> s3.putBucketAcl(r -> r.bucket(b).acl(BucketCannedACL.PUBLIC_READ)))
                .satisfies(e -> assertS3Error(e, 400, "AccessControlListNotSupported"));
        assertThatThrownBy(() -> s3.putObject(r -> r.bucket(b).key("k").acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("x")))
                .satisfies(e -> assertS3Error(e, 400, "AccessControlListNotSupported"));
        s3.putObject(r -> r.bucket(b).key("k").acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL), RequestBody.fromString("x"));
        assertThatThrownBy(() -> s3.createBucket(r -> r.bucket(TestAws.unique("acl-public")).acl(BucketCannedACL.PUBLIC_READ)))
                .satisfies(e -> assertS3Error(e, 400, "InvalidBucketAclWithObjectOwnership"));
    }

    @Test
    void anObjectWriterBucketStoresAndReturnsAcls() {
        String b = TestAws.unique("acl-writer");
        s3.createBucket(r -> r.bucket(b).objectOwnership(ObjectOwnership.OBJECT_WRITER));
        s3.putPublicAccessBlock(r -> r.bucket(b).publicAccessBlockConfiguration(c -> c.blockPublicAcls(false)));
        s3.putObject(r -> r.bucket(b).key("k").acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("x"));
        assertThat(s3.getObjectAcl(r -> r.bucket(b).key("k")).grants()).extracting(Grant::permission)
                .containsExactly(Permission.FULL_CONTROL, Permission.READ);
        s3.putObjectAcl(r -> r.bucket(b).key("k").acl(ObjectCannedACL.PRIVATE));
        assertThat(s3.getObjectAcl(r -> r.bucket(b).key("k")).grants()).extracting(Grant::permission).containsExactly(Permission.FULL_CONTROL);
        s3.putBucketAcl(r -> r.bucket(b).acl(BucketCannedACL.PUBLIC_READ));
        assertThat(s3.getBucketAcl(r -> r.bucket(b)).grants()).hasSize(2)
                .anySatisfy(g -> assertThat(g.grantee().uri()).isEqualTo("http://acs.amazonaws.com/groups/global/AllUsers"));
    }

    @Test
    void objectAttributes() {
        String b = bucket("attrs");
        s3.putObject(r -> r.bucket(b).key("k").checksumAlgorithm(ChecksumAlgorithm.SHA256), RequestBody.fromString("attributes"));
        var a = s3.getObjectAttributes(r -> r.bucket(b).key("k").objectAttributes(ObjectAttributes.E_TAG, ObjectAttributes.OBJECT_SIZE,
                ObjectAttributes.STORAGE_CLASS, ObjectAttributes.CHECKSUM));
        assertThat(a.eTag()).doesNotStartWith("\"").hasSize(32);
        assertThat(a.objectSize()).isEqualTo(10L);
        assertThat(a.storageClassAsString()).isEqualTo("STANDARD");
        assertThat(a.checksum().checksumSHA256()).isNotBlank();
        assertThat(a.lastModified()).isNotNull();
        var only = s3.getObjectAttributes(r -> r.bucket(b).key("k").objectAttributes(ObjectAttributes.OBJECT_SIZE));
        assertThat(only.eTag()).isNull();
        assertThatThrownBy(() -> s3.getObjectAttributes(r -> r.bucket(b).key("absent").objectAttributes(ObjectAttributes.E_TAG)))
                .satisfies(e -> assertS3Error(e, 404, "NoSuchKey"));
    }
}
