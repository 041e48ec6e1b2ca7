package io.eventharness.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.TestAws;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

/** Object tagging through the SDK ("Categorizing your objects using tags"). */
class S3TaggingTest {
    private final S3Client s3 = TestAws.s3();

    private String bucket() {
        String name = TestAws.unique("tags");
        s3.createBucket(b -> b.bucket(name));
        return name;
    }

    private Map<String, String> tags(String bucket, String key) {
        return s3.getObjectTagging(b -> b.bucket(bucket).key(key)).tagSet().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value));
    }

    @Test
    void tagsGivenOnUploadAreReadCountedReplacedAndDeleted() {
        String bucket = bucket();
        s3.putObject(b -> b.bucket(bucket).key("k").tagging("team=data&note=a%20b"), RequestBody.fromString("x"));
        assertThat(tags(bucket, "k")).isEqualTo(Map.of("team", "data", "note", "a b"));
        assertThat(s3.getObject(b -> b.bucket(bucket).key("k")).response().tagCount()).isEqualTo(2);
        assertThat(s3.headObject(b -> b.bucket(bucket).key("k")).tagCount()).isEqualTo(2);

        s3.putObjectTagging(b -> b.bucket(bucket).key("k").tagging(t -> t.tagSet(Tag.builder().key("only").value("one").build())));
        assertThat(tags(bucket, "k")).isEqualTo(Map.of("only", "one"));

        s3.deleteObjectTagging(b -> b.bucket(bucket).key("k"));
        assertThat(tags(bucket, "k")).isEmpty();
        assertThat(s3.headObject(b -> b.bucket(bucket).key("k")).tagCount()).isNull();
    }

    @Test
    void copiesAndMultipartUploadsCarryTags() {
        String bucket = bucket();
        s3.putObject(b -> b.bucket(bucket).key("src").tagging("a=1"), RequestBody.fromString("x"));
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket).destinationKey("same"));
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket).destinationKey("new")
                .taggingDirective(TaggingDirective.REPLACE).tagging("b=2"));
        assertThat(tags(bucket, "same")).isEqualTo(Map.of("a", "1"));
        assertThat(tags(bucket, "new")).isEqualTo(Map.of("b", "2"));
        assertThatThrownBy(() -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket)
                .destinationKey("ignored").tagging("c=3")))
                .as("a tagging header with the COPY directive would be ignored").isInstanceOf(S3Exception.class);

        String upload = s3.createMultipartUpload(b -> b.bucket(bucket).key("mpu").tagging("m=p")).uploadId();
        String etag = s3.uploadPart(b -> b.bucket(bucket).key("mpu").uploadId(upload).partNumber(1), RequestBody.fromString("p")).eTag();
        s3.completeMultipartUpload(b -> b.bucket(bucket).key("mpu").uploadId(upload)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag))));
        assertThat(tags(bucket, "mpu")).isEqualTo(Map.of("m", "p"));
    }

    @Test
    void badTagSetsAreRefused() {
        String bucket = bucket();
        s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("x"));
        Tag[] eleven = java.util.stream.IntStream.range(0, 11).mapToObj(i -> Tag.builder().key("k" + i).value("v").build())
                .toArray(Tag[]::new);
        assertThatThrownBy(() -> s3.putObjectTagging(b -> b.bucket(bucket).key("k").tagging(t -> t.tagSet(eleven))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Object tags cannot be greater than 10"));
        assertThatThrownBy(() -> s3.putObjectTagging(b -> b.bucket(bucket).key("k").tagging(t -> t.tagSet(
                Tag.builder().key("x".repeat(129)).value("v").build()))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidTag"));
        assertThatThrownBy(() -> s3.putObjectTagging(b -> b.bucket(bucket).key("missing").tagging(t -> t.tagSet(
                Tag.builder().key("a").value("b").build()))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThat(tags(bucket, "k")).isEmpty();
    }
}
