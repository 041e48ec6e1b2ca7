package io.eventharness.emulator.sns;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.protocol.Call;
import java.util.List;
import software.amazon.awssdk.services.sns.model.ConfirmSubscriptionRequest;
import software.amazon.awssdk.services.sns.model.ConfirmSubscriptionResponse;
import software.amazon.awssdk.services.sns.model.GetSubscriptionAttributesRequest;
import software.amazon.awssdk.services.sns.model.GetSubscriptionAttributesResponse;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsByTopicRequest;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsByTopicResponse;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsRequest;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsResponse;
import software.amazon.awssdk.services.sns.model.SetSubscriptionAttributesRequest;
import software.amazon.awssdk.services.sns.model.SetSubscriptionAttributesResponse;
import software.amazon.awssdk.services.sns.model.SubscribeRequest;
import software.amazon.awssdk.services.sns.model.SubscribeResponse;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sns.model.UnsubscribeRequest;
import software.amazon.awssdk.services.sns.model.UnsubscribeResponse;

/**
 * Subscription operations: Subscribe (idempotent with the same attributes), confirmation, listing, attributes,
 * Unsubscribe. A subscription whose endpoint must confirm it gets its SubscriptionConfirmation recorded in the
 * trail, token included, since HTTP and email endpoints are not contacted.
 */
public final class SubscriptionOperations {
    private final SnsTopics topics;
    private final EmulatorClock clock;
    private final Delivery delivery;

    SubscriptionOperations(SnsTopics topics, EmulatorClock clock, Delivery delivery) {
        this.topics = topics;
        this.clock = clock;
        this.delivery = delivery;
    }

    public SubscribeResponse subscribe(SubscribeRequest r, Call call) {
        String protocol = r.protocol();
        if (protocol == null) {
            throw SnsErrors.missing("protocol");
        }
        SnsTopic t = topics.topic(r.topicArn(), "TopicArn", call.region(), "Subscribe");
        SnsEndpoints.check(t, protocol, r.endpoint());
        SnsTopic.Subscribed subscribed = topics.subscribe(t, protocol, r.endpoint(), r.attributes());
        SnsSubscription s = subscribed.subscription();
        boolean pending = s.pending();
        if (subscribed.created() && pending) {
            delivery.note(t.arn().toString(), s.endpoint(), "sns:SubscriptionConfirmation",
                    SnsEnvelopes.subscriptionConfirmation(t.arn(), s.token(), Ids.uuid(), clock.now()),
                    "not delivered: " + protocol + " endpoints are not emulated; confirm with the token");
        }
        boolean returnArn = Boolean.TRUE.equals(r.returnSubscriptionArn());
        return SubscribeResponse.builder().subscriptionArn(pending && !returnArn ? "pending confirmation" : s.arn().toString()).build();
    }

    /** ConfirmSubscription; may come unsigned from a SubscribeURL, so the topic ARN names the region. */
    public ConfirmSubscriptionResponse confirmSubscription(ConfirmSubscriptionRequest r) {
        Arn topic = SnsArns.topic(r.topicArn(), "TopicArn", null);
        if (r.token() == null) {
            throw SnsErrors.missing("token");
        }
        SnsSubscription s = topics.byToken(r.token()).filter(x -> x.topic().arn().equals(topic))
                .orElseThrow(() -> SnsErrors.invalidParameter("Invalid parameter: Token"));
        s.confirm("true".equalsIgnoreCase(r.authenticateOnUnsubscribe()));
        return ConfirmSubscriptionResponse.builder().subscriptionArn(s.arn().toString()).build();
    }

    /** Idempotent: an unknown (but well-formed) subscription is no error. */
    public UnsubscribeResponse unsubscribe(UnsubscribeRequest r) {
        if (r.subscriptionArn() == null) {
            throw SnsErrors.missing("subscriptionArn");
        }
        Arn a = SnsArns.parsed(r.subscriptionArn(), "SubscriptionArn");
        if (!SnsArns.isSubscription(a)) {
            throw SnsErrors.invalidParameter("Invalid parameter: SubscriptionId");
        }
        topics.findSubscription(a).ifPresent(topics::unsubscribe);
        return UnsubscribeResponse.builder().build();
    }

    public ListSubscriptionsResponse listSubscriptions(ListSubscriptionsRequest r, Call call) {
        List<Subscription> all = topics.subscriptions(call.region()).stream().map(SnsSubscription::summary).toList();
        Page<Subscription> page = Page.of(all, r.nextToken(), Page.SIZE);
        return ListSubscriptionsResponse.builder().subscriptions(page.items()).nextToken(page.nextToken()).build();
    }

    public ListSubscriptionsByTopicResponse listSubscriptionsByTopic(ListSubscriptionsByTopicRequest r, Call call) {
        SnsTopic t = topics.topic(r.topicArn(), "TopicArn", call.region(), "ListSubscriptionsByTopic");
        List<Subscription> all = t.subscriptions().stream().map(SnsSubscription::summary).toList();
        Page<Subscription> page = Page.of(all, r.nextToken(), Page.SIZE);
        return ListSubscriptionsByTopicResponse.builder().subscriptions(page.items()).nextToken(page.nextToken()).build();
    }

    public GetSubscriptionAttributesResponse getSubscriptionAttributes(GetSubscriptionAttributesRequest r) {
        return GetSubscriptionAttributesResponse.builder().attributes(topics.subscription(r.subscriptionArn()).describe()).build();
    }

    public SetSubscriptionAttributesResponse setSubscriptionAttributes(SetSubscriptionAttributesRequest r) {
        if (r.attributeName() == null) {
            throw SnsErrors.missing("attributeName");
        }
        SnsSubscription s = topics.subscription(r.subscriptionArn());
        s.topic().setSubscriptionAttribute(s, r.attributeName(), r.attributeValue());
        return SetSubscriptionAttributesResponse.builder().build();
    }
}
