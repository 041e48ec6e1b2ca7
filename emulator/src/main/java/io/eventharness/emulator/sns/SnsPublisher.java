package io.eventharness.emulator.sns;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.delivery.Message;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Hands checked messages to their topic ({@link SnsTopic#accept}), for Publish, PublishBatch, and other services'
 * deliveries to topics ({@code arn:aws:sns:…}: S3 notifications, function dead-letter queues and destinations),
 * for which it is the {@link Delivery} target.
 */
final class SnsPublisher {
    private final SnsTopics topics;
    private final EmulatorClock clock;
    private final Fanout fanout;

    SnsPublisher(SnsTopics topics, EmulatorClock clock, Fanout fanout) {
        this.topics = topics;
        this.clock = clock;
        this.fanout = fanout;
    }

    /** Checks a draft against its topic and queues it there; the caller then {@link SnsTopic#drain drains} the topic. */
    SnsTopic.Receipt accept(SnsTopic topic, PublishChecks.Draft d) {
        return topic.accept(PublishChecks.against(d, topic), clock.millis(), fanout);
    }

    /** Another service's message to a topic (with its subject, if it has one); the topic's region is the ARN's. */
    void deliverToTopic(String sourceArn, String topicArn, Message m) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        m.attributes().forEach((k, v) -> attributes.put(k, MessageAttributeValue.builder().dataType(v.dataType())
                .stringValue(v.stringValue()).binaryValue(v.binaryValue() == null ? null : SdkBytes.fromByteArray(v.binaryValue()))
                .build()));
        PublishChecks.Draft d = new PublishChecks.Draft(m.body(), m.subject(), null, attributes, m.groupId(), m.deduplicationId());
        PublishChecks.content(d, 0);
        Arn a = SnsArns.topic(topicArn, "TopicArn", null);
        SnsTopic topic = topics.topic(topicArn, "TopicArn", a.region(), "Publish");
        accept(topic, d);
        topic.drain();
    }
}
