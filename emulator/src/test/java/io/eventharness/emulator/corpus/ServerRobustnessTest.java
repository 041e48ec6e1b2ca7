package io.eventharness.emulator.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.TestAws;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What must not take the server down or hang it: bytes that are not HTTP, bodies far over a
 * service's limit, lies about Content-Length, idle half-sent requests. After each, the server serves.
 */
class ServerRobustnessTest {
    private static final int TIMEOUT_MILLIS = (int) Corpus.DEADLINE.toMillis();
    private static URI endpoint;
    private static String queueUrl;

    @BeforeAll
    static void queue() {
        endpoint = TestAws.emulator().endpoint();
        queueUrl = TestAws.sqs().createQueue(b -> b.queueName(TestAws.unique("robust"))).queueUrl();
    }

    @Test
    void bytesThatAreNotHttp() throws Exception {
        assertRefusedOrClosed(BadInputCorpusTest.garbage(64 * 1024));
        assertRefusedOrClosed(new byte[]{0x16, 0x03, 0x01, 0x00, (byte) 0xA5, 0x01, 0x00, 0x00, (byte) 0xA1, 0x03, 0x03}); // a TLS ClientHello
        // An unknown HTTP version gets HTTP's own answer for it, 505 Version Not Supported.
        RawHttp.Answer version = RawHttp.parse(RawHttp.exchange(endpoint,
                "GET / HTTP/9.9\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), TIMEOUT_MILLIS));
        assertThat(version.status()).isEqualTo(505);
        assertRefusedOrClosed("\r\n\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        Corpus.assertStillServing(queueUrl);
    }

    @Test
    void brokenHttp2AfterThePreface() throws Exception {
        byte[] preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = BadInputCorpusTest.bytes(preface, BadInputCorpusTest.garbage(1024));
        byte[] answer = RawHttp.exchange(endpoint, bytes, TIMEOUT_MILLIS); // returns once the server closes
        assertThat(answer.length).as("a SETTINGS and a GOAWAY at most").isLessThan(1024);
        Corpus.assertStillServing(queueUrl);
    }

    @Test
    void sqsBodyFarOverTheLimit() throws Exception {
        HttpResponse<String> five = sendMessageOf(5 * 1024 * 1024);
        assertThat(five.statusCode()).isEqualTo(400);
        assertThat(five.body()).contains("InvalidParameterValue").contains("1048576");
        // The JSON parser caps no string (a Lambda ZipFile of 50 MB is 70 MB of base64): SQS's own limit answers.
        HttpResponse<String> thirty = sendMessageOf(30 * 1024 * 1024);
        assertThat(thirty.statusCode()).isEqualTo(400);
        assertThat(thirty.body()).contains("InvalidParameterValue").contains("1048576");
        Corpus.assertStillServing(queueUrl);
    }

    private static HttpResponse<String> sendMessageOf(int size) throws Exception {
        String body = "{\"QueueUrl\":\"" + queueUrl + "\",\"MessageBody\":\"" + "x".repeat(size) + "\"}";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint)
                .timeout(Corpus.DEADLINE.multipliedBy(2))
                .header("Authorization", BadRequest.sigV4("sqs"))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "AmazonSQS.SendMessage")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void declaredBodyBeyondAnyLimitIsRefusedUnread() throws Exception {
        String head = "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.0\r\n"
                + "X-Amz-Target: AmazonSQS.SendMessage\r\nContent-Length: 5000000000\r\n\r\n";
        RawHttp.Answer a = RawHttp.parse(RawHttp.exchange(endpoint, head.getBytes(StandardCharsets.ISO_8859_1), TIMEOUT_MILLIS));
        assertThat(a.status()).isEqualTo(413);
        Corpus.assertStillServing(queueUrl);
    }

    @Test
    void bodyShorterThanItsContentLength() throws Exception {
        String head = "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.0\r\n"
                + "X-Amz-Target: AmazonSQS.ListQueues\r\nContent-Length: 1000\r\n\r\n{\"Queue";
        // The client gives up half-way (half-close): the server must notice the early end, not wait for the rest.
        byte[] answer = RawHttp.exchange(endpoint, head.getBytes(StandardCharsets.ISO_8859_1), TIMEOUT_MILLIS);
        if (answer.length > 0) {
            assertThat(RawHttp.parse(answer).status()).isBetween(400, 499);
        }
        Corpus.assertStillServing(queueUrl);
    }

    @Test
    void headersTooLarge() throws Exception {
        String head = "GET /_harness/health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(200 * 1024) + "\r\n\r\n";
        RawHttp.Answer a = RawHttp.parse(RawHttp.exchange(endpoint, head.getBytes(StandardCharsets.ISO_8859_1), TIMEOUT_MILLIS));
        assertThat(a.status()).isEqualTo(431);
        Corpus.assertStillServing(queueUrl);
    }

    @Test
    void idleHalfSentRequestsDoNotStarveOthers() throws Exception {
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), TIMEOUT_MILLIS);
                OutputStream o = s.getOutputStream();
                o.write(("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{").getBytes(StandardCharsets.ISO_8859_1));
                o.flush();
                idle.add(s);
            }
            long start = System.nanoTime();
            Corpus.assertStillServing(queueUrl);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Corpus.DEADLINE);
        } finally {
            for (Socket s : idle) {
                closeQuietly(s);
            }
        }
        Corpus.assertStillServing(queueUrl);
    }

    /** The server answers with a 4xx and/or closes the connection, within the deadline. */
    private static void assertRefusedOrClosed(byte[] bytes) throws IOException {
        byte[] answer = RawHttp.exchange(endpoint, bytes, TIMEOUT_MILLIS);
        if (answer.length > 0) {
            String text = new String(answer, StandardCharsets.ISO_8859_1);
            assertThat(text).as("answer to non-HTTP bytes").matches("(?s)HTTP/1\\.1 4\\d\\d .*");
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
