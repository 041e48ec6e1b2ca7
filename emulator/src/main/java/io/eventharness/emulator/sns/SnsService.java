package io.eventharness.emulator.sns;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.protocol.EmulatedService;
import io.eventharness.emulator.protocol.ServiceSpec;
import java.util.List;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Amazon SNS, bound to the emulator: its spec, its topics and its operation objects; the {@link Delivery} target
 * of {@code arn:aws:sns:…} (other services publish to topics through it); and the in-JVM API other code uses.
 * What it serves and how it differs from AWS: see the package documentation.
 */
public final class SnsService implements EmulatedService {
    public static final ServiceSpec SPEC = ServiceSpec.query("sns", SnsClient.class, "http://sns.amazonaws.com/doc/2010-03-31/");

    private final SnsTopics topics = new SnsTopics();
    private final List<Object> operations;

    public SnsService(EmulatorClock clock, Delivery delivery) {
        this(clock, delivery, QueueAccess.OPEN);
    }

    /** @param queues whether a queue's policy lets a topic send to it (checked on each delivery, as AWS does) */
    public SnsService(EmulatorClock clock, Delivery delivery, QueueAccess queues) {
        SnsPublisher publisher = new SnsPublisher(topics, clock, new Fanout(delivery, clock.activity(), queues));
        this.operations = List.of(new TopicOperations(topics), new SubscriptionOperations(topics, clock, delivery),
                new PublishOperations(topics, publisher, delivery), new TagOperations(topics));
        delivery.register("sns", publisher::deliverToTopic);
    }

    @Override
    public ServiceSpec spec() {
        return SPEC;
    }

    @Override
    public List<?> operations() {
        return operations;
    }

    // ---- in-JVM API -----------------------------------------------------------------------------

    /** Whether a topic with this ARN exists (S3 checks notification destinations with it). */
    public boolean topicExists(String topicArn) {
        return Arn.tryParse(topicArn).flatMap(topics::find).isPresent();
    }

    /** The access policy of the topic with this ARN (the default one SNS gives, unless set); null when no topic. */
    public String topicPolicy(Arn topic) {
        return topics.find(topic).map(t -> t.describe().get("Policy")).orElse(null);
    }

    /**
     * The token of a subscription awaiting confirmation (what its HTTP or email endpoint would have
     * received), for tests that confirm it with ConfirmSubscription; null when none.
     */
    public String confirmationToken(String subscriptionArn) {
        return Arn.tryParse(subscriptionArn).flatMap(topics::findSubscription).map(SnsSubscription::token).orElse(null);
    }
}
