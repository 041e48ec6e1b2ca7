package io.eventharness.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tumbling windows of a Kinesis mapping: the windows are aligned on the records' arrival times, each invocation gets
 * the state the previous one returned, and the window's end on the clock brings a final invocation
 * ({@code isFinalInvokeForWindow}) with the last state; an answer without a state fails the batch.
 */
class KinesisMappingWindowTest extends StreamMappingTestBase {

    /** Moves the clock to one second past the start of the next minute; returns that minute. */
    private static Instant startOfAMinute() {
        long now = aws.emulator.clock().millis();
        aws.emulator.clock().advance(Duration.ofMillis(60_000 - now % 60_000 + 1000));
        return Instant.ofEpochMilli(aws.emulator.clock().millis() / 60_000 * 60_000);
    }

    @Test
    void aSumOverAWindowWithItsStateAndAFinalInvocationAtItsEnd() {
        MappedStream s = stream(1);
        s.map(lambda, b -> b.batchSize(10).tumblingWindowInSeconds(60));
        Instant start = startOfAMinute();
        s.putAll(List.of("1", "2", "3"));
        settle();
        s.put("k", "4");
        settle();

        List<JsonNode> events = s.events();
        assertThat(events).hasSize(2);
        JsonNode first = events.get(0);
        assertThat(KinesisMappingFailureTest.fieldNames(first)).containsExactly("Records", "window", "state", "shardId", "eventSourceARN",
                "isFinalInvokeForWindow", "isWindowTerminatedEarly");
        assertThat(first.path("window").path("start").asText()).isEqualTo(start.toString());
        assertThat(first.path("window").path("end").asText()).isEqualTo(start.plusSeconds(60).toString());
        assertThat(first.path("state").toString()).isEqualTo("{}");
        assertThat(first.path("shardId").asText()).isEqualTo("shardId-000000000000");
        assertThat(first.path("eventSourceARN").asText()).isEqualTo(s.arn);
        assertThat(first.path("isFinalInvokeForWindow").asBoolean()).isFalse();
        assertThat(first.path("isWindowTerminatedEarly").asBoolean()).isFalse();
        assertThat(first.path("Records")).hasSize(3);
        assertThat(events.get(1).path("state").toString()).isEqualTo("{\"sum\":6,\"count\":3}");

        advance(Duration.ofSeconds(50));
        assertThat(s.events()).as("the window ends on the clock").hasSize(2);
        advance(Duration.ofSeconds(10));
        JsonNode last = s.events().get(2);
        assertThat(last.path("Records")).isEmpty();
        assertThat(last.path("isFinalInvokeForWindow").asBoolean()).isTrue();
        assertThat(last.path("state").toString()).isEqualTo("{\"sum\":10,\"count\":4}");

        s.put("k", "5");
        settle();
        JsonNode next = s.events().get(3);
        assertThat(next.path("window").path("start").asText()).isEqualTo(start.plusSeconds(60).toString());
        assertThat(next.path("state").toString()).as("a new window starts with a fresh state").isEqualTo("{}");
    }

    @Test
    void aStateOverOneMegabyteEndsTheWindowEarlyAndItGoesOnWithAFreshState() {
        MappedStream s = stream(1);
        s.map(lambda, b -> b.batchSize(10).tumblingWindowInSeconds(60));
        startOfAMinute();
        s.putAll(List.of("big", "1"));
        settle();
        s.put("k", "2");
        settle();

        List<JsonNode> events = s.events();
        assertThat(events).hasSize(3);
        assertThat(events.get(1).path("Records")).isEmpty();
        assertThat(events.get(1).path("isFinalInvokeForWindow").asBoolean()).isTrue();
        assertThat(events.get(1).path("isWindowTerminatedEarly").asBoolean()).isTrue();
        assertThat(events.get(1).path("state").path("big").asText()).hasSize(1_100_000);
        assertThat(events.get(2).path("window")).isEqualTo(events.get(0).path("window"));
        assertThat(events.get(2).path("state").toString()).isEqualTo("{}");
        assertThat(events.get(2).path("isWindowTerminatedEarly").asBoolean()).isFalse();
    }

    @Test
    void anAnswerWithoutAStateFailsTheBatch() {
        MappedStream s = stream(1);
        lambda.updateFunctionConfiguration(b -> b.functionName(s.function).environment(e -> e.variables(Map.of(
                "RECORD_DIR", s.records.toString(), "RESPONSE", "{\"batchItemFailures\": []}"))));
        s.map(lambda, b -> b.batchSize(10).tumblingWindowInSeconds(60).maximumRetryAttempts(0));
        s.put("k", "1");
        settle();
        assertThat(aws.emulator.trail().matching(e -> e.source().equals(s.arn) && e.outcome().startsWith("discarded")))
                .singleElement().satisfies(e -> assertThat(e.outcome()).contains("RetryAttemptsExhausted"));
    }
}
