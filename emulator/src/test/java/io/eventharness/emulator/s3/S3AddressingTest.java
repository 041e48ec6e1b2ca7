package io.eventharness.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.TestAws;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

class S3AddressingTest {
    private static final S3Client s3 = TestAws.s3();
    private static final S3AsyncClient async = TestAws.s3Async();
    private static final List<String> AWKWARD = List.of("with space.txt", "plus+sign", "percent%20literal", "100%",
            "double//slash", "/leading-slash", "trailing/", "ünïcødé/ключ/日本語", "emoji-😀", "q?uery&a=b#frag",
            "tilde~star*paren(1)", "semi;colon,comma'quote", "dots/../up", "./dot");
    private static String bucket;

    @BeforeAll
    static void bucket() {
        bucket = TestAws.unique("addr");
        s3.createBucket(b -> b.bucket(bucket));
    }

    /**
     * An unmodified S3 client without path style: it addresses {@code <bucket>.localhost:<port>}. The
     * resolver sends every such name to the loopback, as systemd's resolver would.
     */
    static S3Client virtualHostClient() {
        URI endpoint = URI.create("http://localhost:" + TestAws.emulator().endpoint().getPort());
        return S3Client.builder().endpointOverride(endpoint).region(TestAws.emulator().region())
                .credentialsProvider(TestAws.emulator().credentials())
                .httpClientBuilder(ApacheHttpClient.builder().dnsResolver(host -> new InetAddress[]{InetAddress.getLoopbackAddress()}))
                .build();
    }

    @Test
    void awkwardKeysRoundTripSyncAndAsync() {
        String bucket = TestAws.unique("awkward");
        s3.createBucket(b -> b.bucket(bucket));
        for (String key : AWKWARD) {
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("sync:" + key));
            assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String()).as(key).isEqualTo("sync:" + key);
            async.putObject(b -> b.bucket(bucket).key(key), AsyncRequestBody.fromString("async:" + key)).join();
            assertThat(async.getObject(b -> b.bucket(bucket).key(key), AsyncResponseTransformer.toBytes()).join().asUtf8String())
                    .as(key).isEqualTo("async:" + key);
            assertThat(s3.headObject(b -> b.bucket(bucket).key(key)).contentLength()).as(key).isEqualTo(("async:" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents()).extracting(S3Object::key)
                .containsExactlyInAnyOrderElementsOf(AWKWARD);
        String copyKey = "copy of " + AWKWARD.get(9);
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(AWKWARD.get(9)).destinationBucket(bucket).destinationKey(copyKey));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key(copyKey)).asUtf8String()).isEqualTo("async:" + AWKWARD.get(9));
        assertThat(s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(AWKWARD.stream()
                .map(k -> software.amazon.awssdk.services.s3.model.ObjectIdentifier.builder().key(k).build()).toList())))
                .deleted()).hasSize(AWKWARD.size());
    }

    @Test
    void virtualHostStyle() {
        try (S3Client vh = virtualHostClient()) {
            String name = TestAws.unique("vhost");
            vh.createBucket(b -> b.bucket(name));
            vh.putObject(b -> b.bucket(name).key("dir/file name.txt"), RequestBody.fromString("virtual"));
            assertThat(vh.getObjectAsBytes(b -> b.bucket(name).key("dir/file name.txt")).asUtf8String()).isEqualTo("virtual");
            assertThat(vh.listObjectsV2(b -> b.bucket(name)).contents()).extracting(S3Object::key).containsExactly("dir/file name.txt");
            assertThat(vh.listBuckets().buckets()).anyMatch(b -> b.name().equals(name));
            // the same bucket, seen path-style
            assertThat(s3.getObjectAsBytes(b -> b.bucket(name).key("dir/file name.txt")).asUtf8String()).isEqualTo("virtual");
        }
    }

    @Test
    void virtualHostHeaderOnRawRequest() {
        s3.putObject(b -> b.bucket(bucket).key("raw.txt"), RequestBody.fromString("raw body"));
        RawHttp.Response r = RawHttp.send("GET", "/raw.txt", bucket + ".localhost", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).endsWith("raw body");
        RawHttp.Response missing = RawHttp.send("GET", "/raw.txt", "no-such-bucket-zz.localhost", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text()).contains("<Code>NoSuchBucket</Code>");
    }
}
