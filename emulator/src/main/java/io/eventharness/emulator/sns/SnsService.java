package io.eventharness.emulator.sns;

import io.eventharness.emulator.core.Account;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.protocol.Call;
import io.eventharness.emulator.protocol.EmulatedService;
import io.eventharness.emulator.protocol.ServiceSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.*;

/**
 * Amazon SNS (query protocol): standard and FIFO topics, subscriptions with confirmation, filter
 * policies, raw delivery and dead-letter queues, Publish and PublishBatch, tags. Messages reach SQS
 * queues (and, once Lambda registers as a delivery target, functions) through {@link Delivery}; other
 * services publish to topics through it too ({@code arn:aws:sns:…}).
 *
 * <p>Differs from AWS: HTTP/S, email, SMS, mobile push and Firehose endpoints are not contacted; what
 * they would get is recorded in the event trail (for HTTP/S and email, the SubscriptionConfirmation
 * with its token — also at {@link #confirmationToken}). Message signatures do not verify. Access
 * policies are stored, not enforced; one account.
 */
public final class SnsService implements EmulatedService {
    public static final ServiceSpec SPEC = ServiceSpec.query("sns", SnsClient.class, "http://sns.amazonaws.com/doc/2010-03-31/");

    @Override
    public ServiceSpec spec() {
        return SPEC;
    }

    @Override
    public List<?> operations() {
        return List.of(this);
    }

    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern FIFO_TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,251}\\.fifo");
    private static final int PAGE = 100;
    private static final int MAX_FILTER_POLICIES = 200;

    private final EmulatorClock clock;
    private final Delivery delivery;
    private final SnsRegistry registry = new SnsRegistry();
    private final SnsPublisher publisher;

    public SnsService(EmulatorClock clock, Delivery delivery) {
        this.clock = clock;
        this.delivery = delivery;
        this.publisher = new SnsPublisher(registry, clock, delivery);
        delivery.register("sns", publisher::deliverToTopic);
    }

    // ---- topics -------------------------------------------------------------------------------

    public CreateTopicResponse createTopic(CreateTopicRequest r, Call call) {
        String name = r.name();
        if (name == null) {
            throw SnsErrors.missing("name");
        }
        Map<String, String> given = r.attributes();
        String fifoAttr = given.get("FifoTopic");
        if (fifoAttr != null && !fifoAttr.equalsIgnoreCase("true") && !fifoAttr.equalsIgnoreCase("false")) {
            throw SnsErrors.invalidParameter("Invalid parameter: Attributes Reason: FifoTopic: Invalid value [" + fifoAttr
                    + "]. Must be true or false.");
        }
        boolean fifo = "true".equalsIgnoreCase(fifoAttr);
        if (fifo && !FIFO_TOPIC_NAME.matcher(name).matches()) {
            throw SnsErrors.invalidParameter("Fifo Topic names must end with .fifo and must be made up of only uppercase and "
                    + "lowercase ASCII letters, numbers, underscores, and hyphens, and must be between 1 and 256 characters long.");
        }
        if (!fifo && !TOPIC_NAME.matcher(name).matches()) {
            throw SnsErrors.invalidParameter("Invalid parameter: Topic Name");
        }
        Map<String, String> attributes = TopicAttributes.forCreate(given, fifo);
        Map<String, String> tags = SnsTags.of(r.tags());
        String arn = Account.arn("sns", call.region(), name);
        synchronized (registry) {
            SnsTopic existing = registry.topics.get(arn);
            if (existing != null) {
                Map<String, String> current = existing.describe();
                attributes.forEach((k, v) -> {
                    if (!v.equals(current.get(k))) {
                        throw SnsErrors.invalidParameter("Invalid parameter: Attributes Reason: Topic already exists with different attributes");
                    }
                });
                tags.forEach((k, v) -> {
                    if (!v.equals(existing.tags.get(k))) {
                        throw SnsErrors.invalidParameter("Invalid parameter: Tags Reason: Topic already exists with different tags");
                    }
                });
                return CreateTopicResponse.builder().topicArn(arn).build();
            }
            SnsTopic t = new SnsTopic(name, arn, call.region(), fifo);
            t.attributes.putAll(attributes);
            t.tags.putAll(tags);
            registry.topics.put(arn, t);
        }
        return CreateTopicResponse.builder().topicArn(arn).build();
    }

    /** Deleting a topic that does not exist is no error; its subscriptions go with it. */
    public DeleteTopicResponse deleteTopic(DeleteTopicRequest r, Call call) {
        SnsArn.topic(r.topicArn(), "TopicArn", call.region());
        synchronized (registry) {
            SnsTopic t = registry.topics.get(r.topicArn());
            if (t != null) {
                registry.removeTopic(t);
            }
        }
        return DeleteTopicResponse.builder().build();
    }

    public ListTopicsResponse listTopics(ListTopicsRequest r, Call call) {
        List<String> arns = new ArrayList<>();
        synchronized (registry) {
            for (SnsTopic t : registry.topics.values()) {
                if (t.region.equals(call.region())) {
                    arns.add(t.arn);
                }
            }
        }
        Collections.sort(arns);
        Page<String> page = Page.of(arns, r.nextToken(), PAGE);
        return ListTopicsResponse.builder().topics(page.items().stream().map(a -> Topic.builder().topicArn(a).build()).toList())
                .nextToken(page.nextToken()).build();
    }

    public GetTopicAttributesResponse getTopicAttributes(GetTopicAttributesRequest r, Call call) {
        synchronized (registry) {
            SnsTopic t = registry.topic(r.topicArn(), "TopicArn", call.region(), "GetTopicAttributes");
            return GetTopicAttributesResponse.builder().attributes(t.describe()).build();
        }
    }

    public SetTopicAttributesResponse setTopicAttributes(SetTopicAttributesRequest r, Call call) {
        synchronized (registry) {
            SnsTopic t = registry.topic(r.topicArn(), "TopicArn", call.region(), "SetTopicAttributes");
            String value = TopicAttributes.forSet(r.attributeName(), r.attributeValue(), t.fifo);
            if (value.isEmpty()) {
                t.attributes.remove(r.attributeName());
            } else {
                t.attributes.put(r.attributeName(), value);
            }
        }
        return SetTopicAttributesResponse.builder().build();
    }

    // ---- subscriptions ------------------------------------------------------------------------

    public SubscribeResponse subscribe(SubscribeRequest r, Call call) {
        String protocol = r.protocol();
        if (protocol == null) {
            throw SnsErrors.missing("protocol");
        }
        SnsSubscription s;
        boolean created = false;
        boolean pending;
        synchronized (registry) {
            SnsTopic t = registry.topic(r.topicArn(), "TopicArn", call.region(), "Subscribe");
            SnsEndpoints.check(t, protocol, r.endpoint());
            s = existing(t, protocol, r.endpoint());
            if (s != null) {
                if (!s.sameAttributes(r.attributes())) {
                    throw SnsErrors.invalidParameter("Invalid parameter: Attributes Reason: Subscription already exists with different attributes");
                }
            } else {
                s = new SnsSubscription(t.arn + ":" + Ids.uuid(), t.arn, t.fifo, protocol, r.endpoint(), Ids.hex(32));
                s.apply(r.attributes(), "Invalid parameter: Attributes Reason: ");
                if (s.hasFilterPolicy()) {
                    checkFilterPolicyLimit(t);
                }
                s.pending = SnsEndpoints.needsConfirmation(protocol, r.endpoint());
                s.authenticated = !s.pending;
                registry.add(t, s);
                created = true;
            }
            pending = s.pending;
        }
        if (created && pending) {
            delivery.note(s.topicArn, s.endpoint, "sns:SubscriptionConfirmation",
                    SnsEnvelopes.subscriptionConfirmation(s.topicArn, s.token, Ids.uuid(), clock.now()),
                    "not delivered: " + protocol + " endpoints are not emulated; confirm with the token");
        }
        boolean returnArn = Boolean.TRUE.equals(r.returnSubscriptionArn());
        return SubscribeResponse.builder().subscriptionArn(pending && !returnArn ? "pending confirmation" : s.arn).build();
    }

    public ConfirmSubscriptionResponse confirmSubscription(ConfirmSubscriptionRequest r) {
        SnsArn.topic(r.topicArn(), "TopicArn", null); // may come unsigned from a SubscribeURL: the ARN names the region
        if (r.token() == null) {
            throw SnsErrors.missing("token");
        }
        synchronized (registry) {
            SnsSubscription s = registry.byToken.get(r.token());
            if (s == null || !s.topicArn.equals(r.topicArn())) {
                throw SnsErrors.invalidParameter("Invalid parameter: Token");
            }
            if (s.pending) {
                s.pending = false;
                s.authenticated = "true".equalsIgnoreCase(r.authenticateOnUnsubscribe());
            }
            return ConfirmSubscriptionResponse.builder().subscriptionArn(s.arn).build();
        }
    }

    /** Idempotent: an unknown (but well-formed) subscription is no error. */
    public UnsubscribeResponse unsubscribe(UnsubscribeRequest r) {
        String arn = r.subscriptionArn();
        if (arn == null) {
            throw SnsErrors.missing("subscriptionArn");
        }
        SnsArn a = SnsArn.parse(arn);
        if (a == null) {
            throw SnsErrors.invalidParameter("Invalid parameter: SubscriptionArn Reason: An ARN must have at least 6 elements, not "
                    + arn.split(":", -1).length);
        }
        if (!a.service().equals("sns") || !a.resource().contains(":")) {
            throw SnsErrors.invalidParameter("Invalid parameter: SubscriptionId");
        }
        synchronized (registry) {
            SnsSubscription s = registry.subscriptions.get(arn);
            if (s != null) {
                registry.remove(s);
            }
        }
        return UnsubscribeResponse.builder().build();
    }

    public ListSubscriptionsResponse listSubscriptions(ListSubscriptionsRequest r, Call call) {
        List<Subscription> all = new ArrayList<>();
        synchronized (registry) {
            for (SnsSubscription s : registry.subscriptions.values()) {
                SnsArn a = SnsArn.parse(s.topicArn);
                if (a != null && a.region().equals(call.region())) {
                    all.add(summary(s));
                }
            }
        }
        Page<Subscription> page = Page.of(all, r.nextToken(), PAGE);
        return ListSubscriptionsResponse.builder().subscriptions(page.items()).nextToken(page.nextToken()).build();
    }

    public ListSubscriptionsByTopicResponse listSubscriptionsByTopic(ListSubscriptionsByTopicRequest r, Call call) {
        List<Subscription> all = new ArrayList<>();
        synchronized (registry) {
            SnsTopic t = registry.topic(r.topicArn(), "TopicArn", call.region(), "ListSubscriptionsByTopic");
            t.subscriptions.values().forEach(s -> all.add(summary(s)));
        }
        Page<Subscription> page = Page.of(all, r.nextToken(), PAGE);
        return ListSubscriptionsByTopicResponse.builder().subscriptions(page.items()).nextToken(page.nextToken()).build();
    }

    public GetSubscriptionAttributesResponse getSubscriptionAttributes(GetSubscriptionAttributesRequest r) {
        synchronized (registry) {
            return GetSubscriptionAttributesResponse.builder().attributes(registry.subscription(r.subscriptionArn()).describe()).build();
        }
    }

    public SetSubscriptionAttributesResponse setSubscriptionAttributes(SetSubscriptionAttributesRequest r) {
        if (r.attributeName() == null) {
            throw SnsErrors.missing("attributeName");
        }
        synchronized (registry) {
            SnsSubscription s = registry.subscription(r.subscriptionArn());
            boolean hadFilter = s.hasFilterPolicy();
            s.apply(Collections.singletonMap(r.attributeName(), r.attributeValue()), "Invalid parameter: ");
            SnsTopic t = registry.topics.get(s.topicArn);
            if (!hadFilter && s.hasFilterPolicy() && t != null) {
                try {
                    checkFilterPolicyLimit(t);
                } catch (RuntimeException e) {
                    s.apply(Collections.singletonMap("FilterPolicy", ""), "Invalid parameter: ");
                    throw e;
                }
            }
        }
        return SetSubscriptionAttributesResponse.builder().build();
    }

    // ---- publishing ---------------------------------------------------------------------------

    public PublishResponse publish(PublishRequest r, Call call) {
        return publisher.publish(r, call.region());
    }

    public PublishBatchResponse publishBatch(PublishBatchRequest r, Call call) {
        return publisher.publishBatch(r, call.region());
    }

    // ---- tags ---------------------------------------------------------------------------------

    public TagResourceResponse tagResource(TagResourceRequest r, Call call) {
        Map<String, String> tags = SnsTags.of(r.tags());
        synchronized (registry) {
            SnsTopic t = tagged(r.resourceArn(), call);
            Map<String, String> next = new java.util.LinkedHashMap<>(t.tags);
            next.putAll(tags);
            if (next.size() > SnsTags.MAX) {
                throw SnsErrors.tagLimit();
            }
            t.tags.putAll(tags);
        }
        return TagResourceResponse.builder().build();
    }

    public UntagResourceResponse untagResource(UntagResourceRequest r, Call call) {
        synchronized (registry) {
            SnsTopic t = tagged(r.resourceArn(), call);
            r.tagKeys().forEach(t.tags::remove);
        }
        return UntagResourceResponse.builder().build();
    }

    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest r, Call call) {
        synchronized (registry) {
            SnsTopic t = tagged(r.resourceArn(), call);
            return ListTagsForResourceResponse.builder().tags(SnsTags.toList(t.tags)).build();
        }
    }

    // ---- for in-JVM callers -------------------------------------------------------------------

    /**
     * The token of a subscription awaiting confirmation (what its HTTP or email endpoint would have
     * received), for tests that confirm it with ConfirmSubscription; null when none.
     */
    /** Whether a topic with this ARN exists (S3 checks notification destinations with it). */
    public boolean topicExists(String topicArn) {
        synchronized (registry) {
            return registry.topics.containsKey(topicArn);
        }
    }

    public String confirmationToken(String subscriptionArn) {
        synchronized (registry) {
            SnsSubscription s = registry.subscriptions.get(subscriptionArn);
            return s == null ? null : s.token;
        }
    }

    // ---- internals ----------------------------------------------------------------------------

    private SnsTopic tagged(String arn, Call call) {
        if (arn == null) {
            throw SnsErrors.missing("resourceArn");
        }
        SnsArn a = SnsArn.parse(arn);
        if (a == null || !a.service().equals("sns") || !a.region().equals(call.region())) {
            throw SnsErrors.invalidParameter("Invalid parameter: ResourceArn");
        }
        SnsTopic t = registry.topics.get(arn);
        if (t == null) {
            throw SnsErrors.resourceNotFound();
        }
        return t;
    }

    private static SnsSubscription existing(SnsTopic t, String protocol, String endpoint) {
        for (SnsSubscription s : t.subscriptions.values()) {
            if (s.protocol.equals(protocol) && s.endpoint.equals(endpoint)) {
                return s;
            }
        }
        return null;
    }

    private static void checkFilterPolicyLimit(SnsTopic t) {
        long n = t.subscriptions.values().stream().filter(SnsSubscription::hasFilterPolicy).count();
        if (n >= MAX_FILTER_POLICIES) {
            throw SnsErrors.filterPolicyLimit();
        }
    }

    private static Subscription summary(SnsSubscription s) {
        return Subscription.builder().subscriptionArn(s.pending ? "PendingConfirmation" : s.arn).owner(Account.ID)
                .protocol(s.protocol).endpoint(s.endpoint).topicArn(s.topicArn).build();
    }
}
