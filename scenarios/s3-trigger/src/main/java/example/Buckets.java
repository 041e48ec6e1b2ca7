package example;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 client the functions share, built once per sandbox (in the init phase, not per invocation). Region,
 * credentials and endpoint come from the environment Lambda sets: {@code AWS_REGION}, the role's credentials, and,
 * on a local backend, {@code AWS_ENDPOINT_URL} (the SDK reads it by itself). Local endpoints ({@code 127.0.0.1}, the
 * emulator's; LocalStack's) need path-style addressing ({@code http://host/bucket/key}): the client forces it
 * whenever an endpoint is set, and leaves AWS's default (virtual-hosted style) otherwise.
 */
final class Buckets {
    static final S3Client S3 = S3Client.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .forcePathStyle(System.getenv("AWS_ENDPOINT_URL") != null)
            .build();

    private Buckets() {
    }

    /** An S3 event's key as stored: events carry it URL-encoded, a space as {@code +}. */
    static String key(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    /** The output bucket, from the function's configuration. */
    static String output() {
        String b = System.getenv("OUTPUT_BUCKET");
        if (b == null || b.isBlank()) {
            throw new IllegalStateException("OUTPUT_BUCKET is not set in the function's environment");
        }
        return b;
    }
}
