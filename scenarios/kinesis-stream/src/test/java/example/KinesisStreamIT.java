package example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.harness.Cloud;
import io.eventharness.harness.DeployedFunction;
import io.eventharness.harness.EventHarness;
import io.eventharness.harness.NeedsClock;
import io.eventharness.harness.observe.TableView;
import io.eventharness.harness.wire.Mapping;
import io.eventharness.harness.wire.StreamMapping;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Producers put device events on a Kinesis stream; {@link Aggregator} (wired by an event source mapping) counts them
 * into a totals table, one item per device, and {@link WindowSum} sums them per tumbling window. The functions and the
 * table are the class's; each test has its own stream, mappings and devices.
 */
@EventHarness
class KinesisStreamIT {
    /** Long enough for a record that waits for another partition key's records (40 s at most). */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** What a test waits for a result at most: several cold starts on a loaded machine. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    static Cloud shared;
    static String totals;
    static DeployedFunction aggregator;
    static DeployedFunction windowSum;

    @BeforeAll
    static void deploy() {
        totals = shared.name("totals");
        Scenario.createTable(shared, totals, null);
        aggregator = shared.deploy(Scenario.function("example.Aggregator::handleRequest", "aggregator", TIMEOUT).env("TABLE", totals));
        windowSum = shared.deploy(Scenario.function("example.WindowSum::handleRequest", "window-sum", TIMEOUT).env("TABLE", totals));
    }

    @Test
    void orderPerPartitionKeySurvivesARetry(Cloud cloud) {
        String stream = Scenario.stream(cloud, "events");
        String a = cloud.name("a");
        String b = cloud.name("b");
        for (int seq = 1; seq <= 5; seq++) {
            Scenario.put(cloud, stream, a, Scenario.event(a, seq, 10).put("fail", seq == 3 ? "once" : ""));
            Scenario.put(cloud, stream, b, Scenario.event(b, seq, 1));
        }
        cloud.wire().kinesisToLambda(stream, aggregator, StreamMapping.trimHorizon().batchSize(10).reportBatchItemFailures());

        cloud.logsOf(aggregator).await().atMost(PATIENCE).contains("event " + a + "#3 failed once");
        assertThat(seqs(cloud, a, 5)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(seqs(cloud, b, 5)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(total(cloud, a)).isEqualTo(50);
        cloud.settle(PATIENCE);
        assertThat(cloud.logsOf(aggregator).lines()).filteredOn(l -> l.message().contains(cloud.namePrefix()))
                .as("the batch was checkpointed before a#3: nothing before it was read again")
                .noneMatch(l -> l.message().contains("counted before"));
    }

    @Test
    void aPoisonRecordIsIsolatedByBisectionAndReportedToTheOnFailureQueueWhileTheRestGetThrough(Cloud cloud) throws Exception {
        String stream = Scenario.stream(cloud, "events");
        String failed = cloud.sqs().createQueue(q -> q.queueName(cloud.name("failed"))).queueUrl();
        String p = cloud.name("p");
        List<String> sequenceNumbers = Scenario.putAll(cloud, stream, p, List.of(
                Scenario.event(p, 1, 1), Scenario.event(p, 2, 1), Scenario.event(p, 3, 1), Scenario.event(p, 4, 1),
                Scenario.event(p, 5, 1000).put("fail", "poison"), Scenario.event(p, 6, 1), Scenario.event(p, 7, 1),
                Scenario.event(p, 8, 1)));
        cloud.wire().kinesisToLambda(stream, aggregator, StreamMapping.trimHorizon().batchSize(8).bisectBatchOnFunctionError()
                .maximumRetryAttempts(0).onFailure(cloud.wire().queueArn(failed)));

        Message m = cloud.queue(failed).await().atMost(PATIENCE).message();
        JsonNode record = Scenario.json(m.body());
        assertThat(record.path("requestContext").path("condition").asText()).isEqualTo("RetryAttemptsExhausted");
        assertThat(record.path("responseContext").path("functionError").asText()).isEqualTo("Unhandled");
        JsonNode batch = record.path("KinesisBatchInfo");
        assertThat(batch.path("batchSize").asInt()).as("bisected down to the poison record alone").isEqualTo(1);
        assertThat(batch.path("startSequenceNumber").asText()).isEqualTo(sequenceNumbers.get(4));
        assertThat(batch.path("endSequenceNumber").asText()).isEqualTo(sequenceNumbers.get(4));
        assertThat(batch.path("streamArn").asText()).endsWith(":stream/" + stream);

        assertThat(seqs(cloud, p, 7)).as("the seven others, in order").containsExactly(1L, 2L, 3L, 4L, 6L, 7L, 8L);
        assertThat(total(cloud, p)).isEqualTo(7);
        cloud.settle(PATIENCE);
        assertThat(cloud.queue(failed).drain()).as("one failure record").isEmpty();
    }

    @Test
    void latestReadsOnlyWhatComesAfterTheMappingTrimHorizonEverythingTheStreamKeeps(Cloud cloud) {
        String stream = Scenario.stream(cloud, "events");
        String early = cloud.name("early");
        String late = cloud.name("late");
        Scenario.put(cloud, stream, early, Scenario.event(early, 1, 3));
        Scenario.put(cloud, stream, early, Scenario.event(early, 2, 4));

        Mapping latest = cloud.wire().kinesisToLambda(stream, aggregator, StreamMapping.latest());
        Scenario.put(cloud, stream, late, Scenario.event(late, 1, 5));
        Scenario.put(cloud, stream, late, Scenario.event(late, 2, 6));
        assertThat(seqs(cloud, late, 2)).containsExactly(1L, 2L);
        cloud.settle(PATIENCE);
        assertThat(cloud.table(totals).item(TableView.key("pk", early))).as("put before the LATEST mapping existed").isNull();

        latest.delete();
        cloud.wire().kinesisToLambda(stream, aggregator, StreamMapping.trimHorizon());
        assertThat(seqs(cloud, early, 2)).containsExactly(1L, 2L);
        assertThat(total(cloud, early)).isEqualTo(7);
        cloud.logsOf(aggregator).await().atMost(PATIENCE).contains("event " + late + "#2 on " + late + ": counted before");
        assertThat(total(cloud, late)).as("read again from TRIM_HORIZON, counted once").isEqualTo(11);
    }

    @Test
    @NeedsClock("a tumbling window ends when the clock reaches its end")
    void aTumblingWindowSumsItsRecordsAndTheFinalInvocationWritesTheSum(Cloud cloud) {
        cloud.freezeClock(); // the window ends when the test moves the clock, however slow the machine
        String stream = Scenario.stream(cloud, "events");
        String w = cloud.name("meter");
        cloud.wire().kinesisToLambda(stream, windowSum, StreamMapping.latest().tumblingWindow(Duration.ofSeconds(60)));
        // windows are aligned on the epoch: start a second into one, so that the records all fall in it
        cloud.advanceTo(cloud.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofSeconds(61)));
        for (int v = 1; v <= 4; v++) {
            Scenario.put(cloud, stream, w, Scenario.event(w, v, v));
        }
        cloud.settle(PATIENCE);
        assertThat(cloud.table(totals).item(TableView.key("pk", w + "#windows"))).as("nothing before the window ends").isNull();

        cloud.advance(Duration.ofSeconds(60));
        List<AttributeValue> first = windows(cloud, w, 1);
        assertThat(first.get(0).m().get("sum").n()).isEqualTo("10");
        assertThat(first.get(0).m().get("count").n()).isEqualTo("4");

        Scenario.put(cloud, stream, w, Scenario.event(w, 5, 5));
        Scenario.put(cloud, stream, w, Scenario.event(w, 6, 6));
        cloud.settle(PATIENCE);
        cloud.advance(Duration.ofSeconds(60));
        List<AttributeValue> both = windows(cloud, w, 2);
        assertThat(both.get(1).m().get("sum").n()).as("the next window starts from a fresh state").isEqualTo("11");
        assertThat(both.get(1).m().get("count").n()).isEqualTo("2");
        assertThat(Instant.parse(both.get(1).m().get("start").s()))
                .isEqualTo(Instant.parse(both.get(0).m().get("start").s()).plusSeconds(60));
    }

    /**
     * Two partition keys of one shard under {@code ParallelizationFactor} 4: the first record of {@code a} waits until
     * all five of {@code b} are counted, which can only happen when {@code b}'s batches go on while {@code a}'s is held;
     * each key's records are still counted in order. ({@code sensor-a} and {@code sensor-b} fall in different lanes of
     * the emulator, which splits a shard's keys by their Java hash; AWS hashes them its own way.)
     */
    @Test
    void parallelizationFactorRunsKeysConcurrentlyAndKeepsEachKeysOrder(Cloud cloud) {
        String stream = Scenario.stream(cloud, "events");
        String a = cloud.name("a");
        String b = cloud.name("b");
        Scenario.put(cloud, stream, "sensor-a", Scenario.event(a, 1, 1).put("waitFor", b).put("waitForCount", 5));
        for (int seq = 1; seq <= 5; seq++) {
            Scenario.put(cloud, stream, "sensor-b", Scenario.event(b, seq, 1));
            if (seq < 5) {
                Scenario.put(cloud, stream, "sensor-a", Scenario.event(a, seq + 1, 1));
            }
        }
        cloud.wire().kinesisToLambda(stream, aggregator, StreamMapping.trimHorizon().batchSize(1).parallelizationFactor(4));

        assertThat(seqs(cloud, a, 5)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(seqs(cloud, b, 5)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(cloud.logsOf(aggregator).lines()).anyMatch(l -> l.message().contains("event " + a + "#1 saw " + b + " at 5 event(s)"))
                .noneMatch(l -> l.message().contains("event " + a + "#1 saw") && l.message().contains("gave up"));
    }

    /** The device's {@code seqs} once it has {@code n} events counted. */
    private static List<Long> seqs(Cloud cloud, String device, int n) {
        Map<String, AttributeValue> item = cloud.table(totals).await().atMost(PATIENCE).item(TableView.key("pk", device),
                i -> i.containsKey("eventCount") && Long.parseLong(i.get("eventCount").n()) >= n);
        return item.get("seqs").l().stream().map(v -> Long.parseLong(v.n())).toList();
    }

    private static long total(Cloud cloud, String device) {
        return Long.parseLong(cloud.table(totals).item(TableView.key("pk", device)).get("total").n());
    }

    /** The windows written for the device, once there are {@code n}. */
    private static List<AttributeValue> windows(Cloud cloud, String device, int n) {
        return cloud.table(totals).await().atMost(PATIENCE).item(TableView.key("pk", device + "#windows"),
                i -> i.get("windows").l().size() >= n).get("windows").l();
    }
}
