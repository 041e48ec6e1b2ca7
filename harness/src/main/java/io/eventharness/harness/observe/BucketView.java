package io.eventharness.harness.observe;

import java.util.List;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An output bucket: its keys now, and waits for objects a function writes.
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

    public String name() {
        return bucket;
    }

    public List<String> keys(String prefix) {
        return s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).contents().stream().map(S3Object::key).toList();
    }

    /** Waits on this bucket. */
    public BucketWaits await() {
        return new BucketWaits(this, await);
    }

    /** The object's bytes, or {@code null} while it does not exist. */
    ResponseBytes<GetObjectResponse> objectIfPresent(String key) {
        try {
            return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            return null;
        }
    }
}
