package io.eventharness.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.TestAws;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3ObjectTest {
    private static final S3Client s3 = TestAws.s3();
    private static final S3AsyncClient async = TestAws.s3Async();
    private static String bucket;

    @BeforeAll
    static void bucket() {
        bucket = TestAws.unique("objects");
        s3.createBucket(b -> b.bucket(bucket));
    }

    static void assertS3Error(Throwable t, int status, String code) {
        Throwable e = t.getCause() instanceof S3Exception ? t.getCause() : t;
        assertThat(e).isInstanceOf(S3Exception.class);
        assertThat(((S3Exception) e).statusCode()).isEqualTo(status);
        if (code != null) {
            assertThat(((S3Exception) e).awsErrorDetails().errorCode()).isEqualTo(code);
        }
    }

    static String crc32(byte[] data) {
        CRC32 c = new CRC32();
        c.update(data);
        return Base64.getEncoder().encodeToString(java.nio.ByteBuffer.allocate(4).putInt((int) c.getValue()).array());
    }

    @Test
    void putGetHeadDeleteWithHeadersAndMetadata() {
        Instant expires = Instant.parse("2030-01-02T03:04:05Z");
        var put = s3.putObject(b -> b.bucket(bucket).key("a.txt").contentType("text/plain").metadata(Map.of("Color", "blue"))
                        .cacheControl("max-age=60").contentDisposition("attachment; filename=a.txt").contentLanguage("en")
                        .contentEncoding("identity").expires(expires),
                RequestBody.fromString("hello world"));
        assertThat(put.eTag()).isEqualTo("\"5eb63bbbe01eeed093cb22bb8f5acdc3\"");
        var got = s3.getObjectAsBytes(b -> b.bucket(bucket).key("a.txt"));
        assertThat(got.asString(StandardCharsets.UTF_8)).isEqualTo("hello world");
        var meta = got.response();
        assertThat(meta.contentType()).isEqualTo("text/plain");
        assertThat(meta.metadata()).containsExactly(Map.entry("color", "blue"));
        assertThat(meta.cacheControl()).isEqualTo("max-age=60");
        assertThat(meta.contentDisposition()).isEqualTo("attachment; filename=a.txt");
        assertThat(meta.contentLanguage()).isEqualTo("en");
        assertThat(meta.contentEncoding()).isEqualTo("identity");
        assertThat(meta.expires()).isEqualTo(expires);
        assertThat(meta.eTag()).isEqualTo(put.eTag());
        assertThat(meta.lastModified()).isNotNull();
        var head = s3.headObject(b -> b.bucket(bucket).key("a.txt"));
        assertThat(head.contentLength()).isEqualTo(11L);
        assertThat(head.metadata()).containsEntry("color", "blue");
        assertThat(head.eTag()).isEqualTo(put.eTag());
        var overridden = s3.getObjectAsBytes(b -> b.bucket(bucket).key("a.txt").responseContentType("application/json")
                .responseCacheControl("no-cache"));
        assertThat(overridden.response().contentType()).isEqualTo("application/json");
        assertThat(overridden.response().cacheControl()).isEqualTo("no-cache");

        s3.deleteObject(b -> b.bucket(bucket).key("a.txt"));
        s3.deleteObject(b -> b.bucket(bucket).key("a.txt")); // deleting a missing key succeeds
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("a.txt"))).isInstanceOf(NoSuchKeyException.class);
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket(bucket).key("a.txt"))).isInstanceOf(NoSuchKeyException.class);
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket("no-such-bucket-x1").key("k"), RequestBody.fromString("x")))
                .isInstanceOf(NoSuchBucketException.class);
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("no-such-bucket-x1").key("k")))
                .isInstanceOf(NoSuchBucketException.class);
    }

    @Test
    void defaultContentTypeAndEmptyObject() {
        s3.putObject(b -> b.bucket(bucket).key("empty"), RequestBody.empty());
        var got = s3.getObjectAsBytes(b -> b.bucket(bucket).key("empty"));
        assertThat(got.asByteArray()).isEmpty();
        assertThat(got.response().eTag()).isEqualTo("\"d41d8cd98f00b204e9800998ecf8427e\"");
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("empty").range("bytes=0-")))
                .satisfies(e -> assertS3Error(e, 416, "InvalidRange"));
    }

    @Test
    void asyncNettyPutAndGet() {
        byte[] data = new byte[300_000];
        new java.util.Random(7).nextBytes(data);
        var put = async.putObject(b -> b.bucket(bucket).key("async.bin"), AsyncRequestBody.fromBytes(data)).join();
        assertThat(put.checksumCRC32()).isEqualTo(crc32(data));
        var got = async.getObject(b -> b.bucket(bucket).key("async.bin"), AsyncResponseTransformer.toBytes()).join();
        assertThat(got.asByteArray()).isEqualTo(data);
        var ranged = async.getObject(b -> b.bucket(bucket).key("async.bin").range("bytes=100-199"),
                AsyncResponseTransformer.toBytes()).join();
        assertThat(ranged.asByteArray()).isEqualTo(java.util.Arrays.copyOfRange(data, 100, 200));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("async.bin")).asByteArray()).isEqualTo(data);
    }

    @Test
    void ranges() {
        s3.putObject(b -> b.bucket(bucket).key("digits"), RequestBody.fromString("0123456789"));
        var mid = s3.getObjectAsBytes(b -> b.bucket(bucket).key("digits").range("bytes=2-5"));
        assertThat(mid.asUtf8String()).isEqualTo("2345");
        assertThat(mid.response().contentRange()).isEqualTo("bytes 2-5/10");
        assertThat(mid.response().contentLength()).isEqualTo(4L);
        assertThat(mid.response().checksumCRC32()).isNull(); // never a full-object checksum for a part
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("digits").range("bytes=7-")).asUtf8String()).isEqualTo("789");
        var suffix = s3.getObjectAsBytes(b -> b.bucket(bucket).key("digits").range("bytes=-3"));
        assertThat(suffix.asUtf8String()).isEqualTo("789");
        assertThat(suffix.response().contentRange()).isEqualTo("bytes 7-9/10");
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("digits").range("bytes=8-100")).asUtf8String()).isEqualTo("89");
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("digits").range("bytes=-50")).asUtf8String()).isEqualTo("0123456789");
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("digits").range("bytes=5-2")).asUtf8String()).isEqualTo("0123456789");
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("digits").range("bytes=10-")))
                .satisfies(e -> assertS3Error(e, 416, "InvalidRange"));
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("digits").range("bytes=-0")))
                .satisfies(e -> assertS3Error(e, 416, "InvalidRange"));
    }

    @Test
    void conditionalReads() {
        String etag = s3.putObject(b -> b.bucket(bucket).key("cond"), RequestBody.fromString("v1")).eTag();
        Instant modified = s3.headObject(b -> b.bucket(bucket).key("cond")).lastModified();
        Instant before = modified.minusSeconds(60);
        Instant after = modified.plusSeconds(60);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("cond").ifMatch(etag)).asUtf8String()).isEqualTo("v1");
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("cond").ifMatch("\"other\"")))
                .satisfies(e -> assertS3Error(e, 412, "PreconditionFailed"));
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("cond").ifNoneMatch(etag)))
                .satisfies(e -> assertS3Error(e, 304, null));
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket(bucket).key("cond").ifNoneMatch(etag)))
                .satisfies(e -> assertS3Error(e, 304, null));
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("cond").ifModifiedSince(after)))
                .satisfies(e -> assertS3Error(e, 304, null));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("cond").ifModifiedSince(before)).asUtf8String()).isEqualTo("v1");
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("cond").ifUnmodifiedSince(before)))
                .satisfies(e -> assertS3Error(e, 412, "PreconditionFailed"));
        // If-Match true wins over If-Unmodified-Since false; If-None-Match true wins over If-Modified-Since false
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("cond").ifMatch(etag).ifUnmodifiedSince(before))
                .asUtf8String()).isEqualTo("v1");
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("cond").ifNoneMatch("\"other\"").ifModifiedSince(after))
                .asUtf8String()).isEqualTo("v1");
        // If-None-Match false with If-Modified-Since true: 304
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("cond").ifNoneMatch(etag).ifModifiedSince(before)))
                .satisfies(e -> assertS3Error(e, 304, null));
    }

    @Test
    void conditionalWrites() {
        s3.putObject(b -> b.bucket(bucket).key("once").ifNoneMatch("*"), RequestBody.fromString("first"));
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(bucket).key("once").ifNoneMatch("*"), RequestBody.fromString("second")))
                .satisfies(e -> assertS3Error(e, 412, "PreconditionFailed"));
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(bucket).key("once").ifMatch("\"nope\""), RequestBody.fromString("x")))
                .satisfies(e -> assertS3Error(e, 412, "PreconditionFailed"));
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(bucket).key("never").ifMatch("\"nope\""), RequestBody.fromString("x")))
                .isInstanceOf(NoSuchKeyException.class);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("once")).asUtf8String()).isEqualTo("first");
    }

    @Test
    void checksums() {
        byte[] data = "checksummed".getBytes(StandardCharsets.UTF_8);
        var put = s3.putObject(b -> b.bucket(bucket).key("crc"), RequestBody.fromBytes(data));
        assertThat(put.checksumCRC32()).isEqualTo(crc32(data));
        var got = s3.getObjectAsBytes(b -> b.bucket(bucket).key("crc").checksumMode(ChecksumMode.ENABLED));
        assertThat(got.response().checksumCRC32()).isEqualTo(crc32(data));
        assertThat(got.response().checksumTypeAsString()).isEqualTo("FULL_OBJECT");
        assertThat(s3.headObject(b -> b.bucket(bucket).key("crc").checksumMode(ChecksumMode.ENABLED)).checksumCRC32())
                .isEqualTo(crc32(data));

        var sha = s3.putObject(b -> b.bucket(bucket).key("sha").checksumAlgorithm(ChecksumAlgorithm.SHA256), RequestBody.fromBytes(data));
        assertThat(sha.checksumSHA256()).isNotNull();
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("sha").checksumMode(ChecksumMode.ENABLED)).response()
                .checksumSHA256()).isEqualTo(sha.checksumSHA256());
        var c = s3.putObject(b -> b.bucket(bucket).key("crc32c").checksumAlgorithm(ChecksumAlgorithm.CRC32_C), RequestBody.fromBytes(data));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("crc32c").checksumMode(ChecksumMode.ENABLED)).response().checksumCRC32C()).isEqualTo(c.checksumCRC32C());

        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(bucket).key("bad-crc").checksumCRC32(crc32("other".getBytes())),
                RequestBody.fromBytes(data))).satisfies(e -> assertS3Error(e, 400, "BadDigest"));
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(bucket).key("bad-md5")
                        .contentMD5(Base64.getEncoder().encodeToString(new byte[16])), RequestBody.fromBytes(data)))
                .satisfies(e -> assertS3Error(e, 400, "BadDigest"));
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(bucket).key("bad-md5").contentMD5("not-base64!"),
                RequestBody.fromBytes(data))).satisfies(e -> assertS3Error(e, 400, "InvalidDigest"));
        String md5 = Base64.getEncoder().encodeToString(md5(data));
        s3.putObject(b -> b.bucket(bucket).key("good-md5").contentMD5(md5), RequestBody.fromBytes(data));
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket(bucket).key("bad-crc"))).isInstanceOf(NoSuchKeyException.class);
    }

    static byte[] md5(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("MD5").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void copyObject() {
        s3.putObject(b -> b.bucket(bucket).key("src/file one.txt").contentType("text/plain").metadata(Map.of("a", "1")),
                RequestBody.fromString("copy me"));
        String other = TestAws.unique("copy-target");
        s3.createBucket(b -> b.bucket(other));
        var copied = s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("src/file one.txt")
                .destinationBucket(other).destinationKey("dst+1.txt"));
        assertThat(copied.copyObjectResult().eTag()).isEqualTo("\"" + java.util.HexFormat.of().formatHex(md5("copy me".getBytes())) + "\"");
        assertThat(copied.copyObjectResult().lastModified()).isNotNull();
        var got = s3.getObjectAsBytes(b -> b.bucket(other).key("dst+1.txt"));
        assertThat(got.asUtf8String()).isEqualTo("copy me");
        assertThat(got.response().metadata()).containsEntry("a", "1");
        assertThat(got.response().contentType()).isEqualTo("text/plain");

        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("src/file one.txt").destinationBucket(bucket)
                .destinationKey("src/file one.txt").metadataDirective(MetadataDirective.REPLACE)
                .contentType("application/x-new").metadata(Map.of("b", "2")));
        var replaced = s3.headObject(b -> b.bucket(bucket).key("src/file one.txt"));
        assertThat(replaced.metadata()).containsExactly(Map.entry("b", "2"));
        assertThat(replaced.contentType()).isEqualTo("application/x-new");

        assertThatThrownBy(() -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("src/file one.txt")
                .destinationBucket(bucket).destinationKey("src/file one.txt")))
                .satisfies(e -> assertS3Error(e, 400, "InvalidRequest"));
        assertThatThrownBy(() -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("missing")
                .destinationBucket(bucket).destinationKey("x"))).isInstanceOf(NoSuchKeyException.class);
        assertThatThrownBy(() -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("src/file one.txt")
                .destinationBucket(bucket).destinationKey("y").copySourceIfMatch("\"nope\"")))
                .satisfies(e -> assertS3Error(e, 412, "PreconditionFailed"));
        assertThatThrownBy(() -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("src/file one.txt")
                .destinationBucket(bucket).destinationKey("y").copySourceIfModifiedSince(replaced.lastModified().plus(Duration.ofDays(1)))))
                .satisfies(e -> assertS3Error(e, 412, "PreconditionFailed"));
    }

    @Test
    void deleteObjects() {
        for (String k : new String[]{"d/1", "d/2", "d/3"}) {
            s3.putObject(b -> b.bucket(bucket).key(k), RequestBody.fromString(k));
        }
        var out = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(
                o -> o.key("d/1"), o -> o.key("d/2"), o -> o.key("d/missing"), o -> o.key("x".repeat(1100)))));
        assertThat(out.deleted()).extracting(o -> o.key()).containsExactly("d/1", "d/2", "d/missing");
        assertThat(out.errors()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("KeyTooLongError"));
        var quiet = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.quiet(true).objects(o -> o.key("d/3"))));
        assertThat(quiet.deleted()).isEmpty();
        assertThat(quiet.errors()).isEmpty();
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket).prefix("d/")).contents()).isEmpty();
    }

    @Test
    void keyAndMetadataLimits() {
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(bucket).key("k".repeat(1025)), RequestBody.fromString("x")))
                .satisfies(e -> assertS3Error(e, 400, "KeyTooLongError"));
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(bucket).key("meta").metadata(Map.of("big", "v".repeat(2100))),
                RequestBody.fromString("x"))).satisfies(e -> assertS3Error(e, 400, "MetadataTooLarge"));
    }
}
