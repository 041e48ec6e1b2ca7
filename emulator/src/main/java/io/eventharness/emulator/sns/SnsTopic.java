package io.eventharness.emulator.sns;

import io.eventharness.emulator.core.Account;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One topic: its attributes, tags and subscriptions, and for FIFO topics the sequence numbers and the
 * five-minute deduplication window ("Message deduplication for FIFO topics"). Guarded by the
 * service's lock, except {@link #outbox}.
 */
final class SnsTopic {
    static final long DEDUP_WINDOW_MILLIS = 5 * 60_000;

    /** A FIFO publish remembered for deduplication: a duplicate gets the same answer and no delivery. */
    record Accepted(String messageId, String sequenceNumber, long expiresMillis) {
    }

    final String name;
    final String arn;
    final String region;
    final boolean fifo;
    final Map<String, String> attributes = new LinkedHashMap<>();
    final Map<String, String> tags = new LinkedHashMap<>();
    final Map<String, SnsSubscription> subscriptions = new LinkedHashMap<>();
    final Outbox outbox = new Outbox();
    int subscriptionsDeleted;
    private long sequence;
    private final LinkedHashMap<String, Accepted> recent = new LinkedHashMap<>();

    SnsTopic(String name, String arn, String region, boolean fifo) {
        this.name = name;
        this.arn = arn;
        this.region = region;
        this.fifo = fifo;
    }

    boolean contentBasedDeduplication() {
        return "true".equals(attributes.get("ContentBasedDeduplication"));
    }

    /** The next FIFO sequence number: 20 digits, increasing, as SNS hands them out. */
    String nextSequenceNumber() {
        sequence++;
        return String.format("1%019d", sequence);
    }

    /** The earlier publish with this deduplication id inside the window, or null (and drops expired ones). */
    Accepted duplicate(String deduplicationId, long nowMillis) {
        for (Iterator<Accepted> it = recent.values().iterator(); it.hasNext(); ) {
            if (it.next().expiresMillis <= nowMillis) {
                it.remove();
            } else {
                break;
            }
        }
        return recent.get(deduplicationId);
    }

    void remember(String deduplicationId, String messageId, String sequenceNumber, long nowMillis) {
        recent.put(deduplicationId, new Accepted(messageId, sequenceNumber, nowMillis + DEDUP_WINDOW_MILLIS));
    }

    /** GetTopicAttributes: the set attributes with the defaults and the computed ones. */
    Map<String, String> describe() {
        int confirmed = 0;
        int pending = 0;
        for (SnsSubscription s : subscriptions.values()) {
            if (s.pending) {
                pending++;
            } else {
                confirmed++;
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("Policy", TopicAttributes.defaultPolicy(arn));
        out.put("Owner", Account.ID);
        out.put("SubscriptionsPending", String.valueOf(pending));
        out.put("TopicArn", arn);
        out.put("EffectiveDeliveryPolicy", TopicAttributes.effectiveDeliveryPolicy(attributes.get("DeliveryPolicy")));
        out.put("SubscriptionsConfirmed", String.valueOf(confirmed));
        out.put("DisplayName", "");
        out.put("SubscriptionsDeleted", String.valueOf(subscriptionsDeleted));
        if (fifo) {
            out.put("FifoTopic", "true");
            out.put("ContentBasedDeduplication", "false");
        }
        out.putAll(attributes);
        return out;
    }
}
