package io.eventharness.emulator.s3;

import static io.eventharness.emulator.s3.S3ObjectTest.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.TestAws;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** Server-side encryption as S3 reports it: SSE-S3 by default, SSE-KMS, SSE-C, and a bucket's default encryption. */
class S3EncryptionTest {
    private static final S3Client s3 = TestAws.s3();
    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String KEY_MD5 = md5(Base64.getDecoder().decode(KEY));
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("ffffffffffffffffffffffffffffffff".getBytes());
    private static String bucket;

    @BeforeAll
    static void bucket() {
        bucket = TestAws.unique("sse");
        s3.createBucket(b -> b.bucket(bucket));
    }

    static String md5(byte[] data) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void sseS3IsTheDefault() {
        var put = s3.putObject(b -> b.bucket(bucket).key("plain"), RequestBody.fromString("x"));
        assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(s3.headObject(b -> b.bucket(bucket).key("plain")).serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        var rule = s3.getBucketEncryption(b -> b.bucket(bucket)).serverSideEncryptionConfiguration().rules().get(0);
        assertThat(rule.applyServerSideEncryptionByDefault().sseAlgorithm()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(rule.bucketKeyEnabled()).isFalse();
    }

    @Test
    void sseKmsIsReportedAsKms() {
        var put = s3.putObject(b -> b.bucket(bucket).key("kms").serverSideEncryption(ServerSideEncryption.AWS_KMS)
                .ssekmsKeyId("my-key").bucketKeyEnabled(true), RequestBody.fromString("secret"));
        assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(put.ssekmsKeyId()).isEqualTo("my-key");
        assertThat(put.bucketKeyEnabled()).isTrue();
        var got = s3.getObjectAsBytes(b -> b.bucket(bucket).key("kms"));
        assertThat(got.asUtf8String()).isEqualTo("secret");
        assertThat(got.response().serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(got.response().ssekmsKeyId()).isEqualTo("my-key");
        var managed = s3.putObject(b -> b.bucket(bucket).key("kms-managed").serverSideEncryption(ServerSideEncryption.AWS_KMS),
                RequestBody.fromString("x"));
        assertThat(managed.ssekmsKeyId()).isEqualTo("arn:aws:kms:us-east-1:000000000000:alias/aws/s3");
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(bucket).key("bad").serverSideEncryption("rot13"),
                RequestBody.fromString("x"))).satisfies(e -> assertS3Error(e, 400, "InvalidArgument"));
    }

    @Test
    void sseCObjectsAreReadOnlyWithTheirKey() {
        var put = s3.putObject(b -> b.bucket(bucket).key("sse-c").sseCustomerAlgorithm("AES256").sseCustomerKey(KEY)
                .sseCustomerKeyMD5(KEY_MD5), RequestBody.fromString("mine"));
        assertThat(put.sseCustomerAlgorithm()).isEqualTo("AES256");
        assertThat(put.sseCustomerKeyMD5()).isEqualTo(KEY_MD5);
        assertThat(put.serverSideEncryption()).isNull();
        var got = s3.getObjectAsBytes(b -> b.bucket(bucket).key("sse-c").sseCustomerAlgorithm("AES256").sseCustomerKey(KEY)
                .sseCustomerKeyMD5(KEY_MD5));
        assertThat(got.asUtf8String()).isEqualTo("mine");
        assertThat(got.response().sseCustomerKeyMD5()).isEqualTo(KEY_MD5);
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("sse-c")))
                .satisfies(e -> assertS3Error(e, 400, "InvalidRequest"));
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket(bucket).key("sse-c").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(OTHER_KEY).sseCustomerKeyMD5(md5(Base64.getDecoder().decode(OTHER_KEY)))))
                .satisfies(e -> assertS3Error(e, 403, null));
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(bucket).key("sse-c-bad-md5").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(KEY).sseCustomerKeyMD5(md5(new byte[1])), RequestBody.fromString("x")))
                .satisfies(e -> assertS3Error(e, 400, "InvalidArgument"));
        // a key without its algorithm: 400 (answered 500 when the error's missing ArgumentValue broke the XML writer)
        RawHttp.Response noAlgorithm = RawHttp.send("PUT", "/" + bucket + "/sse-c-no-alg", "localhost", "us-east-1",
                java.util.Map.of("x-amz-server-side-encryption-customer-key", KEY, "x-amz-server-side-encryption-customer-key-md5",
                        KEY_MD5), "x".getBytes());
        assertThat(noAlgorithm.status()).isEqualTo(400);
        assertThat(noAlgorithm.body()).contains("<Code>InvalidArgument</Code>").doesNotContain("ArgumentValue");
        // a copy needs the source's key, and is encrypted as the copy request says
        var copy = s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("sse-c").destinationBucket(bucket).destinationKey("copied")
                .copySourceSSECustomerAlgorithm("AES256").copySourceSSECustomerKey(KEY).copySourceSSECustomerKeyMD5(KEY_MD5));
        assertThat(copy.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("copied")).asUtf8String()).isEqualTo("mine");
        assertThatThrownBy(() -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("sse-c").destinationBucket(bucket)
                .destinationKey("copied-without-key"))).satisfies(e -> assertS3Error(e, 400, "InvalidRequest"));
    }

    @Test
    void sseCMultipartUploadsNeedTheKeyForEachPart() {
        String id = s3.createMultipartUpload(b -> b.bucket(bucket).key("mpu-c").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(KEY).sseCustomerKeyMD5(KEY_MD5)).uploadId();
        assertThatThrownBy(() -> s3.uploadPart(b -> b.bucket(bucket).key("mpu-c").uploadId(id).partNumber(1),
                RequestBody.fromString("part"))).satisfies(e -> assertS3Error(e, 400, "InvalidRequest"));
        var part = s3.uploadPart(b -> b.bucket(bucket).key("mpu-c").uploadId(id).partNumber(1).sseCustomerAlgorithm("AES256")
                .sseCustomerKey(KEY).sseCustomerKeyMD5(KEY_MD5), RequestBody.fromString("part"));
        assertThat(part.sseCustomerKeyMD5()).isEqualTo(KEY_MD5);
        var done = s3.completeMultipartUpload(b -> b.bucket(bucket).key("mpu-c").uploadId(id)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(part.eTag()).build())));
        assertThat(done.serverSideEncryption()).isNull();
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("mpu-c").sseCustomerAlgorithm("AES256").sseCustomerKey(KEY)
                .sseCustomerKeyMD5(KEY_MD5)).asUtf8String()).isEqualTo("part");
    }

    @Test
    void aBucketsDefaultEncryptionAppliesToWritesWithoutTheirOwn() {
        String b2 = TestAws.unique("sse-default");
        s3.createBucket(b -> b.bucket(b2));
        s3.putBucketEncryption(b -> b.bucket(b2).serverSideEncryptionConfiguration(c -> c.rules(r -> r.bucketKeyEnabled(true)
                .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS).kmsMasterKeyID("bucket-key")))));
        var rule = s3.getBucketEncryption(b -> b.bucket(b2)).serverSideEncryptionConfiguration().rules().get(0);
        assertThat(rule.applyServerSideEncryptionByDefault().kmsMasterKeyID()).isEqualTo("bucket-key");
        var put = s3.putObject(b -> b.bucket(b2).key("k"), RequestBody.fromString("x"));
        assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(put.ssekmsKeyId()).isEqualTo("bucket-key");
        assertThat(put.bucketKeyEnabled()).isTrue();
        // the object's own headers win
        assertThat(s3.putObject(b -> b.bucket(b2).key("own").serverSideEncryption(ServerSideEncryption.AES256),
                RequestBody.fromString("x")).serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        s3.deleteBucketEncryption(b -> b.bucket(b2));
        assertThat(s3.putObject(b -> b.bucket(b2).key("after"), RequestBody.fromString("x")).serverSideEncryption())
                .isEqualTo(ServerSideEncryption.AES256);
        assertThatThrownBy(() -> s3.putBucketEncryption(b -> b.bucket(b2).serverSideEncryptionConfiguration(c -> c.rules(r -> r
                .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm("rot13"))))))
                .satisfies(e -> assertS3Error(e, 400, "InvalidArgument"));
    }
}
