package io.eventharness.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * How a DynamoDB stream mapping follows its stream: with a {@code ParallelizationFactor} the changes of one item keep
 * their order through retries; when a shard rolls over, its child is read once the parent is read to its end and done;
 * a disabled stream's last shard is read to its end; tumbling windows carry their state as for Kinesis.
 */
class DynamoDbMappingShardsTest extends StreamMappingTestBase {

    @Test
    void withAParallelizationFactorEachItemsChangesKeepTheirOrderThroughRetries() {
        MappedTable t = table(StreamViewType.NEW_IMAGE);
        List<String> data = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String key = "k" + (i % 8);
            data.add(key + ":" + (i == 3 ? "fail-2:" : "") + key + "-" + i);
        }
        t.putAll(data);
        t.map(lambda, b -> b.batchSize(3).parallelizationFactor(4));
        settle();
        advance(Duration.ofSeconds(4));

        Map<String, List<Integer>> firstSeen = new TreeMap<>();
        List<String> seen = new ArrayList<>();
        for (String d : t.data()) {
            String plain = d.replace("fail-2:", "");
            if (!seen.contains(plain)) {
                seen.add(plain);
                String[] kn = plain.split("-");
                firstSeen.computeIfAbsent(kn[0], k -> new ArrayList<>()).add(Integer.parseInt(kn[1]));
            }
        }
        assertThat(firstSeen).hasSize(8);
        firstSeen.forEach((key, order) -> assertThat(order).as(key).hasSize(5).isSorted());
        assertThat(t.data().stream().filter(d -> d.startsWith("fail-2:")).count()).isEqualTo(3);
        for (List<String> batch : t.batches()) {
            assertThat(batch.stream().map(d -> d.replace("fail-2:", "").split("-")[0]).distinct().count())
                    .as("a batch holds the items of one lane: %s", batch).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void whenAShardRollsOverItsChildIsReadOnceTheParentIsDone() {
        MappedTable t = table(StreamViewType.NEW_IMAGE);
        t.putAll(List.of("p:fail-1:parent-1", "q:parent-2"));
        aws.emulator.clock().advance(Duration.ofHours(4).plusSeconds(1));
        t.putAll(List.of("c1:child-1", "c2:child-2"));
        List<Shard> shards = ddbStreams.describeStream(b -> b.streamArn(t.arn)).streamDescription().shards();
        assertThat(shards).as("a record four hours after the shard opened goes to a child").hasSize(2);
        assertThat(shards.get(1).parentShardId()).isEqualTo(shards.get(0).shardId());
        assertThat(shards.get(0).sequenceNumberRange().endingSequenceNumber()).isNotNull();

        aws.emulator.clock().freeze(); // the retry comes with the advance below, not with real seconds
        t.map(lambda, b -> b.batchSize(10));
        settle();
        assertThat(t.batches()).as("the child waits for its parent's retry").containsExactly(List.of("fail-1:parent-1", "parent-2"));
        advance(Duration.ofMillis(1500));
        assertThat(t.batches()).containsExactly(List.of("fail-1:parent-1", "parent-2"), List.of("fail-1:parent-1", "parent-2"),
                List.of("child-1", "child-2"));

        t.put("c3", "child-3");
        settle();
        assertThat(t.data()).last().isEqualTo("child-3");
    }

    @Test
    void aDisabledStreamsLastShardIsReadToItsEndAndTheMappingSettles() {
        MappedTable t = table(StreamViewType.NEW_IMAGE);
        String uuid = t.map(lambda, b -> b.batchSize(10).maximumBatchingWindowInSeconds(30));
        t.putAll(List.of("a", "b"));
        ddb.updateTable(b -> b.tableName(t.table).streamSpecification(s -> s.streamEnabled(false)));
        t.put("c", "c");
        settle();
        advance(Duration.ofSeconds(30));

        assertThat(t.batches()).containsExactly(List.of("a", "b"));
        assertThat(ddbStreams.describeStream(b -> b.streamArn(t.arn)).streamDescription().streamStatusAsString())
                .isEqualTo("DISABLED");
        assertThat(aws.emulator.clock().activity().pending()).as("nothing left to read").isEmpty();
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(uuid)).lastProcessingResult()).isEqualTo("OK");
    }

    @Test
    void aTumblingWindowSumsWithItsStateAndEndsOnTheClock() {
        MappedTable t = table(StreamViewType.NEW_IMAGE);
        t.map(lambda, b -> b.batchSize(10).tumblingWindowInSeconds(60).maximumBatchingWindowInSeconds(1));
        long now = aws.emulator.clock().millis();
        aws.emulator.clock().advance(Duration.ofMillis(60_000 - now % 60_000 + 1000));
        Instant start = Instant.ofEpochMilli(aws.emulator.clock().millis() / 60_000 * 60_000);
        t.putAll(List.of("a:1", "b:2", "c:3"));
        aws.emulator.clock().freeze();
        advance(Duration.ofSeconds(1));
        t.put("d", "4");
        advance(Duration.ofSeconds(1));

        List<JsonNode> events = t.events();
        assertThat(events).hasSize(2);
        JsonNode first = events.get(0);
        assertThat(KinesisMappingFailureTest.fieldNames(first)).containsExactly("Records", "window", "state", "shardId", "eventSourceARN",
                "isFinalInvokeForWindow", "isWindowTerminatedEarly");
        assertThat(first.path("window").path("start").asText()).isEqualTo(start.toString());
        assertThat(first.path("window").path("end").asText()).isEqualTo(start.plusSeconds(60).toString());
        assertThat(first.path("shardId").asText()).startsWith("shardId-");
        assertThat(first.path("eventSourceARN").asText()).isEqualTo(t.arn);
        assertThat(first.path("Records")).hasSize(3);
        assertThat(events.get(1).path("state").toString()).isEqualTo("{\"sum\":6,\"count\":3}");

        advance(Duration.ofSeconds(60));
        JsonNode last = t.events().get(2);
        assertThat(last.path("Records")).isEmpty();
        assertThat(last.path("isFinalInvokeForWindow").asBoolean()).isTrue();
        assertThat(last.path("state").toString()).isEqualTo("{\"sum\":10,\"count\":4}");
    }
}
