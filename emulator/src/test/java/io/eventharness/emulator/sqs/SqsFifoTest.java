package io.eventharness.emulator.sqs;

import static io.eventharness.emulator.sqs.SqsFixture.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.TestAws;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * FIFO queues (FIFO-queues.html): names, deduplication within five minutes, order within a message
 * group, and a group held back while one of its messages is in flight.
 */
class SqsFifoTest {
    private final SqsFixture f = new SqsFixture();
    private final SqsClient sqs = f.sqs;

    private SendMessageResponse send(String url, String group, String dedup, String body) {
        return sqs.sendMessage(b -> b.queueUrl(url).messageBody(body).messageGroupId(group).messageDeduplicationId(dedup));
    }

    @Test
    void aFifoQueueNeedsTheSuffixAndTheAttributeTogether() {
        String name = TestAws.unique("f");
        // FIFO-queues-understanding-logic: the name must end in .fifo, and FifoQueue=true must be set
        assertError(() -> sqs.createQueue(b -> b.queueName(name + ".fifo")), SqsException.class, "InvalidParameterValue");
        assertError(() -> sqs.createQueue(b -> b.queueName(name).attributesWithStrings(Map.of("FifoQueue", "true"))),
                SqsException.class, "InvalidParameterValue");
        assertError(() -> sqs.createQueue(b -> b.queueName(name + ".fifo").attributesWithStrings(Map.of("FifoQueue", "false"))),
                SqsException.class, "InvalidParameterValue");
        // 80 characters including ".fifo"
        String longName = name + "x".repeat(76 - name.length()) + ".fifo";
        assertError(() -> sqs.createQueue(b -> b.queueName(longName).attributesWithStrings(Map.of("FifoQueue", "true"))),
                SqsException.class, "InvalidParameterValue");
        assertThat(sqs.listQueues(b -> b.queueNamePrefix(name)).queueUrls()).isEmpty();

        String url = sqs.createQueue(b -> b.queueName(name + ".fifo").attributesWithStrings(Map.of("FifoQueue", "true"))).queueUrl();
        assertThat(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("All")).attributesAsStrings())
                .containsEntry("FifoQueue", "true").containsEntry("ContentBasedDeduplication", "false");
    }

    @Test
    void sendingToAFifoQueueNeedsAGroupAndADeduplicationIdAndNoDelay() {
        String url = f.fifoQueue(Map.of());
        assertError(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").messageDeduplicationId("d")),
                SqsException.class, "MissingParameter");
        assertError(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").messageGroupId("g")),
                SqsException.class, "InvalidParameterValue");
        // per-message delays are not for FIFO queues (API_SendMessage, DelaySeconds)
        assertError(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").messageGroupId("g").messageDeduplicationId("d")
                .delaySeconds(5)), SqsException.class, "InvalidParameterValue");
        // and group or deduplication ids are not for standard queues
        String standard = f.queue();
        assertError(() -> sqs.sendMessage(b -> b.queueUrl(standard).messageBody("x").messageDeduplicationId("d")),
                SqsException.class, "InvalidParameterValue");
        assertThat(f.counts(url)).containsExactly(0, 0, 0);
    }

    @Test
    void aDeduplicationIdIsRememberedForFiveMinutesOfTheEmulatorsClock() {
        String url = f.fifoQueue(Map.of());
        SendMessageResponse first = send(url, "g", "order-1", "first");
        SendMessageResponse dup = send(url, "g", "order-1", "second, same id");

        // FIFO-queues-exactly-once-processing: the duplicate is accepted but not delivered
        assertThat(dup.messageId()).isEqualTo(first.messageId());
        List<Message> got = f.receive(url);
        assertThat(got).extracting(Message::body).containsExactly("first");
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(got.get(0).receiptHandle()));

        f.clock.advance(Duration.ofMinutes(4));
        send(url, "g", "order-1", "still a duplicate");
        f.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        SendMessageResponse later = send(url, "g", "order-1", "new after five minutes");

        assertThat(later.messageId()).isNotEqualTo(first.messageId());
        assertThat(new BigInteger(later.sequenceNumber())).isGreaterThan(new BigInteger(first.sequenceNumber()));
        assertThat(f.receive(url)).extracting(Message::body).containsExactly("new after five minutes");
    }

    @Test
    void contentBasedDeduplicationUsesTheBodysHash() {
        String url = f.fifoQueue(Map.of("ContentBasedDeduplication", "true"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("same").messageGroupId("g"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("same").messageGroupId("other group"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("different").messageGroupId("g"));
        // an explicit id still wins over the body's hash
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("same").messageGroupId("g").messageDeduplicationId("explicit"));

        List<Message> got = f.receive(url);
        assertThat(got).extracting(Message::body).containsExactly("same", "different", "same");
        assertThat(got.get(0).attributesAsStrings().get("MessageDeduplicationId")).matches("[0-9a-f]{64}");
    }

    @Test
    void messagesOfAGroupComeInTheOrderSentWithTheirSystemAttributes() {
        String url = f.fifoQueue(Map.of("ContentBasedDeduplication", "true"));
        for (String body : List.of("a1", "b1", "a2", "b2", "a3")) {
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(body).messageGroupId(body.substring(0, 1)));
        }

        List<Message> got = f.receive(url);

        assertThat(got).extracting(Message::body).filteredOn(s -> s.startsWith("a")).containsExactly("a1", "a2", "a3");
        assertThat(got).extracting(Message::body).filteredOn(s -> s.startsWith("b")).containsExactly("b1", "b2");
        assertThat(got.get(0).attributes()).containsKeys(MessageSystemAttributeName.MESSAGE_GROUP_ID,
                MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, MessageSystemAttributeName.SEQUENCE_NUMBER);
        List<BigInteger> sequence = got.stream().filter(m -> m.body().startsWith("a"))
                .map(m -> new BigInteger(m.attributes().get(MessageSystemAttributeName.SEQUENCE_NUMBER))).toList();
        assertThat(sequence).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aGroupIsHeldBackWhileOneOfItsMessagesIsInFlight() {
        String url = f.fifoQueue(Map.of("ContentBasedDeduplication", "true"));
        for (String body : List.of("a1", "a2", "b1")) {
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(body).messageGroupId(body.substring(0, 1)));
        }
        Message a1 = f.receiveOne(url, 30).get(0);
        assertThat(a1.body()).isEqualTo("a1");

        // FIFO-queues-understanding-logic: no more messages of group "a" until a1 is deleted or visible again
        Message b1 = f.receive(url).get(0);
        assertThat(b1.body()).isEqualTo("b1");
        assertThat(f.receive(url)).isEmpty();
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(b1.receiptHandle()));

        f.clock.advance(Duration.ofSeconds(31)); // a1 was not deleted in time: it comes back first, then a2
        Message again = f.receiveOne(url, 30).get(0);
        assertThat(again.body()).isEqualTo("a1");
        assertThat(again.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2");
        assertThat(f.receive(url)).isEmpty();

        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(again.receiptHandle()));
        assertThat(f.receive(url)).extracting(Message::body).containsExactly("a2");
    }
}
