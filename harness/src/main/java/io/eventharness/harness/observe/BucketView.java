package io.eventharness.harness.observe;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An output bucket: waits for objects a function writes.
 *
 * <pre>{@code
 * byte[] thumbnail = cloud.bucket("thumbs").await().object("cat.png").asByteArray();
 * }</pre>
 */
public final class BucketView {
    private final S3Client s3;
    private final String bucket;
    private final Await await;

    public BucketView(S3Client s3, String bucket, Await await) {
        this.s3 = s3;
        this.bucket = bucket;
        this.await = await;
    }

    public List<String> keys(String prefix) {
        return s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).contents().stream().map(S3Object::key).toList();
    }

    public Waits await() {
        return new Waits(await);
    }

    /** Waits on this bucket. */
    public final class Waits {
        private final Await await;

        private Waits(Await await) {
            this.await = await;
        }

        public Waits atMost(Duration d) {
            return new Waits(await.withTimeout(d));
        }

        /** The object's bytes once it exists. */
        public ResponseBytes<GetObjectResponse> object(String key) {
            return await.until("object s3://" + bucket + "/" + key, () -> {
                try {
                    return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
                } catch (NoSuchKeyException e) {
                    return null;
                }
            }, r -> true, r -> "object present");
        }

        /** At least {@code n} keys under {@code prefix}. */
        public List<String> keys(String prefix, int n) {
            return await.until(n + " object(s) under s3://" + bucket + "/" + prefix, () -> BucketView.this.keys(prefix),
                    k -> k.size() >= n, k -> k.toString());
        }
    }
}
