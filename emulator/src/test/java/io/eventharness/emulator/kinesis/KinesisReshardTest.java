package io.eventharness.emulator.kinesis;

import static io.eventharness.emulator.kinesis.KinesisFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.ChildShard;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.LimitExceededException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.ScalingType;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardFilterType;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/** SplitShard, MergeShards, UpdateShardCount and reading across them: parents, child shards, closed shards, ListShards. */
class KinesisReshardTest {
    private static final BigInteger HALF = BigInteger.ONE.shiftLeft(127);
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    private final KinesisFixture f = KinesisFixture.shared();

    private Map<String, Shard> byId(String name) {
        return f.shards(name).stream().collect(Collectors.toMap(Shard::shardId, Function.identity()));
    }

    @Test
    void aSplitClosesTheShardAndOpensTwoChildrenThatNameIt() {
        String name = f.stream(1);
        String before = f.put(name, "k", "before");

        f.kinesis.splitShard(b -> b.streamName(name).shardToSplit("shardId-000000000000").newStartingHashKey(HALF.toString()));

        Map<String, Shard> shards = byId(name);
        assertThat(shards).containsOnlyKeys("shardId-000000000000", "shardId-000000000001", "shardId-000000000002");
        Shard parent = shards.get("shardId-000000000000");
        Shard low = shards.get("shardId-000000000001");
        Shard high = shards.get("shardId-000000000002");
        assertThat(parent.sequenceNumberRange().endingSequenceNumber()).isNotNull();
        assertThat(List.of(low.parentShardId(), high.parentShardId())).containsOnly("shardId-000000000000");
        assertThat(low.hashKeyRange().endingHashKey()).isEqualTo(HALF.subtract(BigInteger.ONE).toString());
        assertThat(high.hashKeyRange().startingHashKey()).isEqualTo(HALF.toString());
        assertThat(high.hashKeyRange().endingHashKey()).isEqualTo(MAX.toString());
        assertThat(new BigInteger(low.sequenceNumberRange().startingSequenceNumber()))
                .isGreaterThan(new BigInteger(parent.sequenceNumberRange().endingSequenceNumber()));
        assertThat(f.kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamStatus())
                .isEqualTo(StreamStatus.ACTIVE);

        String after = f.kinesis.putRecord(b -> b.streamName(name).partitionKey("k").explicitHashKey("0")
                .data(SdkBytes.fromUtf8String("after"))).shardId();
        assertThat(after).isEqualTo("shardId-000000000001");
        assertThat(f.readAll(name, "shardId-000000000000")).extracting(r -> r.sequenceNumber()).containsExactly(before);
    }

    @Test
    void aClosedShardReadToItsEndHasNoNextIteratorButItsChildren() {
        String name = f.stream(1);
        f.put(name, "k", "r0");
        f.put(name, "k", "r1");
        f.kinesis.splitShard(b -> b.streamName(name).shardToSplit("shardId-000000000000").newStartingHashKey(HALF.toString()));
        String it = f.iterator(name, "shardId-000000000000", ShardIteratorType.TRIM_HORIZON);

        var first = f.kinesis.getRecords(b -> b.shardIterator(it).limit(1));
        var last = f.kinesis.getRecords(b -> b.shardIterator(first.nextShardIterator()));

        assertThat(first.records()).extracting(r -> r.data().asUtf8String()).containsExactly("r0");
        assertThat(first.nextShardIterator()).isNotNull();
        assertThat(first.hasChildShards()).isFalse();
        assertThat(last.records()).extracting(r -> r.data().asUtf8String()).containsExactly("r1");
        assertThat(last.nextShardIterator()).isNull();
        assertThat(last.millisBehindLatest()).isZero();
        assertThat(last.childShards()).extracting(ChildShard::shardId).containsExactly("shardId-000000000001", "shardId-000000000002");
        assertThat(last.childShards()).allSatisfy(c -> assertThat(c.parentShards()).containsExactly("shardId-000000000000"));
        String latest = f.iterator(name, "shardId-000000000000", ShardIteratorType.LATEST);
        assertThat(f.kinesis.getRecords(b -> b.shardIterator(latest)).nextShardIterator())
                .as("LATEST on a closed shard is its end").isNull();
    }

    @Test
    void splitRefusesAKeyOutsideTheShardAndAClosedShard() {
        String name = f.stream(1);

        assertThat(failure(() -> f.kinesis.splitShard(b -> b.streamName(name).shardToSplit("shardId-000000000000")
                .newStartingHashKey("1"))).awsErrorDetails().errorMessage())
                .isEqualTo("NewStartingHashKey 1 used in SplitShard() on shard shardId-000000000000 in stream " + name
                        + " under account 000000000000 is not both greater than one plus the shard's StartingHashKey 0 and "
                        + "less than the shard's EndingHashKey " + MAX + ".");
        f.kinesis.splitShard(b -> b.streamName(name).shardToSplit("shardId-000000000000").newStartingHashKey(HALF.toString()));
        assertThat(failure(() -> f.kinesis.splitShard(b -> b.streamName(name).shardToSplit("shardId-000000000000")
                .newStartingHashKey(HALF.toString())))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("has already been merged or split");
        assertThat(failure(() -> f.kinesis.splitShard(b -> b.streamName(name).shardToSplit("shardId-000000000042")
                .newStartingHashKey(HALF.toString())))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aMergeOpensOneChildWithBothParents() {
        String name = f.stream(3);

        assertThat(failure(() -> f.kinesis.mergeShards(b -> b.streamName(name).shardToMerge("shardId-000000000000")
                .adjacentShardToMerge("shardId-000000000002"))).awsErrorDetails().errorMessage())
                .isEqualTo("Shards shardId-000000000000 and shardId-000000000002 in stream " + name
                        + " under account 000000000000 are not an adjacent pair of shards eligible for merging");
        f.kinesis.mergeShards(b -> b.streamName(name).shardToMerge("shardId-000000000001").adjacentShardToMerge("shardId-000000000000"));

        Shard child = byId(name).get("shardId-000000000003");
        assertThat(child.parentShardId()).isEqualTo("shardId-000000000001");
        assertThat(child.adjacentParentShardId()).isEqualTo("shardId-000000000000");
        assertThat(child.hashKeyRange().startingHashKey()).isEqualTo("0");
        assertThat(child.hashKeyRange().endingHashKey()).isEqualTo("226854911280625642308916404954512140969");
        assertThat(f.kinesis.putRecord(b -> b.streamName(name).partitionKey("k").explicitHashKey("7")
                .data(SdkBytes.fromUtf8String("x"))).shardId()).isEqualTo("shardId-000000000003");
    }

    @Test
    void updateShardCountScalesUniformlyThroughSplitsAndMerges() {
        String name = f.stream(2);

        var up = f.kinesis.updateShardCount(b -> b.streamName(name).targetShardCount(4).scalingType(ScalingType.UNIFORM_SCALING));
        assertThat(up.currentShardCount()).isEqualTo(2);
        assertThat(up.targetShardCount()).isEqualTo(4);
        assertUniformOpenShardsWithKnownParents(name, 4);

        f.kinesis.updateShardCount(b -> b.streamName(name).targetShardCount(3).scalingType(ScalingType.UNIFORM_SCALING));
        assertUniformOpenShardsWithKnownParents(name, 3);

        assertThat(failure(() -> f.kinesis.updateShardCount(b -> b.streamName(name).targetShardCount(7)
                .scalingType(ScalingType.UNIFORM_SCALING)))).isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("between half and double its 3 open shards");
        assertThat(f.kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamStatus())
                .isEqualTo(StreamStatus.ACTIVE);
    }

    private void assertUniformOpenShardsWithKnownParents(String name, int count) {
        List<Shard> all = f.shards(name);
        Set<String> ids = all.stream().map(Shard::shardId).collect(Collectors.toSet());
        List<Shard> open = all.stream().filter(s -> s.sequenceNumberRange().endingSequenceNumber() == null).toList();
        BigInteger width = MAX.add(BigInteger.ONE).divide(BigInteger.valueOf(count));
        assertThat(open).hasSize(count);
        for (int i = 0; i < count; i++) {
            Shard s = open.stream().sorted((a, b) -> new BigInteger(a.hashKeyRange().startingHashKey())
                    .compareTo(new BigInteger(b.hashKeyRange().startingHashKey()))).toList().get(i);
            assertThat(s.hashKeyRange().startingHashKey()).isEqualTo(width.multiply(BigInteger.valueOf(i)).toString());
        }
        assertThat(all).allSatisfy(s -> {
            if (s.parentShardId() != null) {
                assertThat(ids).contains(s.parentShardId());
            }
            if (s.adjacentParentShardId() != null) {
                assertThat(ids).contains(s.adjacentParentShardId());
            }
        });
    }

    @Test
    void listShardsFiltersAndPages() {
        String name = f.stream(2);
        f.kinesis.splitShard(b -> b.streamName(name).shardToSplit("shardId-000000000000").newStartingHashKey("1000"));

        assertThat(ids(f.kinesis.listShards(b -> b.streamName(name).shardFilter(s -> s.type(ShardFilterType.AT_LATEST))).shards()))
                .containsExactly("shardId-000000000001", "shardId-000000000002", "shardId-000000000003");
        assertThat(ids(f.kinesis.listShards(b -> b.streamName(name).shardFilter(s -> s.type(ShardFilterType.FROM_TRIM_HORIZON)))
                .shards())).hasSize(4);
        assertThat(ids(f.kinesis.listShards(b -> b.streamName(name).shardFilter(s -> s.type(ShardFilterType.AFTER_SHARD_ID)
                .shardId("shardId-000000000001"))).shards())).containsExactly("shardId-000000000002", "shardId-000000000003");
        assertThat(ids(f.kinesis.listShards(b -> b.streamName(name).exclusiveStartShardId("shardId-000000000002")).shards()))
                .containsExactly("shardId-000000000003");

        var page = f.kinesis.listShards(b -> b.streamName(name).maxResults(3));
        assertThat(ids(page.shards())).hasSize(3);
        var rest = f.kinesis.listShards(b -> b.nextToken(page.nextToken()));
        assertThat(ids(rest.shards())).containsExactly("shardId-000000000003");
        assertThat(rest.nextToken()).isNull();
        assertThat(failure(() -> f.kinesis.listShards(b -> b.nextToken(page.nextToken()).streamName(name))).awsErrorDetails()
                .errorMessage()).isEqualTo("NextToken and StreamName cannot be provided together.");
        assertThat(failure(() -> f.kinesis.listShards(b -> b.nextToken("bm90IGEgdG9rZW4="))))
                .isInstanceOf(InvalidArgumentException.class);
        assertThat(failure(() -> f.kinesis.listShards(b -> b.streamName(name).streamCreationTimestamp(Instant.EPOCH))))
                .as("a creation time of another stream of that name").isInstanceOf(ResourceNotFoundException.class);
        Instant created = f.kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamCreationTimestamp();
        assertThat(f.kinesis.listShards(b -> b.streamName(name).streamCreationTimestamp(created)).shards()).hasSize(4);
    }

    private static List<String> ids(List<Shard> shards) {
        return shards.stream().map(Shard::shardId).toList();
    }
}
