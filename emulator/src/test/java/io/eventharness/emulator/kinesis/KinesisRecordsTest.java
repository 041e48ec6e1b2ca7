package io.eventharness.emulator.kinesis;

import static io.eventharness.emulator.kinesis.KinesisFixture.error;
import static io.eventharness.emulator.kinesis.KinesisFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import io.eventharness.emulator.TestAws;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.DryRunOperationException;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.ValidationException;

/** Putting and reading records through the SDK's default (CBOR) client: routing, sequence numbers, iterators, limits. */
class KinesisRecordsTest {
    private static final String SHARD0 = "shardId-000000000000";
    private final KinesisFixture f = KinesisFixture.shared();

    private static BigInteger md5(String key) throws Exception {
        return new BigInteger(1, MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aRecordGoesToTheShardWhoseRangeHoldsTheMd5OfItsPartitionKey() throws Exception {
        String name = f.stream(4);
        List<Shard> shards = f.shards(name);

        for (int i = 0; i < 40; i++) {
            String key = "key-" + i;
            BigInteger hash = md5(key);
            String expected = shards.stream().filter(s -> new BigInteger(s.hashKeyRange().startingHashKey()).compareTo(hash) <= 0
                    && hash.compareTo(new BigInteger(s.hashKeyRange().endingHashKey())) <= 0).findFirst().orElseThrow().shardId();
            assertThat(f.kinesis.putRecord(b -> b.streamName(name).partitionKey(key).data(SdkBytes.fromUtf8String(key))).shardId())
                    .as(key).isEqualTo(expected);
        }
        assertThat(shards.stream().mapToInt(s -> f.readAll(name, s.shardId()).size()).sum()).isEqualTo(40);
        assertThat(shards).allSatisfy(s -> assertThat(f.readAll(name, s.shardId()))
                .as("40 keys spread over all four shards").isNotEmpty());
    }

    @Test
    void anExplicitHashKeyOverridesThePartitionKey() {
        String name = f.stream(2);
        String max = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE).toString();

        assertThat(f.kinesis.putRecord(b -> b.streamName(name).partitionKey("same").explicitHashKey("0")
                .data(SdkBytes.fromUtf8String("low"))).shardId()).isEqualTo(SHARD0);
        assertThat(f.kinesis.putRecord(b -> b.streamName(name).partitionKey("same").explicitHashKey(max)
                .data(SdkBytes.fromUtf8String("high"))).shardId()).isEqualTo("shardId-000000000001");
        assertThat(error(failure(() -> f.kinesis.putRecord(b -> b.streamName(name).partitionKey("k")
                .explicitHashKey(BigInteger.ONE.shiftLeft(128).toString()).data(SdkBytes.fromUtf8String("x"))))))
                .isEqualTo(entry("InvalidArgumentException", "Invalid ExplicitHashKey. ExplicitHashKey must be in the range: "
                        + "[0, 2^128-1]. Specified value was 340282366920938463463374607431768211456"));
        assertThat(failure(() -> f.kinesis.putRecord(b -> b.streamName(name).partitionKey("k").explicitHashKey("-1")
                .data(SdkBytes.fromUtf8String("x"))))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("at 'explicitHashKey'");
    }

    @Test
    void sequenceNumbersAreLongDecimalsIncreasingWithinAShard() {
        String name = f.stream(1);

        List<String> sequences = IntStream.range(0, 5).mapToObj(i -> f.put(name, "same", "r" + i)).toList();

        assertThat(sequences).allSatisfy(s -> assertThat(s).matches("[1-9]\\d{55}"));
        assertThat(sequences.stream().map(BigInteger::new).toList()).isSorted().doesNotHaveDuplicates();
        assertThat(f.readAll(name, SHARD0)).extracting(Record::sequenceNumber).containsExactlyElementsOf(sequences);
        String start = f.shards(name).get(0).sequenceNumberRange().startingSequenceNumber();
        assertThat(new BigInteger(start)).isLessThan(new BigInteger(sequences.get(0)));
    }

    @Test
    void dataComesBackByteForByteWithItsArrivalTime() {
        String name = f.stream(1);
        byte[] every = new byte[256];
        for (int i = 0; i < 256; i++) {
            every[i] = (byte) i;
        }

        f.kinesis.putRecord(b -> b.streamName(name).partitionKey("bytes").data(SdkBytes.fromByteArray(every)));
        f.kinesis.putRecord(b -> b.streamName(name).partitionKey("empty").data(SdkBytes.fromByteArray(new byte[0])));
        List<Record> read = f.readAll(name, SHARD0);

        assertThat(read.get(0).data().asByteArray()).isEqualTo(every);
        assertThat(read.get(1).data().asByteArray()).isEmpty();
        assertThat(read.get(0).partitionKey()).isEqualTo("bytes");
        assertThat(read.get(0).approximateArrivalTimestamp()).isCloseTo(TestAws.emulator().clock().now(), within(5, ChronoUnit.SECONDS));
    }

    @Test
    void theIteratorTypesStartWhereTheyShould() {
        String name = f.stream(1);
        List<String> seq = IntStream.range(0, 3).mapToObj(i -> f.put(name, "k", "r" + i)).toList();

        assertThat(data(f.iterator(name, SHARD0, ShardIteratorType.TRIM_HORIZON))).containsExactly("r0", "r1", "r2");
        assertThat(data(iterator(name, ShardIteratorType.AT_SEQUENCE_NUMBER, seq.get(1)))).containsExactly("r1", "r2");
        assertThat(data(iterator(name, ShardIteratorType.AFTER_SEQUENCE_NUMBER, seq.get(1)))).containsExactly("r2");
        String latest = f.iterator(name, SHARD0, ShardIteratorType.LATEST);
        assertThat(data(latest)).isEmpty();
        f.put(name, "k", "r3");
        assertThat(data(latest)).as("LATEST sees what comes after it was issued").containsExactly("r3");
    }

    private String iterator(String name, ShardIteratorType type, String sequence) {
        return f.kinesis.getShardIterator(b -> b.streamName(name).shardId(SHARD0).shardIteratorType(type)
                .startingSequenceNumber(sequence)).shardIterator();
    }

    private List<String> data(String iterator) {
        return f.kinesis.getRecords(b -> b.shardIterator(iterator)).records().stream().map(r -> r.data().asUtf8String()).toList();
    }

    @Test
    void getShardIteratorRefusesMismatchedArgumentsAsAwsDoes() {
        String name = f.stream(2);
        String other = f.stream(1);
        String onShard1 = f.kinesis.putRecord(b -> b.streamName(name).partitionKey("k").explicitHashKey(
                BigInteger.ONE.shiftLeft(127).toString()).data(SdkBytes.fromUtf8String("x"))).sequenceNumber();
        String fromOther = f.put(other, "k", "x");

        assertThat(failure(() -> iterator(name, ShardIteratorType.TRIM_HORIZON, onShard1)).awsErrorDetails().errorMessage())
                .isEqualTo("Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or "
                        + "(2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified TRIM_HORIZON and also a "
                        + "StartingSequenceNumber.");
        assertThat(failure(() -> f.iterator(name, SHARD0, ShardIteratorType.AT_SEQUENCE_NUMBER)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("AT_SEQUENCE_NUMBER and no StartingSequenceNumber.");
        assertThat(failure(() -> iterator(name, ShardIteratorType.AT_SEQUENCE_NUMBER, onShard1)).awsErrorDetails().errorMessage())
                .isEqualTo("Invalid StartingSequenceNumber. It encodes shardId-000000000001, while it was used in a call to a "
                        + "shard with shardId-000000000000");
        assertThat(failure(() -> iterator(name, ShardIteratorType.AFTER_SEQUENCE_NUMBER, fromOther)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("because it did not come from this stream.");
        assertThat(failure(() -> iterator(name, ShardIteratorType.AT_SEQUENCE_NUMBER, "12345")).awsErrorDetails().errorMessage())
                .isEqualTo("StartingSequenceNumber 12345 used in GetShardIterator on shard shardId-000000000000 in stream "
                        + name + " under account 000000000000 is invalid.");
        assertThat(error(failure(() -> f.iterator(name, "shardId-000000000009", ShardIteratorType.LATEST))))
                .isEqualTo(entry("ResourceNotFoundException", "Could not find shard shardId-000000000009 in stream " + name
                        + " under account 000000000000."));
    }

    @Test
    void getRecordsPagesByLimitAndIsCaughtUpAtTheEnd() {
        String name = f.stream(1);
        IntStream.range(0, 5).forEach(i -> f.put(name, "k", "r" + i));
        String it = f.iterator(name, SHARD0, ShardIteratorType.TRIM_HORIZON);

        var first = f.kinesis.getRecords(b -> b.shardIterator(it).limit(2));
        var second = f.kinesis.getRecords(b -> b.shardIterator(first.nextShardIterator()).limit(2));
        var third = f.kinesis.getRecords(b -> b.shardIterator(second.nextShardIterator()).limit(2));
        var empty = f.kinesis.getRecords(b -> b.shardIterator(third.nextShardIterator()));

        assertThat(first.records()).extracting(r -> r.data().asUtf8String()).containsExactly("r0", "r1");
        assertThat(first.millisBehindLatest()).as("more to read").isGreaterThanOrEqualTo(0);
        assertThat(second.records()).extracting(r -> r.data().asUtf8String()).containsExactly("r2", "r3");
        assertThat(third.records()).extracting(r -> r.data().asUtf8String()).containsExactly("r4");
        assertThat(third.millisBehindLatest()).isZero();
        assertThat(empty.records()).isEmpty();
        assertThat(empty.nextShardIterator()).as("an open shard always has a next iterator").isNotNull();
        assertThat(empty.hasChildShards()).isFalse();
        assertThat(failure(() -> f.kinesis.getRecords(b -> b.shardIterator(it).limit(10001))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at 'limit'");
        assertThat(error(failure(() -> f.kinesis.getRecords(b -> b.shardIterator("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")))))
                .isEqualTo(entry("InvalidArgumentException", "Invalid ShardIterator."));
        byte[] altered = java.util.Base64.getDecoder().decode(it);
        altered[12] ^= 1; // another position in the same stream: not an iterator the emulator issued
        String tampered = java.util.Base64.getEncoder().encodeToString(altered);
        assertThat(error(failure(() -> f.kinesis.getRecords(b -> b.shardIterator(tampered)))))
                .isEqualTo(entry("InvalidArgumentException", "Invalid ShardIterator."));
    }

    @Test
    void getRecordsReturnsAtMostTenThousandRecords() {
        String name = f.stream(1);
        for (int batch = 0; batch < 21; batch++) {
            int from = batch * 500;
            f.kinesis.putRecords(b -> b.streamName(name).records(IntStream.range(from, Math.min(from + 500, 10_001))
                    .mapToObj(i -> putEntry("k", SdkBytes.fromUtf8String("r" + i))).toList()));
        }
        String it = f.iterator(name, SHARD0, ShardIteratorType.TRIM_HORIZON);

        var page = f.kinesis.getRecords(b -> b.shardIterator(it));
        var rest = f.kinesis.getRecords(b -> b.shardIterator(page.nextShardIterator()));

        assertThat(page.records()).hasSize(10_000);
        assertThat(page.records().get(9_999).data().asUtf8String()).isEqualTo("r9999");
        assertThat(rest.records()).extracting(r -> r.data().asUtf8String()).containsExactly("r10000");
    }

    @Test
    void getRecordsReturnsAtMostTenMebibytes() {
        String name = f.stream(1);
        SdkBytes almostMiB = SdkBytes.fromByteArray(new byte[(1 << 20) - 1]);
        for (int half = 0; half < 2; half++) {
            f.kinesis.putRecords(b -> b.streamName(name).records(IntStream.range(0, 6).mapToObj(i -> putEntry("k", almostMiB)).toList()));
        }
        String it = f.iterator(name, SHARD0, ShardIteratorType.TRIM_HORIZON);

        var page = f.kinesis.getRecords(b -> b.shardIterator(it));

        assertThat(page.records()).as("ten records of 1 MiB (data and key) fill 10 MiB").hasSize(10);
        assertThat(f.kinesis.getRecords(b -> b.shardIterator(page.nextShardIterator())).records()).hasSize(2);
    }

    @Test
    void putRecordsKeepsOrderAndAnswersEveryEntry() {
        String name = f.stream(2);
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            entries.add(putEntry("key-" + i, SdkBytes.fromUtf8String("r" + i)));
        }

        var answer = f.kinesis.putRecords(b -> b.streamName(name).records(entries));

        assertThat(answer.failedRecordCount()).isZero();
        assertThat(answer.records()).hasSize(500).allSatisfy(r -> {
            assertThat(r.shardId()).startsWith("shardId-");
            assertThat(r.sequenceNumber()).matches("\\d{56}");
            assertThat(r.errorCode()).isNull();
        });
        List<String> onShard0 = answer.records().stream().filter(r -> r.shardId().equals(SHARD0))
                .map(PutRecordsResultEntry::sequenceNumber).toList();
        assertThat(f.readAll(name, SHARD0)).extracting(Record::sequenceNumber).containsExactlyElementsOf(onShard0);
    }

    @Test
    void putRecordsLimitsAreAwss() {
        String name = f.stream(1);
        List<PutRecordsRequestEntry> tooMany = IntStream.range(0, 501).mapToObj(i -> putEntry("k", SdkBytes.fromUtf8String("x"))).toList();
        SdkBytes mib = SdkBytes.fromByteArray(new byte[1 << 20]);

        assertThat(failure(() -> f.kinesis.putRecords(b -> b.streamName(name).records(tooMany))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Member must have length less than or equal to 500");
        assertThat(failure(() -> f.kinesis.putRecords(b -> b.streamName(name).records(List.of(putEntry("k", SdkBytes.fromUtf8String("x")),
                PutRecordsRequestEntry.builder().data(SdkBytes.fromUtf8String("y")).build())))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at 'records.2.member.partitionKey'");
        assertThat(failure(() -> f.kinesis.putRecord(b -> b.streamName(name).partitionKey("k").data(mib))))
                .as("1 MiB of data and a key exceed the default maximum record size")
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("maximum record size of 1048576 bytes");
        assertThat(f.readAll(name, SHARD0)).as("a refused request writes nothing").isEmpty();

        f.kinesis.updateMaxRecordSize(b -> b.streamARN(f.arnOf(name)).maxRecordSizeInKiB(2048));
        f.kinesis.putRecord(b -> b.streamName(name).partitionKey("k").data(mib));
        assertThat(failure(() -> f.kinesis.putRecords(b -> b.streamName(name).records(IntStream.range(0, 11)
                .mapToObj(i -> putEntry("k", mib)).toList())))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("Records size exceeds 10 MB limit");
        assertThat(f.readAll(name, SHARD0)).hasSize(1);
    }

    @Test
    void aDryRunChecksEverythingAndWritesNothing() {
        String name = f.stream(1);

        assertThat(failure(() -> f.kinesis.putRecord(b -> b.streamName(name).partitionKey("k").data(SdkBytes.fromUtf8String("x"))
                .dryRun(true)))).isInstanceOf(DryRunOperationException.class);
        assertThat(failure(() -> f.kinesis.putRecord(b -> b.streamName(name + "-absent").partitionKey("k")
                .data(SdkBytes.fromUtf8String("x")).dryRun(true)))).isInstanceOf(ResourceNotFoundException.class);
        assertThat(f.readAll(name, SHARD0)).isEmpty();
    }

    @Test
    void sequenceNumberForOrderingMustComeFromTheStream() {
        String name = f.stream(1);
        String first = f.put(name, "k", "a");

        String second = f.kinesis.putRecord(b -> b.streamName(name).partitionKey("k").data(SdkBytes.fromUtf8String("b"))
                .sequenceNumberForOrdering(first)).sequenceNumber();

        assertThat(new BigInteger(second)).isGreaterThan(new BigInteger(first));
        assertThat(failure(() -> f.kinesis.putRecord(b -> b.streamName(name).partitionKey("k").data(SdkBytes.fromUtf8String("c"))
                .sequenceNumberForOrdering("42")))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("ExclusiveMinimumSequenceNumber 42 used in PutRecord on stream " + name);
    }

    private static PutRecordsRequestEntry putEntry(String key, SdkBytes data) {
        return PutRecordsRequestEntry.builder().partitionKey(key).data(data).build();
    }
}
