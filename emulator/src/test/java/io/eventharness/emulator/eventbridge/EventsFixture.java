package io.eventharness.emulator.eventbridge;

import io.eventharness.emulator.Emulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An emulator of the test's own (schedule tests move its clock without disturbing other tests) and unmodified SDK
 * clients pointed at it; queues that let EventBridge send to them, as AWS requires; closing it closes both.
 */
final class EventsFixture implements AutoCloseable {
    final Emulator emulator;
    final EventBridgeClient events;
    final SqsClient sqs;
    final SnsClient sns;
    final LambdaClient lambda;
    private final List<AutoCloseable> clients = new ArrayList<>();

    EventsFixture() {
        emulator = Emulator.builder().withDynamicPort().build().start();
        events = client(EventBridgeClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
        sqs = client(SqsClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
        sns = client(SnsClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
        lambda = client(LambdaClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
    }

    <B extends AwsClientBuilder<B, C>, C extends AutoCloseable> C client(B builder) {
        C c = builder.endpointOverride(emulator.endpoint()).region(emulator.region()).credentialsProvider(emulator.credentials())
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(60)).build())
                .build();
        clients.add(c);
        return c;
    }

    /** A queue: its URL and ARN. */
    record Queue(String url, String arn) {
    }

    /** A queue whose policy lets events.amazonaws.com send to it (any rule of this account). */
    Queue queue(String name) {
        Queue q = bareQueue(name);
        sqs.setQueueAttributes(b -> b.queueUrl(q.url()).attributes(Map.of(QueueAttributeName.POLICY, allowEvents(q.arn(), null))));
        return q;
    }

    /** A queue without a policy. */
    Queue bareQueue(String name) {
        Map<QueueAttributeName, String> attrs = name.endsWith(".fifo")
                ? Map.of(QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true") : Map.of();
        String url = sqs.createQueue(b -> b.queueName(name).attributes(attrs)).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new Queue(url, arn);
    }

    /** The policy AWS's guide gives for an SQS target, for one rule or (null) any. */
    static String allowEvents(String queueArn, String ruleArn) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"events\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"events.amazonaws.com\"},\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + queueArn + "\""
                + (ruleArn == null ? "" : ",\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\"" + ruleArn + "\"}}") + "}]}";
    }

    /** Everything the queue holds now (received and deleted), in arrival order. */
    List<Message> drain(Queue q) {
        List<Message> out = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(q.url()).maxNumberOfMessages(10)
                    .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (batch.isEmpty()) {
                return out;
            }
            for (Message m : batch) {
                out.add(m);
                sqs.deleteMessage(b -> b.queueUrl(q.url()).receiptHandle(m.receiptHandle()));
            }
        }
    }

    @Override
    public void close() {
        for (AutoCloseable c : clients) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
        emulator.close();
    }
}
