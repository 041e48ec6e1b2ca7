package io.eventharness.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.TestAws;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;

/** Deployment packages as users build them: large ones in the request, and code from S3. */
class LambdaCodeTest {
    private static final String HANDLER_SOURCE = "def handle(event, context):\n    return {'ok': True}\n";
    private final LambdaClient lambda = Functions.lambda();
    private final S3Client s3 = TestAws.s3();

    /** A Python handler beside {@code padding} bytes of noise (stored: a zip about that large). */
    private static byte[] packageWithPadding(int padding) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(padding + 1024);
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("fn.py"));
            z.write(HANDLER_SOURCE.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            byte[] noise = new byte[padding];
            new Random(42).nextBytes(noise);
            ZipEntry e = new ZipEntry("lib/padding.bin");
            e.setMethod(ZipEntry.STORED);
            e.setSize(noise.length);
            CRC32 crc = new CRC32();
            crc.update(noise);
            e.setCrc(crc.getValue());
            z.putNextEntry(e);
            z.write(noise);
            z.closeEntry();
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] data) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(data));
    }

    @Test
    void aPackageWhoseBase64IsOverTwentyMegabytesIsAccepted() throws Exception {
        byte[] zip = packageWithPadding(21 * 1024 * 1024); // base64: 28 MB, over Jackson's default string limit
        String fn = Functions.create(lambda, Runtime.PYTHON3_12, "fn.handle", SdkBytes.fromByteArray(zip), b -> { });
        var c = lambda.getFunctionConfiguration(b -> b.functionName(fn));
        assertThat(c.codeSize()).isEqualTo(zip.length);
        assertThat(c.codeSha256()).isEqualTo(sha256(zip));
        assertThat(lambda.invoke(b -> b.functionName(fn)).payload().asUtf8String()).isEqualTo("{\"ok\": true}");
    }

    @Test
    void codeComesFromS3WithOrWithoutAStoredChecksum() throws Exception {
        String bucket = TestAws.unique("code");
        s3.createBucket(b -> b.bucket(bucket));
        byte[] zip = packageWithPadding(1024);
        s3.putObject(b -> b.bucket(bucket).key("with.zip").checksumAlgorithm(ChecksumAlgorithm.SHA256), RequestBody.fromBytes(zip));
        s3.putObject(b -> b.bucket(bucket).key("plain.zip"), RequestBody.fromBytes(zip));
        for (String key : new String[] {"with.zip", "plain.zip"}) {
            String fn = TestAws.unique("s3code");
            lambda.createFunction(b -> b.functionName(fn).runtime(Runtime.PYTHON3_12).handler("fn.handle").role(Functions.role())
                    .code(c -> c.s3Bucket(bucket).s3Key(key)));
            lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(fn));
            assertThat(lambda.getFunctionConfiguration(b -> b.functionName(fn)).codeSha256()).as(key).isEqualTo(sha256(zip));
            assertThat(lambda.invoke(b -> b.functionName(fn)).payload().asUtf8String()).as(key).isEqualTo("{\"ok\": true}");
        }
    }

    @Test
    void aMissingS3ObjectIsRefused() {
        String bucket = TestAws.unique("code");
        s3.createBucket(b -> b.bucket(bucket));
        assertThatThrownBy(() -> lambda.createFunction(b -> b.functionName(TestAws.unique("s3code")).runtime(Runtime.PYTHON3_12)
                .handler("fn.handle").role(Functions.role()).code(c -> c.s3Bucket(bucket).s3Key("nothing.zip"))))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("NoSuchKey");
    }
}
