package io.eventharness.emulator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.Emulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The {@code /_harness/} endpoints over HTTP. An emulator of its own: these tests move its clock far
 * enough to disturb other tests' queues.
 */
class AdminRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Emulator aws;
    private static SqsClient sqs;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        aws = Emulator.builder().withDynamicPort().build().start();
        sqs = SqsClient.builder().endpointOverride(aws.endpoint()).region(aws.region()).credentialsProvider(aws.credentials())
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    @AfterAll
    static void stop() {
        sqs.close();
        aws.close();
    }

    @Test
    void healthListsEveryServiceAndItsState() throws Exception {
        HttpResponse<String> r = send("GET", "health", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        JsonNode health = JSON.readTree(r.body());
        assertThat(health.path("status").asText()).isEqualTo("running");
        assertThat(health.path("services").fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(Emulator.SERVICES);
        health.path("services").forEach(state -> assertThat(state.asText()).isEqualTo("running"));
        assertThat(health.path("region").asText()).isEqualTo("us-east-1");
        assertThat(health.path("account").asText()).isEqualTo("000000000000");
        assertThat(health.path("features")).extracting(JsonNode::asText).containsExactlyElementsOf(Emulator.FEATURES)
                .contains("clock", "trail", "settle", "s3-notifications", "sqs-event-source");
    }

    @Test
    void clockShowsTheEmulatedTime() throws Exception {
        JsonNode clock = JSON.readTree(send("GET", "clock", null).body());
        Instant now = Instant.parse(clock.path("now").asText());
        assertThat(now).isBetween(aws.clock().now().minusSeconds(60), aws.clock().now());
        assertThat(clock.path("epochMillis").asLong()).isEqualTo(now.toEpochMilli());
        assertThat(clock.path("offsetSeconds").isNumber()).isTrue();
    }

    @Test
    void advanceMovesTheClockAndRunsWhatFellDueBeforeAnswering() throws Exception {
        AtomicReference<Instant> firedAt = new AtomicReference<>();
        aws.clock().schedule(Duration.ofSeconds(90), () -> firedAt.set(aws.clock().now()));
        long before = JSON.readTree(send("GET", "clock", null).body()).path("epochMillis").asLong();

        HttpResponse<String> r = send("POST", "clock/advance", "{\"seconds\": 90}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(firedAt.get()).as("the due task ran before the answer was sent").isNotNull();
        // The emulated time is 90 s on from where it was (plus the real time the calls took: tests share the
        // emulator, and an advance first lets their asynchronous invocations end). The offset from real time grows
        // by 90 s less that real time, so it is not compared exactly.
        assertThat(JSON.readTree(r.body()).path("epochMillis").asLong()).isGreaterThanOrEqualTo(before + 90_000);
    }

    @Test
    void advanceMakesADelayedSqsMessageVisible() throws Exception {
        String url = sqs.createQueue(b -> b.queueName("admin-delay")).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("later").delaySeconds(600));
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();

        assertThat(send("POST", "clock/advance", "{\"seconds\": 600.5}").statusCode()).isEqualTo(200);

        assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).singleElement()
                .satisfies(m -> assertThat(m.body()).isEqualTo("later"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "{}", "{\"seconds\": \"60\"}", "{\"seconds\": null}", "{\"seconds\": -1}",
            "{\"seconds\": 1e300}", "{\"minutes\": 5}", "{\"seconds\": 60", "\u0000\u00ff\u00fe"})
    void badAdvanceBodiesAre400AndLeaveTheClockAlone(String body) throws Exception {
        double before = aws.clock().offset().toMillis();
        HttpResponse<String> r = send("POST", "clock/advance", body);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("error").asText()).contains("seconds");
        assertThat((double) aws.clock().offset().toMillis()).isEqualTo(before);
    }

    @Test
    void unknownRouteIs404AndWrongMethodIs405() throws Exception {
        HttpResponse<String> missing = send("GET", "nope", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).path("error").asText()).contains("/_harness/nope");

        HttpResponse<String> wrong = send("GET", "clock/advance", null);
        assertThat(wrong.statusCode()).isEqualTo(405);
        assertThat(wrong.headers().firstValue("Allow")).hasValue("POST");
        assertThat(send("DELETE", "health", null).statusCode()).isEqualTo(405);
    }

    @Test
    void trailIsAJsonArray() throws Exception {
        HttpResponse<String> r = send("GET", "trail", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).isArray()).isTrue();
    }

    @Test
    void settledSaysWhatIsPendingAndSettleWaitsForIt() throws Exception {
        JsonNode idle = JSON.readTree(send("GET", "settled", null).body());
        assertThat(idle.path("settled").asBoolean()).isTrue();
        assertThat(idle.path("pending").size()).isZero();

        io.eventharness.emulator.core.Activity.Pending work = aws.clock().activity().begin("a test's own work");
        JsonNode busy = JSON.readTree(send("GET", "settled", null).body());
        assertThat(busy.path("settled").asBoolean()).isFalse();
        assertThat(busy.path("pending").get(0).asText()).isEqualTo("a test's own work");
        HttpResponse<String> late = send("POST", "settle", "{\"timeoutSeconds\": 0.1}");
        assertThat(late.statusCode()).isEqualTo(408);
        assertThat(JSON.readTree(late.body()).path("pending").get(0).asText()).isEqualTo("a test's own work");
        assertThat(JSON.readTree(late.body()).path("error").asText()).contains("did not settle within", "a test's own work");

        Thread closer = new Thread(work::close);
        AtomicReference<HttpResponse<String>> settled = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                settled.set(send("POST", "settle", "{\"timeoutSeconds\": 10}"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        waiter.start();
        closer.start();
        waiter.join();
        assertThat(settled.get().statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(settled.get().body()).path("settled").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "{\"timeoutSeconds\": \"5\"}", "{\"timeoutSeconds\": -1}", "{\"timeoutSeconds\": 601}"})
    void settleRefusesABadBody(String body) throws Exception {
        HttpResponse<String> r = send("POST", "settle", body);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("error").asText()).startsWith("body must be JSON like {\"timeoutSeconds\": 10}");
    }

    @Test
    void trailSinceASequenceNumberAndTheLastOne() throws Exception {
        aws.trail().record("a", "b", "test:hop", "first", "ok");
        long mark = JSON.readTree(send("GET", "trail/last", null).body()).path("seq").asLong();
        aws.trail().record("a", "b", "test:hop", "second", "ok");

        JsonNode after = JSON.readTree(send("GET", "trail?since=" + mark, null).body());
        assertThat(after).singleElement().satisfies(e -> {
            assertThat(e.path("seq").asLong()).isEqualTo(mark + 1);
            assertThat(e.path("summary").asText()).isEqualTo("second");
        });
        assertThat(send("GET", "trail?since=x", null).statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> send(String method, String route, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(aws.endpoint() + AdminRoutes.PREFIX + route))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
