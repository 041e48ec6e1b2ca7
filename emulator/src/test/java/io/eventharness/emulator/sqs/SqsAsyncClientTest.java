package io.eventharness.emulator.sqs;

import static io.eventharness.emulator.sqs.SqsFixture.md5Hex;
import static io.eventharness.emulator.sqs.SqsFixture.number;
import static io.eventharness.emulator.sqs.SqsFixture.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventharness.emulator.TestAws;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/** A subset of the SQS tests through the SDK's async client on Netty (HTTP/1.1). */
class SqsAsyncClientTest {
    private static final SqsAsyncClient SQS = TestAws.sqsAsync();
    private final SqsFixture f = new SqsFixture();

    @AfterAll
    static void close() {
        SQS.close();
    }

    private String queue() {
        return SQS.createQueue(b -> b.queueName(TestAws.unique("async"))).join().queueUrl();
    }

    @Test
    void sendReceiveDeleteWithAttributesAndVerifiedMd5s() {
        String url = queue();
        Map<String, MessageAttributeValue> attrs = Map.of("colour", string("red"), "n", number("7"));
        SendMessageResponse sent = SQS.sendMessage(b -> b.queueUrl(url).messageBody("async ✓").messageAttributes(attrs)).join();
        assertThat(sent.md5OfMessageBody()).isEqualTo(md5Hex("async ✓"));

        Message got = SQS.receiveMessage(b -> b.queueUrl(url).messageAttributeNames("All")
                .messageSystemAttributeNamesWithStrings("All")).join().messages().get(0);
        assertThat(got.messageAttributes()).isEqualTo(attrs);
        assertThat(got.attributesAsStrings()).containsEntry("ApproximateReceiveCount", "1");

        SQS.deleteMessage(b -> b.queueUrl(url).receiptHandle(got.receiptHandle())).join();
        assertThat(f.counts(url)).containsExactly(0, 0, 0);
    }

    @Test
    void aLongPollCompletesWhenAMessageArrives() {
        String url = queue();
        CompletableFuture<ReceiveMessageResponse> poll = SQS.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(20));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !poll.isDone());

        SQS.sendMessage(b -> b.queueUrl(url).messageBody("woke it")).join();

        assertThat(poll).succeedsWithin(Duration.ofSeconds(5))
                .satisfies(r -> assertThat(r.messages()).extracting(Message::body).containsExactly("woke it"));
    }

    @Test
    void batchesAndVisibility() {
        String url = queue();
        assertThat(SQS.sendMessageBatch(b -> b.queueUrl(url).entries(
                SendMessageBatchRequestEntry.builder().id("a").messageBody("one").build(),
                SendMessageBatchRequestEntry.builder().id("b").messageBody("two").build())).join().successful()).hasSize(2);
        List<Message> got = SQS.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).join().messages();
        assertThat(got).hasSize(2);

        SQS.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(got.get(0).receiptHandle()).visibilityTimeout(0)).join();

        assertThat(SQS.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).join().messages())
                .extracting(Message::messageId).containsExactly(got.get(0).messageId());
    }

    @Test
    void errorsArriveAsTypedExceptionsInTheFuture() {
        assertThat(SQS.getQueueUrl(b -> b.queueName(TestAws.unique("absent"))))
                .failsWithin(Duration.ofSeconds(10)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOf(QueueDoesNotExistException.class);
        String url = queue();
        CompletableFuture<?> dup = SQS.sendMessageBatch(b -> b.queueUrl(url).entries(
                SendMessageBatchRequestEntry.builder().id("same").messageBody("1").build(),
                SendMessageBatchRequestEntry.builder().id("same").messageBody("2").build()));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(dup::join)).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(BatchEntryIdsNotDistinctException.class);
    }
}
