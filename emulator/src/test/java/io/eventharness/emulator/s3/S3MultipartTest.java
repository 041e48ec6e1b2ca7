package io.eventharness.emulator.s3;

import static io.eventharness.emulator.s3.S3ObjectTest.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.TestAws;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.Part;

class S3MultipartTest {
    private static final int MIB = 1024 * 1024;
    private static final S3Client s3 = TestAws.s3();
    private static String bucket;

    @BeforeAll
    static void bucket() {
        bucket = TestAws.unique("mpu");
        s3.createBucket(b -> b.bucket(bucket));
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String upload(String key) {
        return s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType("application/x-test")).uploadId();
    }

    static CompletedPart part(String key, String uploadId, int n, byte[] data) {
        String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(n), RequestBody.fromBytes(data)).eTag();
        return CompletedPart.builder().partNumber(n).eTag(etag).build();
    }

    @Test
    void uploadListCompleteAndReadByPart() throws Exception {
        String key = "big/object.bin";
        byte[] p1 = random(5 * MIB, 1);
        byte[] p2 = random(1000, 2);
        String id = upload(key);
        assertThat(s3.listMultipartUploads(b -> b.bucket(bucket).prefix("big/")).uploads()).extracting(MultipartUpload::uploadId)
                .containsExactly(id);
        CompletedPart first = part(key, id, 1, p1);
        CompletedPart second = part(key, id, 2, p2);
        var parts = s3.listParts(b -> b.bucket(bucket).key(key).uploadId(id));
        assertThat(parts.parts()).extracting(Part::partNumber).containsExactly(1, 2);
        assertThat(parts.parts()).extracting(Part::size).containsExactly((long) p1.length, (long) p2.length);
        assertThat(s3.listParts(b -> b.bucket(bucket).key(key).uploadId(id).maxParts(1)).isTruncated()).isTrue();

        var done = s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id)
                .multipartUpload(m -> m.parts(first, second)));
        ByteArrayOutputStream md5s = new ByteArrayOutputStream();
        md5s.write(S3ObjectTest.md5(p1));
        md5s.write(S3ObjectTest.md5(p2));
        assertThat(done.eTag()).isEqualTo("\"" + HexFormat.of().formatHex(S3ObjectTest.md5(md5s.toByteArray())) + "-2\"");
        assertThat(done.key()).isEqualTo(key);
        assertThat(done.location()).endsWith("/" + bucket + "/big/object.bin");

        var whole = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED));
        byte[] all = whole.asByteArray();
        assertThat(all.length).isEqualTo(p1.length + p2.length);
        assertThat(Arrays.copyOfRange(all, p1.length, all.length)).isEqualTo(p2);
        assertThat(whole.response().contentType()).isEqualTo("application/x-test");
        var part2 = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).partNumber(2));
        assertThat(part2.asByteArray()).isEqualTo(p2);
        assertThat(part2.response().partsCount()).isEqualTo(2);
        assertThat(part2.response().contentRange()).isEqualTo("bytes " + p1.length + "-" + (all.length - 1) + "/" + all.length);
        assertThat(s3.headObject(b -> b.bucket(bucket).key(key).partNumber(1)).contentLength()).isEqualTo((long) p1.length);
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).partNumber(3)))
                .satisfies(e -> assertS3Error(e, 416, "InvalidPartNumber"));
        assertThat(s3.listMultipartUploads(b -> b.bucket(bucket).prefix("big/")).uploads()).isEmpty();
        assertThatThrownBy(() -> s3.listParts(b -> b.bucket(bucket).key(key).uploadId(id))).isInstanceOf(NoSuchUploadException.class);
    }

    @Test
    void compositeChecksums() {
        String key = "crc-upload";
        String id = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
        byte[] p1 = random(5 * MIB, 3);
        byte[] p2 = random(10, 4);
        var r1 = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(1).checksumAlgorithm(ChecksumAlgorithm.CRC32),
                RequestBody.fromBytes(p1));
        var r2 = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(2).checksumAlgorithm(ChecksumAlgorithm.CRC32),
                RequestBody.fromBytes(p2));
        assertThat(r1.checksumCRC32()).isEqualTo(S3ObjectTest.crc32(p1));
        // a COMPOSITE upload needs each part's checksum on completion
        assertThatThrownBy(() -> s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(r1.eTag()).build(),
                CompletedPart.builder().partNumber(2).eTag(r2.eTag()).build()))))
                .satisfies(e -> assertS3Error(e, 400, "InvalidRequest"));
        var done = s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(r1.eTag()).checksumCRC32(r1.checksumCRC32()).build(),
                CompletedPart.builder().partNumber(2).eTag(r2.eTag()).checksumCRC32(r2.checksumCRC32()).build())));
        assertThat(done.checksumCRC32()).endsWith("-2");
        assertThat(done.checksumTypeAsString()).isEqualTo("COMPOSITE");
        var got = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED));
        assertThat(got.response().checksumCRC32()).isEqualTo(done.checksumCRC32());
        assertThat(got.asByteArray()).hasSize(p1.length + p2.length);
    }

    @Test
    void errors() {
        String key = "errors";
        String id = upload(key);
        CompletedPart small1 = part(key, id, 1, random(100, 5));
        CompletedPart small2 = part(key, id, 2, random(100, 6));
        assertThatThrownBy(() -> s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id)
                .multipartUpload(m -> m.parts(small1, small2)))).satisfies(e -> assertS3Error(e, 400, "EntityTooSmall"));
        assertThatThrownBy(() -> s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id)
                .multipartUpload(m -> m.parts(small2, small1)))).satisfies(e -> assertS3Error(e, 400, "InvalidPartOrder"));
        assertThatThrownBy(() -> s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag("\"0000\"").build()))))
                .satisfies(e -> assertS3Error(e, 400, "InvalidPart"));
        assertThatThrownBy(() -> s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(7).eTag(small1.eTag()).build()))))
                .satisfies(e -> assertS3Error(e, 400, "InvalidPart"));
        assertThatThrownBy(() -> s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(10_001),
                RequestBody.fromString("x"))).satisfies(e -> assertS3Error(e, 400, "InvalidArgument"));
        assertThatThrownBy(() -> s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId("nope").partNumber(1),
                RequestBody.fromString("x"))).isInstanceOf(NoSuchUploadException.class);
        assertThatThrownBy(() -> s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId("nope")
                .multipartUpload(m -> m.parts(small1)))).isInstanceOf(NoSuchUploadException.class);
        assertThatThrownBy(() -> s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id)
                .multipartUpload(m -> m.parts(List.of())))).satisfies(e -> assertS3Error(e, 400, "MalformedXML"));

        // a single small part is a valid (last) part
        var one = s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id).multipartUpload(m -> m.parts(small1)));
        assertThat(one.eTag()).endsWith("-1\"");
        // completing it again (a retry after a lost answer) answers the same, as S3 does
        var again = s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id).multipartUpload(m -> m.parts(small1)));
        assertThat(again.eTag()).isEqualTo(one.eTag());
        assertThat(again.key()).isEqualTo(key);
        assertThat(again.location()).isEqualTo(one.location());
        assertThatThrownBy(() -> s3.completeMultipartUpload(b -> b.bucket(bucket).key("other-key").uploadId(id)
                .multipartUpload(m -> m.parts(small1)))).isInstanceOf(NoSuchUploadException.class);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray()).isEqualTo(random(100, 5));
    }

    @Test
    void abort() {
        String id = upload("aborted");
        part("aborted", id, 1, random(10, 7));
        s3.abortMultipartUpload(b -> b.bucket(bucket).key("aborted").uploadId(id));
        assertThat(s3.listMultipartUploads(b -> b.bucket(bucket).prefix("aborted")).uploads()).isEmpty();
        assertThatThrownBy(() -> s3.abortMultipartUpload(b -> b.bucket(bucket).key("aborted").uploadId(id)))
                .isInstanceOf(NoSuchUploadException.class);
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket(bucket).key("aborted")))
                .isInstanceOf(software.amazon.awssdk.services.s3.model.NoSuchKeyException.class);
    }

    @Test
    void uploadPartCopy() {
        byte[] source = random(6 * MIB, 8);
        s3.putObject(b -> b.bucket(bucket).key("copy-source"), RequestBody.fromBytes(source));
        String id = upload("copied");
        var c1 = s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("copy-source").destinationBucket(bucket)
                .destinationKey("copied").uploadId(id).partNumber(1).copySourceRange("bytes=0-" + (5 * MIB - 1)));
        var c2 = s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("copy-source").destinationBucket(bucket)
                .destinationKey("copied").uploadId(id).partNumber(2).copySourceRange("bytes=" + 5 * MIB + "-" + (6 * MIB - 1)));
        // a range past the source's end is refused, not shortened
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("copy-source")
                .destinationBucket(bucket).destinationKey("copied").uploadId(id).partNumber(3).copySourceRange("bytes=0-" + 6 * MIB)))
                .satisfies(e -> S3ObjectTest.assertS3Error(e, 400, "InvalidArgument"));
        s3.completeMultipartUpload(b -> b.bucket(bucket).key("copied").uploadId(id).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(c1.copyPartResult().eTag()).build(),
                CompletedPart.builder().partNumber(2).eTag(c2.copyPartResult().eTag()).build())));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("copied")).asByteArray()).isEqualTo(source);
    }

    @Test
    void largeUploadThroughTheSdkMultipartClient() {
        byte[] data = random(13 * MIB, 9);
        try (S3AsyncClient mp = TestAws.client(S3AsyncClient.builder().forcePathStyle(true)
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()).multipartEnabled(true)
                .multipartConfiguration(c -> c.thresholdInBytes(5L * MIB).minimumPartSizeInBytes(5L * MIB)))) {
            var put = mp.putObject(b -> b.bucket(bucket).key("sdk-multipart.bin"), AsyncRequestBody.fromBytes(data)).join();
            assertThat(put.eTag()).endsWith("-3\"");
            byte[] back = mp.getObject(b -> b.bucket(bucket).key("sdk-multipart.bin"), AsyncResponseTransformer.toBytes())
                    .join().asByteArray();
            assertThat(back).isEqualTo(data);
        }
        assertThat(s3.headObject(b -> b.bucket(bucket).key("sdk-multipart.bin")).contentLength()).isEqualTo((long) data.length);
    }
}
