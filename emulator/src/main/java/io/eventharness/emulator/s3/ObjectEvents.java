package io.eventharness.emulator.s3;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.delivery.Message;
import io.eventharness.emulator.protocol.Call;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.NotificationConfigurationFilter;

/**
 * Where object events leave S3: every operation that creates, removes or tags an object calls {@link #created},
 * {@link #removed} or {@link #tagged} once the change is made, and nothing else sends object events. Each event is
 * matched against the bucket's notification configuration as it is then (event types, prefix and suffix filters);
 * every matching configuration gets its own record (with its {@code configurationId}) through {@code delivery}:
 * to a queue or a topic at once, to a function as an asynchronous invocation (retries, dead-letter queue and
 * destinations apply; the function's resource policy must allow {@code s3.amazonaws.com}). Each hop, delivered or
 * refused, is in the event trail; a refused one is not retried, as in AWS when a destination no longer exists or
 * no longer allows S3.
 *
 * <p>A bucket whose configuration has {@code EventBridgeConfiguration} also sends every object event to the default
 * event bus of its region, as EventBridge's {@code Object Created}, {@code Object Deleted}, {@code Object Tags Added}
 * or {@code Object Tags Deleted} event, unfiltered (rules on the bus filter).
 *
 * <p>What S3 publishes to a topic has the subject {@value #SNS_SUBJECT}, as in AWS.
 *
 * <p>Also sends the {@code s3:TestEvent} message to a configuration's queues and topics when it is saved
 * ({@link #testEvent}).
 */
final class ObjectEvents {
    /** The subject of every message S3 publishes to a topic (records and the test message alike). */
    static final String SNS_SUBJECT = "Amazon S3 Notification";

    private final EmulatorClock clock;
    private final Delivery delivery;

    ObjectEvents(EmulatorClock clock, Delivery delivery) {
        this.clock = clock;
        this.delivery = delivery;
    }

    /** An object was stored: {@code ObjectCreated:Put}, {@code :Copy}, {@code :CompleteMultipartUpload}. */
    void created(S3Bucket bucket, String eventName, S3Bucket.Write write, Call call) {
        StoredObject o = write.object();
        raise(bucket, new ObjectEvent(eventName, bucket.name(), bucket.region(), o.key(), o.size(),
                Preconditions.unquote(o.etag()), o.reportedId(), write.sequencer(), clock.now(),
                call.requestId()));
    }

    /**
     * A delete changed something: {@code ObjectRemoved:DeleteMarkerCreated} when it left a delete marker (its
     * version id in the record), else {@code ObjectRemoved:Delete} (with the removed version's id).
     */
    void removed(S3Bucket bucket, S3Bucket.Removal removal, Call call) {
        if (!removal.changed()) {
            return;
        }
        boolean marker = removal.marker() != null;
        String version = marker ? removal.marker().reportedId() : removal.removed().reportedId();
        raise(bucket, new ObjectEvent(marker ? "ObjectRemoved:DeleteMarkerCreated" : "ObjectRemoved:Delete", bucket.name(),
                bucket.region(), removal.key(), null, null, version, removal.sequencer(), clock.now(),
                call.requestId()));
    }

    /**
     * A lifecycle rule expired an object: {@code LifecycleExpiration:Delete}, or {@code :DeleteMarkerCreated} when it
     * left a delete marker. No request caused it: the record's request id is S3's own.
     */
    void expired(S3Bucket bucket, S3Bucket.Removal removal) {
        if (!removal.changed()) {
            return;
        }
        boolean marker = removal.marker() != null;
        String version = marker ? removal.marker().reportedId() : removal.removed().reportedId();
        raise(bucket, new ObjectEvent(marker ? "LifecycleExpiration:DeleteMarkerCreated" : "LifecycleExpiration:Delete",
                bucket.name(), bucket.region(), removal.key(), null, null, version, removal.sequencer(), clock.now(),
                io.eventharness.emulator.core.Ids.hex(8).toUpperCase(java.util.Locale.ROOT)));
    }

    /** A lifecycle rule moved an object to another storage class: {@code LifecycleTransition}. */
    void transitioned(S3Bucket bucket, StoredObject o) {
        raise(bucket, new ObjectEvent("LifecycleTransition", bucket.name(), bucket.region(), o.key(), o.size(),
                Preconditions.unquote(o.etag()), o.reportedId(), null, clock.now(),
                io.eventharness.emulator.core.Ids.hex(8).toUpperCase(java.util.Locale.ROOT)));
    }

    /** An object's tags were replaced or removed: {@code ObjectTagging:Put}, {@code ObjectTagging:Delete}. */
    void tagged(S3Bucket bucket, String eventName, StoredObject o, Call call) {
        raise(bucket, new ObjectEvent(eventName, bucket.name(), bucket.region(), o.key(), null,
                Preconditions.unquote(o.etag()), o.reportedId(), null, clock.now(), call.requestId()));
    }

    /**
     * The {@code s3:TestEvent} message to a queue or topic of a configuration just saved; refused deliveries are
     * in the trail (the destination was checked just before).
     */
    void testEvent(S3Bucket bucket, Arn destination, Call call) {
        send(bucket, destination.toString(), "s3:TestEvent", EventRecords.testEvent(bucket.name(), clock.now(), call.requestId()));
    }

    private void raise(S3Bucket bucket, ObjectEvent event) {
        NotificationConfiguration c = bucket.settings().notifications();
        c.queueConfigurations().forEach(q -> deliverIfMatching(bucket, event, q.id(), q.queueArn(), q.eventsAsStrings(), q.filter()));
        c.topicConfigurations().forEach(t -> deliverIfMatching(bucket, event, t.id(), t.topicArn(), t.eventsAsStrings(), t.filter()));
        c.lambdaFunctionConfigurations().forEach(f -> deliverIfMatching(bucket, event, f.id(), f.lambdaFunctionArn(),
                f.eventsAsStrings(), f.filter()));
        if (c.eventBridgeConfiguration() != null) {
            // every object event goes to the default bus of the bucket's region; rules there choose
            send(bucket, Arn.of("events", bucket.region(), "event-bus/default").toString(), "s3:EventBridge",
                    EventRecords.eventBridge(event));
        }
    }

    private void deliverIfMatching(S3Bucket bucket, ObjectEvent event, String configurationId, String destination,
                                   List<String> events, NotificationConfigurationFilter filter) {
        if (matchesType(events, event.eventName()) && matchesKey(filter, event.key())) {
            send(bucket, destination, "s3:" + event.eventName(), EventRecords.records(event, configurationId));
        }
    }

    private void send(S3Bucket bucket, String destination, String kind, String body) {
        Message m = Message.of(body);
        if (Arn.serviceOf(destination).equals("sns")) {
            m = m.withSubject(SNS_SUBJECT);
        }
        try {
            delivery.send(bucketArn(bucket).toString(), destination, kind, m);
        } catch (RuntimeException refused) {
            // recorded in the trail by delivery; S3 does not retry a destination that refuses
        }
    }

    /** {@code arn:aws:s3:::<bucket>}: the source of every hop, what a resource policy's {@code aws:SourceArn} names. */
    static Arn bucketArn(S3Bucket bucket) {
        return new Arn("aws", "s3", "", "", bucket.name());
    }

    /** {@code s3:ObjectCreated:Put} or {@code s3:ObjectCreated:*} match the event {@code ObjectCreated:Put}. */
    static boolean matchesType(List<String> events, String eventName) {
        int colon = eventName.indexOf(':');
        String family = colon < 0 ? eventName : eventName.substring(0, colon); // LifecycleTransition has no subtype
        return events.stream().anyMatch(e -> e.equals("s3:" + eventName) || e.equals("s3:" + family + ":*"));
    }

    /** Prefix and suffix rules (names in any case, values exact, as keys are) on the key as stored. */
    static boolean matchesKey(NotificationConfigurationFilter filter, String key) {
        if (filter == null || filter.key() == null) {
            return true;
        }
        for (FilterRule r : filter.key().filterRules()) {
            String name = r.nameAsString() == null ? "" : r.nameAsString().toLowerCase(Locale.ROOT);
            String value = r.value() == null ? "" : r.value();
            if (name.equals("prefix") && !key.startsWith(value) || name.equals("suffix") && !key.endsWith(value)) {
                return false;
            }
        }
        return true;
    }
}
