package io.eventharness.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.TestAws;
import io.eventharness.emulator.s3.EventFixture.Queue;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;

/** What notifications report of versions and tags: version ids, delete markers, and the tagging events. */
class S3VersionedEventsTest {
    private final S3Client s3 = TestAws.s3();
    private final EventFixture fixture = EventFixture.shared();

    private String bucketNotifying(Queue[] queueOut, String... events) {
        String bucket = TestAws.unique("versioned");
        s3.createBucket(b -> b.bucket(bucket));
        queueOut[0] = fixture.queue(bucket);
        Queue q = queueOut[0];
        s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n
                .queueConfigurations(c -> c.id("v").queueArn(q.arn()).eventsWithStrings(events))));
        fixture.drain(q);
        return bucket;
    }

    @Test
    void aVersionedBucketReportsVersionIdsAndDeleteMarkers() {
        Queue[] q = new Queue[1];
        String bucket = bucketNotifying(q, "s3:ObjectCreated:*", "s3:ObjectRemoved:*");
        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));

        String v1 = s3.putObject(b -> b.bucket(bucket).key("doc"), RequestBody.fromString("one")).versionId();
        DeleteObjectResponse marker = s3.deleteObject(b -> b.bucket(bucket).key("doc"));
        s3.deleteObject(b -> b.bucket(bucket).key("doc").versionId(v1));

        assertThat(v1).isNotBlank();
        assertThat(marker.deleteMarker()).isTrue();
        List<JsonNode> records = fixture.records(q[0]);
        assertThat(records).extracting(r -> r.path("eventName").asText() + " " + r.path("s3").path("object").path("versionId").asText())
                .containsExactly("ObjectCreated:Put " + v1, "ObjectRemoved:DeleteMarkerCreated " + marker.versionId(),
                        "ObjectRemoved:Delete " + v1);
        assertThat(records.get(0).path("s3").path("object").fieldNames()).toIterable()
                .containsExactly("key", "size", "eTag", "versionId", "sequencer");
        assertThat(records.get(1).path("eventVersion").asText()).isEqualTo("2.1");
        assertThat(records.get(1).path("s3").path("object").fieldNames()).toIterable()
                .containsExactly("key", "versionId", "sequencer");
    }

    @Test
    void anUnversionedBucketsRecordsHaveNoVersionId() {
        Queue[] q = new Queue[1];
        String bucket = bucketNotifying(q, "s3:ObjectCreated:*");
        s3.putObject(b -> b.bucket(bucket).key("doc"), RequestBody.fromString("one"));
        assertThat(fixture.records(q[0])).singleElement()
                .satisfies(r -> assertThat(r.path("s3").path("object").has("versionId")).isFalse());
    }

    @Test
    void taggingEventsAreVersion23WithKeyAndETag() {
        Queue[] q = new Queue[1];
        String bucket = bucketNotifying(q, "s3:ObjectTagging:*");
        s3.putObject(b -> b.bucket(bucket).key("tagged"), RequestBody.fromString("something"));

        s3.putObjectTagging(b -> b.bucket(bucket).key("tagged").tagging(t -> t.tagSet(g -> g.key("colour").value("blue"))));
        s3.deleteObjectTagging(b -> b.bucket(bucket).key("tagged"));

        List<JsonNode> records = fixture.records(q[0]);
        assertThat(records).extracting(r -> r.path("eventName").asText()).containsExactly("ObjectTagging:Put", "ObjectTagging:Delete");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.path("eventVersion").asText()).isEqualTo("2.3");
            assertThat(r.path("s3").path("object").fieldNames()).toIterable().containsExactly("key", "eTag");
            assertThat(r.path("s3").path("object").path("eTag").asText()).isEqualTo("437b930db84b8079c2dd804a71936b5f");
        });
    }

    @Test
    void taggingAVersionReportsThatVersion() {
        Queue[] q = new Queue[1];
        String bucket = bucketNotifying(q, "s3:ObjectTagging:Put");
        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        String v1 = s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("one")).versionId();
        s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("two"));

        s3.putObjectTagging(b -> b.bucket(bucket).key("k").versionId(v1).tagging(t -> t.tagSet(g -> g.key("old").value("yes"))));

        assertThat(fixture.records(q[0])).singleElement()
                .satisfies(r -> assertThat(r.path("s3").path("object").path("versionId").asText()).isEqualTo(v1));
    }
}
