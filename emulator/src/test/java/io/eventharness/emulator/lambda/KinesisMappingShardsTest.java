package io.eventharness.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * How a Kinesis mapping follows shards: with a {@code ParallelizationFactor} a shard's batches run side by side and
 * a failing batch blocks only its own partition keys, each key keeping its order through retries; after a split or a
 * merge the children are read once their parents are read to their end and done.
 */
class KinesisMappingShardsTest extends StreamMappingTestBase {

    /** The data the function got for each key ({@code key-n}), first attempts only, in the order it got them. */
    private static Map<String, List<Integer>> perKey(List<String> data) {
        Map<String, List<Integer>> out = new TreeMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String d : data) {
            String plain = d.startsWith("fail-") ? d.substring(d.indexOf(':') + 1) : d.replace("poison-", "");
            if (seen.add(plain)) {
                String[] kn = plain.split("-");
                out.computeIfAbsent(kn[0], k -> new ArrayList<>()).add(Integer.parseInt(kn[1]));
            }
        }
        return out;
    }

    /** Forty records over eight keys, round robin; the record {@code special} (k3's first) is prefixed. */
    private static List<String> eightKeys(String prefix) {
        List<String> data = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String key = "k" + (i % 8);
            data.add(key + ":" + (i == 3 ? prefix : "") + key + "-" + i);
        }
        return data;
    }

    @Test
    void withAParallelizationFactorEveryPartitionKeyKeepsItsOrderThroughRetries() {
        MappedStream s = stream(1);
        s.map(lambda, b -> b.batchSize(3).parallelizationFactor(4));
        s.putAll(eightKeys("fail-2:"));
        settle();
        advance(Duration.ofSeconds(4));

        Map<String, List<Integer>> all = perKey(s.data());
        assertThat(all).hasSize(8);
        all.forEach((key, order) -> assertThat(order).as(key).hasSize(5).isSorted());
        assertThat(s.data().stream().filter(d -> d.startsWith("fail-2:")).count()).isEqualTo(3);
        for (List<String> batch : s.batches()) {
            assertThat(batch.stream().map(d -> d.replace("fail-2:", "").split("-")[0]).distinct().count())
                    .as("a batch holds the keys of one lane: %s", batch).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void withAParallelizationFactorAFailingBatchBlocksOnlyItsPartitionKeys() {
        MappedStream s = stream(1);
        s.map(lambda, b -> b.batchSize(3).parallelizationFactor(4));
        s.putAll(eightKeys("poison-"));
        settle();

        Map<String, List<Integer>> seen = perKey(s.data().stream().map(d -> d.replace("poison-", "")).toList());
        long complete = seen.values().stream().filter(l -> l.size() == 5).count();
        assertThat(complete).as("the keys of the other lanes went on while k3's lane waits for its retry").isGreaterThanOrEqualTo(4);
        assertThat(seen.get("k3")).as("k3 stopped at its failing batch").startsWith(3).hasSizeLessThan(3);
    }

    @Test
    void changingTheParallelizationFactorLosesAndRepeatsNothing() {
        MappedStream s = stream(1);
        String uuid = s.map(lambda, b -> b.batchSize(4));
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            first.add("k" + (i % 5) + ":k" + (i % 5) + "-" + i);
        }
        s.putAll(first);
        settle();
        lambda.updateEventSourceMapping(b -> b.uuid(uuid).parallelizationFactor(3));
        List<String> second = new ArrayList<>();
        for (int i = 12; i < 30; i++) {
            second.add("k" + (i % 5) + ":k" + (i % 5) + "-" + i);
        }
        s.putAll(second);
        settle();

        assertThat(s.data()).hasSize(30).doesNotHaveDuplicates();
        perKey(s.data()).forEach((key, order) -> assertThat(order).as(key).isSorted());
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(uuid)).parallelizationFactor()).isEqualTo(3);
    }

    @Test
    void afterASplitAndAMergeTheChildrenAreReadOnceTheirParentsAreDone() {
        MappedStream s = stream(1);
        s.map(lambda, b -> b.batchSize(10));
        s.putAll(List.of("p:fail-1:parent-1", "p:parent-2"));
        settle();
        kinesis.splitShard(b -> b.streamName(s.stream).shardToSplit("shardId-000000000000")
                .newStartingHashKey(BigInteger.ONE.shiftLeft(127).toString()));
        List<String> children = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            children.add("c" + i + ":child-" + i);
        }
        s.putAll(children);
        settle();
        advance(Duration.ofMillis(1500));
        List<String> got = s.data();
        assertThat(got.subList(0, 4)).as("the children waited for their parent's retry")
                .containsExactly("fail-1:parent-1", "parent-2", "fail-1:parent-1", "parent-2");
        assertThat(got.subList(4, got.size())).containsExactlyInAnyOrderElementsOf(children.stream().map(c -> c.substring(c.indexOf(':') + 1)).toList());
        Set<String> childShards = new LinkedHashSet<>();
        s.events().stream().skip(2).forEach(e -> e.path("Records").forEach(r -> childShards.add(r.path("eventID").asText().split(":")[0])));
        assertThat(childShards).containsExactlyInAnyOrder("shardId-000000000001", "shardId-000000000002");

        kinesis.mergeShards(b -> b.streamName(s.stream).shardToMerge("shardId-000000000001").adjacentShardToMerge("shardId-000000000002"));
        s.putAll(List.of("m:merged"));
        settle();
        assertThat(s.data()).last().isEqualTo("merged");
        assertThat(s.events().get(s.events().size() - 1).path("Records").get(0).path("eventID").asText()).startsWith("shardId-000000000003:");
    }
}
