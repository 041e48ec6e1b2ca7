package io.eventharness.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.TestAws;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

class S3ObjectTest {
    private static final S3Client s3 = TestAws.s3();
    private static String bucket;

    @BeforeAll
    static void bucket() {
        bucket = TestAws.unique("objects");
        s3.createBucket(b -> b.bucket(bucket));
    }

    @Test
    void putGetHeadDelete() {
        var put = s3.putObject(b -> b.bucket(bucket).key("a.txt").contentType("text/plain").metadata(Map.of("Color", "blue")),
                RequestBody.fromString("hello world"));
        assertThat(put.eTag()).isEqualTo("\"5eb63bbbe01eeed093cb22bb8f5acdc3\"");
        var got = s3.getObjectAsBytes(b -> b.bucket(bucket).key("a.txt"));
        assertThat(got.asString(StandardCharsets.UTF_8)).isEqualTo("hello world");
        assertThat(got.response().contentType()).isEqualTo("text/plain");
        assertThat(got.response().metadata()).containsEntry("color", "blue");
        var head = s3.headObject(b -> b.bucket(bucket).key("a.txt"));
        assertThat(head.contentLength()).isEqualTo(11L);
        s3.deleteObject(b -> b.bucket(bucket).key("a.txt"));
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("a.txt"))).isInstanceOf(NoSuchKeyException.class);
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket(bucket).key("a.txt"))).isInstanceOf(NoSuchKeyException.class);
        assertThat(s3.getBucketLocation(b -> b.bucket(bucket)).locationConstraintAsString()).isNullOrEmpty();
    }
}
