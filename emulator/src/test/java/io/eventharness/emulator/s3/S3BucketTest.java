package io.eventharness.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.TestAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3BucketTest {
    private final S3Client s3 = TestAws.s3();

    static S3Client regional(Region region) {
        return S3Client.builder().endpointOverride(TestAws.emulator().endpoint()).region(region)
                .credentialsProvider(TestAws.emulator().credentials()).forcePathStyle(true)
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    @Test
    void createHeadListDelete() {
        String name = TestAws.unique("bkt");
        assertThat(s3.createBucket(b -> b.bucket(name)).location()).isEqualTo("/" + name);
        assertThat(s3.headBucket(b -> b.bucket(name)).bucketRegion()).isEqualTo("us-east-1");
        assertThat(s3.listBuckets().buckets()).extracting(Bucket::name).contains(name);
        assertThat(s3.listBuckets(b -> b.prefix(name)).buckets()).singleElement()
                .satisfies(b -> assertThat(b.creationDate()).isNotNull());
        s3.deleteBucket(b -> b.bucket(name));
        assertThatThrownBy(() -> s3.headBucket(b -> b.bucket(name))).isInstanceOf(NoSuchBucketException.class);
        assertThatThrownBy(() -> s3.deleteBucket(b -> b.bucket(name))).isInstanceOf(NoSuchBucketException.class);
        assertThatThrownBy(() -> s3.listObjectsV2(b -> b.bucket(name))).isInstanceOf(NoSuchBucketException.class);
    }

    @Test
    void listBucketsPages() {
        String prefix = TestAws.unique("page");
        for (int i = 0; i < 3; i++) {
            int n = i;
            s3.createBucket(b -> b.bucket(prefix + "-" + n));
        }
        var first = s3.listBuckets(b -> b.prefix(prefix).maxBuckets(2));
        assertThat(first.buckets()).extracting(Bucket::name).containsExactly(prefix + "-0", prefix + "-1");
        var second = s3.listBuckets(b -> b.prefix(prefix).maxBuckets(2).continuationToken(first.continuationToken()));
        assertThat(second.buckets()).extracting(Bucket::name).containsExactly(prefix + "-2");
        assertThat(second.continuationToken()).isNull();
    }

    @Test
    void recreatingInUsEast1IsOkElsewhereAlreadyOwned() {
        String name = TestAws.unique("again");
        s3.createBucket(b -> b.bucket(name));
        s3.createBucket(b -> b.bucket(name)); // legacy us-east-1 behaviour: 200 OK

        try (S3Client eu = regional(Region.EU_WEST_1)) {
            String euName = TestAws.unique("eu");
            eu.createBucket(b -> b.bucket(euName).createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1)));
            assertThat(eu.getBucketLocation(b -> b.bucket(euName)).locationConstraint()).isEqualTo(BucketLocationConstraint.EU_WEST_1);
            assertThat(eu.headBucket(b -> b.bucket(euName)).bucketRegion()).isEqualTo("eu-west-1");
            assertThatThrownBy(() -> eu.createBucket(b -> b.bucket(euName)
                    .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1))))
                    .isInstanceOf(BucketAlreadyOwnedByYouException.class)
                    .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(409));
            assertThatThrownBy(() -> eu.createBucket(b -> b.bucket(name)
                    .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1))))
                    .isInstanceOf(BucketAlreadyOwnedByYouException.class);
            // a regional endpoint needs a matching location constraint (the SDK adds it; raw clients may not)
            RawHttp.Response r = RawHttp.send("PUT", "/" + TestAws.unique("nolc"), "localhost", null, "eu-west-1");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.text()).contains("<Code>IllegalLocationConstraintException</Code>");
        }
        assertThatThrownBy(() -> s3.createBucket(b -> b.bucket(TestAws.unique("east"))
                .createBucketConfiguration(c -> c.locationConstraint("us-east-1"))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("InvalidLocationConstraint"));
    }

    @Test
    void invalidNames() {
        // names the SDK itself lets through
        for (String bad : new String[]{"xn--punycode", "ends-s3alias"}) {
            assertThatThrownBy(() -> s3.createBucket(b -> b.bucket(bad))).as(bad)
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidBucketName");
                    });
        }
        // and ones it refuses to send
        for (String bad : new String[]{"Upper", "under_score", "dots..dots", "foo-.bar", "foo.-bar", "192.168.5.4", "ends--x-s3",
                "ab", "-dash", "a".repeat(64)}) {
            RawHttp.Response r = RawHttp.send("PUT", "/" + bad, "localhost", null);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.text()).contains("<Code>InvalidBucketName</Code>");
        }
    }

    @Test
    void deleteNonEmptyBucket() {
        String name = TestAws.unique("full");
        s3.createBucket(b -> b.bucket(name));
        s3.putObject(b -> b.bucket(name).key("k"), RequestBody.fromString("x"));
        assertThatThrownBy(() -> s3.deleteBucket(b -> b.bucket(name)))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty");
                });
        s3.deleteObject(b -> b.bucket(name).key("k"));
        s3.deleteBucket(b -> b.bucket(name));
        assertThat(s3.listBuckets().buckets()).extracting(Bucket::name).doesNotContain(name);
    }

    @Test
    void operationsNotImplementedAnswer501AndTouchNothing() {
        String name = TestAws.unique("subres");
        s3.createBucket(b -> b.bucket(name));
        s3.putObject(b -> b.bucket(name).key("k"), RequestBody.fromString("x"));
        // each shares its path with an implemented operation (DeleteBucket, PutObject, CreateBucket, GetObject)
        for (Runnable call : new Runnable[]{
                () -> s3.deleteBucketWebsite(b -> b.bucket(name)),
                () -> s3.renameObject(b -> b.bucket(name).key("k2").renameSource("k")),
                () -> s3.putBucketLogging(b -> b.bucket(name).bucketLoggingStatus(l -> l.loggingEnabled((
                        software.amazon.awssdk.services.s3.model.LoggingEnabled) null))),
                () -> s3.getObjectTorrentAsBytes(b -> b.bucket(name).key("k"))}) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(S3Exception.class, e -> {
                assertThat(e.statusCode()).isEqualTo(501);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
            });
        }
        assertThat(s3.getObjectAsBytes(b -> b.bucket(name).key("k")).asUtf8String()).isEqualTo("x");
        assertThat(s3.headBucket(b -> b.bucket(name)).bucketRegion()).isEqualTo("us-east-1");
    }
}
