package io.eventharness.emulator.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The standalone emulator as a user runs it: a real process, its output, its exit status. */
class StandaloneMainTest {
    private static final Duration START = Duration.ofSeconds(30); // generous: 2 cores shared with builds
    private static final Duration STOP = Duration.ofSeconds(5);
    private static final int SIGTERM_STATUS = 128 + 15;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void servesHealthAndSdkCallsThenStopsCleanlyOnSigterm() throws Exception {
        try (StandaloneProcess p = StandaloneProcess.start("--port", "0")) {
            URI endpoint = p.awaitReady(START);

            // 'Ready.' means serving: the very first request, sent without any retry, is answered.
            HttpResponse<String> health = get(endpoint.resolve("/_harness/health"));
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
            JsonNode h = JSON.readTree(health.body());
            assertThat(h.path("status").asText()).isEqualTo("running");
            assertThat(h.path("services").path("sqs").asText()).isEqualTo("running");

            try (SqsClient sqs = sqs(endpoint)) {
                String url = sqs.createQueue(b -> b.queueName("standalone")).queueUrl();
                sqs.sendMessage(b -> b.queueUrl(url).messageBody("over the wire"));
                assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages())
                        .singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("over the wire"));
            }

            p.terminate();
            assertThat(p.awaitExit(STOP)).isEqualTo(SIGTERM_STATUS);
            assertThat(String.join("\n", p.stderr())).doesNotContain("Exception").doesNotContain("ERROR");
            assertThat(p.stdout()).as("stdout %s stderr %s", p.stdout(), p.stderr()).containsOnlyOnce("Ready.").last().isEqualTo("Stopped.");
            assertThat(portAcceptsConnections(endpoint)).as("port closed after stop").isFalse();
        }
    }

    @Test
    void hostFlagBindsOnlyThatAddress() throws Exception {
        try (StandaloneProcess p = StandaloneProcess.start("--host", "127.0.0.2", "--port", "0")) {
            URI endpoint = p.awaitReady(START);
            assertThat(endpoint.getHost()).isEqualTo("127.0.0.2");
            assertThat(get(endpoint.resolve("/_harness/health")).statusCode()).isEqualTo(200);
            assertThat(portAcceptsConnections(URI.create("http://127.0.0.1:" + endpoint.getPort()))).isFalse();
        }
    }

    @Test
    void defaultPortIs4566() throws Exception {
        boolean free = portFree(4566);
        try (StandaloneProcess p = StandaloneProcess.start()) {
            if (free) {
                URI endpoint = p.awaitReady(START);
                assertThat(endpoint).isEqualTo(URI.create("http://127.0.0.1:4566"));
                assertThat(get(endpoint.resolve("/_harness/health")).statusCode()).isEqualTo(200);
            } else {
                // Someone else holds 4566 on this machine: then the default must fail with the clear error.
                assertThat(p.awaitExit(START)).isEqualTo(1);
                assertThat(p.stderr()).singleElement().asString().contains("127.0.0.1:4566").contains("in use");
            }
        }
    }

    @Test
    void portInUseIsOneClearLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             StandaloneProcess p = StandaloneProcess.start("--port", String.valueOf(taken.getLocalPort()))) {
            assertThat(p.awaitExit(START)).isEqualTo(1);
            assertThat(p.stdout()).doesNotContain("Ready.");
            assertThat(p.stderr()).singleElement().asString()
                    .startsWith("error: cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .contains("address already in use")
                    .contains("--port 0");
        }
    }

    @Test
    void unknownHostIsOneClearLine() throws Exception {
        try (StandaloneProcess p = StandaloneProcess.start("--host", "no-such-host.invalid", "--port", "0")) {
            assertThat(p.awaitExit(START)).isEqualTo(1);
            assertThat(p.stderr()).singleElement().asString().startsWith("error: ").contains("no-such-host.invalid");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--port abc", "--port 70000", "--port -1", "--port", "--host", "--bogus", "--port --host",
            "--lambda-keep-alive soon", "--lambda-async-workers 0"})
    void badArgumentsExitWithStatus2AndAMessage(String args) throws Exception {
        try (StandaloneProcess p = StandaloneProcess.start(args.split(" "))) {
            assertThat(p.awaitExit(START)).isEqualTo(2);
            assertThat(p.stdout()).doesNotContain("Ready.");
            assertThat(p.stderr()).first().asString().startsWith("error: ");
            assertThat(p.stderr()).anySatisfy(l -> assertThat(l).startsWith("usage: "));
            assertThat(String.join("\n", p.stderr())).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void helpPrintsUsageAndExitsZero() throws Exception {
        try (StandaloneProcess p = StandaloneProcess.start("--help")) {
            assertThat(p.awaitExit(START)).isZero();
            assertThat(p.stdout()).first().asString().startsWith("usage: ");
            assertThat(p.stdout()).anySatisfy(l -> assertThat(l).contains("--port N"));
        }
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static SqsClient sqs(URI endpoint) {
        return SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    private static boolean portAcceptsConnections(URI endpoint) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 2_000);
            return true;
        } catch (ConnectException e) {
            return false;
        }
    }

    private static boolean portFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
