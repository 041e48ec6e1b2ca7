package io.eventharness.emulator.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.TestAws;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Destinations for S3 notifications as AWS wants them: queues and topics whose policy lets {@code s3.amazonaws.com}
 * send for a bucket, and what arrives in a queue, read back as JSON.
 */
final class EventFixture {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A queue: its URL and ARN. */
    record Queue(String url, String arn) {
    }

    private final SqsClient sqs;
    private final SnsClient sns;

    EventFixture(SqsClient sqs, SnsClient sns) {
        this.sqs = sqs;
        this.sns = sns;
    }

    static EventFixture shared() {
        return new EventFixture(TestAws.sqs(), TestAws.sns());
    }

    /** A new queue; with {@code allowedBucket} not null, its policy lets S3 send for that bucket (as AWS requires). */
    Queue queue(String allowedBucket) {
        String url = sqs.createQueue(b -> b.queueName(TestAws.unique("events"))).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        if (allowedBucket != null) {
            sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.POLICY,
                    allowS3("sqs:SendMessage", arn, allowedBucket))));
        }
        return new Queue(url, arn);
    }

    /** A new topic whose policy lets S3 publish for the bucket, and a queue subscribed to it (raw delivery off). */
    String topicInto(Queue subscriber, String allowedBucket) {
        String topic = sns.createTopic(b -> b.name(TestAws.unique("events"))).topicArn();
        sns.setTopicAttributes(b -> b.topicArn(topic).attributeName("Policy").attributeValue(allowS3("sns:Publish", topic, allowedBucket)));
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(subscriber.arn()));
        return topic;
    }

    /** The statement the S3 user guide gives ("Granting permissions to publish event notification messages"). */
    static String allowS3(String action, String resource, String bucket) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"s3\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"s3.amazonaws.com\"},\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\",\"Condition\":"
                + "{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:s3:*:*:" + bucket + "\"},\"StringEquals\":"
                + "{\"aws:SourceAccount\":\"000000000000\"}}}]}";
    }

    /** Every message now in the queue, parsed, in arrival order; each is deleted. */
    List<JsonNode> drain(Queue q) {
        List<JsonNode> out = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(q.url()).maxNumberOfMessages(10)).messages();
            if (batch.isEmpty()) {
                return out;
            }
            for (Message m : batch) {
                out.add(parse(m.body()));
                sqs.deleteMessage(b -> b.queueUrl(q.url()).receiptHandle(m.receiptHandle()));
            }
        }
    }

    /** The event records in the queue (test events left out), in arrival order. */
    List<JsonNode> records(Queue q) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode m : drain(q)) {
            JsonNode body = m.has("Type") && m.path("Type").asText().equals("Notification") ? parse(m.path("Message").asText()) : m;
            body.path("Records").forEach(out::add);
        }
        return out;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
