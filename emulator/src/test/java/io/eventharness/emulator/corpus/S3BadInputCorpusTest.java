package io.eventharness.emulator.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.TestAws;
import io.eventharness.emulator.http.JettyServer;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input for restXml (S3), sent as raw HTTP: each must get S3's {@code <Error>} document with the
 * right code and status, promptly, and leave the server serving. The corpus is the table below.
 */
class S3BadInputCorpusTest {
    static final String BUCKET = TestAws.unique("corpus").toLowerCase();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static String queueUrl;

    @BeforeAll
    static void fixtures() {
        var s3 = TestAws.s3();
        s3.createBucket(b -> b.bucket(BUCKET));
        s3.putObject(b -> b.bucket(BUCKET).key("ten.txt"), software.amazon.awssdk.core.sync.RequestBody.fromString("0123456789"));
        queueUrl = TestAws.sqs().createQueue(b -> b.queueName(TestAws.unique("s3-corpus"))).queueUrl();
    }

    static Stream<BadRequest> restXmlCases() {
        String b = "/" + BUCKET;
        return Stream.of(
                s3("notification config: malformed XML", "PUT", b + "?notification", Map.of(),
                        "<NotificationConfiguration><QueueConfiguration>", 400, "MalformedXML"),
                s3("notification config: not XML at all", "PUT", b + "?notification", Map.of(), "{\"json\": true}", 400, "MalformedXML"),
                s3("notification config: wrong root element", "PUT", b + "?notification", Map.of(),
                        "<Nonsense xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"/>", 400, "MalformedXML"),
                s3("notification config: destination queue that does not exist", "PUT", b + "?notification", Map.of(),
                        "<NotificationConfiguration><QueueConfiguration><Queue>arn:aws:sqs:us-east-1:000000000000:absent</Queue>"
                                + "<Event>s3:ObjectCreated:*</Event></QueueConfiguration></NotificationConfiguration>", 400, "InvalidArgument"),
                s3("notification config: unknown event", "PUT", b + "?notification", Map.of(),
                        "<NotificationConfiguration><QueueConfiguration><Queue>arn:aws:sqs:us-east-1:000000000000:absent</Queue>"
                                + "<Event>s3:NoSuchEvent</Event></QueueConfiguration></NotificationConfiguration>", 400, "InvalidArgument"),
                s3("range past the end", "GET", b + "/ten.txt", Map.of("Range", "bytes=100-200"), "", 416, "InvalidRange"),
                s3("bucket name with capitals and underscore", "PUT", "/Bad_Bucket", Map.of(), "", 400, "InvalidBucketName"),
                s3("create bucket: malformed configuration XML", "PUT", "/" + TestAws.unique("cfg").toLowerCase(), Map.of(),
                        "<CreateBucketConfiguration><LocationConstraint>", 400, "MalformedXML"),
                s3("object in a bucket that does not exist", "GET", b + "-absent/k", Map.of(), "", 404, "NoSuchBucket"),
                s3("complete an upload that does not exist", "POST", b + "/k?uploadId=nope", Map.of(),
                        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>\"x\"</ETag></Part></CompleteMultipartUpload>",
                        404, "NoSuchUpload"),
                // refused by the HTTP layer before routing: it was Jetty's HTML page
                s3("malformed percent-encoding in the path", "GET", b + "/%zz", Map.of(), "", 400, "InvalidURI"),
                s3("encoded NUL in the path", "GET", b + "/a%00b", Map.of(), "", 400, "InvalidURI"),
                // an error member the operation left empty was a 500 when written
                s3("notification config: filter rule without a name", "PUT", b + "?notification", Map.of(),
                        "<NotificationConfiguration><QueueConfiguration><Queue>arn:aws:sqs:us-east-1:000000000000:absent</Queue>"
                                + "<Event>s3:ObjectCreated:*</Event><Filter><S3Key><FilterRule><Value>x</Value></FilterRule></S3Key>"
                                + "</Filter></QueueConfiguration></NotificationConfiguration>", 400, "InvalidArgument"),
                // an error quoting a control character was XML no client could read
                s3("control character in an integer parameter", "GET", b + "?list-type=2&max-keys=%01", Map.of(), "", 400, null),
                s3("malformed percent-encoding in the query", "GET", b + "?prefix=%zz&list-type=2", Map.of(), "", 400, null));
    }

    /** A SigV4-signed S3 request (path style); a null code accepts any code in a well-formed S3 error. */
    private static BadRequest s3(String name, String method, String path, Map<String, String> extra, String body, int status, String code) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", BadRequest.sigV4("s3"));
        h.put("x-amz-content-sha256", "UNSIGNED-PAYLOAD");
        h.putAll(extra);
        return new BadRequest("restXml: " + name, method, path, h, body.getBytes(StandardCharsets.UTF_8), status, Envelope.REST_XML, code);
    }

    /**
     * A HEAD whose target the HTTP layer refuses gets a status and headers and no body, and says it closes the
     * connection: the HTML page it sent before was read by a keep-alive client as the answer to its next request.
     */
    @Test
    void aRefusedHeadLeavesNothingForTheNextRequest() throws Exception {
        Map<String, String> h = Map.of("Authorization", BadRequest.sigV4("s3"), "x-amz-content-sha256", "UNSIGNED-PAYLOAD");
        var endpoint = TestAws.emulator().endpoint();
        try (KeepAlive connection = new KeepAlive(endpoint.getHost(), endpoint.getPort(), (int) Corpus.DEADLINE.toMillis())) {
            RawHttp.Answer refused = connection.send("HEAD", "/" + BUCKET + "/%zz", h, new byte[0]);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.header("Connection")).hasValue("close");
            RawHttp.Answer next = connection.send("GET", "/" + BUCKET + "/ten.txt", h, new byte[0]);
            assertThat(next.status()).isEqualTo(200);
            assertThat(new String(next.body(), StandardCharsets.UTF_8)).isEqualTo("0123456789");
        }
    }

    /** A body over the emulator's limit is refused in S3's envelope by its Content-Length, before a byte of it is read. */
    @Test
    void aBodyOverTheLimitIsEntityTooLarge() throws Exception {
        Map<String, String> h = Map.of("Authorization", BadRequest.sigV4("s3"), "x-amz-content-sha256", "UNSIGNED-PAYLOAD",
                "Content-Length", Long.toString(JettyServer.MAX_BODY + 1));
        var endpoint = TestAws.emulator().endpoint();
        try (KeepAlive connection = new KeepAlive(endpoint.getHost(), endpoint.getPort(), (int) Corpus.DEADLINE.toMillis())) {
            RawHttp.Answer a = connection.send("PUT", "/" + BUCKET + "/huge", h, new byte[0]);
            assertThat(a.status()).isEqualTo(400);
            assertThat(Envelope.REST_XML.code(a)).isEqualTo("EntityTooLarge");
            assertThat(a.header("Connection")).hasValue("close");
        }
        assertThat(TestAws.s3().listObjectsV2(b -> b.bucket(BUCKET).prefix("huge")).contents()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("restXmlCases")
    void answersWithS3sErrorAndKeepsServing(BadRequest bad) throws Exception {
        if (bad.code() == null) {
            RawHttp.Answer a = Corpus.send(HTTP, TestAws.emulator().endpoint(), bad, queueUrl);
            assertThat(a.status()).isEqualTo(bad.status());
            assertThat(Envelope.REST_XML.code(a)).isNotBlank();
        } else {
            Corpus.assertRejected(HTTP, TestAws.emulator().endpoint(), bad, queueUrl);
        }
        Corpus.assertStillServing(queueUrl);
    }
}
