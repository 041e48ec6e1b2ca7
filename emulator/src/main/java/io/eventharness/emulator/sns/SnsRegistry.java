package io.eventharness.emulator.sns;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The topics and subscriptions of the emulated account, in every region. Callers hold the
 * registry's monitor ({@code synchronized (registry)}) while they read or change it, and release it
 * before any delivery.
 */
final class SnsRegistry {
    final Map<String, SnsTopic> topics = new LinkedHashMap<>();
    final Map<String, SnsSubscription> subscriptions = new LinkedHashMap<>();
    final Map<String, SnsSubscription> byToken = new HashMap<>();

    /**
     * The topic {@code arn} given as {@code member}: InvalidParameter for a malformed ARN or one of
     * another region, AuthorizationError for another account's, NotFound when there is none.
     */
    SnsTopic topic(String arn, String member, String region, String action) {
        SnsArn a = SnsArn.topic(arn, member, region);
        SnsTopic t = topics.get(arn);
        if (t == null) {
            throw a.ownAccount() ? SnsErrors.topicNotFound() : SnsErrors.authorization(action, arn);
        }
        return t;
    }

    /** The subscription with that ARN: InvalidParameter when it is not one, NotFound when there is none. */
    SnsSubscription subscription(String arn) {
        if (arn == null) {
            throw SnsErrors.missing("subscriptionArn");
        }
        SnsArn a = SnsArn.parse(arn);
        if (a == null || !a.service().equals("sns") || !a.resource().contains(":")) {
            throw SnsErrors.invalidParameter("Invalid parameter: SubscriptionArn");
        }
        SnsSubscription s = subscriptions.get(arn);
        if (s == null) {
            throw SnsErrors.subscriptionNotFound();
        }
        return s;
    }

    void add(SnsTopic t, SnsSubscription s) {
        t.subscriptions.put(s.arn, s);
        subscriptions.put(s.arn, s);
        byToken.put(s.token, s);
    }

    void remove(SnsSubscription s) {
        subscriptions.remove(s.arn);
        byToken.remove(s.token);
        SnsTopic t = topics.get(s.topicArn);
        if (t != null && t.subscriptions.remove(s.arn) != null) {
            t.subscriptionsDeleted++;
        }
    }

    void removeTopic(SnsTopic t) {
        topics.remove(t.arn);
        for (SnsSubscription s : t.subscriptions.values()) {
            subscriptions.remove(s.arn);
            byToken.remove(s.token);
        }
    }
}
