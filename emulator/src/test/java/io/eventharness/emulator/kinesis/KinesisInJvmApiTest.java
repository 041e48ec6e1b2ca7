package io.eventharness.emulator.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventharness.emulator.TestAws;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.AwsException;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * The in-JVM API a Lambda event source mapping reads with: shards, reads from each starting position, and the
 * listener told of appends, reshards and deletion, on the writer's thread before its call returns. Writes go
 * through the SDK, as a producer's would.
 */
class KinesisInJvmApiTest {
    private static final String SHARD0 = "shardId-000000000000";
    private final KinesisFixture f = KinesisFixture.shared();
    private final KinesisService kinesis = TestAws.emulator().services().kinesis();

    private Arn stream(int shards) {
        return Arn.parse(f.arnOf(f.stream(shards)));
    }

    private static List<String> data(ShardRead read) {
        return read.records().stream().map(r -> new String(r.data(), java.nio.charset.StandardCharsets.UTF_8)).toList();
    }

    @Test
    void shardsCarryIdsParentsRangesAndWhetherTheyAreOpen() {
        Arn arn = stream(1);
        f.kinesis.splitShard(b -> b.streamARN(arn.toString()).shardToSplit(SHARD0).newStartingHashKey("1000"));

        List<ShardInfo> shards = kinesis.shards(arn);

        assertThat(shards).extracting(ShardInfo::shardId).containsExactly(SHARD0, "shardId-000000000001", "shardId-000000000002");
        assertThat(shards.get(0).open()).isFalse();
        assertThat(shards.get(1).open()).isTrue();
        assertThat(shards.get(1).parent()).hasValue(SHARD0);
        assertThat(shards.get(1).adjacentParent()).isEmpty();
        assertThat(shards.get(1).hashKeyRange()).isEqualTo(new HashRange(BigInteger.ZERO, BigInteger.valueOf(999)));
        assertThat(kinesis.streamExists(arn)).isTrue();
        assertThat(kinesis.streamExists(arn.withResource("stream/absent"))).isFalse();
    }

    @Test
    void aReadCarriesWhatTheLambdaEventNeedsAndWhereToGoOn() {
        Arn arn = stream(1);
        String name = KinesisStream.nameOf(arn);
        f.put(name, "pk-1", "one");
        Record viaSdk = f.readAll(name, SHARD0).get(0);

        ShardRead first = kinesis.read(arn, SHARD0, StartingPosition.trimHorizon(), 100);
        f.put(name, "pk-2", "two");
        ShardRead second = kinesis.read(arn, SHARD0, first.next(), 100);

        KinesisRecord r = first.records().get(0);
        assertThat(r.shardId()).isEqualTo(SHARD0);
        assertThat(r.partitionKey()).isEqualTo("pk-1");
        assertThat(r.sequenceNumber()).isEqualTo(viaSdk.sequenceNumber());
        assertThat(r.approximateArrivalTimestamp()).isEqualTo(viaSdk.approximateArrivalTimestamp());
        assertThat(r.dataBase64()).isEqualTo("b25l");
        assertThat(first.shardEnded()).isFalse();
        assertThat(first.millisBehindLatest()).isZero();
        assertThat(data(second)).containsExactly("two");
        assertThat(data(kinesis.read(arn, SHARD0, second.next(), 100))).isEmpty();
    }

    @Test
    void everyStartingPositionReadsFromWhereItShould() {
        Arn arn = stream(1);
        String name = KinesisStream.nameOf(arn);
        String s0 = f.put(name, "k", "r0");
        String s1 = f.put(name, "k", "r1");

        ShardRead latest = kinesis.read(arn, SHARD0, StartingPosition.latest(), 10);
        f.put(name, "k", "r2");

        assertThat(data(kinesis.read(arn, SHARD0, StartingPosition.trimHorizon(), 2))).containsExactly("r0", "r1");
        assertThat(data(kinesis.read(arn, SHARD0, StartingPosition.atSequenceNumber(s1), 10))).containsExactly("r1", "r2");
        assertThat(data(kinesis.read(arn, SHARD0, StartingPosition.afterSequenceNumber(s0), 10))).containsExactly("r1", "r2");
        assertThat(data(latest)).isEmpty();
        assertThat(data(kinesis.read(arn, SHARD0, latest.next(), 10))).as("latest, then what came after").containsExactly("r2");
        assertThat(data(kinesis.read(arn, SHARD0, StartingPosition.atTimestamp(java.time.Instant.EPOCH), 10)))
                .containsExactly("r0", "r1", "r2");
        assertThat(catchThrowableOfType(() -> kinesis.read(arn, SHARD0, StartingPosition.afterSequenceNumber("42"), 10),
                AwsException.class).code()).isEqualTo("InvalidArgumentException");
        assertThat(catchThrowableOfType(() -> kinesis.read(arn.withResource("stream/absent"), SHARD0, StartingPosition.latest(), 10),
                AwsException.class).code()).isEqualTo("ResourceNotFoundException");
    }

    @Test
    void aClosedShardReadToItsEndNamesItsChildren() {
        Arn arn = stream(1);
        f.put(KinesisStream.nameOf(arn), "k", "last");
        f.kinesis.splitShard(b -> b.streamARN(arn.toString()).shardToSplit(SHARD0).newStartingHashKey("1000"));

        ShardRead read = kinesis.read(arn, SHARD0, StartingPosition.trimHorizon(), 100);

        assertThat(data(read)).containsExactly("last");
        assertThat(read.shardEnded()).isTrue();
        assertThat(read.childShards()).extracting(ShardInfo::shardId).containsExactly("shardId-000000000001", "shardId-000000000002");
    }

    @Test
    void listenersHearOfAppendsReshardsAndDeletionBeforeTheCallReturns() {
        Arn arn = stream(2);
        String name = KinesisStream.nameOf(arn);
        List<String> heard = new CopyOnWriteArrayList<>();
        StreamListener.Registration throwing = kinesis.listen(arn, new StreamListener() {
            @Override
            public void recordsAppended(Arn stream, Set<String> shardIds) {
                throw new IllegalStateException("a broken listener does not fail the write");
            }
        });
        StreamListener.Registration handle = kinesis.listen(arn, new StreamListener() {
            @Override
            public void recordsAppended(Arn stream, Set<String> shardIds) {
                heard.add("appended " + stream.resourceId() + " " + shardIds.stream().sorted().toList());
            }

            @Override
            public void resharded(Arn stream) {
                heard.add("resharded");
            }

            @Override
            public void deleted(Arn stream) {
                heard.add("deleted");
            }
        });

        f.kinesis.putRecord(b -> b.streamName(name).partitionKey("k").explicitHashKey("0").data(SdkBytes.fromUtf8String("x")));
        f.kinesis.putRecords(b -> b.streamName(name).records(
                r -> r.partitionKey("a").explicitHashKey("0").data(SdkBytes.fromUtf8String("a")),
                r -> r.partitionKey("b").explicitHashKey(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE).toString())
                        .data(SdkBytes.fromUtf8String("b"))));
        f.kinesis.mergeShards(b -> b.streamName(name).shardToMerge(SHARD0).adjacentShardToMerge("shardId-000000000001"));
        f.kinesis.deleteStream(b -> b.streamName(name));
        handle.close();
        throwing.close();
        f.kinesis.createStream(b -> b.streamName(name).shardCount(1));
        f.put(name, "k", "unheard");

        assertThat(heard).containsExactly("appended " + name + " [" + SHARD0 + "]",
                "appended " + name + " [" + SHARD0 + ", shardId-000000000001]", "resharded", "deleted");
    }
}
