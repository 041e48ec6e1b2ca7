package io.eventharness.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.TestAws;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;

/** What S3 clients put on the wire beyond what the Java SDK sends in its defaults: hand-made aws-chunked bodies. */
class S3WireTest {
    private static final S3Client s3 = TestAws.s3();
    private static String bucket;

    @BeforeAll
    static void bucket() {
        bucket = TestAws.unique("wire");
        s3.createBucket(b -> b.bucket(bucket));
    }

    /** {@code hello world} in two signed chunks, then a CRC32 trailer. */
    static byte[] chunked(String crc32) {
        String sig = ";chunk-signature=" + "0".repeat(64);
        return ("5" + sig + "\r\nhello\r\n6" + sig + "\r\n world\r\n0" + sig + "\r\n"
                + "x-amz-checksum-crc32:" + crc32 + "\r\nx-amz-trailer-signature:" + "0".repeat(64) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    static Map<String, String> chunkedHeaders() {
        return Map.of("Content-Encoding", "aws-chunked,gzip", "x-amz-decoded-content-length", "11",
                "x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", "x-amz-trailer", "x-amz-checksum-crc32",
                "x-amz-sdk-checksum-algorithm", "CRC32", "Content-Type", "text/plain");
    }

    @Test
    void awsChunkedBodyWithTrailerChecksum() {
        String crc = S3ObjectTest.crc32("hello world".getBytes(StandardCharsets.US_ASCII));
        RawHttp.Response put = RawHttp.send("PUT", "/" + bucket + "/chunked.txt", "localhost", "us-east-1",
                chunkedHeaders(), chunked(crc));
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.text()).containsIgnoringCase("x-amz-checksum-crc32: " + crc);
        var got = s3.getObjectAsBytes(b -> b.bucket(bucket).key("chunked.txt").checksumMode(ChecksumMode.ENABLED));
        assertThat(got.asUtf8String()).isEqualTo("hello world");
        assertThat(got.response().checksumCRC32()).isEqualTo(crc);
        assertThat(got.response().contentEncoding()).isEqualTo("gzip"); // aws-chunked is not stored
        s3.putObject(b -> b.bucket(bucket).key("encoded").contentEncoding("deflate, gzip"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("x"));
        assertThat(s3.headObject(b -> b.bucket(bucket).key("encoded")).contentEncoding()).isEqualTo("deflate, gzip");
    }

    @Test
    void wrongTrailerChecksumIsBadDigest() {
        RawHttp.Response put = RawHttp.send("PUT", "/" + bucket + "/bad.txt", "localhost", "us-east-1",
                chunkedHeaders(), chunked("AAAAAA=="));
        assertThat(put.status()).isEqualTo(400);
        assertThat(put.body()).contains("<Code>BadDigest</Code>");
        assertThat(RawHttp.send("HEAD", "/" + bucket + "/bad.txt", "localhost", null).status()).isEqualTo(404);
    }

    @Test
    void notModifiedAndHeadErrorsHaveNoBody() {
        String etag = s3.putObject(b -> b.bucket(bucket).key("etag.txt"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("x")).eTag();
        RawHttp.Response notModified = RawHttp.send("GET", "/" + bucket + "/etag.txt", "localhost", "us-east-1",
                Map.of("If-None-Match", etag), new byte[0]);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.text()).containsIgnoringCase("ETag: " + etag).containsIgnoringCase("Last-Modified: ");
        RawHttp.Response head = RawHttp.send("HEAD", "/" + bucket + "/missing", "localhost", null);
        assertThat(head.status()).isEqualTo(404);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void utf8MetadataComesBackAsClientsReadHeaders() {
        // botocore and the SDKs send a header value's bytes as UTF-8 (é is C3 A9) and read the answer's as ISO-8859-1
        RawHttp.Response put = RawHttp.send("PUT", "/" + bucket + "/meta.txt", "localhost", "us-east-1",
                Map.of("x-amz-meta-greeting", "Hello World\u00e9"), "x".getBytes(StandardCharsets.US_ASCII));
        assertThat(put.status()).isEqualTo(200);
        RawHttp.Response head = RawHttp.send("HEAD", "/" + bucket + "/meta.txt", "localhost", null);
        assertThat(head.latin1()).contains("x-amz-meta-greeting: Hello World\u00e9\r\n");
        assertThat(s3.headObject(b -> b.bucket(bucket).key("meta.txt")).metadata()).containsEntry("greeting", "Hello World\u00e9");
    }

    @Test
    void anExpectationOtherThan100ContinueIsIgnored() {
        for (String expect : new String[]{"200", ""}) {
            RawHttp.Response put = RawHttp.send("PUT", "/" + bucket + "/expect.txt", "localhost", "us-east-1",
                    Map.of("Expect", expect), "bar".getBytes(StandardCharsets.US_ASCII));
            assertThat(put.status()).as("Expect: " + expect).isEqualTo(200);
        }
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("expect.txt")).asUtf8String()).isEqualTo("bar");
    }

    @Test
    void aPutWithoutContentLengthIsMissingContentLength() {
        RawHttp.Response put = RawHttp.send("PUT", "/" + bucket + "/no-length.txt", "localhost", "us-east-1", Map.of(),
                new byte[0], false);
        assertThat(put.status()).isEqualTo(411);
        assertThat(put.body()).contains("<Code>MissingContentLength</Code>");
        // a chunked body states its length by its framing
        RawHttp.Response chunked = RawHttp.send("PUT", "/" + bucket + "/chunked-length.txt", "localhost", "us-east-1",
                Map.of("Transfer-Encoding", "chunked"), "3\r\nbar\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII), false);
        assertThat(chunked.status()).isEqualTo(200);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("chunked-length.txt")).asUtf8String()).isEqualTo("bar");
        // other writes need no length (CreateBucket)
        assertThat(RawHttp.send("PUT", "/" + TestAws.unique("nolength"), "localhost", "us-east-1", Map.of(), new byte[0], false)
                .status()).isEqualTo(200);
    }
}
