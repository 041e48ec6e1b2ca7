package io.eventharness.emulator.sqs;

import static io.eventharness.emulator.sqs.SqsFixture.assertError;
import static io.eventharness.emulator.sqs.SqsFixture.binary;
import static io.eventharness.emulator.sqs.SqsFixture.md5Hex;
import static io.eventharness.emulator.sqs.SqsFixture.number;
import static io.eventharness.emulator.sqs.SqsFixture.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.InvalidMessageContentsException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageNotInflightException;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * SendMessage, ReceiveMessage, DeleteMessage and ChangeMessageVisibility through the SDK. The SDK
 * checks every MD5 it gets back (MessageMD5ChecksumInterceptor), so a wrong digest fails the call.
 */
class SqsMessagesTest {
    private final SqsFixture f = new SqsFixture();
    private final SqsClient sqs = f.sqs;

    @Test
    void messageAttributesOfEveryTypeRoundTripWithTheMd5sTheSdkVerifies() {
        String url = f.queue();
        Map<String, MessageAttributeValue> attrs = Map.of("colour", string("blue"), "size", number("42.5"),
                "raw", binary((byte) 0, (byte) 0xFF, (byte) 7),
                // custom type labels after the base type (sqs-message-metadata.html#sqs-message-attributes)
                "price", MessageAttributeValue.builder().dataType("Number.EUR").stringValue("9.99").build(),
                "unicode", string("grüße ✓"));
        String body = "hello ✓ ünïcödé";

        SendMessageResponse sent = sqs.sendMessage(b -> b.queueUrl(url).messageBody(body).messageAttributes(attrs));

        assertThat(sent.md5OfMessageBody()).isEqualTo(md5Hex(body));
        assertThat(sent.md5OfMessageAttributes()).matches("[0-9a-f]{32}");
        Message got = sqs.receiveMessage(b -> b.queueUrl(url).messageAttributeNames("All")).messages().get(0);
        assertThat(got.messageId()).isEqualTo(sent.messageId());
        assertThat(got.body()).isEqualTo(body);
        assertThat(got.md5OfBody()).isEqualTo(md5Hex(body));
        assertThat(got.messageAttributes()).isEqualTo(attrs);
        assertThat(got.md5OfMessageAttributes()).isEqualTo(sent.md5OfMessageAttributes());
    }

    @Test
    void receiveReturnsOnlyTheMessageAttributesAskedFor() {
        String url = f.queue();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").messageAttributes(Map.of("colour", string("blue"),
                "size.width", number("3"), "size.height", number("4"), "other", string("o"))));

        // names, and "prefix.*" (API_ReceiveMessage, MessageAttributeNames); the MD5 covers only those returned
        Message some = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0).messageAttributeNames("colour", "size.*"))
                .messages().get(0);
        assertThat(some.messageAttributes()).containsOnlyKeys("colour", "size.width", "size.height");

        Message none = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)).messages().get(0);
        assertThat(none.messageAttributes()).isEmpty();
        assertThat(none.md5OfMessageAttributes()).isNull();
        assertThat(none.attributes()).isEmpty();
    }

    @Test
    void systemAttributesCountReceivesAndCarryTheEmulatorClocksTimes() {
        String url = f.queue();
        long before = f.clock.millis();
        f.send(url, "counted");
        long after = f.clock.millis();

        Message first = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                        MessageSystemAttributeName.SENT_TIMESTAMP)).messages().get(0);
        assertThat(first.attributes()).containsOnlyKeys(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                MessageSystemAttributeName.SENT_TIMESTAMP);
        assertThat(first.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1");
        assertThat(Long.parseLong(first.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP))).isBetween(before, after);

        // the deprecated AttributeNames member still works, and All returns every system attribute
        Message second = sqs.receiveMessage(b -> b.queueUrl(url).attributeNamesWithStrings("All")).messages().get(0);
        assertThat(second.attributesAsStrings()).containsEntry("ApproximateReceiveCount", "2")
                .containsKeys("SenderId", "SentTimestamp", "ApproximateFirstReceiveTimestamp");
        assertThat(Long.parseLong(second.attributesAsStrings().get("ApproximateFirstReceiveTimestamp")))
                .isBetween(after, f.clock.millis());
        assertThat(second.receiptHandle()).isNotEqualTo(first.receiptHandle());
    }

    @Test
    void maxNumberOfMessagesIsOneToTen() {
        String url = f.queue();
        for (int i = 0; i < 12; i++) {
            f.send(url, "m" + i);
        }
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).as("one by default").hasSize(1);
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages()).hasSize(10);
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages()).hasSize(1);
        for (int bad : new int[]{0, 11}) {
            assertError(() -> sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(bad)), SqsException.class,
                    "InvalidParameterValue");
        }
        assertError(() -> sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(21)), SqsException.class, "InvalidParameterValue");
    }

    @Test
    void aReceivedMessageIsInvisibleUntilItsVisibilityTimeoutPasses() {
        String url = f.queue();
        f.send(url, "once");
        f.clock.freeze(); // real seconds going by must not end the timeout before the test moves the clock
        Message first;
        try {
            first = f.receiveOne(url, 60).get(0);
            assertThat(f.receive(url)).isEmpty();

            f.clock.advance(Duration.ofSeconds(59));
            assertThat(f.receive(url)).isEmpty();
            f.clock.advance(Duration.ofSeconds(2));
        } finally {
            f.clock.unfreeze();
        }

        Message again = f.receive(url).get(0);
        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(again.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2");

        // API_DeleteMessage: a receipt handle from an earlier receive succeeds but deletes nothing
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(first.receiptHandle()));
        assertThat(f.counts(url)).containsExactly(0, 1, 0);
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(again.receiptHandle()));
        assertThat(f.counts(url)).containsExactly(0, 0, 0);
    }

    @Test
    void theQueuesVisibilityTimeoutIsTheDefault() {
        String url = f.queue(Map.of("VisibilityTimeout", "5"));
        f.send(url, "short");
        assertThat(f.receive(url)).hasSize(1);
        f.clock.advance(Duration.ofSeconds(6));
        assertThat(f.receive(url)).hasSize(1);
    }

    @Test
    void changeMessageVisibilityExtendsOrEndsTheTimeout() {
        String url = f.queue();
        f.send(url, "a");
        f.send(url, "b");
        List<Message> got = f.receive(url);
        assertThat(got).hasSize(2);

        // sqs-visibility-timeout.html: the new timeout counts from the ChangeMessageVisibility call; 0 ends it at once
        sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(got.get(0).receiptHandle()).visibilityTimeout(120));
        sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(got.get(1).receiptHandle()).visibilityTimeout(0));
        assertThat(f.receive(url)).extracting(Message::body).containsExactly(got.get(1).body());

        f.clock.advance(Duration.ofSeconds(31)); // past the queue's 30 s: the extended one stays hidden
        assertThat(f.receive(url)).extracting(Message::body).containsExactly(got.get(1).body());
        f.clock.advance(Duration.ofSeconds(90));
        assertThat(f.receive(url)).extracting(Message::body).contains(got.get(0).body());
    }

    @Test
    void changeMessageVisibilityNeedsAMessageInFlight() {
        String url = f.queue();
        f.send(url, "a");
        Message m = f.receiveOne(url, 30).get(0);
        assertError(() -> sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(43_201)),
                SqsException.class, "InvalidParameterValue");
        sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
        assertError(() -> sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(10)),
                MessageNotInflightException.class, "AWS.SimpleQueueService.MessageNotInflight");
        assertError(() -> sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle("not-a-handle").visibilityTimeout(10)),
                ReceiptHandleIsInvalidException.class, "ReceiptHandleIsInvalid");
    }

    @Test
    void receiptHandlesThatAreNotThisQueuesAreInvalid() {
        String url = f.queue();
        String other = f.queue();
        f.send(other, "theirs");
        String theirs = f.receive(other).get(0).receiptHandle();

        assertError(() -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle("garbage!")),
                ReceiptHandleIsInvalidException.class, "ReceiptHandleIsInvalid");
        assertError(() -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(theirs)),
                ReceiptHandleIsInvalidException.class, "ReceiptHandleIsInvalid");
        assertThat(f.counts(other)).containsExactly(0, 1, 0);
    }

    @Test
    void aLongPollReturnsAsSoonAsAMessageArrives() {
        String url = f.queue();
        CompletableFuture<List<Message>> poll = CompletableFuture.supplyAsync(() ->
                sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(20)).messages());
        // still waiting: an empty queue does not answer a long poll at once (sqs-short-and-long-polling.html)
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !poll.isDone());

        f.send(url, "arrived");

        assertThat(poll).succeedsWithin(Duration.ofSeconds(5))
                .satisfies(got -> assertThat(got).extracting(Message::body).containsExactly("arrived"));
    }

    @Test
    void aLongPollReturnsWhenTheClockMakesAMessageVisibleAgain() {
        String url = f.queue();
        f.send(url, "retry me");
        assertThat(f.receiveOne(url, 30)).hasSize(1);
        CompletableFuture<List<Message>> poll = CompletableFuture.supplyAsync(() ->
                sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(20)).messages());
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !poll.isDone());

        f.clock.advance(Duration.ofSeconds(31));

        assertThat(poll).succeedsWithin(Duration.ofSeconds(5))
                .satisfies(got -> assertThat(got).extracting(Message::body).containsExactly("retry me"));
    }

    @Test
    void theQueuesReceiveWaitTimeMakesEveryReceiveALongPoll() {
        String url = f.queue(Map.of("ReceiveMessageWaitTimeSeconds", "20"));
        CompletableFuture<List<Message>> poll = CompletableFuture.supplyAsync(() ->
                sqs.receiveMessage(b -> b.queueUrl(url)).messages());
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !poll.isDone());
        f.send(url, "late");
        assertThat(poll).succeedsWithin(Duration.ofSeconds(5)).satisfies(got -> assertThat(got).hasSize(1));
    }

    @Test
    void bodiesUpTo1MiBAreAcceptedAndLongerOnesRefused() {
        String url = f.queue();
        String max = "x".repeat(1_048_576);
        assertThat(sqs.sendMessage(b -> b.queueUrl(url).messageBody(max)).md5OfMessageBody()).isEqualTo(md5Hex(max));
        // the limit counts the body and the attributes (names, types and values) together
        assertError(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody(max.substring(10))
                .messageAttributes(Map.of("k", string("0123456789")))), SqsException.class, "InvalidParameterValue");
        assertError(() -> f.send(url, max + "x"), SqsException.class, "InvalidParameterValue");
        assertThat(f.counts(url)).containsExactly(1, 0, 0);
    }

    @Test
    void bodiesAndAttributesAreValidated() {
        String url = f.queue();
        // sqs-message-metadata: only #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF
        assertError(() -> f.send(url, "bell\u0007"), InvalidMessageContentsException.class, "InvalidMessageContents");
        assertError(() -> f.send(url, ""), SqsException.class, "InvalidParameterValue");
        assertError(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").messageAttributes(Map.of("AWS.reserved", string("v")))),
                SqsException.class, "InvalidParameterValue");
        assertError(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").messageAttributes(Map.of("n", number("not a number")))),
                SqsException.class, "InvalidParameterValue");
        assertError(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").messageAttributes(Map.of("t",
                MessageAttributeValue.builder().dataType("Date").stringValue("today").build()))), SqsException.class, "InvalidParameterValue");
        assertThat(f.counts(url)).containsExactly(0, 0, 0);
    }
}
