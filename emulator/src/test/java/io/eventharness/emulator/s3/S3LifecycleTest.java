package io.eventharness.emulator.s3;

import static io.eventharness.emulator.s3.S3ObjectTest.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.Emulator;
import io.eventharness.emulator.TestAws;
import io.eventharness.emulator.core.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Lifecycle configurations: stored as S3 checks them, and applied at midnight UTC on the emulator's clock. */
class S3LifecycleTest {
    private static final S3Client s3 = TestAws.s3();

    private static LifecycleRule expireAfter(String id, String prefix, int days) {
        return LifecycleRule.builder().id(id).filter(f -> f.prefix(prefix)).status(ExpirationStatus.ENABLED)
                .expiration(e -> e.days(days)).build();
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aConfigurationIsCheckedStoredAndDeleted() {
        String b = TestAws.unique("lc");
        s3.createBucket(r -> r.bucket(b));
        assertThatThrownBy(() -> s3.getBucketLifecycleConfiguration(r -> r.bucket(b)))
                .satisfies(e -> assertS3Error(e, 404, "NoSuchLifecycleConfiguration"));
        assertThatThrownBy(() -> s3.putBucketLifecycleConfiguration(r -> r.bucket(b).lifecycleConfiguration(c -> c.rules(
                expireAfter("a", "x/", 0))))).satisfies(e -> assertS3Error(e, 400, "InvalidArgument"));
        assertThatThrownBy(() -> s3.putBucketLifecycleConfiguration(r -> r.bucket(b).lifecycleConfiguration(c -> c.rules(
                expireAfter("same", "x/", 1), expireAfter("same", "y/", 2))))).satisfies(e -> assertS3Error(e, 400, "InvalidArgument"));
        assertThatThrownBy(() -> s3.putBucketLifecycleConfiguration(r -> r.bucket(b).lifecycleConfiguration(c -> c.rules(
                expireAfter("a", "x/", 1).toBuilder().status("enabled").build())))).satisfies(e -> assertS3Error(e, 400, "MalformedXML"));
        assertThatThrownBy(() -> s3.putBucketLifecycleConfiguration(r -> r.bucket(b).lifecycleConfiguration(c -> c.rules(
                LifecycleRule.builder().id("d").filter(f -> f.prefix("")).status(ExpirationStatus.ENABLED)
                        .expiration(e -> e.date(Instant.parse("2030-01-01T10:00:00Z"))).build()))))
                .satisfies(e -> assertS3Error(e, 400, "InvalidArgument"));

        s3.putBucketLifecycleConfiguration(r -> r.bucket(b).lifecycleConfiguration(c -> c.rules(expireAfter("logs", "logs/", 30),
                LifecycleRule.builder().filter(f -> f.prefix("tmp/")).status(ExpirationStatus.DISABLED)
                        .abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(7)).build())));
        List<LifecycleRule> rules = s3.getBucketLifecycleConfiguration(r -> r.bucket(b)).rules();
        assertThat(rules).hasSize(2);
        assertThat(rules.get(0)).isEqualTo(expireAfter("logs", "logs/", 30));
        assertThat(rules.get(1).id()).isNotBlank(); // S3 names a rule given without an ID
        s3.deleteBucketLifecycle(r -> r.bucket(b));
        assertThatThrownBy(() -> s3.getBucketLifecycleConfiguration(r -> r.bucket(b)))
                .satisfies(e -> assertS3Error(e, 404, "NoSuchLifecycleConfiguration"));
    }

    @Test
    void objectsExpireAtTheMidnightAfterTheirDaysWithAnEvent() {
        try (Emulator own = Emulator.builder().withDynamicPort().withS3DestinationPolicyCheck(false).build().start();
             S3Client client = S3Client.builder().endpointOverride(own.endpoint()).region(own.region())
                     .credentialsProvider(own.credentials()).forcePathStyle(true).build();
             SqsClient sqs = SqsClient.builder().endpointOverride(own.endpoint()).region(own.region())
                     .credentialsProvider(own.credentials()).build()) {
            String queue = sqs.createQueue(q -> q.queueName("expired")).queueUrl();
            String queueArn = "arn:aws:sqs:" + own.region().id() + ":000000000000:expired";
            client.createBucket(r -> r.bucket("ages"));
            client.putBucketNotificationConfiguration(r -> r.bucket("ages").notificationConfiguration(n -> n.queueConfigurations(
                    q -> q.queueArn(queueArn).eventsWithStrings("s3:LifecycleExpiration:*"))));
            client.putBucketLifecycleConfiguration(r -> r.bucket("ages").lifecycleConfiguration(c -> c.rules(expireAfter("logs", "logs/", 1))));
            var put = client.putObject(r -> r.bucket("ages").key("logs/a"), RequestBody.fromString("old"));
            client.putObject(r -> r.bucket("ages").key("keep/b"), RequestBody.fromString("kept"));
            assertThat(put.expiration()).matches("expiry-date=\"\\w{3}, \\d{2} \\w{3} \\d{4} 00:00:00 GMT\", rule-id=\"logs\"");
            assertThat(client.headObject(r -> r.bucket("ages").key("logs/a")).expiration()).isEqualTo(put.expiration());
            assertThat(client.headObject(r -> r.bucket("ages").key("keep/b")).expiration()).isNull();
            sqs.purgeQueue(q -> q.queueUrl(queue)); // the test event

            own.clock().advance(Duration.ofDays(1));
            assertThat(client.listObjectsV2(r -> r.bucket("ages")).contents()).hasSize(2); // a day, not yet its midnight
            own.clock().advance(Duration.ofDays(1));
            assertThat(client.listObjectsV2(r -> r.bucket("ages")).contents()).extracting(o -> o.key()).containsExactly("keep/b");

            List<JsonNode> records = new ArrayList<>();
            for (var m : sqs.receiveMessage(q -> q.queueUrl(queue).maxNumberOfMessages(10)).messages()) {
                readTree(m.body()).path("Records").forEach(records::add);
            }
            assertThat(records).singleElement().satisfies(rec -> {
                assertThat(rec.path("eventName").asText()).isEqualTo("LifecycleExpiration:Delete");
                assertThat(rec.path("s3").path("object").path("key").asText()).isEqualTo("logs%2Fa"); // form-encoded, as S3 records keys
            });
        }
    }

    @Test
    void inAVersionedBucketExpiryLeavesAMarkerAndNoncurrentVersionsGoLater() {
        try (Emulator own = Emulator.builder().withDynamicPort().build().start();
             S3Client client = S3Client.builder().endpointOverride(own.endpoint()).region(own.region())
                     .credentialsProvider(own.credentials()).forcePathStyle(true).build()) {
            client.createBucket(r -> r.bucket("versions"));
            client.putBucketVersioning(r -> r.bucket("versions").versioningConfiguration(v -> v.status("Enabled")));
            client.putBucketLifecycleConfiguration(r -> r.bucket("versions").lifecycleConfiguration(c -> c.rules(
                    LifecycleRule.builder().id("all").filter(f -> f.prefix("")).status(ExpirationStatus.ENABLED)
                            .expiration(e -> e.days(1)).noncurrentVersionExpiration(n -> n.noncurrentDays(3)).build())));
            client.putObject(r -> r.bucket("versions").key("k"), RequestBody.fromString("v1"));
            String upload = client.createMultipartUpload(r -> r.bucket("versions").key("parts")).uploadId();

            own.clock().advance(Duration.ofDays(2));
            var versions = client.listObjectVersions(r -> r.bucket("versions"));
            assertThat(versions.deleteMarkers()).singleElement().satisfies(m -> assertThat(m.isLatest()).isTrue());
            assertThat(versions.versions()).extracting(ObjectVersion::isLatest).containsExactly(false);
            assertThat(client.listMultipartUploads(r -> r.bucket("versions")).uploads()).extracting(u -> u.uploadId())
                    .containsExactly(upload); // no rule aborts it

            own.clock().advance(Duration.ofDays(3));
            assertThat(client.listObjectVersions(r -> r.bucket("versions")).versions()).isEmpty();
        }
    }
}
