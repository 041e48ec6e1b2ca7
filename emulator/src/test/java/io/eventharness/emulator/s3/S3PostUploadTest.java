package io.eventharness.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.TestAws;
import io.eventharness.emulator.s3.EventFixture.Queue;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;

/**
 * Browser form uploads ("POST Object", "Browser-based uploads using POST"), sent as a browser sends them: a
 * {@code multipart/form-data} POST to the bucket, the file the last field.
 */
class S3PostUploadTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final S3Client s3 = TestAws.s3();
    private static String bucket;

    @BeforeAll
    static void bucket() {
        bucket = TestAws.unique("post");
        s3.createBucket(b -> b.bucket(bucket));
    }

    static String policy(Instant expires, String... conditions) {
        String json = "{\"expiration\":\"" + expires.truncatedTo(ChronoUnit.SECONDS) + "\",\"conditions\":["
                + String.join(",", conditions) + "]}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> signedForm(String key, String policy) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("key", key);
        form.put("AWSAccessKeyId", "test");
        form.put("policy", policy);
        form.put("signature", "c2lnbmF0dXJl");
        form.put("Content-Type", "text/plain");
        return form;
    }

    static HttpResponse<String> post(String toBucket, Map<String, String> fields, String fileName, String file) throws Exception {
        String boundary = "----form" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + file + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestAws.emulator().endpoint() + "/" + toBucket))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).timeout(Duration.ofSeconds(10)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Instant inAnHour() {
        return TestAws.emulator().clock().now().plus(Duration.ofHours(1));
    }

    @Test
    void aSignedFormStoresTheFileAsItsFieldsSay() throws Exception {
        Map<String, String> form = signedForm("uploads/${filename}", policy(inAnHour(), "{\"bucket\":\"" + bucket + "\"}",
                "[\"starts-with\",\"$key\",\"uploads/\"]", "[\"starts-with\",\"$Content-Type\",\"text/\"]",
                "[\"content-length-range\",0,1024]", "[\"eq\",\"$x-amz-meta-owner\",\"browser\"]"));
        form.put("x-amz-meta-owner", "browser");

        HttpResponse<String> r = post(bucket, form, "photo.txt", "from a browser");

        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.headers().firstValue("ETag")).isPresent();
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/" + bucket + "/uploads/photo.txt"));
        var got = s3.getObjectAsBytes(b -> b.bucket(bucket).key("uploads/photo.txt"));
        assertThat(got.asUtf8String()).isEqualTo("from a browser");
        assertThat(got.response().contentType()).isEqualTo("text/plain");
        assertThat(got.response().metadata()).containsEntry("owner", "browser");
    }

    @Test
    void successActionStatusAndRedirectShapeTheAnswer() throws Exception {
        Map<String, String> created = signedForm("created.txt", policy(inAnHour(), "[\"starts-with\",\"$key\",\"\"]"));
        created.put("success_action_status", "201");
        HttpResponse<String> r = post(bucket, created, "f", "x");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).contains("<PostResponse>").contains("<Bucket>" + bucket + "</Bucket>").contains("<Key>created.txt</Key>");

        Map<String, String> redirected = signedForm("redirected.txt", policy(inAnHour(), "[\"starts-with\",\"$key\",\"\"]"));
        redirected.put("success_action_redirect", "http://example.com/done");
        HttpResponse<String> moved = post(bucket, redirected, "f", "x");
        assertThat(moved.statusCode()).isEqualTo(303);
        assertThat(moved.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .startsWith("http://example.com/done?bucket=" + bucket + "&key=redirected.txt&etag=%22"));
    }

    @Test
    void thePolicyIsCheckedOnTheEmulatorsClock() throws Exception {
        Instant past = TestAws.emulator().clock().now().minusSeconds(60);
        HttpResponse<String> expired = post(bucket, signedForm("late.txt", policy(past, "[\"starts-with\",\"$key\",\"\"]")), "f", "x");
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("<Code>AccessDenied</Code>").contains("Policy expired");

        HttpResponse<String> wrongKey = post(bucket, signedForm("other.txt", policy(inAnHour(),
                "[\"starts-with\",\"$key\",\"uploads/\"]")), "f", "x");
        assertThat(wrongKey.statusCode()).isEqualTo(403);
        assertThat(wrongKey.body()).contains("Policy Condition failed");

        HttpResponse<String> tooBig = post(bucket, signedForm("big.txt", policy(inAnHour(),
                "[\"content-length-range\",0,3]")), "f", "too large");
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(tooBig.body()).contains("<Code>EntityTooLarge</Code>");

        HttpResponse<String> noConditions = post(bucket, signedForm("none.txt", policy(inAnHour())), "f", "x");
        assertThat(noConditions.statusCode()).isEqualTo(400);
        assertThat(noConditions.body()).contains("<Code>InvalidPolicyDocument</Code>");
        HttpResponse<String> emptyCondition = post(bucket, signedForm("empty.txt", policy(inAnHour(), "{}")), "f", "x");
        assertThat(emptyCondition.statusCode()).isEqualTo(400);
        assertThat(emptyCondition.body()).contains("<Code>InvalidPolicyDocument</Code>");
        // condition names are matched in any case, as S3 matches them
        assertThat(post(bucket, signedForm("mixed.txt", policy(inAnHour(), "[\"StArTs-WiTh\",\"$KeY\",\"mixed\"]")), "f", "x")
                .statusCode()).isEqualTo(204);

        Map<String, String> noKey = signedForm("x", policy(inAnHour(), "[\"starts-with\",\"$key\",\"\"]"));
        noKey.remove("key");
        HttpResponse<String> keyless = post(bucket, noKey, "f", "x");
        assertThat(keyless.statusCode()).isEqualTo(400);
        assertThat(keyless.body()).contains("<Code>InvalidArgument</Code>");
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket).prefix("late")).contents()).isEmpty();
    }

    @Test
    void aFormUploadRaisesObjectCreatedPost() throws Exception {
        String notified = TestAws.unique("post-events");
        s3.createBucket(b -> b.bucket(notified));
        EventFixture fixture = EventFixture.shared();
        Queue q = fixture.queue(notified);
        s3.putBucketNotificationConfiguration(b -> b.bucket(notified).notificationConfiguration(c -> c.queueConfigurations(
                QueueConfiguration.builder().id("posts").queueArn(q.arn()).eventsWithStrings("s3:ObjectCreated:Post").build())));

        assertThat(post(notified, Map.of("key", "browser.txt"), "browser.txt", "hello").statusCode()).isEqualTo(204);
        s3.putObject(b -> b.bucket(notified).key("sdk.txt"), software.amazon.awssdk.core.sync.RequestBody.fromString("not a post"));

        List<JsonNode> records = fixture.records(q);
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.path("eventName").asText()).isEqualTo("ObjectCreated:Post");
            assertThat(r.path("s3").path("object").path("key").asText()).isEqualTo("browser.txt");
            assertThat(r.path("s3").path("object").path("size").asLong()).isEqualTo(5);
        });
    }
}
