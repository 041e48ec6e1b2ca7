package io.eventharness.harness.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.eventharness.emulator.Emulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code endpoint} backend: what it finds at a URL and what it offers then. An emulator over HTTP here (the
 * standalone jar in {@code EndpointBackendIT}), and small servers that answer as LocalStack or as something else.
 */
class EndpointBackendTest {

    @Test
    void anEmulatorAtTheEndpointLendsItsClockAndItsTrail() {
        try (Emulator emulator = Emulator.builder().withDynamicPort().build().start()) {
            EndpointBackend b = EndpointBackend.connect(emulator.endpoint());

            assertThat(b.kind()).isEqualTo(EndpointBackend.Kind.EMULATOR);
            assertThat(b.name()).isEqualTo("endpoint");
            assertThat(b.endpoint()).hasValue(emulator.endpoint());
            assertThat(b.region().id()).isEqualTo("us-east-1");
            assertThat(b.hasMovableClock()).isTrue();
            assertThat(b.hasTrail()).isTrue();
            assertThat(b.capabilities().serves("sqs")).isTrue();
            assertThat(b.capabilities().serves("dynamodb")).isFalse();
            assertThat(b.capabilities().supports(Feature.S3_NOTIFICATIONS)).isFalse();

            long before = emulator.clock().millis();
            b.advance(Duration.ofMinutes(10));
            assertThat(emulator.clock().millis() - before).isGreaterThanOrEqualTo(Duration.ofMinutes(10).toMillis());

            emulator.trail().record("arn:aws:sns:us-east-1:000000000000:other", "x", "sns:Publish", "not mine", "ok");
            long mark = b.trailMark();
            emulator.trail().record("arn:aws:sns:us-east-1:000000000000:t1-alerts", "arn:aws:sqs:us-east-1:000000000000:t1-inbox",
                    "sns:Publish", "{\"order\": 42}", "ok");
            emulator.trail().record("arn:aws:sns:us-east-1:000000000000:t2-alerts", "y", "sns:Publish", "another test's", "ok");

            assertThat(b.trailSince(mark, s -> s.contains(":t1-"))).singleElement().asString()
                    .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  sns:Publish  arn:aws:sns:us-east-1:000000000000:t1-alerts -> "
                            + "arn:aws:sqs:us-east-1:000000000000:t1-inbox  \\[ok]  \\{\"order\": 42}");
            b.close();
            assertThat(emulator.endpoint()).as("closing the backend leaves the emulator running").isNotNull();
        }
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
        try (Emulator emulator = Emulator.builder().withDynamicPort().build().start()) {
            BackendConfig c = new BackendConfig("endpoint", BackendConfig.DEFAULT_LOCALSTACK_IMAGE, null, "cfg",
                    emulator.endpoint().toString());
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
