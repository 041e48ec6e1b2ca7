package io.eventharness.emulator.sns;

import io.eventharness.emulator.core.Account;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One topic: its attributes, tags and subscriptions, and for FIFO topics the sequence numbers and the
 * five-minute deduplication window ("Message deduplication for FIFO topics"). It locks itself (its subscriptions
 * share the lock); publishing numbers a message and queues its delivery under the lock, in order, and
 * {@link #drain} runs the deliveries without it.
 */
final class SnsTopic {
    static final long DEDUP_WINDOW_MILLIS = 5 * 60_000;
    /** SNS quota: filter policies per topic. */
    static final int MAX_FILTER_POLICIES = 200;

    /** A FIFO publish remembered for deduplication: a duplicate gets the same answer and no delivery. */
    private record Remembered(String messageId, String sequenceNumber, long expiresMillis) {
    }

    /** What the publisher is told: the message id (the first one's, for a FIFO duplicate) and sequence number. */
    record Receipt(String messageId, String sequenceNumber) {
    }

    /** A Subscribe's outcome: the subscription, and whether it is new (else it existed with the same attributes). */
    record Subscribed(SnsSubscription subscription, boolean created) {
    }

    private final String name;
    private final Arn arn;
    private final boolean fifo;
    private final Map<String, String> attributes;
    private final Map<String, String> tags;
    private final Map<Arn, SnsSubscription> subscriptions = new LinkedHashMap<>();
    private final Outbox outbox = new Outbox();
    private int subscriptionsDeleted;
    private long sequence;
    private final LinkedHashMap<String, Remembered> recent = new LinkedHashMap<>();

    /**
     * @param attributes checked by {@link TopicAttributes#forCreate}
     * @param tags       checked by {@link SnsTags#of}
     */
    SnsTopic(String name, Arn arn, boolean fifo, Map<String, String> attributes, Map<String, String> tags) {
        this.name = name;
        this.arn = arn;
        this.fifo = fifo;
        this.attributes = new LinkedHashMap<>(attributes);
        this.tags = new LinkedHashMap<>(tags);
    }

    String name() {
        return name;
    }

    Arn arn() {
        return arn;
    }

    boolean fifo() {
        return fifo;
    }

    // ---- attributes and tags ----------------------------------------------------------------------

    /** CreateTopic of an existing topic: InvalidParameter unless every given attribute and tag is the topic's. */
    synchronized void checkSame(Map<String, String> givenAttributes, Map<String, String> givenTags) {
        Map<String, String> current = describe();
        givenAttributes.forEach((k, v) -> {
            if (!v.equals(current.get(k))) {
                throw SnsErrors.invalidParameter("Invalid parameter: Attributes Reason: Topic already exists with different attributes");
            }
        });
        givenTags.forEach((k, v) -> {
            if (!v.equals(tags.get(k))) {
                throw SnsErrors.invalidParameter("Invalid parameter: Tags Reason: Topic already exists with different tags");
            }
        });
    }

    /** A value checked by {@link TopicAttributes#forSet}; empty removes the attribute. */
    synchronized void setAttribute(String attribute, String value) {
        if (value.isEmpty()) {
            attributes.remove(attribute);
        } else {
            attributes.put(attribute, value);
        }
    }

    synchronized boolean contentBasedDeduplication() {
        return "true".equals(attributes.get("ContentBasedDeduplication"));
    }

    /** GetTopicAttributes: the set attributes with the defaults and the computed ones. */
    synchronized Map<String, String> describe() {
        int confirmed = 0;
        int pending = 0;
        for (SnsSubscription s : subscriptions.values()) {
            if (s.pending()) {
                pending++;
            } else {
                confirmed++;
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("Policy", TopicAttributes.defaultPolicy(arn.toString()));
        out.put("Owner", Account.ID);
        out.put("SubscriptionsPending", String.valueOf(pending));
        out.put("TopicArn", arn.toString());
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

    /** Adds or replaces tags checked by {@link SnsTags#of}; TagLimitExceeded past {@link SnsTags#MAX} in all. */
    synchronized void tag(Map<String, String> given) {
        Map<String, String> next = new LinkedHashMap<>(tags);
        next.putAll(given);
        if (next.size() > SnsTags.MAX) {
            throw SnsErrors.tagLimit();
        }
        tags.putAll(given);
    }

    synchronized void untag(List<String> keys) {
        keys.forEach(tags::remove);
    }

    synchronized Map<String, String> tags() {
        return new LinkedHashMap<>(tags);
    }

    // ---- subscriptions ----------------------------------------------------------------------------

    /**
     * Subscribe, its endpoint checked by {@link SnsEndpoints#check}: the existing subscription of this protocol and
     * endpoint when its attributes are the given ones (InvalidParameter when they differ), else a new one.
     */
    synchronized Subscribed subscribe(String protocol, String endpoint, Map<String, String> given) {
        for (SnsSubscription s : subscriptions.values()) {
            if (s.protocol().equals(protocol) && s.endpoint().equals(endpoint)) {
                if (!s.sameAttributes(given)) {
                    throw SnsErrors.invalidParameter("Invalid parameter: Attributes Reason: Subscription already exists with different attributes");
                }
                return new Subscribed(s, false);
            }
        }
        SnsSubscription s = new SnsSubscription(SnsArns.subscription(arn, Ids.uuid()), this, protocol, endpoint, Ids.hex(32), given);
        if (s.hasFilterPolicy()) {
            checkFilterPolicyQuota(s);
        }
        subscriptions.put(s.arn(), s);
        return new Subscribed(s, true);
    }

    /** SetSubscriptionAttributes on one of this topic's subscriptions; a new filter policy counts against the quota. */
    synchronized void setSubscriptionAttribute(SnsSubscription s, String attribute, String value) {
        boolean hadFilter = s.hasFilterPolicy();
        s.apply(Collections.singletonMap(attribute, value), "Invalid parameter: ");
        if (!hadFilter && s.hasFilterPolicy()) {
            try {
                checkFilterPolicyQuota(s);
            } catch (RuntimeException e) {
                s.apply(Collections.singletonMap("FilterPolicy", ""), "Invalid parameter: ");
                throw e;
            }
        }
    }

    /** FilterPolicyLimitExceeded when the topic's other subscriptions have all the filter policies it may have. */
    private void checkFilterPolicyQuota(SnsSubscription gaining) {
        long others = subscriptions.values().stream().filter(x -> x != gaining && x.hasFilterPolicy()).count();
        if (others >= MAX_FILTER_POLICIES) {
            throw SnsErrors.filterPolicyLimit();
        }
    }

    /** Unsubscribe: the subscription goes, and counts as deleted. */
    synchronized void remove(SnsSubscription s) {
        if (subscriptions.remove(s.arn()) != null) {
            subscriptionsDeleted++;
        }
    }

    synchronized List<SnsSubscription> subscriptions() {
        return List.copyOf(subscriptions.values());
    }

    // ---- publishing -------------------------------------------------------------------------------

    /**
     * Accepts a checked message: drops a FIFO duplicate inside the deduplication window (noting it in the trail),
     * else numbers it and queues its delivery to the confirmed subscriptions, in order. {@link #drain} delivers.
     */
    synchronized Receipt accept(PublishChecks.Checked c, long now, Fanout fanout) {
        if (fifo) {
            Remembered earlier = duplicate(c.deduplicationId(), now);
            if (earlier != null) {
                outbox.add(fanout.pending("SNS duplicate of " + earlier.messageId() + " on " + arn,
                        () -> fanout.duplicate(arn, c.draft().message(), earlier.messageId())));
                return new Receipt(earlier.messageId(), earlier.sequenceNumber());
            }
        }
        String sequenceNumber = fifo ? nextSequenceNumber() : null;
        String id = Ids.uuid();
        if (fifo) {
            recent.put(c.deduplicationId(), new Remembered(id, sequenceNumber, now + DEDUP_WINDOW_MILLIS));
        }
        PublishChecks.Draft d = c.draft();
        SnsPublished m = new SnsPublished(id, arn, fifo, d.message(), c.perProtocol(), d.subject(),
                Collections.unmodifiableMap(new LinkedHashMap<>(d.attributes())), d.groupId(), c.deduplicationId(),
                sequenceNumber, Instant.ofEpochMilli(now));
        List<SnsSubscription.Route> routes = new ArrayList<>();
        for (SnsSubscription s : subscriptions.values()) {
            if (!s.pending()) {
                routes.add(s.route());
            }
        }
        String signatureVersion = attributes.getOrDefault("SignatureVersion", "1");
        outbox.add(fanout.pending("SNS delivery of message " + id + " of " + arn, () -> fanout.deliver(m, routes, signatureVersion)));
        return new Receipt(id, sequenceNumber);
    }

    /** Runs the queued deliveries (outside the lock), unless another thread is already at it: see {@link Outbox}. */
    void drain() {
        outbox.drain();
    }

    /** The next FIFO sequence number: 20 digits, increasing, as SNS hands them out. */
    private String nextSequenceNumber() {
        sequence++;
        return String.format("1%019d", sequence);
    }

    /** The earlier publish with this deduplication id inside the window, or null (and drops expired ones). */
    private Remembered duplicate(String deduplicationId, long nowMillis) {
        for (Iterator<Remembered> it = recent.values().iterator(); it.hasNext(); ) {
            if (it.next().expiresMillis() <= nowMillis) {
                it.remove();
            } else {
                break;
            }
        }
        return recent.get(deduplicationId);
    }
}
