package io.eventharness.harness.observe;

import java.util.List;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Waits on an output bucket, for objects a function writes.
 *
 * <pre>{@code
 * byte[] thumbnail = cloud.bucket("thumbs").await().object("cat.png").asByteArray();
 * List<String> keys = cloud.bucket("thumbs").await().atMost(Duration.ofSeconds(30)).keys("small/", 3);
 * }</pre>
 */
public final class BucketWaits extends Waits<BucketWaits> {
    private final BucketView bucket;

    BucketWaits(BucketView bucket, Await await) {
        super(await);
        this.bucket = bucket;
    }

    @Override
    protected BucketWaits with(Await await) {
        return new BucketWaits(bucket, await);
    }

    /** The object's bytes once it exists. */
    public ResponseBytes<GetObjectResponse> object(String key) {
        return await().until("object s3://" + bucket.name() + "/" + key, () -> bucket.objectIfPresent(key),
                r -> true, r -> "object present");
    }

    /** At least {@code n} keys under {@code prefix}. */
    public List<String> keys(String prefix, int n) {
        return await().until(n + " object(s) under s3://" + bucket.name() + "/" + prefix, () -> bucket.keys(prefix),
                k -> k.size() >= n, List::toString);
    }
}
