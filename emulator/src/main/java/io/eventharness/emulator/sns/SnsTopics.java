package io.eventharness.emulator.sns;

import io.eventharness.emulator.core.Arn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The topics and subscriptions of the emulated account, in every region, and the ways requests name them (topic
 * ARN, subscription ARN, confirmation token). Its methods lock it; a topic's own state is under the topic's lock,
 * taken after this one (never the other way round), and no lock is held while messages are delivered.
 */
final class SnsTopics {
    private final Map<Arn, SnsTopic> topics = new LinkedHashMap<>();
    private final Map<Arn, SnsSubscription> subscriptions = new LinkedHashMap<>();
    private final Map<String, SnsSubscription> byToken = new HashMap<>();

    /** Adds the topic unless one with its ARN exists; returns that one, or null when the topic was added. */
    synchronized SnsTopic addIfAbsent(SnsTopic t) {
        SnsTopic existing = topics.get(t.arn());
        if (existing == null) {
            topics.put(t.arn(), t);
        }
        return existing;
    }

    /**
     * The topic {@code arn} given as {@code member}: InvalidParameter for a malformed ARN or one of
     * another region, AuthorizationError for another account's, NotFound when there is none.
     */
    synchronized SnsTopic topic(String arn, String member, String region, String action) {
        Arn a = SnsArns.topic(arn, member, region);
        SnsTopic t = topics.get(a);
        if (t == null) {
            throw a.inEmulatedAccount() ? SnsErrors.topicNotFound() : SnsErrors.authorization(action, arn);
        }
        return t;
    }

    synchronized Optional<SnsTopic> find(Arn arn) {
        return Optional.ofNullable(topics.get(arn));
    }

    /** Deletes a topic (if it is still there) and its subscriptions. */
    synchronized void delete(Arn arn) {
        SnsTopic t = topics.remove(arn);
        if (t != null) {
            for (SnsSubscription s : t.subscriptions()) {
                subscriptions.remove(s.arn());
                byToken.remove(s.token());
            }
        }
    }

    /** The ARNs of the topics of a region, in creation order. */
    synchronized List<Arn> topicArns(String region) {
        return topics.keySet().stream().filter(a -> a.region().equals(region)).toList();
    }

    /** Subscribe to a topic that is still there (see {@link SnsTopic#subscribe}); a new subscription is indexed. */
    synchronized SnsTopic.Subscribed subscribe(SnsTopic t, String protocol, String endpoint, Map<String, String> attributes) {
        if (topics.get(t.arn()) != t) {
            throw SnsErrors.topicNotFound();
        }
        SnsTopic.Subscribed s = t.subscribe(protocol, endpoint, attributes);
        if (s.created()) {
            subscriptions.put(s.subscription().arn(), s.subscription());
            byToken.put(s.subscription().token(), s.subscription());
        }
        return s;
    }

    /** The subscription with that ARN: InvalidParameter when it is not one, NotFound when there is none. */
    synchronized SnsSubscription subscription(String arn) {
        if (arn == null) {
            throw SnsErrors.missing("subscriptionArn");
        }
        Arn a = Arn.tryParse(arn).filter(SnsArns::isSubscription)
                .orElseThrow(() -> SnsErrors.invalidParameter("Invalid parameter: SubscriptionArn"));
        SnsSubscription s = subscriptions.get(a);
        if (s == null) {
            throw SnsErrors.subscriptionNotFound();
        }
        return s;
    }

    synchronized Optional<SnsSubscription> findSubscription(Arn arn) {
        return Optional.ofNullable(subscriptions.get(arn));
    }

    /** The subscription a confirmation token was sent for. */
    synchronized Optional<SnsSubscription> byToken(String token) {
        return Optional.ofNullable(byToken.get(token));
    }

    /** Unsubscribe: the subscription goes from here and from its topic. */
    synchronized void unsubscribe(SnsSubscription s) {
        if (subscriptions.remove(s.arn()) != null) {
            byToken.remove(s.token());
            s.topic().remove(s);
        }
    }

    /** The subscriptions to topics of a region, in creation order. */
    synchronized List<SnsSubscription> subscriptions(String region) {
        List<SnsSubscription> out = new ArrayList<>();
        for (SnsSubscription s : subscriptions.values()) {
            if (s.topic().arn().region().equals(region)) {
                out.add(s);
            }
        }
        return out;
    }
}
