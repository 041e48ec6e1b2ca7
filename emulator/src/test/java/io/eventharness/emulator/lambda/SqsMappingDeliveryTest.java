package io.eventharness.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.TestAws;
import io.eventharness.emulator.delivery.TrailEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SQS event source mappings deliver: the event record field for field, batch sizes, the batching window on the
 * clock, filters (a message no filter matches is deleted, not delivered), disabling and enabling, updates taking
 * effect on the next batch. Each test asserts what did not happen after {@code Emulator.settle}, not after a wait.
 */
class SqsMappingDeliveryTest extends MappingTestBase {

    private static MappedQueue queue() {
        return MappedQueue.create(aws, dir, TestAws.unique("q"), Map.of(), b -> { });
    }

    /** A queue whose messages stay in flight longer than a batching window of five minutes. */
    private static MappedQueue longVisibilityQueue() {
        return MappedQueue.create(aws, dir, TestAws.unique("q"), Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "600"), b -> { });
    }

    private static Map<String, String> counts(MappedQueue q) {
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(q.url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Map.of("visible", a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                "inFlight", a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    @Test
    void theFunctionGetsTheSqsEventRecordAsAwsRecordsItAndTheMessageIsDeleted() throws Exception {
        MappedQueue q = queue();
        q.map(lambda, b -> b.batchSize(1));
        String sent = sqs.sendMessage(b -> b.queueUrl(q.url).messageBody("{\"foo\": \"bar\"}").messageAttributes(Map.of(
                "Title", MessageAttributeValue.builder().dataType("String").stringValue("The Whistler").build(),
                "Blob", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromUtf8String("hi")).build())))
                .messageId();
        MappedQueue.settle(aws);

        assertThat(q.events()).hasSize(1);
        JsonNode r = q.events().get(0).path("Records").get(0);
        List<String> fields = new ArrayList<>();
        r.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("messageId", "receiptHandle", "body", "attributes", "messageAttributes",
                "md5OfMessageAttributes", "md5OfBody", "eventSource", "eventSourceARN", "awsRegion");
        assertThat(r.path("messageId").asText()).isEqualTo(sent);
        assertThat(r.path("receiptHandle").asText()).isNotBlank();
        assertThat(r.path("body").asText()).isEqualTo("{\"foo\": \"bar\"}");
        List<String> attributes = new ArrayList<>();
        r.path("attributes").fieldNames().forEachRemaining(attributes::add);
        assertThat(attributes).containsExactly("ApproximateReceiveCount", "SentTimestamp", "SenderId", "ApproximateFirstReceiveTimestamp");
        assertThat(r.path("attributes").path("ApproximateReceiveCount").asText()).isEqualTo("1");
        assertThat(r.path("attributes").path("SentTimestamp").asText()).matches("\\d{13}");
        assertThat(r.path("messageAttributes").path("Title").toString())
                .isEqualTo("{\"stringValue\":\"The Whistler\",\"stringListValues\":[],\"binaryListValues\":[],\"dataType\":\"String\"}");
        assertThat(r.path("messageAttributes").path("Blob").toString())
                .isEqualTo("{\"binaryValue\":\"aGk=\",\"stringListValues\":[],\"binaryListValues\":[],\"dataType\":\"Binary\"}");
        assertThat(r.path("md5OfMessageAttributes").asText()).matches("[0-9a-f]{32}");
        assertThat(r.path("md5OfBody").asText()).isEqualTo("94232c5b8fc9272f6f73a1e36eb68fcf");
        assertThat(r.path("eventSource").asText()).isEqualTo("aws:sqs");
        assertThat(r.path("eventSourceARN").asText()).isEqualTo(q.arn);
        assertThat(r.path("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(counts(q)).containsEntry("visible", "0").containsEntry("inFlight", "0");

        sqs.sendMessage(b -> b.queueUrl(q.url).messageBody("plain"));
        MappedQueue.settle(aws);
        JsonNode plain = q.events().get(1).path("Records").get(0);
        assertThat(plain.path("messageAttributes").toString()).isEqualTo("{}");
        assertThat(plain.path("md5OfMessageAttributes").isNull()).isTrue();
    }

    @Test
    void batchesHoldUpToBatchSizeMessages() {
        MappedQueue q = queue();
        String uuid = q.map(lambda, b -> b.batchSize(4).enabled(false));
        for (int i = 0; i < 10; i++) {
            int n = i;
            sqs.sendMessage(b -> b.queueUrl(q.url).messageBody("m" + n));
        }
        MappedQueue.settle(aws);
        assertThat(q.events()).as("a disabled mapping takes nothing").isEmpty();
        assertThat(counts(q)).containsEntry("visible", "10");

        lambda.updateEventSourceMapping(b -> b.uuid(uuid).enabled(true));
        MappedQueue.settle(aws);
        assertThat(q.batchSizes()).hasSize(3).allSatisfy(n -> assertThat(n).isBetween(1, 4));
        assertThat(q.batchSizes().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10);
        assertThat(q.bodies()).containsExactlyInAnyOrder("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
        assertThat(counts(q)).containsEntry("visible", "0").containsEntry("inFlight", "0");
    }

    @Test
    void aBatchingWindowEndsOnTheClockNotBefore() {
        MappedQueue q = longVisibilityQueue();
        q.map(lambda, b -> b.batchSize(10).maximumBatchingWindowInSeconds(60));
        aws.emulator.clock().freeze(); // the window ends when the test moves the clock, however slow the machine
        for (int i = 0; i < 3; i++) {
            int n = i;
            sqs.sendMessage(b -> b.queueUrl(q.url).messageBody("w" + n));
        }
        aws.emulator.clock().advance(Duration.ofSeconds(59));
        assertThat(q.events()).isEmpty();
        assertThat(aws.emulator.clock().activity().pending()).anySatisfy(p -> assertThat(p).contains("batching window"));

        aws.emulator.clock().advance(Duration.ofSeconds(1));
        assertThat(q.batchSizes()).containsExactly(3);
        assertThat(q.bodies()).containsExactly("w0", "w1", "w2");
        MappedQueue.settle(aws);
    }

    @Test
    void aFullBatchDoesNotWaitForItsWindow() {
        MappedQueue q = longVisibilityQueue();
        String uuid = q.map(lambda, b -> b.batchSize(20).maximumBatchingWindowInSeconds(300).enabled(false));
        List<software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            entries.add(software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry.builder().id("e" + i).messageBody("f" + i).build());
        }
        sqs.sendMessageBatch(b -> b.queueUrl(q.url).entries(entries));
        sqs.sendMessageBatch(b -> b.queueUrl(q.url).entries(entries));
        lambda.updateEventSourceMapping(b -> b.uuid(uuid).enabled(true));

        MappedQueue.settle(aws);
        assertThat(q.batchSizes()).containsExactly(20);
    }

    @Test
    void aMessageNoFilterMatchesIsDeletedWithoutAnInvocation() {
        MappedQueue q = queue();
        q.map(lambda, b -> b.filterCriteria(f -> f.filters(x -> x.pattern("{\"body\": {\"kind\": [\"order\"]}}"),
                x -> x.pattern("{\"body\": [{\"prefix\": \"urgent\"}]}"))));
        sqs.sendMessage(b -> b.queueUrl(q.url).messageBody("{\"kind\": \"spam\"}"));
        sqs.sendMessage(b -> b.queueUrl(q.url).messageBody("not json"));
        MappedQueue.settle(aws);
        assertThat(q.events()).isEmpty();
        assertThat(counts(q)).containsEntry("visible", "0").containsEntry("inFlight", "0");
        assertThat(aws.emulator.trail().matching(e -> e.source().equals(q.arn) && e.outcome().startsWith("filtered out")))
                .extracting(TrailEntry::summary).containsExactly("{\"kind\": \"spam\"}", "not json");

        sqs.sendMessage(b -> b.queueUrl(q.url).messageBody("{\"kind\": \"order\", \"n\": 1}"));
        sqs.sendMessage(b -> b.queueUrl(q.url).messageBody("urgent: a plain body"));
        MappedQueue.settle(aws);
        assertThat(q.bodies()).containsExactlyInAnyOrder("{\"kind\": \"order\", \"n\": 1}", "urgent: a plain body");
    }

    @Test
    void anUpdateTakesEffectOnTheNextBatch() {
        MappedQueue q = queue();
        String uuid = q.map(lambda, b -> b.batchSize(1));
        sqs.sendMessage(b -> b.queueUrl(q.url).messageBody("{\"v\": 1}"));
        MappedQueue.settle(aws);
        lambda.updateEventSourceMapping(b -> b.uuid(uuid).filterCriteria(f -> f.filters(x -> x.pattern("{\"body\": {\"v\": [2]}}"))));
        sqs.sendMessage(b -> b.queueUrl(q.url).messageBody("{\"v\": 1}"));
        sqs.sendMessage(b -> b.queueUrl(q.url).messageBody("{\"v\": 2}"));
        MappedQueue.settle(aws);
        assertThat(q.bodies()).containsExactly("{\"v\": 1}", "{\"v\": 2}");

        lambda.updateEventSourceMapping(b -> b.uuid(uuid).filterCriteria(f -> f.filters(List.of())));
        sqs.sendMessage(b -> b.queueUrl(q.url).messageBody("{\"v\": 3}"));
        MappedQueue.settle(aws);
        assertThat(q.bodies()).containsExactly("{\"v\": 1}", "{\"v\": 2}", "{\"v\": 3}");
    }

    @Test
    void aDisabledMappingTakesNothingAndAnEnabledOneResumes() {
        MappedQueue q = queue();
        String uuid = q.map(lambda, b -> b.batchSize(1));
        sqs.sendMessage(b -> b.queueUrl(q.url).messageBody("before"));
        MappedQueue.settle(aws);
        lambda.updateEventSourceMapping(b -> b.uuid(uuid).enabled(false));
        sqs.sendMessage(b -> b.queueUrl(q.url).messageBody("while disabled"));
        MappedQueue.settle(aws);
        assertThat(q.bodies()).containsExactly("before");
        assertThat(counts(q)).containsEntry("visible", "1");

        lambda.updateEventSourceMapping(b -> b.uuid(uuid).enabled(true));
        MappedQueue.settle(aws);
        assertThat(q.bodies()).containsExactly("before", "while disabled");

        lambda.deleteEventSourceMapping(b -> b.uuid(uuid));
        sqs.sendMessage(b -> b.queueUrl(q.url).messageBody("after delete"));
        MappedQueue.settle(aws);
        assertThat(q.bodies()).containsExactly("before", "while disabled");
        assertThat(counts(q)).containsEntry("visible", "1");
    }

    @Test
    void aMappingWhoseFunctionWasDeletedStaysAndItsInvocationsFail() {
        MappedQueue q = queue();
        String uuid = q.map(lambda, b -> b.batchSize(1));
        lambda.deleteFunction(b -> b.functionName(q.function));
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(uuid)).state()).isEqualTo("Enabled");

        sqs.sendMessage(b -> b.queueUrl(q.url).messageBody("orphan"));
        MappedQueue.settle(aws);
        assertThat(counts(q)).as("in flight until the visibility timeout").containsEntry("inFlight", "1");
        assertThat(aws.emulator.trail().matching(e -> e.source().equals(q.arn) && e.summary().equals("orphan")))
                .singleElement().satisfies(e -> assertThat(e.outcome()).startsWith("not invoked: Function not found"));
    }
}
