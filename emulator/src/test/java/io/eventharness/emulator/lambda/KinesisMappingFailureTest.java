package io.eventharness.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.delivery.TrailEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.DestinationConfig;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;

/**
 * What a Kinesis mapping does when a batch fails, as AWS does it: the shard waits while the batch is retried on the
 * clock (1 s, doubling), until it succeeds, {@code MaximumRetryAttempts} is used up, its records are older than
 * {@code MaximumRecordAgeInSeconds} or gone from the stream; then the on-failure destination gets AWS's record.
 * Throttles are retried without counting.
 */
class KinesisMappingFailureTest extends StreamMappingTestBase {

    private static DestinationConfig onFailure(String arn) {
        return DestinationConfig.builder().onFailure(f -> f.destination(arn)).build();
    }

    @Test
    void aFailingBatchBlocksItsShardAndIsRetriedOnTheClockUntilItSucceeds() {
        MappedStream s = stream(1);
        s.map(lambda, b -> b.batchSize(10));
        s.putAll(List.of("k:fail-3:a", "k:b"));
        settle();
        s.put("c", "c");
        settle();
        advance(Duration.ofSeconds(10));

        assertThat(s.batches()).as("c waits until the failing batch succeeded").containsExactly(List.of("fail-3:a", "b"),
                List.of("fail-3:a", "b"), List.of("fail-3:a", "b"), List.of("fail-3:a", "b"), List.of("c"));
        List<TrailEntry> attempts = aws.emulator.trail().matching(e -> e.source().equals(s.arn) && e.kind().equals("lambda:EventSourceMapping")
                && e.target().contains(":function:" + s.function) && e.outcome().startsWith("error"));
        List<Instant> dues = aws.emulator.trail().matching(e -> e.source().equals(s.arn) && e.outcome().contains("retried at")).stream()
                .map(e -> Instant.parse(e.outcome().substring(e.outcome().indexOf("retried at ") + 11, e.outcome().indexOf(", the shard waits"))))
                .toList();
        assertThat(attempts).hasSize(3);
        assertThat(dues).hasSize(3);
        assertThat(Duration.between(attempts.get(0).at(), dues.get(0))).as("the first retry 1 s after the first attempt started")
                .isBetween(Duration.ZERO, Duration.ofSeconds(1));
        assertThat(Duration.between(dues.get(0), dues.get(1))).as("then 2 s").isEqualTo(Duration.ofSeconds(2));
        assertThat(Duration.between(dues.get(1), dues.get(2))).as("then 4 s").isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void anAttemptThatFailedAfterLongerThanItsBackOffIsRetriedAtOnce() {
        MappedStream s = stream(1);
        s.map(lambda, b -> b.batchSize(10));
        s.put("k", "slow-fail-1:a");
        settle();
        assertThat(s.data()).as("the retry fell due while the first attempt ran: it is due at once, and settle waits for it")
                .containsExactly("slow-fail-1:a", "slow-fail-1:a");
    }

    @Test
    void whenRetriesAreUsedUpTheOnFailureQueueGetsAwsRecordAndTheShardGoesOn() throws Exception {
        MappedStream s = stream(1);
        String[] dest = queue();
        s.map(lambda, b -> b.batchSize(1).maximumRetryAttempts(1).destinationConfig(onFailure(dest[1])));
        String seq = s.put("p", "poison");
        s.put("p", "next");
        settle();
        advance(Duration.ofSeconds(1));

        assertThat(s.data()).containsExactly("poison", "poison", "next");
        List<JsonNode> got = messages(dest[0]);
        assertThat(got).hasSize(1);
        JsonNode r = got.get(0);
        assertThat(fieldNames(r)).containsExactly("requestContext", "responseContext", "version", "timestamp", "KinesisBatchInfo");
        assertThat(fieldNames(r.path("requestContext"))).containsExactly("requestId", "functionArn", "condition", "approximateInvokeCount");
        assertThat(r.path("requestContext").path("functionArn").asText()).isEqualTo(functionArn(s.function));
        assertThat(r.path("requestContext").path("condition").asText()).isEqualTo("RetryAttemptsExhausted");
        assertThat(r.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(2);
        assertThat(r.path("requestContext").path("requestId").asText()).isEqualTo(s.events().get(1).path("requestId").asText(
                r.path("requestContext").path("requestId").asText()));
        assertThat(r.path("responseContext").toString()).isEqualTo("{\"statusCode\":200,\"executedVersion\":\"$LATEST\",\"functionError\":\"Unhandled\"}");
        assertThat(r.path("version").asText()).isEqualTo("1.0");
        assertThat(r.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        JsonNode info = r.path("KinesisBatchInfo");
        assertThat(fieldNames(info)).containsExactly("shardId", "startSequenceNumber", "endSequenceNumber",
                "approximateArrivalOfFirstRecord", "approximateArrivalOfLastRecord", "batchSize", "streamArn");
        assertThat(info.path("shardId").asText()).isEqualTo("shardId-000000000000");
        assertThat(info.path("startSequenceNumber").asText()).isEqualTo(seq);
        assertThat(info.path("endSequenceNumber").asText()).isEqualTo(seq);
        assertThat(info.path("approximateArrivalOfFirstRecord").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(info.path("batchSize").asInt()).isEqualTo(1);
        assertThat(info.path("streamArn").asText()).isEqualTo(s.arn);
    }

    @Test
    void recordsOlderThanMaximumRecordAgeAreDiscardedWhileRetryingAndBeforeTheFirstInvocation() {
        MappedStream s = stream(1);
        String[] dest = queue();
        s.map(lambda, b -> b.batchSize(1).maximumRecordAgeInSeconds(60).destinationConfig(onFailure(dest[1])));
        s.put("p", "poison");
        settle();
        advance(Duration.ofSeconds(55));
        int invocations = s.events().size();
        assertThat(invocations).as("0, 1, 3, 7, 15 and 31 s").isEqualTo(6);
        assertThat(messages(dest[0])).isEmpty();
        advance(Duration.ofSeconds(5));
        assertThat(s.events()).hasSize(invocations);
        List<JsonNode> got = messages(dest[0]);
        assertThat(got).singleElement().satisfies(r -> {
            assertThat(fieldNames(r)).containsExactly("requestContext", "version", "timestamp", "KinesisBatchInfo");
            assertThat(r.path("requestContext").path("condition").asText()).isEqualTo("RecordAgeExceeded");
            assertThat(r.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(invocations);
        });

        MappedStream late = stream(1);
        late.put("p", "old");
        advance(Duration.ofSeconds(61));
        late.putAll(List.of("new1", "new2"));
        String[] lateDest = queue();
        late.map(lambda, b -> b.batchSize(10).maximumRetryAttempts(0).maximumRecordAgeInSeconds(60).destinationConfig(onFailure(lateDest[1])));
        settle();
        assertThat(late.batches()).containsExactly(List.of("new1", "new2"));
        assertThat(messages(lateDest[0])).singleElement().satisfies(r -> {
            assertThat(r.path("requestContext").path("condition").asText()).isEqualTo("RecordAgeExceeded");
            assertThat(r.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(1);
            assertThat(r.path("KinesisBatchInfo").path("batchSize").asInt()).isEqualTo(1);
        });
    }

    @Test
    void withInfiniteRetriesAFailingRecordBlocksItsShardUntilItExpiresFromTheStream() {
        MappedStream s = stream(1);
        String uuid = s.map(lambda, b -> b.batchSize(10));
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(uuid)).maximumRetryAttempts()).isEqualTo(-1);
        s.put("p", "poison");
        settle();
        advance(Duration.ofHours(23));
        s.put("q", "after");
        settle();
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(uuid)).lastProcessingResult()).isEqualTo("PROBLEM: Function call failed");
        assertThat(s.data()).doesNotContain("after").contains("poison");
        advance(Duration.ofHours(1).plusMinutes(2));
        assertThat(aws.emulator.trail().matching(e -> e.source().equals(s.arn) && e.outcome().startsWith("expired from the stream")))
                .hasSize(1);
        assertThat(s.data()).last().isEqualTo("after");
        assertThat(s.data()).filteredOn("poison"::equals).hasSizeBetween(24 * 60 - 10, 24 * 60 + 10);
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(uuid)).lastProcessingResult()).isEqualTo("OK");
    }

    @Test
    void bisectionIsolatesAPoisonRecordWhichGoesToTheOnFailureQueueWhileTheOthersGetThrough() {
        MappedStream s = stream(1);
        String[] dest = queue();
        List<String> data = List.of("r0", "r1", "r2", "r3", "r4", "poison", "r6", "r7");
        s.putAll(data);
        s.map(lambda, b -> b.batchSize(8).bisectBatchOnFunctionError(true).maximumRetryAttempts(2).destinationConfig(onFailure(dest[1])));
        settle();
        advance(Duration.ofSeconds(1));
        advance(Duration.ofSeconds(2));

        List<String> processed = new ArrayList<>();
        for (List<String> batch : s.batches()) {
            if (!batch.contains("poison")) {
                processed.addAll(batch);
            }
        }
        assertThat(processed).containsExactly("r0", "r1", "r2", "r3", "r4", "r6", "r7");
        assertThat(s.batches()).containsExactly(data, List.of("r0", "r1", "r2", "r3"), List.of("r4", "poison", "r6", "r7"),
                List.of("r4", "poison"), List.of("r4"), List.of("poison"), List.of("poison"), List.of("poison"), List.of("r6", "r7"));
        assertThat(messages(dest[0])).singleElement().satisfies(r -> {
            assertThat(r.path("requestContext").path("condition").asText()).isEqualTo("RetryAttemptsExhausted");
            assertThat(r.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(6);
            assertThat(r.path("KinesisBatchInfo").path("batchSize").asInt()).isEqualTo(1);
            assertThat(r.path("KinesisBatchInfo").path("startSequenceNumber").asText())
                    .isEqualTo(s.events().get(5).path("Records").get(0).path("kinesis").path("sequenceNumber").asText());
        });
    }

    @Test
    void aReportedFailureCheckpointsTheBatchAndOnlyTheRestIsRetried() {
        MappedStream s = stream(1);
        String[] dest = queue();
        s.putAll(List.of("a", "b", "c", "d", "e", "report-fail-f"));
        s.map(lambda, b -> b.batchSize(3).maximumRetryAttempts(3).destinationConfig(onFailure(dest[1]))
                .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES));
        settle();
        advance(Duration.ofSeconds(1));
        advance(Duration.ofSeconds(2));
        advance(Duration.ofSeconds(4));

        assertThat(s.batches()).containsExactly(List.of("a", "b", "c"), List.of("d", "e", "report-fail-f"), List.of("report-fail-f"),
                List.of("report-fail-f"), List.of("report-fail-f"));
        assertThat(messages(dest[0])).singleElement().satisfies(r -> {
            assertThat(r.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(4);
            assertThat(r.path("responseContext").has("functionError")).isTrue();
            assertThat(r.path("responseContext").path("functionError").isNull()).isTrue();
            assertThat(r.path("KinesisBatchInfo").path("batchSize").asInt()).isEqualTo(1);
        });

        MappedStream middle = stream(1);
        middle.putAll(List.of("a", "report-fail-b", "c"));
        middle.map(lambda, b -> b.batchSize(10).maximumRetryAttempts(0)
                .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES));
        settle();
        assertThat(middle.batches()).containsExactly(List.of("a", "report-fail-b", "c"));
        assertThat(aws.emulator.trail().matching(e -> e.source().equals(middle.arn) && e.outcome().startsWith("discarded")))
                .singleElement().satisfies(e -> assertThat(e.summary()).startsWith("2 record(s)"));
    }

    /** A stream whose function answers {@code response} (JSON), mapped with ReportBatchItemFailures and no retry. */
    private static MappedStream answering(String response) {
        MappedStream s = stream(1);
        lambda.updateFunctionConfiguration(b -> b.functionName(s.function).environment(e -> e.variables(java.util.Map.of(
                "RECORD_DIR", s.records.toString(), "RESPONSE", response))));
        s.putAll(List.of("a", "b"));
        s.map(lambda, b -> b.batchSize(10).maximumRetryAttempts(0)
                .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES));
        settle();
        return s;
    }

    @Test
    void theAnswersAwsCountsAsSuccessAndThoseThatFailTheWholeBatch() {
        for (String ok : List.of("\"\"", "[]", "null", "{}", "{\"batchItemFailures\":[]}", "{\"batchItemFailures\":null}")) {
            MappedStream s = answering(ok);
            assertThat(s.events()).as(ok).hasSize(1);
            assertThat(aws.emulator.trail().matching(e -> e.source().equals(s.arn) && e.outcome().startsWith("discarded")))
                    .as(ok).isEmpty();
        }
        for (String bad : List.of("{\"batchItemFailures\":[{\"itemIdentifier\":123}]}", "{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}",
                "{\"batchItemFailures\":[{\"itemIdentifier\":null}]}", "{\"batchItemFailures\":[{\"foo\":123}]}",
                "{\"batchItemFailures\":[{\"foo\":null}]}", "{\"batchItemFailures\":[{\"itemIdentifier\":\"42\"}]}", "\"ok\"")) {
            MappedStream s = answering(bad);
            assertThat(aws.emulator.trail().matching(e -> e.source().equals(s.arn) && e.outcome().startsWith("discarded")))
                    .as(bad).singleElement().satisfies(e -> assertThat(e.summary()).startsWith("2 record(s)"));
        }
    }

    @Test
    void aThrottledBatchIsRetriedWithoutCountingUntilTheFunctionCanRun() {
        MappedStream s = stream(1);
        lambda.putFunctionConcurrency(b -> b.functionName(s.function).reservedConcurrentExecutions(0));
        s.map(lambda, b -> b.batchSize(10).maximumRetryAttempts(0));
        s.put("a", "a");
        settle();
        advance(Duration.ofMillis(1500));
        advance(Duration.ofMillis(2500));
        assertThat(s.events()).isEmpty();
        assertThat(aws.emulator.trail().matching(e -> e.source().equals(s.arn) && e.outcome().startsWith("not invoked"))).hasSize(3);

        lambda.deleteFunctionConcurrency(b -> b.functionName(s.function));
        advance(Duration.ofSeconds(4));
        assertThat(s.data()).containsExactly("a");
    }

    static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    static String functionArn(String name) {
        return lambda.getFunctionConfiguration(b -> b.functionName(name)).functionArn();
    }
}
