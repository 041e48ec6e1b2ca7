package io.eventharness.emulator.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.core.Account;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.sns.model.Subscription;

/**
 * One subscription: its endpoint, its confirmation state and its attributes, checked as SNS checks
 * them (API reference: SetSubscriptionAttributes). It shares its topic's lock: every method takes it, and what
 * needs the topic's other subscriptions too (the filter policy quota) goes through {@link SnsTopic}.
 */
final class SnsSubscription {
    private static final ObjectMapper JSON = Json.MAPPER;
    static final List<String> NAMES = List.of("DeliveryPolicy", "FilterPolicy", "FilterPolicyScope", "RawMessageDelivery",
            "RedrivePolicy", "SubscriptionRoleArn");
    private static final List<String> RAW_PROTOCOLS = List.of("sqs", "http", "https", "firehose");

    /**
     * What one delivery needs of a subscription, taken under the lock and used without it.
     *
     * @param deadLetterArn the queue of the subscription's redrive policy, or null
     */
    record Route(Arn subscriptionArn, String protocol, String endpoint, boolean raw, FilterPolicy filter,
                 String filterScope, Arn deadLetterArn) {
    }

    private final Arn arn;
    private final SnsTopic topic;
    private final String protocol;
    private final String endpoint;
    private final String token;
    private boolean pending;
    private boolean authenticated;
    private Map<String, String> attributes = new LinkedHashMap<>();
    private FilterPolicy filter;

    /**
     * A subscription with the attributes Subscribe gave (checked: errors read "Invalid parameter: Attributes
     * Reason: …"); pending when its endpoint must confirm it ({@link SnsEndpoints#needsConfirmation}).
     */
    SnsSubscription(Arn arn, SnsTopic topic, String protocol, String endpoint, String token, Map<String, String> given) {
        this.arn = arn;
        this.topic = topic;
        this.protocol = protocol;
        this.endpoint = endpoint;
        this.token = token;
        apply(given, "Invalid parameter: Attributes Reason: ");
        this.pending = SnsEndpoints.needsConfirmation(protocol, endpoint);
        this.authenticated = !pending;
    }

    Arn arn() {
        return arn;
    }

    SnsTopic topic() {
        return topic;
    }

    String protocol() {
        return protocol;
    }

    String endpoint() {
        return endpoint;
    }

    /** The confirmation token its endpoint would have received. */
    String token() {
        return token;
    }

    boolean pending() {
        synchronized (topic) {
            return pending;
        }
    }

    /** ConfirmSubscription: a pending subscription is confirmed (again is no change). */
    void confirm(boolean authenticateOnUnsubscribe) {
        synchronized (topic) {
            if (pending) {
                pending = false;
                authenticated = authenticateOnUnsubscribe;
            }
        }
    }

    /**
     * Sets attributes all at once or not at all; an empty value removes one. {@code prefix} starts
     * every error ("Invalid parameter: " or, from Subscribe, "Invalid parameter: Attributes Reason: ").
     */
    void apply(Map<String, String> changes, String prefix) {
        synchronized (topic) {
            Map<String, String> next = new LinkedHashMap<>(attributes);
            for (Map.Entry<String, String> e : changes.entrySet()) {
                String name = e.getKey();
                if (!NAMES.contains(name)) {
                    throw SnsErrors.invalidParameter(prefix + "AttributeName");
                }
                String value = e.getValue() == null ? "" : e.getValue();
                if (value.isEmpty() && !name.equals("RawMessageDelivery") && !name.equals("FilterPolicyScope")) {
                    next.remove(name);
                } else {
                    next.put(name, check(name, value, prefix));
                }
            }
            String policy = next.get("FilterPolicy");
            FilterPolicy compiled = policy == null ? null
                    : FilterPolicy.compile(policy, next.getOrDefault("FilterPolicyScope", FilterPolicy.ATTRIBUTES), prefix);
            attributes = next;
            filter = compiled;
        }
    }

    private String check(String name, String value, String prefix) {
        switch (name) {
            case "RawMessageDelivery" -> {
                String v = value.toLowerCase(Locale.ROOT);
                if (!v.equals("true") && !v.equals("false")) {
                    throw SnsErrors.invalidParameter(prefix + "RawMessageDelivery: Invalid value [" + value + "]. Must be true or false.");
                }
                if (v.equals("true") && !RAW_PROTOCOLS.contains(protocol)) {
                    throw SnsErrors.invalidParameter(prefix + "Delivery protocol [" + protocol + "] does not support raw message delivery.");
                }
                return v;
            }
            case "FilterPolicyScope" -> {
                if (!value.equals(FilterPolicy.ATTRIBUTES) && !value.equals(FilterPolicy.BODY)) {
                    throw SnsErrors.invalidParameter(prefix + "FilterPolicyScope: Invalid value [" + value
                            + "]. Please use either MessageBody or MessageAttributes");
                }
                return value;
            }
            case "RedrivePolicy" -> {
                checkRedrive(value, prefix);
                return value;
            }
            case "DeliveryPolicy" -> {
                if (!TopicAttributes.isJsonObject(value)) {
                    throw SnsErrors.invalidParameter(prefix + "DeliveryPolicy: failed to parse JSON.");
                }
                return value;
            }
            default -> {
                return value;
            }
        }
    }

    /** {@code {"deadLetterTargetArn": "<sqs arn>"}}; a FIFO subscription of a FIFO topic needs a FIFO queue. */
    private void checkRedrive(String value, String prefix) {
        JsonNode p;
        try {
            p = JSON.readTree(value);
        } catch (java.io.IOException e) {
            throw SnsErrors.invalidParameter(prefix + "RedrivePolicy: failed to parse JSON.");
        }
        Arn dlq = Arn.tryParse(p == null ? null : p.path("deadLetterTargetArn").asText(null)).filter(SnsArns::isQueue)
                .orElseThrow(() -> SnsErrors.invalidParameter(prefix + "RedrivePolicy: deadLetterTargetArn is an invalid arn"));
        if (topic.fifo() && endpoint.endsWith(".fifo") && !dlq.resource().endsWith(".fifo")) {
            throw SnsErrors.invalidParameter(prefix + "RedrivePolicy: must use a FIFO queue as DLQ for a FIFO Subscription to a FIFO Topic.");
        }
    }

    /** The dead-letter queue of a RedrivePolicy that was checked when set. */
    private static Arn deadLetterArn(String redrivePolicy) {
        try {
            return Arn.tryParse(JSON.readTree(redrivePolicy).path("deadLetterTargetArn").asText(null)).orElse(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    boolean hasFilterPolicy() {
        synchronized (topic) {
            return filter != null;
        }
    }

    /** Whether the attributes given to Subscribe again are those the subscription has. */
    boolean sameAttributes(Map<String, String> given) {
        synchronized (topic) {
            for (Map.Entry<String, String> e : given.entrySet()) {
                String mine = e.getKey().equals("RawMessageDelivery") ? attributes.getOrDefault("RawMessageDelivery", "false")
                        : attributes.get(e.getKey());
                String theirs = e.getKey().equals("RawMessageDelivery") ? e.getValue().toLowerCase(Locale.ROOT) : e.getValue();
                if (!theirs.equals(mine == null ? "" : mine)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** GetSubscriptionAttributes. */
    Map<String, String> describe() {
        synchronized (topic) {
            Map<String, String> out = new LinkedHashMap<>();
            out.put("ConfirmationWasAuthenticated", String.valueOf(authenticated));
            out.put("Endpoint", endpoint);
            out.put("Owner", Account.ID);
            out.put("PendingConfirmation", String.valueOf(pending));
            out.put("Protocol", protocol);
            out.put("RawMessageDelivery", attributes.getOrDefault("RawMessageDelivery", "false"));
            out.put("SubscriptionArn", arn.toString());
            out.put("TopicArn", topic.arn().toString());
            for (String n : List.of("DeliveryPolicy", "RedrivePolicy", "SubscriptionRoleArn")) {
                if (attributes.containsKey(n)) {
                    out.put(n, attributes.get(n));
                }
            }
            if (filter != null) {
                out.put("FilterPolicy", attributes.get("FilterPolicy"));
                out.put("FilterPolicyScope", attributes.getOrDefault("FilterPolicyScope", FilterPolicy.ATTRIBUTES));
            }
            return out;
        }
    }

    /** The Subscription shape of ListSubscriptions; a pending one has no ARN yet. */
    Subscription summary() {
        synchronized (topic) {
            return Subscription.builder().subscriptionArn(pending ? "PendingConfirmation" : arn.toString()).owner(Account.ID)
                    .protocol(protocol).endpoint(endpoint).topicArn(topic.arn().toString()).build();
        }
    }

    Route route() {
        synchronized (topic) {
            String redrive = attributes.get("RedrivePolicy");
            Arn dlq = redrive == null ? null : deadLetterArn(redrive);
            return new Route(arn, protocol, endpoint, "true".equals(attributes.get("RawMessageDelivery")), filter,
                    attributes.getOrDefault("FilterPolicyScope", FilterPolicy.ATTRIBUTES), dlq);
        }
    }
}
