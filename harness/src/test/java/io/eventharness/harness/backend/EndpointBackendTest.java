package io.eventharness.harness.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The {@code endpoint} backend: what it finds at a URL and what it offers then. An emulator over HTTP here (the
 * standalone jar in {@code EndpointBackendIT}), and small servers that answer as LocalStack or as something else.
 */
class EndpointBackendTest {

    @Test
    void anEmulatorAtTheEndpointLendsItsClockAndItsTrail() throws Exception {
        try (EmbeddedBackend emulator = new EmbeddedBackend()) {
            URI endpoint = emulator.endpoint().orElseThrow();
            EndpointBackend b = EndpointBackend.connect(endpoint);

            assertThat(b.kind()).isEqualTo(EndpointBackend.Kind.EMULATOR);
            assertThat(b.name()).isEqualTo("endpoint");
            assertThat(b.endpoint()).hasValue(endpoint);
            assertThat(b.region().id()).isEqualTo("us-east-1");
            assertThat(b.hasMovableClock()).isTrue();
            assertThat(b.hasTrail()).isTrue();
            assertThat(b.capabilities().serves("sqs")).isTrue();
            assertThat(b.capabilities().serves("ec2")).isFalse();
            assertThat(b.capabilities().supports(Feature.S3_NOTIFICATIONS)).isTrue();

            long before = clockMillis(endpoint);
            b.advance(Duration.ofMinutes(10));
            assertThat(clockMillis(endpoint) - before).isGreaterThanOrEqualTo(Duration.ofMinutes(10).toMillis());
            assertThat(b.now()).as("the emulator's time, not the wall clock").isAfter(java.time.Instant.now().plus(Duration.ofMinutes(9)));

            try (SnsClient sns = client(SnsClient.builder(), emulator); SqsClient sqs = client(SqsClient.builder(), emulator)) {
                publishToQueue(sns, sqs, "other", "not mine");
                long mark = b.trailMark();
                publishToQueue(sns, sqs, "t1", "{\"order\": 42}");
                publishToQueue(sns, sqs, "t2", "another test's");

                assertThat(b.trailSince(mark, x -> x.contains(":t1-"))).singleElement().asString()
                        .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  sns:Notification  arn:aws:sns:us-east-1:000000000000:t1-alerts -> "
                                + "arn:aws:sqs:us-east-1:000000000000:t1-inbox  \\[delivered]  .*42.*");
                assertThat(b.hopsSince(mark)).as("the same hops as data").filteredOn(h -> h.involves(x -> x.contains(":t1-")))
                        .singleElement().satisfies(h -> {
                    assertThat(h.seq()).isGreaterThan(mark);
                    assertThat(h.kind()).isEqualTo("sns:Notification");
                    assertThat(h.source()).endsWith(":t1-alerts");
                    assertThat(h.target()).endsWith(":t1-inbox");
                    assertThat(h.outcome()).isEqualTo("delivered");
                    assertThat(h.summary()).contains("42");
                    assertThat(h.at()).isAfter(java.time.Instant.now().plus(Duration.ofMinutes(9)));
                });
            }
            b.close();
            assertThat(clockMillis(endpoint)).as("closing the backend leaves the emulator running").isPositive();
        }
    }

    /** A topic {@code <prefix>-alerts} delivering to a queue {@code <prefix>-inbox}, and one message published to it. */
    private static void publishToQueue(SnsClient sns, SqsClient sqs, String prefix, String message) {
        String topic = sns.createTopic(t -> t.name(prefix + "-alerts")).topicArn();
        String url = sqs.createQueue(q -> q.queueName(prefix + "-inbox")).queueUrl();
        String queueArn = sqs.getQueueAttributes(a -> a.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(x -> x.topicArn(topic).protocol("sqs").endpoint(queueArn));
        sns.publish(p -> p.topicArn(topic).message(message));
    }

    private static <B extends AwsClientBuilder<B, C> & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, C>, C> C client(
            B builder, Backend backend) {
        return builder.endpointOverride(backend.endpoint().orElseThrow()).region(backend.region())
                .credentialsProvider(backend.credentials()).httpClient(ApacheHttpClient.create()).build();
    }

    /** The emulated time, read over HTTP. */
    private static long clockMillis(URI endpoint) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(endpoint.resolve("/_harness/clock")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).path("epochMillis").asLong();
    }

    @Test
    void nothingAtTheEndpointIsOneClearMessage() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + port);
        assertThatThrownBy(() -> EndpointBackend.connect(nowhere)).isInstanceOf(BackendUnavailableException.class)
                .hasMessage("harness.endpoint=" + nowhere + ": nothing answers there. Start the emulator (java -jar emulator.jar "
                        + "--port " + port + ") or LocalStack at that address, point harness.endpoint elsewhere, or drop "
                        + "harness.backend=endpoint to run on the embedded backend.");
        assertThat(EndpointBackend.probe(nowhere)).isEmpty();
    }

    @Test
    void localStackIsToldByItsHealthAndHasNeitherClockNorTrail() throws IOException {
        HttpServer server = server(Map.of("/_localstack/health",
                "{\"services\": {\"s3\": \"running\", \"dynamodb\": \"available\", \"kinesis\": \"disabled\"}}"));
        try {
            EndpointBackend b = EndpointBackend.connect(uri(server));
            assertThat(b.kind()).isEqualTo(EndpointBackend.Kind.LOCALSTACK);
            assertThat(b.hasMovableClock()).isFalse();
            assertThat(b.hasTrail()).isFalse();
            assertThat(b.trailMark()).isZero();
            assertThat(b.capabilities().serves("dynamodb")).isTrue();
            assertThat(b.capabilities().serves("kinesis")).isFalse();
            assertThat(b.capabilities().supports(Feature.S3_NOTIFICATIONS)).isTrue();
            assertThatThrownBy(() -> b.advance(Duration.ofMinutes(1))).isInstanceOf(UnsupportedOperationException.class);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anythingElseServesWhatItServesWithoutFeatures() throws IOException {
        HttpServer server = server(Map.of());
        try {
            EndpointBackend b = EndpointBackend.connect(uri(server));
            assertThat(b.kind()).isEqualTo(EndpointBackend.Kind.OTHER);
            assertThat(b.capabilities().features()).isEmpty();
            assertThat(b.capabilities().serves("sqs")).isTrue();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theConfigurationAsksTheEndpointWithoutStartingAnything() {
        try (EmbeddedBackend emulator = new EmbeddedBackend()) {
            BackendConfig c = new BackendConfig("endpoint", BackendConfig.DEFAULT_LOCALSTACK_IMAGE, null, "cfg",
                    emulator.endpoint().orElseThrow().toString());
            assertThat(c.capabilities()).hasValueSatisfying(caps -> assertThat(caps.supports(Feature.CLOCK)).isTrue());
            assertThat(c.create()).isInstanceOf(EndpointBackend.class);
        }
        BackendConfig bad = new BackendConfig("endpoint", BackendConfig.DEFAULT_LOCALSTACK_IMAGE, null, "cfg", "not a url");
        assertThatThrownBy(bad::create).isInstanceOf(BackendUnavailableException.class).hasMessageStartingWith("harness.endpoint='not a url'");
    }

    /** Answers the given paths with 200 and JSON, everything else with 404. */
    private static HttpServer server(Map<String, String> routes) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        s.createContext("/", exchange -> {
            String body = routes.get(exchange.getRequestURI().getPath());
            byte[] bytes = (body == null ? "<Error><Code>NoSuchBucket</Code></Error>" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        s.start();
        return s;
    }

    private static URI uri(HttpServer s) {
        return URI.create("http://127.0.0.1:" + s.getAddress().getPort());
    }
}
