package io.eventharness.emulator.s3;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.delivery.Message;
import io.eventharness.emulator.protocol.Call;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Objects other services write through {@code delivery} (a Lambda event source mapping's on-failure record), addressed
 * by the object's ARN {@code arn:aws:s3:::<bucket>/<key>}: the message's body is stored as a JSON object, as a
 * PutObject would store it, and raises its {@code ObjectCreated:Put} event. A bucket that does not exist is refused
 * with NoSuchBucket.
 */
final class ObjectDelivery implements Delivery.Target {
    private final S3Buckets buckets;
    private final ObjectEvents events;

    ObjectDelivery(S3Buckets buckets, ObjectEvents events) {
        this.buckets = buckets;
        this.events = events;
    }

    @Override
    public void accept(String sourceArn, String objectArn, Message m) {
        Arn arn = Arn.parse(objectArn);
        if (arn.resourceType().equals(arn.resource())) {
            throw S3Errors.invalidRequest("Not an object ARN: " + objectArn);
        }
        S3Bucket b = buckets.bucket(arn.resourceType());
        String key = arn.resourceId();
        ObjectKeys.check(key);
        StoredObject o = StoredObject.whole(key, m.body().getBytes(StandardCharsets.UTF_8), buckets.now(),
                ObjectHeaders.of(PutObjectRequest.builder().contentType("application/json").build()), null, ObjectTags.NONE,
                ObjectEncryption.ofDefault(b.settings().defaultEncryption(), b.region()));
        S3Bucket.Write stored = b.put(o, null, null);
        events.created(b, "ObjectCreated:Put", stored, Call.internal(Ids.uuid(), b.region(), null));
    }
}
