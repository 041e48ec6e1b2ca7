package io.eventharness.emulator.sqs;

import static io.eventharness.emulator.sqs.SqsFixture.assertError;
import static io.eventharness.emulator.sqs.SqsFixture.md5Hex;
import static io.eventharness.emulator.sqs.SqsFixture.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sqs.model.BatchRequestTooLongException;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sqs.model.InvalidBatchEntryIdException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.TooManyEntriesInBatchRequestException;

/**
 * SendMessageBatch, DeleteMessageBatch and ChangeMessageVisibilityBatch (sqs-batch-api-actions.html):
 * a bad entry fails alone in {@code Failed}; a bad batch (no entries, more than ten, repeated ids,
 * over 1 MiB in all) fails the whole call with its own typed exception.
 */
class SqsBatchTest {
    private final SqsFixture f = new SqsFixture();
    private final SqsClient sqs = f.sqs;

    private static SendMessageBatchRequestEntry entry(String id, String body) {
        return SendMessageBatchRequestEntry.builder().id(id).messageBody(body).build();
    }

    private static List<SendMessageBatchRequestEntry> entries(int n, String body) {
        return IntStream.range(0, n).mapToObj(i -> entry("e" + i, body)).toList();
    }

    @Test
    void aBadEntryFailsAloneAndTheOthersAreSent() {
        String url = f.queue();
        SendMessageBatchResponse r = sqs.sendMessageBatch(b -> b.queueUrl(url).entries(
                entry("ok-1", "first"),
                entry("bad", "nul \u0000 inside"),
                SendMessageBatchRequestEntry.builder().id("ok_2").messageBody("second").delaySeconds(0)
                        .messageAttributes(Map.of("k", string("v"))).build(),
                SendMessageBatchRequestEntry.builder().id("too-late").messageBody("x").delaySeconds(901).build()));

        assertThat(r.successful()).extracting(SendMessageBatchResultEntry::id).containsExactlyInAnyOrder("ok-1", "ok_2");
        assertThat(r.successful()).allSatisfy(e -> assertThat(e.md5OfMessageBody())
                .isEqualTo(md5Hex(e.id().equals("ok-1") ? "first" : "second")));
        assertThat(r.failed()).extracting(BatchResultErrorEntry::id, BatchResultErrorEntry::code, BatchResultErrorEntry::senderFault)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("bad", "InvalidMessageContents", true),
                        org.assertj.core.groups.Tuple.tuple("too-late", "InvalidParameterValue", true));
        assertThat(r.failed()).allSatisfy(e -> assertThat(e.message()).isNotBlank());
        assertThat(f.receive(url)).extracting(Message::body).containsExactlyInAnyOrder("first", "second");
    }

    @Test
    void aBatchOfTenIsTheMost() {
        String url = f.queue();
        assertThat(sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries(10, "x"))).successful()).hasSize(10);
        assertError(() -> sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries(11, "x"))),
                TooManyEntriesInBatchRequestException.class, "AWS.SimpleQueueService.TooManyEntriesInBatchRequest");
        assertThat(f.counts(url)).containsExactly(10, 0, 0);
    }

    @Test
    void batchesAreRefusedWhole() {
        String url = f.queue();
        assertError(() -> sqs.sendMessageBatch(b -> b.queueUrl(url).entries(List.of())),
                EmptyBatchRequestException.class, "AWS.SimpleQueueService.EmptyBatchRequest");
        assertError(() -> sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entry("same", "a"), entry("same", "b"))),
                BatchEntryIdsNotDistinctException.class, "AWS.SimpleQueueService.BatchEntryIdsNotDistinct");
        assertError(() -> sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entry("no spaces", "a"))),
                InvalidBatchEntryIdException.class, "AWS.SimpleQueueService.InvalidBatchEntryId");
        // 10 × 110 KiB: each message is fine, the batch (1,100 KiB) is over the 1 MiB a batch may carry
        assertError(() -> sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries(10, "x".repeat(110 * 1024)))),
                BatchRequestTooLongException.class, "AWS.SimpleQueueService.BatchRequestTooLong");
        assertThat(f.counts(url)).containsExactly(0, 0, 0);
    }

    @Test
    void deleteMessageBatchReportsInvalidHandlesPerEntry() {
        String url = f.queue();
        sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries(3, "d")));
        List<Message> got = f.receive(url);
        assertThat(got).hasSize(3);

        DeleteMessageBatchResponse r = sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(
                DeleteMessageBatchRequestEntry.builder().id("a").receiptHandle(got.get(0).receiptHandle()).build(),
                DeleteMessageBatchRequestEntry.builder().id("b").receiptHandle(got.get(1).receiptHandle()).build(),
                DeleteMessageBatchRequestEntry.builder().id("c").receiptHandle("not-a-receipt-handle").build()));

        assertThat(r.successful()).extracting(e -> e.id()).containsExactlyInAnyOrder("a", "b");
        assertThat(r.failed()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("c");
            assertThat(e.code()).isEqualTo("ReceiptHandleIsInvalid");
            assertThat(e.senderFault()).isTrue();
        });
        assertThat(f.counts(url)).containsExactly(0, 1, 0);
        assertError(() -> sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(List.of())),
                EmptyBatchRequestException.class, "AWS.SimpleQueueService.EmptyBatchRequest");
        assertError(() -> sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(
                        DeleteMessageBatchRequestEntry.builder().id("x").receiptHandle(got.get(2).receiptHandle()).build(),
                        DeleteMessageBatchRequestEntry.builder().id("x").receiptHandle(got.get(2).receiptHandle()).build())),
                BatchEntryIdsNotDistinctException.class, "AWS.SimpleQueueService.BatchEntryIdsNotDistinct");
    }

    @Test
    void changeMessageVisibilityBatchSetsEachTimeout() {
        String url = f.queue();
        sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entry("now", "now"), entry("later", "later")));
        List<Message> got = f.receive(url);
        Message now = got.stream().filter(m -> m.body().equals("now")).findFirst().orElseThrow();
        Message later = got.stream().filter(m -> m.body().equals("later")).findFirst().orElseThrow();

        ChangeMessageVisibilityBatchResponse r = sqs.changeMessageVisibilityBatch(b -> b.queueUrl(url).entries(
                ChangeMessageVisibilityBatchRequestEntry.builder().id("n").receiptHandle(now.receiptHandle()).visibilityTimeout(0).build(),
                ChangeMessageVisibilityBatchRequestEntry.builder().id("l").receiptHandle(later.receiptHandle()).visibilityTimeout(300).build(),
                ChangeMessageVisibilityBatchRequestEntry.builder().id("x").receiptHandle("nope").visibilityTimeout(5).build()));

        assertThat(r.successful()).extracting(e -> e.id()).containsExactlyInAnyOrder("n", "l");
        assertThat(r.failed()).extracting(BatchResultErrorEntry::id, BatchResultErrorEntry::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("x", "ReceiptHandleIsInvalid"));
        assertThat(f.receive(url)).extracting(Message::body).containsExactly("now");
        f.clock.advance(Duration.ofSeconds(301));
        assertThat(f.receive(url)).extracting(Message::body).containsExactlyInAnyOrder("now", "later");
        assertError(() -> sqs.changeMessageVisibilityBatch(b -> b.queueUrl(url).entries(List.of())),
                EmptyBatchRequestException.class, "AWS.SimpleQueueService.EmptyBatchRequest");
    }
}
