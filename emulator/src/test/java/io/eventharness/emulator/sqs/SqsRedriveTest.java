package io.eventharness.emulator.sqs;

import static io.eventharness.emulator.sqs.SqsFixture.assertError;
import static io.eventharness.emulator.sqs.SqsFixture.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.TestAws;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Redrive to dead-letter queues (sqs-dead-letter-queues.html): once a message was received
 * {@code maxReceiveCount} times without being deleted, the next receive moves it to the dead-letter
 * queue, keeping its id, body and attributes. No accepted message is ever lost on the way.
 */
class SqsRedriveTest {
    private final SqsFixture f = new SqsFixture();
    private final SqsClient sqs = f.sqs;

    private static String policy(String dlqArn, int maxReceiveCount) {
        return "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}";
    }

    @Test
    void aMessageReceivedMaxReceiveCountTimesMovesToTheDeadLetterQueue() {
        String dlq = f.queue();
        String source = f.queue(Map.of("RedrivePolicy", policy(f.arnOf(dlq), 2)));
        String id = sqs.sendMessage(b -> b.queueUrl(source).messageBody("poison").messageAttributes(Map.of("k", string("v"))))
                .messageId();

        assertThat(f.receiveOne(source, 0)).singleElement().satisfies(m ->
                assertThat(m.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
        assertThat(f.receiveOne(source, 0)).singleElement().satisfies(m ->
                assertThat(m.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2"));
        assertThat(f.receiveOne(source, 0)).as("the third receive moves it instead").isEmpty();

        assertThat(f.counts(source)).containsExactly(0, 0, 0);
        List<Message> dead = sqs.receiveMessage(b -> b.queueUrl(dlq).messageAttributeNames("All")).messages();
        assertThat(dead).singleElement().satisfies(m -> {
            assertThat(m.messageId()).isEqualTo(id);
            assertThat(m.body()).isEqualTo("poison");
            assertThat(m.messageAttributes()).containsEntry("k", string("v"));
        });
        assertThat(sqs.listDeadLetterSourceQueues(b -> b.queueUrl(dlq)).queueUrls()).containsExactly(source);
        // the policy comes back with maxReceiveCount as a number, as AWS returns it
        assertThat(f.attribute(source, QueueAttributeName.REDRIVE_POLICY))
                .isEqualTo("{\"deadLetterTargetArn\":\"" + f.arnOf(dlq) + "\",\"maxReceiveCount\":2}");
    }

    @Test
    void fifoQueuesRedriveToAFifoDeadLetterQueue() {
        String dlq = f.fifoQueue(Map.of());
        String source = f.fifoQueue(Map.of("RedrivePolicy", policy(f.arnOf(dlq), 1)));
        sqs.sendMessage(b -> b.queueUrl(source).messageBody("first").messageGroupId("g").messageDeduplicationId("1"));
        sqs.sendMessage(b -> b.queueUrl(source).messageBody("second").messageGroupId("g").messageDeduplicationId("2"));

        assertThat(f.receiveOne(source, 0)).extracting(Message::body).containsExactly("first");
        // "first" moves; "second", next in its group, is received in the same call
        assertThat(f.receiveOne(source, 30)).extracting(Message::body).containsExactly("second");
        assertThat(f.receive(dlq)).extracting(Message::body).containsExactly("first");
    }

    @Test
    void theRedrivePolicyIsValidated() {
        String dlq = f.queue();
        String arn = f.arnOf(dlq);
        String absent = "arn:aws:sqs:us-east-1:000000000000:" + TestAws.unique("absent");
        for (String bad : List.of(policy(absent, 3), policy(arn, 0), policy(arn, 1001), "{\"maxReceiveCount\":3}", "not json")) {
            assertError(() -> f.queue(Map.of("RedrivePolicy", bad)), SqsException.class, "InvalidParameterValue");
        }
        // a dead-letter queue is of the same type as its source
        assertError(() -> f.fifoQueue(Map.of("RedrivePolicy", policy(arn, 3))), SqsException.class, "InvalidParameterValue");

        String source = f.queue();
        sqs.setQueueAttributes(b -> b.queueUrl(source).attributesWithStrings(Map.of("RedrivePolicy", policy(arn, 3))));
        assertThat(f.attribute(source, QueueAttributeName.REDRIVE_POLICY)).contains(arn);
        // an empty value removes the policy
        sqs.setQueueAttributes(b -> b.queueUrl(source).attributesWithStrings(Map.of("RedrivePolicy", "")));
        assertThat(f.attribute(source, QueueAttributeName.REDRIVE_POLICY)).isNull();
    }

    @Test
    void whenTheDeadLetterQueueIsGoneMessagesStayInTheSourceQueue() {
        String dlqName = TestAws.unique("gone-dlq");
        String dlq = sqs.createQueue(b -> b.queueName(dlqName)).queueUrl();
        String dlqArn = f.arnOf(dlq);
        String source = f.queue(Map.of("RedrivePolicy", policy(dlqArn, 1)));
        String id = f.send(source, "keep me");
        assertThat(f.receiveOne(source, 0)).hasSize(1);

        sqs.deleteQueue(b -> b.queueUrl(dlq));

        // past maxReceiveCount with nowhere to go: the message is received as usual, never dropped
        for (int receive = 2; receive <= 4; receive++) {
            String count = String.valueOf(receive);
            assertThat(f.receiveOne(source, 0)).singleElement().satisfies(m -> {
                assertThat(m.messageId()).isEqualTo(id);
                assertThat(m.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, count);
            });
        }
        assertThat(f.counts(source)).containsExactly(1, 0, 0);

        // a dead-letter queue of that name (so that ARN) again: the next receive moves the message there
        String again = sqs.createQueue(b -> b.queueName(dlqName)).queueUrl();
        assertThat(f.receiveOne(source, 0)).isEmpty();
        assertThat(f.receive(again)).extracting(Message::messageId).containsExactly(id);
        assertThat(f.counts(source)).containsExactly(0, 0, 0);
    }
}
