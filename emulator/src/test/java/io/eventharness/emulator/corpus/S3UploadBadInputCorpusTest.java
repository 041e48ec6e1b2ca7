package io.eventharness.emulator.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.TestAws;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Bad S3 request bodies, sent as raw HTTP: aws-chunked uploads whose framing is broken
 * (sigv4-streaming.html: {@code <hex size>;chunk-signature=<sig>\r\n<data>\r\n}, ending with a
 * zero-size chunk) and DeleteObjects documents S3 refuses (API_DeleteObjects: at most 1000 keys,
 * Content-MD5 or a checksum required). Each must get S3's {@code <Error>} with the right code,
 * promptly; a refused upload stores nothing; the server keeps serving.
 */
class S3UploadBadInputCorpusTest {
    static final String BUCKET = TestAws.unique("upload-corpus").toLowerCase();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String SIG = ";chunk-signature=" + "0".repeat(64) + "\r\n";
    private static String queueUrl;

    @BeforeAll
    static void fixtures() {
        TestAws.s3().createBucket(b -> b.bucket(BUCKET));
        queueUrl = TestAws.sqs().createQueue(b -> b.queueName(TestAws.unique("upload-corpus"))).queueUrl();
    }

    /** A well-framed body of {@code data} in one chunk, with the final chunk and the blank line after it. */
    static String chunked(String data) {
        return Integer.toHexString(data.length()) + SIG + data + "\r\n0" + SIG + "\r\n";
    }

    static Stream<BadRequest> awsChunkedCases() {
        return Stream.of(
                put("chunk-size line not hex", "zz" + SIG + "hello\r\n0" + SIG + "\r\n", 5, "InvalidRequest"),
                put("chunk-size line empty", SIG + "hello\r\n0" + SIG + "\r\n", 5, "InvalidRequest"),
                put("chunk size past 2^31", "ffffffffff" + SIG + "hello\r\n0" + SIG + "\r\n", 5, "InvalidRequest"),
                // the data of a chunk must be followed by CRLF exactly where its size says
                put("chunk shorter than declared", "a" + SIG + "hello\r\n0" + SIG + "\r\n", 10, "InvalidRequest"),
                put("chunk longer than declared", "3" + SIG + "hello\r\n0" + SIG + "\r\n", 3, "InvalidRequest"),
                // the body ending before its framing does
                put("body ends inside a chunk", "a" + SIG + "hello", 10, "IncompleteBody"),
                put("body ends before a chunk's CRLF", "5" + SIG + "hello", 5, "IncompleteBody"),
                put("missing final chunk", "5" + SIG + "hello\r\n", 5, "IncompleteBody"),
                put("empty body", "", 5, "IncompleteBody"),
                put("decoded length larger than the data", chunked("hello"), 6, "IncompleteBody"),
                put("decoded length smaller than the data", chunked("hello"), 4, "IncompleteBody"));
    }

    static Stream<BadRequest> deleteObjectsCases() {
        String keys1001 = IntStream.range(0, 1001).mapToObj(i -> "<Object><Key>k" + i + "</Key></Object>")
                .collect(Collectors.joining("", "<Delete>", "</Delete>"));
        return Stream.of(
                delete("malformed XML", "<Delete><Object><Key>a</Key>", "MalformedXML"),
                delete("not XML at all", "{\"Objects\":[]}", "MalformedXML"),
                delete("wrong root element", "<Nonsense><Object><Key>a</Key></Object></Nonsense>", "MalformedXML"),
                delete("no objects", "<Delete></Delete>", "MalformedXML"),
                delete("Quiet not a boolean", "<Delete><Quiet>maybe</Quiet><Object><Key>a</Key></Object></Delete>", "MalformedXML"),
                delete("a DOCTYPE with entities", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\">"
                        + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><Delete><Object><Key>&b;</Key></Object></Delete>", "MalformedXML"),
                delete("nested 100,000 deep", "<Delete>" + "<Object>".repeat(100_000), "MalformedXML"),
                delete("1001 keys", keys1001, "MalformedXML"),
                s3("DeleteObjects without Content-MD5", "POST", "/" + BUCKET + "?delete", Map.of(),
                        "<Delete><Object><Key>a</Key></Object></Delete>", "InvalidRequest"),
                s3("DeleteObjects with a wrong Content-MD5", "POST", "/" + BUCKET + "?delete",
                        Map.of("Content-MD5", md5("something else")), "<Delete><Object><Key>a</Key></Object></Delete>", "BadDigest"));
    }

    /** A PutObject as the SDK sends it over http: aws-chunked, with the decoded length declared. */
    private static BadRequest put(String name, String body, int decodedLength, String code) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Encoding", "aws-chunked");
        h.put("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
        h.put("x-amz-decoded-content-length", String.valueOf(decodedLength));
        return s3("aws-chunked: " + name, "PUT", "/" + BUCKET + "/" + keyOf(name), h, body, code);
    }

    private static BadRequest delete(String name, String xml, String code) {
        return s3("DeleteObjects: " + name, "POST", "/" + BUCKET + "?delete", Map.of("Content-MD5", md5(xml)), xml, code);
    }

    private static BadRequest s3(String name, String method, String path, Map<String, String> extra, String body, String code) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", BadRequest.sigV4("s3"));
        h.put("x-amz-content-sha256", "UNSIGNED-PAYLOAD");
        h.putAll(extra);
        return new BadRequest("restXml: " + name, method, path, h, body.getBytes(StandardCharsets.UTF_8), 400, Envelope.REST_XML, code);
    }

    static String keyOf(String rowName) {
        return rowName.replaceAll("[^A-Za-z0-9]+", "-");
    }

    static String md5(String body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aWellFramedChunkedUploadIsStored() throws Exception {
        BadRequest good = put("well framed", chunked("hello"), 5, null);
        RawHttp.Answer a = Corpus.send(HTTP, TestAws.emulator().endpoint(), good, queueUrl);
        assertThat(a.status()).as("the framing the rows break is otherwise accepted").isEqualTo(200);
        assertThat(TestAws.s3().getObjectAsBytes(b -> b.bucket(BUCKET).key(keyOf("well framed"))).asUtf8String())
                .isEqualTo("hello");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"awsChunkedCases", "deleteObjectsCases"})
    void answersWithS3sErrorStoresNothingAndKeepsServing(BadRequest bad) throws Exception {
        Corpus.assertRejected(HTTP, TestAws.emulator().endpoint(), bad, queueUrl);
        if (bad.method().equals("PUT")) {
            String key = bad.path().substring(bad.path().lastIndexOf('/') + 1);
            assertThatThrownBy(() -> TestAws.s3().headObject(b -> b.bucket(BUCKET).key(key))).isInstanceOf(NoSuchKeyException.class);
        }
        Corpus.assertStillServing(queueUrl);
    }
}
