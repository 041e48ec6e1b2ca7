package io.eventharness.emulator.s3;

import static io.eventharness.emulator.s3.S3ObjectTest.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.TestAws;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;

/** Object Lock: the bucket's configuration and default retention, retention and legal holds, honoured by deletes. */
class S3ObjectLockTest {
    private static final S3Client s3 = TestAws.s3();
    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

    private static String lockedBucket() {
        String name = TestAws.unique("lock");
        s3.createBucket(b -> b.bucket(name).objectLockEnabledForBucket(true));
        return name;
    }

    @Test
    void aBucketCreatedWithObjectLockIsVersionedAndKeepsItsDefaultRetention() {
        String b = lockedBucket();
        assertThat(s3.getBucketVersioning(r -> r.bucket(b)).status()).isEqualTo(BucketVersioningStatus.ENABLED);
        assertThat(s3.getObjectLockConfiguration(r -> r.bucket(b)).objectLockConfiguration().objectLockEnabled())
                .isEqualTo(ObjectLockEnabled.ENABLED);
        assertThatThrownBy(() -> s3.putBucketVersioning(r -> r.bucket(b).versioningConfiguration(v -> v.status("Suspended"))))
                .satisfies(e -> assertS3Error(e, 409, "InvalidBucketState"));
        assertThatThrownBy(() -> s3.putObjectLockConfiguration(r -> r.bucket(b).objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED).rule(x -> x.defaultRetention(d -> d.mode("GOVERNANCE").days(0))))))
                .satisfies(e -> assertS3Error(e, 400, "InvalidRetentionPeriod"));
        assertThatThrownBy(() -> s3.putObjectLockConfiguration(r -> r.bucket(b).objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED).rule(x -> x.defaultRetention(d -> d.mode("GOVERNANCE").days(1).years(1))))))
                .satisfies(e -> assertS3Error(e, 400, "MalformedXML"));

        s3.putObjectLockConfiguration(r -> r.bucket(b).objectLockConfiguration(c -> c.objectLockEnabled(ObjectLockEnabled.ENABLED)
                .rule(x -> x.defaultRetention(d -> d.mode(ObjectLockRetentionMode.GOVERNANCE).days(1)))));
        String v = s3.putObject(r -> r.bucket(b).key("k"), RequestBody.fromString("x")).versionId();
        var head = s3.headObject(r -> r.bucket(b).key("k"));
        assertThat(head.objectLockMode()).isEqualTo(ObjectLockMode.GOVERNANCE);
        assertThat(head.objectLockRetainUntilDate()).isAfter(Instant.now().plusSeconds(86_000));
        assertThatThrownBy(() -> s3.deleteObject(r -> r.bucket(b).key("k").versionId(v)))
                .satisfies(e -> assertS3Error(e, 403, "AccessDenied"));
        s3.deleteObject(r -> r.bucket(b).key("k").versionId(v).bypassGovernanceRetention(true));
    }

    @Test
    void objectLockNeedsAVersionedBucket() {
        String b = TestAws.unique("nolock");
        s3.createBucket(r -> r.bucket(b));
        s3.putObject(r -> r.bucket(b).key("k"), RequestBody.fromString("x"));
        assertThatThrownBy(() -> s3.getObjectLockConfiguration(r -> r.bucket(b)))
                .satisfies(e -> assertS3Error(e, 404, "ObjectLockConfigurationNotFoundError"));
        assertThatThrownBy(() -> s3.putObjectLegalHold(r -> r.bucket(b).key("k").legalHold(h -> h.status("ON"))))
                .satisfies(e -> assertS3Error(e, 400, "InvalidRequest"));
        assertThatThrownBy(() -> s3.putObjectLockConfiguration(r -> r.bucket(b).objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED)))).satisfies(e -> assertS3Error(e, 409, "InvalidBucketState"));
        s3.putBucketVersioning(r -> r.bucket(b).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        s3.putObjectLockConfiguration(r -> r.bucket(b).objectLockConfiguration(c -> c.objectLockEnabled(ObjectLockEnabled.ENABLED)));
        assertThat(s3.getObjectLockConfiguration(r -> r.bucket(b)).objectLockConfiguration().rule()).isNull();
    }

    @Test
    void retentionIsExtendedFreelyAndShortenedOnlyWithTheGovernanceBypass() {
        String b = lockedBucket();
        String v = s3.putObject(r -> r.bucket(b).key("k"), RequestBody.fromString("x")).versionId();
        assertThatThrownBy(() -> s3.getObjectRetention(r -> r.bucket(b).key("k")))
                .satisfies(e -> assertS3Error(e, 404, "NoSuchObjectLockConfiguration"));
        s3.putObjectRetention(r -> r.bucket(b).key("k").retention(x -> x.mode("GOVERNANCE").retainUntilDate(FAR)));
        s3.putObjectRetention(r -> r.bucket(b).key("k").retention(x -> x.mode("GOVERNANCE").retainUntilDate(FAR.plusSeconds(86400))));
        assertThatThrownBy(() -> s3.putObjectRetention(r -> r.bucket(b).key("k").retention(x -> x.mode("GOVERNANCE").retainUntilDate(FAR))))
                .satisfies(e -> assertS3Error(e, 403, "AccessDenied"));
        s3.putObjectRetention(r -> r.bucket(b).key("k").bypassGovernanceRetention(true)
                .retention(x -> x.mode("COMPLIANCE").retainUntilDate(FAR)));
        assertThat(s3.getObjectRetention(r -> r.bucket(b).key("k").versionId(v)).retention().retainUntilDate()).isEqualTo(FAR);
        assertThatThrownBy(() -> s3.putObjectRetention(r -> r.bucket(b).key("k").bypassGovernanceRetention(true)
                .retention(x -> x.mode("GOVERNANCE").retainUntilDate(FAR))))
                .satisfies(e -> assertS3Error(e, 403, "AccessDenied"));

        // a delete without a version id only adds a marker; the version itself stays
        s3.deleteObject(r -> r.bucket(b).key("k"));
        assertThatThrownBy(() -> s3.deleteObject(r -> r.bucket(b).key("k").versionId(v).bypassGovernanceRetention(true)))
                .satisfies(e -> assertS3Error(e, 403, "AccessDenied"));
        var multi = s3.deleteObjects(r -> r.bucket(b).delete(d -> d.objects(o -> o.key("k").versionId(v))));
        assertThat(multi.errors()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("AccessDenied"));
    }

    @Test
    void aRetentionEndsAtItsMillisecondNotAtTheNextSecond() {
        try (io.eventharness.emulator.Emulator own = io.eventharness.emulator.Emulator.builder().withDynamicPort().build().start();
             S3Client client = S3Client.builder().endpointOverride(own.endpoint()).region(own.region())
                     .credentialsProvider(own.credentials()).forcePathStyle(true).build()) {
            client.createBucket(r -> r.bucket("short").objectLockEnabledForBucket(true));
            Instant second = own.clock().now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            Instant until = second.plusMillis(20_500);
            String v = client.putObject(r -> r.bucket("short").key("k").objectLockMode(ObjectLockMode.COMPLIANCE)
                    .objectLockRetainUntilDate(until), RequestBody.fromString("x")).versionId();
            // to 400 ms past the end of the retention, within the same second: it has ended
            own.clock().advance(java.time.Duration.between(own.clock().now(), second.plusMillis(20_900)));
            client.deleteObject(r -> r.bucket("short").key("k").versionId(v));
            assertThat(client.listObjectVersions(r -> r.bucket("short")).versions()).isEmpty();
        }
    }

    @Test
    void aLegalHoldKeepsAVersionUntilItIsLifted() {
        String b = lockedBucket();
        String v = s3.putObject(r -> r.bucket(b).key("k").objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON),
                RequestBody.fromString("x")).versionId();
        assertThat(s3.getObjectLegalHold(r -> r.bucket(b).key("k")).legalHold().status()).isEqualTo(ObjectLockLegalHoldStatus.ON);
        assertThatThrownBy(() -> s3.deleteObject(r -> r.bucket(b).key("k").versionId(v).bypassGovernanceRetention(true)))
                .satisfies(e -> assertS3Error(e, 403, "AccessDenied"));
        s3.putObjectLegalHold(r -> r.bucket(b).key("k").legalHold(h -> h.status(ObjectLockLegalHoldStatus.OFF)));
        s3.deleteObject(r -> r.bucket(b).key("k").versionId(v));
        assertThatThrownBy(() -> s3.putObject(r -> r.bucket(b).key("k").objectLockMode(ObjectLockMode.GOVERNANCE),
                RequestBody.fromString("x"))).satisfies(e -> assertS3Error(e, 400, "InvalidArgument"));
    }
}
