package io.eventharness.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.Emulator;
import io.eventharness.emulator.TestAws;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Presigned URLs (S3 "Sharing objects with presigned URLs"; SigV4 query authentication) fetched with
 * a plain HTTP client: no Authorization header, the service is read from {@code X-Amz-Credential}.
 * The emulator accepts any credentials and does not check signatures; it does check expiry, on its clock.
 */
class S3PresignedUrlTest {
    private static final String BUCKET = TestAws.unique("presigned").toLowerCase();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static S3Presigner presigner;
    /**
     * An emulator of these tests' own: the presigner dates its URLs by the system clock, and the shared emulator's clock
     * is ahead by whatever other tests advanced it, which would expire every URL.
     */
    private static Emulator aws;
    private static S3Client s3;

    @BeforeAll
    static void setUp() {
        aws = Emulator.builder().withDynamicPort().build().start();
        presigner = S3Presigner.builder().endpointOverride(aws.endpoint()).region(aws.region()).credentialsProvider(aws.credentials())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build();
        s3 = S3Client.builder().endpointOverride(aws.endpoint()).region(aws.region()).credentialsProvider(aws.credentials())
                .forcePathStyle(true).build();
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void tearDown() {
        presigner.close();
        s3.close();
        aws.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPresignedGetFetchesTheObject() throws Exception {
        s3.putObject(b -> b.bucket(BUCKET).key("reports/q1 2026.txt").contentType("text/plain"), RequestBody.fromString("numbers"));
        PresignedGetObjectRequest get = presigner.presignGetObject(b -> b.signatureDuration(Duration.ofMinutes(10))
                .getObjectRequest(r -> r.bucket(BUCKET).key("reports/q1 2026.txt")));
        assertThat(get.url().getQuery()).contains("X-Amz-Credential=").contains("%2Fs3%2Faws4_request")
                .contains("X-Amz-Signature=");
        assertThat(get.isBrowserExecutable()).isTrue();

        HttpResponse<String> r = send(HttpRequest.newBuilder(get.url().toURI()).GET());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("numbers");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain");
    }

    @Test
    void aPresignedPutStoresTheObject() throws Exception {
        PresignedPutObjectRequest put = presigner.presignPutObject(b -> b.signatureDuration(Duration.ofMinutes(10))
                .putObjectRequest(r -> r.bucket(BUCKET).key("uploads/from-browser.json")));
        HttpRequest.Builder request = HttpRequest.newBuilder(put.url().toURI())
                .PUT(HttpRequest.BodyPublishers.ofString("{\"uploaded\":true}"));
        put.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                values.forEach(v -> request.header(name, v));
            }
        });

        HttpResponse<String> r = send(request);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("ETag")).isPresent();
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("uploads/from-browser.json")).asUtf8String())
                .isEqualTo("{\"uploaded\":true}");
    }

    @Test
    void theCredentialScopeRoutesEvenWhenTheQueryLooksLikeAnotherService() throws Exception {
        s3.putObject(b -> b.bucket(BUCKET).key("routed.txt"), RequestBody.fromString("by credential"));
        // Unsigned, "Action=ListQueues" would make this an SQS query request; the presigned
        // X-Amz-Credential (…/s3/aws4_request) says S3, and S3 ignores a parameter it does not know.
        PresignedGetObjectRequest get = presigner.presignGetObject(b -> b.signatureDuration(Duration.ofMinutes(10))
                .getObjectRequest(r -> r.bucket(BUCKET).key("routed.txt")
                        .overrideConfiguration(o -> o.putRawQueryParameter("Action", "ListQueues"))));
        URI url = get.url().toURI();
        assertThat(url.getQuery()).contains("Action=ListQueues");

        HttpResponse<String> r = send(HttpRequest.newBuilder(url).GET());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("by credential");
    }

    @Test
    void aPresignedGetOfAMissingKeyIsS3sNoSuchKey() throws Exception {
        PresignedGetObjectRequest get = presigner.presignGetObject(b -> b.signatureDuration(Duration.ofMinutes(10))
                .getObjectRequest(r -> r.bucket(BUCKET).key("absent")));

        HttpResponse<String> r = send(HttpRequest.newBuilder(get.url().toURI()).GET());

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("<Code>NoSuchKey</Code>");
    }

    @Test
    void aUrlValidForNoTimeOrForMoreThanAWeekIsRefused() throws Exception {
        s3.putObject(b -> b.bucket(BUCKET).key("expiry.txt"), RequestBody.fromString("x"));
        String url = presigner.presignGetObject(b -> b.signatureDuration(Duration.ofMinutes(10))
                .getObjectRequest(r -> r.bucket(BUCKET).key("expiry.txt"))).url().toString();
        assertThat(url).contains("X-Amz-Expires=600");
        for (String expires : new String[]{"0", "-7", "609901"}) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url.replace("X-Amz-Expires=600",
                    "X-Amz-Expires=" + expires))).GET());
            assertThat(r.statusCode()).as(expires).isEqualTo(403);
            assertThat(r.body()).as(expires).contains("<Code>AccessDenied</Code>");
        }
        assertThat(send(HttpRequest.newBuilder(URI.create(url)).GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void aUrlExpiresOnTheEmulatorsClock() throws Exception {
        try (Emulator own = Emulator.builder().withDynamicPort().build().start();
             S3Client client = S3Client.builder().endpointOverride(own.endpoint()).region(own.region())
                     .credentialsProvider(own.credentials()).forcePathStyle(true).build();
             S3Presigner signer = S3Presigner.builder().endpointOverride(own.endpoint()).region(own.region())
                     .credentialsProvider(own.credentials())
                     .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build()) {
            client.createBucket(b -> b.bucket("expiring"));
            client.putObject(b -> b.bucket("expiring").key("k"), RequestBody.fromString("soon gone"));
            URI url = signer.presignGetObject(b -> b.signatureDuration(Duration.ofMinutes(10))
                    .getObjectRequest(r -> r.bucket("expiring").key("k"))).url().toURI();
            assertThat(send(HttpRequest.newBuilder(url).GET()).body()).isEqualTo("soon gone");

            own.clock().advance(Duration.ofMinutes(11));

            HttpResponse<String> r = send(HttpRequest.newBuilder(url).GET());
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).contains("<Code>AccessDenied</Code>").contains("<Message>Request has expired</Message>");
        }
    }
}
