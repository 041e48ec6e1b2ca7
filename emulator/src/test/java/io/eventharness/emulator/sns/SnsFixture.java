package io.eventharness.emulator.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.TestAws;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Topics, queues and subscriptions for SNS tests, made through the SDK clients. */
final class SnsFixture {
    static final ObjectMapper JSON = new ObjectMapper();

    private static final SnsClient SNS = TestAws.sns();
    private static final SqsClient SQS = TestAws.sqs();

    /** Shared by all SNS tests: building SDK clients costs more than the calls. */
    final SnsClient sns = SNS;
    final SqsClient sqs = SQS;

    String topic() {
        return sns.createTopic(b -> b.name(TestAws.unique("t"))).topicArn();
    }

    String fifoTopic(boolean contentBasedDeduplication) {
        return sns.createTopic(b -> b.name(TestAws.unique("t") + ".fifo").attributes(Map.of("FifoTopic", "true",
                "ContentBasedDeduplication", String.valueOf(contentBasedDeduplication)))).topicArn();
    }

    String queue() {
        return sqs.createQueue(b -> b.queueName(TestAws.unique("q"))).queueUrl();
    }

    String fifoQueue() {
        return sqs.createQueue(b -> b.queueName(TestAws.unique("q") + ".fifo")
                .attributesWithStrings(Map.of("FifoQueue", "true"))).queueUrl();
    }

    String arnOf(String queueUrl) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    /** Subscribes the queue; returns the subscription ARN. */
    String subscribe(String topicArn, String queueUrl, Map<String, String> attributes) {
        return sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(arnOf(queueUrl)).attributes(attributes))
                .subscriptionArn();
    }

    /** What is in the queue now (no waiting: delivery is done when Publish returns). */
    List<Message> drain(String queueUrl) {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)
                .messageAttributeNames("All").messageSystemAttributeNamesWithStrings("All")).messages();
    }

    static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }

    static MessageAttributeValue string(String v) {
        return MessageAttributeValue.builder().dataType("String").stringValue(v).build();
    }

    static MessageAttributeValue number(String v) {
        return MessageAttributeValue.builder().dataType("Number").stringValue(v).build();
    }

    static MessageAttributeValue array(String json) {
        return MessageAttributeValue.builder().dataType("String.Array").stringValue(json).build();
    }

    static Map<String, MessageAttributeValue> attrs(Object... kv) {
        Map<String, MessageAttributeValue> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (MessageAttributeValue) kv[i + 1]);
        }
        return m;
    }
}
