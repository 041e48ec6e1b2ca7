package io.eventharness.emulator.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;

/**
 * The bytes an unmodified SDK client puts on the wire for a request object, without sending them: the client's
 * HTTP client is one that records the request and fails the call. So a valid request of every operation comes
 * from the SDK's own marshallers (awsJson, CBOR, query, restJson, restXml; signed, with its content type and
 * target), and the corpus mutates those bytes.
 */
final class WireCapture implements SdkHttpClient {
    /** Headers the raw connection sets itself, or that would make the server wait ({@code Expect}). */
    private static final Set<String> DROPPED = Set.of("host", "content-length", "expect", "transfer-encoding", "connection");

    /** A request as the SDK would send it: method, raw target (path and query), headers, body. */
    record Wire(String method, String target, Map<String, String> headers, byte[] body) {
        Wire with(String newTarget, Map<String, String> newHeaders, byte[] newBody) {
            return new Wire(method, newTarget, newHeaders, newBody);
        }

        String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }

        String query() {
            int q = target.indexOf('?');
            return q < 0 ? "" : target.substring(q + 1);
        }
    }

    private Wire last;

    /** A sync client of {@code builder}'s kind that records instead of sending. */
    static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder, URI endpoint, WireCapture capture) {
        return builder.endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(capture)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** What {@code client} would send for {@code request}, through its method {@code operation} (lower camel case). */
    Wire capture(Object client, Method operation, SdkRequest request) {
        last = null;
        try {
            operation.invoke(client, request);
        } catch (InvocationTargetException expected) {
            // the call fails once captured (or before, when the SDK refuses the request itself)
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return last;
    }

    /** The same, for an operation that takes a body besides its request (S3's PutObject and UploadPart). */
    Wire captureWithBody(Object client, Method operation, SdkRequest request, Object body) {
        last = null;
        try {
            operation.invoke(client, request, body);
        } catch (InvocationTargetException expected) {
            // as above
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return last;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        SdkHttpRequest r = request.httpRequest();
        byte[] body = request.contentStreamProvider().map(p -> {
            try (InputStream in = p.newStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse(new byte[0]);
        Map<String, String> headers = new LinkedHashMap<>();
        r.forEachHeader((name, values) -> {
            if (!DROPPED.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, String.join(",", values));
            }
        });
        String target = r.encodedPath().isEmpty() ? "/" : r.encodedPath();
        StringBuilder query = new StringBuilder();
        r.forEachRawQueryParameter((k, values) -> appendQuery(query, k, values));
        last = new Wire(r.method().name(), query.length() == 0 ? target : target + "?" + query, headers, body);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                throw new IOException("captured, not sent");
            }

            @Override
            public void abort() {
            }
        };
    }

    private static void appendQuery(StringBuilder query, String key, List<String> values) {
        for (String v : values.isEmpty() ? java.util.Collections.<String>singletonList(null) : values) {
            query.append(query.length() == 0 ? "" : "&").append(encode(key));
            if (v != null) {
                query.append('=').append(encode(v));
            }
        }
    }

    /** RFC 3986 percent-encoding, as SigV4 encodes query strings. */
    static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    @Override
    public String clientName() {
        return "wire-capture";
    }

    @Override
    public void close() {
    }
}
