package io.eventharness.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.eventharness.emulator.TestAws;
import io.eventharness.emulator.core.Activity;
import io.eventharness.emulator.lambda.runtime.fixtures.SqsHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * {@code ScalingConfig.MaximumConcurrency} is enforced (a function that blocks until the test releases it), FIFO queues
 * keep order per message group, a Java function reports batch item failures, and {@code Emulator.settle} says what is
 * still pending when it does not settle.
 */
class SqsMappingConcurrencyTest extends MappingTestBase {

    private static long count(Path dir, String prefix) throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).count();
        }
    }

    /** Batches under way and queued pumps of the emulator, as its activity lists them. */
    private static List<String> pending(String what) {
        return aws.emulator.clock().activity().pending().stream().filter(p -> p.contains(what)).toList();
    }

    @Test
    void maximumConcurrencyIsEnforced() throws Exception {
        MappedQueue q = MappedQueue.create(aws, dir, TestAws.unique("q"), Map.of(), b -> { });
        Path release = dir.resolve(TestAws.unique("release"));
        String uuid = q.map(lambda, b -> b.batchSize(1).scalingConfig(s -> s.maximumConcurrency(2)));
        for (int i = 0; i < 5; i++) {
            int n = i;
            sqs.sendMessage(b -> b.queueUrl(q.url).messageBody("hold:" + dir.resolve(uuid + "-started-" + n) + "|" + release));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count(dir, uuid + "-started-") == 2);
        // both slots are taken and nothing else is under way: no third batch can start until one ends
        await().atMost(Duration.ofSeconds(10)).until(() -> pending("polling").isEmpty() && pending("batch of").size() == 2);
        assertThat(count(dir, uuid + "-started-")).isEqualTo(2);
        assertThat(sqs.getQueueAttributes(b -> b.queueUrl(q.url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isEqualTo("3");
        assertThatThrownBy(() -> aws.emulator.settle(Duration.ofMillis(200))).isInstanceOfSatisfying(Activity.NotSettledException.class,
                e -> assertThat(e.pending()).anySatisfy(p -> assertThat(p).contains("batch of 1 message(s) of " + q.arn)));

        Files.createFile(release);
        MappedQueue.settle(aws);
        assertThat(count(dir, uuid + "-started-")).isEqualTo(5);
        assertThat(q.events()).hasSize(5);
    }

    @Test
    void aFifoQueueKeepsTheOrderOfEachMessageGroup() {
        String name = TestAws.unique("q") + ".fifo";
        MappedQueue q = MappedQueue.create(aws, dir, name, Map.of(QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true"), b -> { });
        q.map(lambda, b -> b.batchSize(2));
        for (int round = 0; round < 3; round++) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (String group : List.of("a", "b", "c")) {
                for (int i = 0; i < 3; i++) {
                    int n = round * 3 + i;
                    entries.add(SendMessageBatchRequestEntry.builder().id(group + n).messageGroupId(group).messageBody(group + "-" + n).build());
                }
            }
            sqs.sendMessageBatch(b -> b.queueUrl(q.url).entries(entries));
        }
        MappedQueue.settle(aws);
        List<String> bodies = q.bodies();
        assertThat(bodies).hasSize(27);
        for (String group : List.of("a", "b", "c")) {
            assertThat(bodies.stream().filter(b -> b.startsWith(group + "-")).toList())
                    .containsExactlyElementsOf(IntStream.range(0, 9).mapToObj(n -> group + "-" + n).toList());
        }
        assertThat(q.events().get(0).path("Records").get(0).path("attributes").fieldNames()).toIterable().containsExactly(
                "ApproximateReceiveCount", "SentTimestamp", "SequenceNumber", "MessageGroupId", "SenderId",
                "MessageDeduplicationId", "ApproximateFirstReceiveTimestamp");
    }

    @Test
    void aJavaFunctionReportsBatchItemFailures() throws Exception {
        Path taskRoot = io.eventharness.emulator.lambda.runtime.Functions.javaTaskRoot(Files.createTempDirectory(dir, "java"), SqsHandler.class);
        String fn = Functions.create(lambda, aws.role(), Runtime.JAVA17, SqsHandler.class.getName() + "::report", Functions.zip(taskRoot),
                b -> b.memorySize(256).timeout(30));
        String[] arn = new String[1];
        String url = aws.queue(arn);
        sqs.sendMessageBatch(b -> b.queueUrl(url).entries(SendMessageBatchRequestEntry.builder().id("1").messageBody("fine").build(),
                SendMessageBatchRequestEntry.builder().id("2").messageBody("report-fail").build()));
        lambda.createEventSourceMapping(b -> b.eventSourceArn(arn[0]).functionName(fn)
                .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES));
        MappedQueue.settle(aws);

        assertThat(aws.logMessages(fn)).anySatisfy(l -> assertThat(l).startsWith("received fine at "))
                .anySatisfy(l -> assertThat(l).startsWith("received report-fail at "));
        assertThat(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).isEqualTo("1");
    }
}
