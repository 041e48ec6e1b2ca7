package io.eventharness.emulator.s3;

import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.protocol.Call;

/**
 * Where object-created and object-removed events leave S3: every operation that creates or removes an
 * object calls {@link #raise} once it is stored or gone, and nothing else does.
 *
 * <p>Today nothing is delivered: configurations are validated and stored
 * ({@link NotificationOperations}) but no event reaches a queue, topic or function. Delivery plugs in at
 * {@link #raise}: match the event against the bucket's configuration as it is now
 * ({@link S3Bucket#notifications()}: event types, prefix and suffix filters) and send a record to each
 * matching destination through {@code delivery}.
 */
final class ObjectEvents {
    private final EmulatorClock clock;
    /** Carries the events to the notification destinations, once {@link #raise} delivers them. */
    private final Delivery delivery;

    ObjectEvents(EmulatorClock clock, Delivery delivery) {
        this.clock = clock;
        this.delivery = delivery;
    }

    /**
     * Raises an event about an object of a bucket: one just stored (created events) or just removed.
     *
     * @param eventName without the {@code s3:} prefix, e.g. {@code ObjectCreated:Put}
     * @param call      the request that caused it (its id goes into the record)
     */
    void raise(S3Bucket bucket, String eventName, StoredObject object, Call call) {
        ObjectEvent event = new ObjectEvent(eventName, bucket.name(), bucket.region(), object.key(), object.size(),
                Preconditions.unquote(object.etag()), null, clock.now(), call.requestId());
        deliver(bucket, event);
    }

    /** The step to come: the records for {@code bucket.notifications()}'s matching destinations, via {@code delivery}. */
    private void deliver(S3Bucket bucket, ObjectEvent event) {
    }
}
