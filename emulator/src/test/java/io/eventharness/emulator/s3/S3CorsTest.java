package io.eventharness.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.TestAws;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CORSRule;

/** CORS as a browser meets it: the preflight ({@code OPTIONS}, unsigned) and the headers on the request itself. */
class S3CorsTest {
    private static final S3Client s3 = TestAws.s3();
    private static final HttpClient http = HttpClient.newHttpClient();

    private static HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestAws.emulator().endpoint() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPreflightIsAnsweredByTheBucketsRules() throws Exception {
        String b = TestAws.unique("cors-pre");
        s3.createBucket(r -> r.bucket(b));
        HttpResponse<String> none = send("OPTIONS", "/" + b + "/upload.jpg", "Origin", "https://app.example.com",
                "Access-Control-Request-Method", "PUT");
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.body()).contains("<Code>AccessForbidden</Code>");

        s3.putBucketCors(r -> r.bucket(b).corsConfiguration(c -> c.corsRules(CORSRule.builder()
                .allowedOrigins("https://*.example.com").allowedMethods("PUT", "POST").allowedHeaders("content-type", "x-amz-*")
                .exposeHeaders("ETag").maxAgeSeconds(600).build())));
        HttpResponse<String> ok = send("OPTIONS", "/" + b + "/upload.jpg", "Origin", "https://app.example.com",
                "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "Content-Type, x-amz-meta-owner");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
        assertThat(ok.headers().firstValue("Access-Control-Allow-Methods")).hasValue("PUT, POST");
        assertThat(ok.headers().firstValue("Access-Control-Allow-Headers")).hasValue("Content-Type, x-amz-meta-owner");
        assertThat(ok.headers().firstValue("Access-Control-Max-Age")).hasValue("600");

        assertThat(send("OPTIONS", "/" + b + "/upload.jpg", "Origin", "https://evil.test",
                "Access-Control-Request-Method", "PUT").statusCode()).isEqualTo(403);
        assertThat(send("OPTIONS", "/" + b + "/upload.jpg", "Origin", "https://app.example.com",
                "Access-Control-Request-Method", "DELETE").statusCode()).isEqualTo(403);
        assertThat(send("OPTIONS", "/" + b + "/upload.jpg", "Origin", "https://app.example.com",
                "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "authorization").statusCode()).isEqualTo(403);
        HttpResponse<String> noOrigin = send("OPTIONS", "/" + b + "/upload.jpg", "Access-Control-Request-Method", "PUT");
        assertThat(noOrigin.statusCode()).isEqualTo(400);
    }

    @Test
    void aRequestFromAnAllowedOriginCarriesTheCorsHeaders() throws Exception {
        String b = TestAws.unique("cors-get");
        s3.createBucket(r -> r.bucket(b));
        s3.putObject(r -> r.bucket(b).key("k"), RequestBody.fromString("x"));
        s3.putBucketCors(r -> r.bucket(b).corsConfiguration(c -> c.corsRules(CORSRule.builder().allowedOrigins("*")
                .allowedMethods("GET").exposeHeaders("x-amz-meta-owner").build())));
        HttpResponse<String> got = send("GET", "/" + b + "/k", "Origin", "https://anywhere.test");
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(got.headers().firstValue("Access-Control-Expose-Headers")).hasValue("x-amz-meta-owner");
        HttpResponse<String> missing = send("GET", "/" + b + "/absent", "Origin", "https://anywhere.test");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*"); // errors carry them too
        assertThat(send("GET", "/" + b + "/k").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
