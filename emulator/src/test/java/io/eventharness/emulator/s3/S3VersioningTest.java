package io.eventharness.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.TestAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Versioning through the SDK ("Retaining multiple versions of objects with S3 Versioning"). */
class S3VersioningTest {
    private final S3Client s3 = TestAws.s3();

    private String bucket() {
        String name = TestAws.unique("versions");
        s3.createBucket(b -> b.bucket(name));
        return name;
    }

    private void versioning(String bucket, BucketVersioningStatus status) {
        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(status)));
    }

    private String put(String bucket, String key, String body) {
        return s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(body)).versionId();
    }

    private String get(String bucket, String key, String version) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).versionId(version)).asUtf8String();
    }

    @Test
    void anUnversionedBucketListsEachObjectAsItsNullVersion() {
        String bucket = bucket();
        assertThat(s3.getBucketVersioning(b -> b.bucket(bucket)).status()).isNull();
        assertThat(put(bucket, "a", "1")).isNull();
        put(bucket, "b", "2");

        ListObjectVersionsResponse list = s3.listObjectVersions(b -> b.bucket(bucket));
        assertThat(list.versions()).extracting(ObjectVersion::key, ObjectVersion::versionId, ObjectVersion::isLatest)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "null", true), org.assertj.core.groups.Tuple.tuple("b", "null", true));
        assertThat(list.versions().get(0).size()).isEqualTo(1);
        assertThat(list.deleteMarkers()).isEmpty();
        assertThat(get(bucket, "a", "null")).isEqualTo("1");
        assertThatThrownBy(() -> get(bucket, "a", "3HL4kqtJlcpXroDTDmJ-rmSpXd3dIbrH"))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Invalid version id specified"));
    }

    @Test
    void everyWriteOfAVersionedBucketIsKeptAndADeleteLeavesAMarker() {
        String bucket = bucket();
        versioning(bucket, BucketVersioningStatus.ENABLED);
        assertThat(s3.getBucketVersioning(b -> b.bucket(bucket)).status()).isEqualTo(BucketVersioningStatus.ENABLED);
        String v1 = put(bucket, "doc", "one");
        String v2 = put(bucket, "doc", "two");
        assertThat(v1).isNotEqualTo(v2).matches("[A-Za-z0-9_-]{32}");
        assertThat(s3.headObject(b -> b.bucket(bucket).key("doc")).versionId()).isEqualTo(v2);
        assertThat(get(bucket, "doc", v1)).isEqualTo("one");

        var deleted = s3.deleteObject(b -> b.bucket(bucket).key("doc"));
        assertThat(deleted.deleteMarker()).isTrue();
        assertThatThrownBy(() -> get(bucket, "doc", null)).isInstanceOf(NoSuchKeyException.class);
        // a 404 for a key under a delete marker says so, with the marker's id
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket(bucket).key("doc"))).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(404);
            assertThat(e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-delete-marker")).hasValue("true");
            assertThat(e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-version-id")).hasValue(deleted.versionId());
        });
        assertThatThrownBy(() -> get(bucket, "doc", deleted.versionId()))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(405));
        ListObjectVersionsResponse list = s3.listObjectVersions(b -> b.bucket(bucket));
        assertThat(list.deleteMarkers()).extracting(DeleteMarkerEntry::versionId, DeleteMarkerEntry::isLatest)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(deleted.versionId(), true));
        assertThat(list.versions()).extracting(ObjectVersion::versionId, ObjectVersion::isLatest)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(v2, false), org.assertj.core.groups.Tuple.tuple(v1, false));
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents()).isEmpty();

        // removing the marker brings the latest version back
        var undeleted = s3.deleteObject(b -> b.bucket(bucket).key("doc").versionId(deleted.versionId()));
        assertThat(undeleted.deleteMarker()).isTrue();
        assertThat(get(bucket, "doc", null)).isEqualTo("two");
        s3.deleteObject(b -> b.bucket(bucket).key("doc").versionId(v2));
        assertThat(get(bucket, "doc", null)).isEqualTo("one");
        assertThatThrownBy(() -> get(bucket, "doc", v2))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchVersion"));
    }

    @Test
    void theObjectOfBeforeVersioningStaysAsTheNullVersion() {
        String bucket = bucket();
        put(bucket, "k", "plain");
        versioning(bucket, BucketVersioningStatus.ENABLED);
        String v = put(bucket, "k", "versioned"); // once dropped the null version: the conformance suite found it
        assertThat(s3.listObjectVersions(b -> b.bucket(bucket)).versions()).extracting(ObjectVersion::versionId)
                .containsExactly(v, "null");
        s3.deleteObject(b -> b.bucket(bucket).key("k").versionId(v));
        assertThat(get(bucket, "k", null)).isEqualTo("plain");
        s3.deleteObject(b -> b.bucket(bucket).key("k").versionId("null"));
        assertThatThrownBy(() -> get(bucket, "k", null)).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void aSuspendedBucketReplacesTheNullVersionAndKeepsTheOthers() {
        String bucket = bucket();
        put(bucket, "k", "before");
        versioning(bucket, BucketVersioningStatus.ENABLED);
        String kept = put(bucket, "k", "versioned");
        versioning(bucket, BucketVersioningStatus.SUSPENDED);
        assertThat(s3.getBucketVersioning(b -> b.bucket(bucket)).status()).isEqualTo(BucketVersioningStatus.SUSPENDED);
        put(bucket, "k", "suspended");

        assertThat(s3.listObjectVersions(b -> b.bucket(bucket)).versions()).extracting(ObjectVersion::versionId)
                .containsExactly("null", kept);
        assertThat(get(bucket, "k", "null")).isEqualTo("suspended");
        assertThat(get(bucket, "k", kept)).isEqualTo("versioned");
    }

    @Test
    void copyReadsAVersionAndListingPagesThroughVersions() {
        String bucket = bucket();
        versioning(bucket, BucketVersioningStatus.ENABLED);
        String v1 = put(bucket, "src", "first");
        put(bucket, "src", "second");
        var copy = s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("src").sourceVersionId(v1)
                .destinationBucket(bucket).destinationKey("dst"));
        assertThat(copy.copySourceVersionId()).isEqualTo(v1);
        assertThat(copy.versionId()).isNotBlank();
        assertThat(get(bucket, "dst", null)).isEqualTo("first");

        // three versions in all, one a page
        ListObjectVersionsResponse p1 = s3.listObjectVersions(b -> b.bucket(bucket).maxKeys(1));
        assertThat(p1.isTruncated()).isTrue();
        ListObjectVersionsResponse p2 = s3.listObjectVersions(b -> b.bucket(bucket).maxKeys(1)
                .keyMarker(p1.nextKeyMarker()).versionIdMarker(p1.nextVersionIdMarker()));
        ListObjectVersionsResponse p3 = s3.listObjectVersions(b -> b.bucket(bucket).maxKeys(1)
                .keyMarker(p2.nextKeyMarker()).versionIdMarker(p2.nextVersionIdMarker()));
        assertThat(java.util.stream.Stream.of(p1, p2, p3).flatMap(p -> p.versions().stream()).map(v -> v.key() + ":" + v.isLatest()))
                .containsExactly("dst:true", "src:true", "src:false");
        assertThat(p3.isTruncated()).isFalse();
    }

    @Test
    void mfaDeleteIsRefusedAndABucketWithVersionsIsNotEmpty() {
        String bucket = bucket();
        assertThatThrownBy(() -> s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v
                .status(BucketVersioningStatus.ENABLED).mfaDelete("Enabled"))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(501));
        versioning(bucket, BucketVersioningStatus.ENABLED);
        put(bucket, "k", "x");
        s3.deleteObject(b -> b.bucket(bucket).key("k"));
        assertThatThrownBy(() -> s3.deleteBucket(b -> b.bucket(bucket)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty"));
    }
}
