package io.eventharness.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.Filter;

/**
 * Kinesis event source mappings deliver: the event record field for field as AWS records it, in order per shard, in
 * batches of {@code BatchSize}, from {@code TRIM_HORIZON}, {@code LATEST} or {@code AT_TIMESTAMP}, after a batching
 * window on the clock, through filters; disabling keeps the position. Records reach the function on arrival (no
 * polling interval): each test settles the emulator instead of waiting.
 */
class KinesisMappingDeliveryTest extends StreamMappingTestBase {

    @Test
    void theFunctionGetsTheKinesisRecordAsAwsRecordsItOnArrival() {
        MappedStream s = stream(1);
        s.map(lambda, b -> b.batchSize(10));
        String seq = s.put("test_0", "hello");
        settle();

        assertThat(s.events()).hasSize(1);
        JsonNode event = s.events().get(0);
        List<String> top = new ArrayList<>();
        event.fieldNames().forEachRemaining(top::add);
        assertThat(top).containsExactly("Records");
        JsonNode r = event.path("Records").get(0);
        List<String> fields = new ArrayList<>();
        r.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("kinesis", "eventSource", "eventVersion", "eventID", "eventName", "invokeIdentityArn",
                "awsRegion", "eventSourceARN");
        List<String> kinesisFields = new ArrayList<>();
        r.path("kinesis").fieldNames().forEachRemaining(kinesisFields::add);
        assertThat(kinesisFields).containsExactly("kinesisSchemaVersion", "partitionKey", "sequenceNumber", "data",
                "approximateArrivalTimestamp");
        assertThat(r.path("kinesis").path("kinesisSchemaVersion").asText()).isEqualTo("1.0");
        assertThat(r.path("kinesis").path("partitionKey").asText()).isEqualTo("test_0");
        assertThat(r.path("kinesis").path("sequenceNumber").asText()).isEqualTo(seq);
        assertThat(r.path("kinesis").path("data").asText()).isEqualTo("aGVsbG8=");
        JsonNode arrival = r.path("kinesis").path("approximateArrivalTimestamp");
        assertThat(arrival.isNumber()).isTrue();
        assertThat(arrival.asDouble()).isCloseTo(aws.emulator.clock().now().toEpochMilli() / 1000.0, org.assertj.core.data.Offset.offset(60.0));
        assertThat(r.path("eventSource").asText()).isEqualTo("aws:kinesis");
        assertThat(r.path("eventVersion").asText()).isEqualTo("1.0");
        assertThat(r.path("eventID").asText()).isEqualTo("shardId-000000000000:" + seq);
        assertThat(r.path("eventName").asText()).isEqualTo("aws:kinesis:record");
        assertThat(r.path("invokeIdentityArn").asText()).isEqualTo(aws.role());
        assertThat(r.path("awsRegion").asText()).isEqualTo(aws.emulator.region().id());
        assertThat(r.path("eventSourceARN").asText()).isEqualTo(s.arn);
    }

    @Test
    void aShardsRecordsArriveInOrderInBatchesOfBatchSize() {
        MappedStream s = stream(1);
        List<String> data = IntStream.range(0, 25).mapToObj(i -> "k" + (i % 3) + ":r" + i).toList();
        s.putAll(data);
        s.map(lambda, b -> b.batchSize(10));
        settle();

        assertThat(s.batches()).extracting(List::size).containsExactly(10, 10, 5);
        assertThat(s.data()).containsExactlyElementsOf(data.stream().map(d -> d.substring(d.indexOf(':') + 1)).toList());
    }

    @Test
    void trimHorizonReadsWhatIsThereLatestOnlyWhatComesAfterTheMappingAndAtTimestampFromThatTime() {
        MappedStream s = stream(1);
        s.put("a", "before");
        aws.emulator.clock().advance(Duration.ofSeconds(10));
        Instant t = aws.emulator.clock().now();
        s.put("a", "at");
        MappedStream latest = MappedStream.create(aws, kinesis, dir, 1, b -> { });

        s.map(lambda, b -> b.batchSize(10));
        String atTimestamp = lambda.createEventSourceMapping(b -> b.eventSourceArn(s.arn).functionName(latest.function)
                .startingPosition("AT_TIMESTAMP").startingPositionTimestamp(t)).uuid();
        settle();
        assertThat(s.data()).containsExactly("before", "at");
        assertThat(latest.data()).containsExactly("at");
        lambda.deleteEventSourceMapping(b -> b.uuid(atTimestamp));

        MappedStream third = MappedStream.create(aws, kinesis, dir, 1, b -> { });
        lambda.createEventSourceMapping(b -> b.eventSourceArn(s.arn).functionName(third.function).startingPosition("LATEST"));
        s.put("a", "after");
        settle();
        assertThat(third.data()).containsExactly("after");
        assertThat(s.data()).containsExactly("before", "at", "after");
    }

    @Test
    void aBatchingWindowGathersRecordsUntilItEndsOnTheClockUnlessTheBatchFillsUp() {
        MappedStream s = stream(1);
        aws.emulator.clock().freeze(); // the window opens at the first record and ends when the test moves the clock
        s.map(lambda, b -> b.batchSize(5).maximumBatchingWindowInSeconds(60));
        s.putAll(List.of("a", "b", "c"));
        settle();
        assertThat(s.events()).as("gathering: the window is due on the clock, nothing pending").isEmpty();

        advance(Duration.ofSeconds(55));
        assertThat(s.events()).isEmpty();
        advance(Duration.ofSeconds(5));
        assertThat(s.batches()).containsExactly(List.of("a", "b", "c"));

        s.putAll(List.of("d", "e", "f", "g", "h", "i"));
        settle();
        assertThat(s.batches()).as("a full batch goes at once").containsExactly(List.of("a", "b", "c"), List.of("d", "e", "f", "g", "h"));
        advance(Duration.ofSeconds(60));
        assertThat(s.batches()).last().isEqualTo(List.of("i"));
    }

    @Test
    void anUpdateTakesEffectAtOnceAShorterBatchingWindowInvokesWhatItGathered() {
        MappedStream s = stream(1);
        String uuid = s.map(lambda, b -> b.batchSize(10).maximumBatchingWindowInSeconds(300));
        s.putAll(List.of("a", "b"));
        settle();
        assertThat(s.events()).isEmpty();

        lambda.updateEventSourceMapping(b -> b.uuid(uuid).maximumBatchingWindowInSeconds(0).batchSize(1));
        settle();
        assertThat(s.batches()).containsExactly(List.of("a", "b"));
        s.putAll(List.of("c", "d"));
        settle();
        assertThat(s.batches()).containsExactly(List.of("a", "b"), List.of("c"), List.of("d"));
    }

    @Test
    void filtersSeeTheDataAsJsonAndTheRecordsMetadataAndSkipWhatNoneMatches() {
        MappedStream s = stream(1);
        s.map(lambda, b -> b.batchSize(10).filterCriteria(f -> f.filters(
                Filter.builder().pattern("{\"data\": {\"kind\": [\"order\"]}}").build(),
                Filter.builder().pattern("{\"partitionKey\": [\"vip\"]}").build())));
        s.putAll(List.of("k1:{\"kind\": \"order\", \"id\": 1}", "k2:{\"kind\": \"noise\"}", "k3:plain text", "vip:not json either"));
        settle();

        assertThat(s.data()).containsExactly("{\"kind\": \"order\", \"id\": 1}", "not json either");
        assertThat(aws.emulator.trail().matching(e -> e.source().equals(s.arn) && e.outcome().startsWith("filtered out")))
                .isNotEmpty();
    }

    @Test
    void disablingKeepsThePositionAndEnablingGoesOnFromThere() {
        MappedStream s = stream(1);
        String uuid = s.map(lambda, b -> b.batchSize(10));
        s.putAll(List.of("a", "b"));
        settle();
        lambda.updateEventSourceMapping(b -> b.uuid(uuid).enabled(false));
        s.putAll(List.of("c", "d", "e"));
        settle();
        assertThat(s.data()).containsExactly("a", "b");

        lambda.updateEventSourceMapping(b -> b.uuid(uuid).enabled(true));
        settle();
        assertThat(s.data()).containsExactly("a", "b", "c", "d", "e");
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(uuid)).lastProcessingResult()).isEqualTo("OK");
    }

    @Test
    void eachShardIsReadInOrderAndShardsGoOnInParallel() {
        MappedStream s = stream(4);
        List<String> data = IntStream.range(0, 200).mapToObj(i -> "key" + (i % 17) + ":" + (i % 17) + "-" + i).toList();
        for (int i = 0; i < data.size(); i += 50) {
            s.putAll(data.subList(i, i + 50));
        }
        s.map(lambda, b -> b.batchSize(7));
        settle();

        List<String> got = s.data();
        assertThat(got).hasSize(200).containsExactlyInAnyOrderElementsOf(data.stream().map(d -> d.substring(d.indexOf(':') + 1)).toList());
        for (int k = 0; k < 17; k++) {
            String prefix = k + "-";
            List<Integer> order = got.stream().filter(d -> d.startsWith(prefix)).map(d -> Integer.parseInt(d.substring(prefix.length()))).toList();
            assertThat(order).as("key %d", k).isSorted();
        }
        for (JsonNode e : s.events()) {
            List<String> shards = new ArrayList<>();
            e.path("Records").forEach(r -> shards.add(r.path("eventID").asText().split(":")[0]));
            assertThat(shards).as("a batch holds the records of one shard").containsOnly(shards.get(0));
        }
    }
}
