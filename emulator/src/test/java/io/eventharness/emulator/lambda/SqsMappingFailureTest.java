package io.eventharness.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.TestAws;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * What an SQS mapping does when a batch fails: the messages stay in flight and come back after the queue's visibility
 * timeout (on the clock), the queue's redrive policy moves them to its dead-letter queue after {@code maxReceiveCount};
 * with {@code ReportBatchItemFailures} only the reported ones stay, and a response AWS does not accept fails the whole
 * batch.
 */
class SqsMappingFailureTest extends MappingTestBase {

    private static MappedQueue queue(Map<QueueAttributeName, String> attributes, Consumer<CreateFunctionRequest.Builder> fn) {
        return MappedQueue.create(aws, dir, TestAws.unique("q"), attributes, fn);
    }

    private static String arnOf(String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN)).attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    private static int inFlight(MappedQueue q) {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(q.url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /** Sends the bodies in one batch and maps the queue with these settings once they are all in it. */
    private static void sendThenMap(MappedQueue q, List<String> bodies, boolean report) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody(bodies.get(i)).build());
        }
        sqs.sendMessageBatch(b -> b.queueUrl(q.url).entries(entries));
        q.map(lambda, b -> {
            b.batchSize(10);
            if (report) {
                b.functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
            }
        });
        MappedQueue.settle(aws);
    }

    @Test
    void aFailedBatchComesBackAfterTheVisibilityTimeoutAndGoesToTheDeadLetterQueueAfterMaxReceiveCount() {
        String dlq = sqs.createQueue(b -> b.queueName(TestAws.unique("dlq"))).queueUrl();
        MappedQueue q = queue(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30", QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + arnOf(dlq) + "\",\"maxReceiveCount\":\"2\"}"), b -> { });
        q.map(lambda, b -> b.batchSize(1));
        aws.emulator.clock().freeze(); // real seconds going by must not end the visibility timeout before the test moves it
        sqs.sendMessage(b -> b.queueUrl(q.url).messageBody("fail"));
        MappedQueue.settle(aws);
        assertThat(q.events()).hasSize(1);
        assertThat(inFlight(q)).isEqualTo(1);

        aws.emulator.clock().advance(Duration.ofSeconds(29));
        assertThat(q.events()).hasSize(1);
        aws.emulator.clock().advance(Duration.ofSeconds(1));
        assertThat(q.events()).hasSize(2);
        assertThat(q.events().get(1).path("Records").get(0).path("attributes").path("ApproximateReceiveCount").asText()).isEqualTo("2");

        aws.emulator.clock().advance(Duration.ofSeconds(30));
        MappedQueue.settle(aws);
        assertThat(q.events()).as("the third receive moves it to the dead-letter queue instead").hasSize(2);
        List<Message> dead = sqs.receiveMessage(b -> b.queueUrl(dlq).maxNumberOfMessages(10)).messages();
        assertThat(dead).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("fail"));
        assertThat(inFlight(q)).isZero();
    }

    @Test
    void reportedFailuresStayAndTheOthersAreDeleted() {
        MappedQueue q = queue(Map.of(), b -> { });
        sendThenMap(q, List.of("ok-1", "report-fail-2", "ok-3"), true);
        assertThat(q.batchSizes()).containsExactly(3);
        assertThat(inFlight(q)).isEqualTo(1);

        aws.emulator.clock().advance(Duration.ofSeconds(30));
        MappedQueue.settle(aws);
        assertThat(q.bodies()).containsExactly("ok-1", "report-fail-2", "ok-3", "report-fail-2");
    }

    @Test
    void withoutReportBatchItemFailuresAReportIsIgnoredAndTheBatchDeleted() {
        MappedQueue q = queue(Map.of(), b -> { });
        sendThenMap(q, List.of("ok-1", "report-fail-2"), false);
        assertThat(inFlight(q)).isZero();
    }

    /** A queue whose function answers {@code response} (JSON). */
    private static MappedQueue answering(String response) {
        MappedQueue q = queue(Map.of(), b -> { });
        lambda.updateFunctionConfiguration(b -> b.functionName(q.function).environment(e -> e.variables(Map.of(
                "RECORD_DIR", q.records.toString(), "RESPONSE", response))));
        return q;
    }

    @Test
    void anEmptyResponseIsASuccess() {
        for (String response : List.of("{}", "null", "{\"batchItemFailures\":[]}", "{\"batchItemFailures\":null}")) {
            MappedQueue q = answering(response);
            sendThenMap(q, List.of("a", "report-fail-b"), true);
            assertThat(q.events()).as(response).hasSize(1);
            assertThat(inFlight(q)).as(response).isZero();
        }
    }

    @Test
    void aResponseAwsDoesNotAcceptFailsTheWholeBatch() {
        for (String response : List.of("{\"batchItemFailures\":[{\"foo\":\"x\"}]}", "{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}",
                "{\"batchItemFailures\":[{\"itemIdentifier\":null}]}", "{\"batchItemFailures\":[{\"itemIdentifier\":\"not-in-batch\"}]}",
                "{\"batchItemFailures\":\"all\"}", "\"ok\"")) {
            MappedQueue q = answering(response);
            sendThenMap(q, List.of("a", "b"), true);
            assertThat(inFlight(q)).as(response).isEqualTo(2);
            assertThat(aws.emulator.trail().matching(e -> e.source().equals(q.arn) && e.outcome().contains("whole batch failed")))
                    .as(response).hasSize(1);
        }
    }

    @Test
    void aThrottledBatchRetriesOnTheClockWhileItsMessagesAreInFlight() {
        MappedQueue q = queue(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30"), b -> { });
        lambda.putFunctionConcurrency(b -> b.functionName(q.function).reservedConcurrentExecutions(0));
        q.map(lambda, b -> b.batchSize(1));
        aws.emulator.clock().freeze(); // the back-off ends when the test moves the clock, however slow the machine
        sqs.sendMessage(b -> b.queueUrl(q.url).messageBody("throttled"));
        MappedQueue.settle(aws);
        assertThat(aws.emulator.trail().matching(e -> e.source().equals(q.arn) && e.summary().equals("throttled")))
                .extracting(e -> e.outcome()).singleElement().asString().startsWith("throttled: retry at ");

        aws.emulator.clock().advance(Duration.ofSeconds(29));
        assertThat(aws.emulator.trail().matching(e -> e.source().equals(q.arn) && e.summary().equals("throttled")))
                .extracting(e -> e.outcome()).filteredOn(o -> o.startsWith("throttled: retry at ")).hasSize(4); // 1, 2, 4, 8 s
        assertThat(aws.emulator.trail().matching(e -> e.source().equals(q.arn) && e.outcome().startsWith("throttled until the visibility timeout")))
                .hasSize(1);
        assertThat(q.events()).isEmpty();
        assertThat(inFlight(q)).isEqualTo(1);

        lambda.deleteFunctionConcurrency(b -> b.functionName(q.function));
        aws.emulator.clock().advance(Duration.ofSeconds(1));
        MappedQueue.settle(aws);
        assertThat(q.bodies()).containsExactly("throttled");
    }

    @Test
    void aFunctionErrorFailsTheWholeBatch() {
        MappedQueue q = queue(Map.of(), b -> { });
        sendThenMap(q, List.of("a", "fail", "c"), true);
        assertThat(inFlight(q)).isEqualTo(3);
        assertThat(aws.emulator.trail().matching(e -> e.source().equals(q.arn) && e.outcome().startsWith("function error")))
                .singleElement().satisfies(e -> assertThat(e.outcome()).contains("3 message(s) visible again"));
    }
}
