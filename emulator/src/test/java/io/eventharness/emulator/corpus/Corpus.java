package io.eventharness.emulator.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.TestAws;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The checks every bad-input case makes: the right rejection, in time, and a server that still serves. */
final class Corpus {
    /** An answer later than this counts as a hang. */
    static final Duration DEADLINE = Duration.ofSeconds(5);

    private Corpus() {
    }

    /** Sends the raw request; asserts the status, the envelope's content type and code, and the deadline. */
    static RawHttp.Answer assertRejected(HttpClient http, URI endpoint, BadRequest bad, String queueUrl) throws Exception {
        long start = System.nanoTime();
        RawHttp.Answer r = send(http, endpoint, bad, queueUrl);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String shown = new String(r.body(), 0, Math.min(r.body().length, 500), StandardCharsets.UTF_8);

        assertThat(took).as("answered within the deadline").isLessThan(DEADLINE);
        assertThat(r.status()).as("status; body: %s", shown).isEqualTo(bad.status());
        assertThat(r.header("Content-Type")).as("content type").hasValueSatisfying(ct ->
                assertThat(ct).startsWith(bad.envelope().contentType));
        assertThat(bad.envelope().code(r)).as("error code in the %s envelope: %s", bad.envelope(), shown).isEqualTo(bad.code());
        return r;
    }

    /** Through {@code java.net.http}; a request target it refuses (bad percent-encoding) goes over a raw socket. */
    static RawHttp.Answer send(HttpClient http, URI endpoint, BadRequest bad, String queueUrl) throws Exception {
        String target = bad.path().replace(BadRequest.QUEUE, queueUrl);
        byte[] body = bad.bodyFor(queueUrl);
        URI uri;
        try {
            uri = URI.create(endpoint + target);
        } catch (IllegalArgumentException e) {
            return RawHttp.request(endpoint, bad.method(), target, bad.headers(), body, (int) DEADLINE.multipliedBy(2).toMillis());
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(DEADLINE.multipliedBy(2))
                .method(bad.method(), HttpRequest.BodyPublishers.ofByteArray(body));
        bad.headers().forEach(b::header);
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, String> headers = new TreeMap<>();
        r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
        return new RawHttp.Answer(r.statusCode(), headers, r.body());
    }

    /** The server still answers: health and a real SQS round trip through the SDK. */
    static void assertStillServing(String queueUrl) throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(TestAws.emulator().endpoint() + "/_harness/health")).timeout(DEADLINE).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        var sqs = TestAws.sqs();
        sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody("still here"));
        assertThat(sqs.receiveMessage(m -> m.queueUrl(queueUrl)).messages()).singleElement()
                .satisfies(m -> sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
    }
}
