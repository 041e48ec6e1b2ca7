package io.eventharness.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.core.EmulatorClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The state's own rules, where a client cannot time its requests to hit them: a write that reaches a bucket
 * after DeleteBucket took it away fails as NoSuchBucket instead of storing an object no one can reach.
 */
class S3BucketsTest {
    private final S3Buckets buckets = new S3Buckets(new EmulatorClock());

    private static StoredObject object(String key) {
        byte[] data = key.getBytes(StandardCharsets.UTF_8);
        return StoredObject.whole(key, data, Instant.EPOCH, ObjectHeaders.of(PutObjectRequest.builder().build()), null,
                ObjectTags.NONE, ObjectEncryption.SSE_S3);
    }

    @Test
    void aWriteThatArrivesAfterTheBucketWasDeletedFailsAsNoSuchBucket() {
        assertThat(buckets.createIfAbsent("late-writes", "us-east-1")).isNull();
        S3Bucket held = buckets.bucket("late-writes"); // looked up by a PutObject before DeleteBucket ran
        buckets.delete(held);

        assertThat(buckets.find("late-writes")).isEmpty();
        assertThatThrownBy(() -> held.put(object("k"), null, null))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("NoSuchBucket"));
        assertThat(held.find("k")).isEmpty();
    }

    @Test
    void aBucketWithObjectsIsNotDeleted() {
        buckets.createIfAbsent("full", "us-east-1");
        S3Bucket b = buckets.bucket("full");
        b.put(object("k"), null, null);

        assertThatThrownBy(() -> buckets.delete(b))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("BucketNotEmpty"));
        b.put(object("k2"), null, null); // still a bucket
        assertThat(buckets.find("full")).containsSame(b);
    }
}
