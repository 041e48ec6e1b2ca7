package io.eventharness.emulator.kinesis;

import static io.eventharness.emulator.kinesis.KinesisFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.Emulator;
import io.eventharness.emulator.core.EmulatorClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.ExpiredNextTokenException;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.LimitExceededException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.ScalingType;
import software.amazon.awssdk.services.kinesis.model.ShardFilterType;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * What follows the emulator's clock: retention (records and closed shards), iterator and token expiry, AT_TIMESTAMP,
 * MillisBehindLatest, the daily limits. On an emulator of its own, since it moves the clock by days.
 */
class KinesisClockTest {
    private static final String SHARD0 = "shardId-000000000000";
    private static Emulator emulator;
    private static KinesisClient client;
    private KinesisFixture f;
    private EmulatorClock clock;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().withDynamicPort().build().start();
        client = KinesisFixture.cbor(emulator);
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    @org.junit.jupiter.api.BeforeEach
    void fixture() {
        f = KinesisFixture.of(client, emulator);
        clock = emulator.clock();
    }

    private List<String> data(List<Record> records) {
        return records.stream().map(r -> r.data().asUtf8String()).toList();
    }

    @Test
    void streamsCreatedInTheSameMillisecondTellTheirSequenceNumbersApart() {
        clock.freeze();
        try {
            String name = f.stream(1);
            String other = f.stream(1);
            String fromOther = f.put(other, "k", "x");

            assertThat(failure(() -> f.kinesis.getShardIterator(b -> b.streamName(name).shardId(SHARD0)
                    .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).startingSequenceNumber(fromOther))))
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("because it did not come from this stream.");
        } finally {
            clock.unfreeze();
        }
    }

    @Test
    void recordsOlderThanTheRetentionPeriodAreGone() {
        String name = f.stream(1);
        f.put(name, "k", "old");
        clock.advance(Duration.ofHours(23));
        f.put(name, "k", "young");
        clock.advance(Duration.ofHours(2));

        assertThat(data(f.readAll(name, SHARD0))).containsExactly("young");
    }

    @Test
    void aLongerRetentionKeepsRecordsLongerAndTheLimitsAreAwss() {
        String name = f.stream(1);
        f.kinesis.increaseStreamRetentionPeriod(b -> b.streamName(name).retentionPeriodHours(48));
        f.put(name, "k", "kept");
        clock.advance(Duration.ofHours(25));

        assertThat(data(f.readAll(name, SHARD0))).containsExactly("kept");
        assertThat(f.kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().retentionPeriodHours())
                .isEqualTo(48);
        f.kinesis.decreaseStreamRetentionPeriod(b -> b.streamName(name).retentionPeriodHours(24));
        assertThat(data(f.readAll(name, SHARD0))).as("a shorter retention drops what is past it").isEmpty();

        assertThat(failure(() -> f.kinesis.increaseStreamRetentionPeriod(b -> b.streamName(name).retentionPeriodHours(23)))
                .awsErrorDetails().errorMessage())
                .isEqualTo("Minimum allowed retention period is 24 hours. Requested retention period (23 hours) is too short.");
        assertThat(failure(() -> f.kinesis.increaseStreamRetentionPeriod(b -> b.streamName(name).retentionPeriodHours(8761))))
                .hasMessageContaining("Maximum allowed retention period is 8760 hours.");
        f.kinesis.increaseStreamRetentionPeriod(b -> b.streamName(name).retentionPeriodHours(72));
        assertThat(failure(() -> f.kinesis.increaseStreamRetentionPeriod(b -> b.streamName(name).retentionPeriodHours(48)))
                .awsErrorDetails().errorMessage()).isEqualTo("Requested retention period (48 hours) for stream " + name
                        + " can not be shorter than existing retention period (72 hours). Use DecreaseRetentionPeriod API.");
        assertThat(failure(() -> f.kinesis.decreaseStreamRetentionPeriod(b -> b.streamName(name).retentionPeriodHours(96))))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("Use IncreaseRetentionPeriod API.");
    }

    @Test
    void aClosedShardIsForgottenOnceItsRecordsAreAllPastRetention() {
        String name = f.stream(1);
        f.kinesis.splitShard(b -> b.streamName(name).shardToSplit(SHARD0).newStartingHashKey("1000"));
        clock.advance(Duration.ofHours(24).plusSeconds(1));

        assertThat(f.shards(name)).extracting(s -> s.shardId()).containsExactly("shardId-000000000001", "shardId-000000000002");
        assertThat(failure(() -> f.iterator(name, SHARD0, ShardIteratorType.TRIM_HORIZON))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void anIteratorExpiresFiveMinutesAfterItWasIssued() {
        String name = f.stream(1);
        f.put(name, "k", "r0");
        String it = f.iterator(name, SHARD0, ShardIteratorType.TRIM_HORIZON);
        clock.advance(Duration.ofMinutes(4));
        String next = f.kinesis.getRecords(b -> b.shardIterator(it)).nextShardIterator();
        clock.advance(Duration.ofMinutes(4));

        assertThat(f.kinesis.getRecords(b -> b.shardIterator(next)).records()).as("each answer's iterator is new").isEmpty();
        var e = failure(() -> f.kinesis.getRecords(b -> b.shardIterator(it)));
        assertThat(e).isInstanceOf(ExpiredIteratorException.class);
        assertThat(e.awsErrorDetails().errorMessage()).matches("Iterator expired\\. The iterator was created at time "
                + "\\w{3} \\w{3} \\d{2} \\d{2}:\\d{2}:\\d{2} UTC \\d{4} while right now it is .* which is further in the future "
                + "than the tolerated delay of 300000 milliseconds\\.");
    }

    @Test
    void aListShardsTokenExpiresAfter300Seconds() {
        String name = f.stream(3);
        String token = f.kinesis.listShards(b -> b.streamName(name).maxResults(1)).nextToken();
        clock.advance(Duration.ofSeconds(301));

        assertThat(failure(() -> f.kinesis.listShards(b -> b.nextToken(token)))).isInstanceOf(ExpiredNextTokenException.class);
    }

    @Test
    void atTimestampStartsAtTheFirstRecordThatArrivedThenToTheMillisecond() {
        String name = f.stream(1);
        f.put(name, "k", "r0");
        clock.advance(Duration.ofSeconds(10));
        f.put(name, "k", "r1");
        clock.advance(Duration.ofSeconds(10));
        f.put(name, "k", "r2");
        Instant r1 = f.readAll(name, SHARD0).get(1).approximateArrivalTimestamp();

        assertThat(data(read(name, r1))).containsExactly("r1", "r2");
        assertThat(data(read(name, r1.plusMillis(1)))).containsExactly("r2");
        assertThat(data(read(name, Instant.EPOCH))).containsExactly("r0", "r1", "r2");
        Instant future = clock.now().plusSeconds(60);
        assertThat(failure(() -> read(name, future))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("The timestampInMillis parameter cannot be greater than the currentTimestampInMillis");
    }

    private List<Record> read(String name, Instant at) {
        String it = f.kinesis.getShardIterator(b -> b.streamName(name).shardId(SHARD0)
                .shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(at)).shardIterator();
        return f.kinesis.getRecords(b -> b.shardIterator(it)).records();
    }

    @Test
    void millisBehindLatestIsHowFarTheLastRecordReadIsBehindTheClock() {
        String name = f.stream(1);
        f.put(name, "k", "r0");
        clock.advance(Duration.ofMinutes(1));
        f.put(name, "k", "r1");
        String it = f.iterator(name, SHARD0, ShardIteratorType.TRIM_HORIZON);

        var behind = f.kinesis.getRecords(b -> b.shardIterator(it).limit(1));
        var caughtUp = f.kinesis.getRecords(b -> b.shardIterator(behind.nextShardIterator()));

        assertThat(behind.millisBehindLatest()).isBetween(60_000L, 70_000L);
        assertThat(caughtUp.millisBehindLatest()).isZero();
    }

    @Test
    void listShardsTimeFiltersFollowWhenShardsOpenedAndClosed() {
        String name = f.stream(1);
        Instant created = f.kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamCreationTimestamp();
        clock.advance(Duration.ofMinutes(1));
        f.kinesis.splitShard(b -> b.streamName(name).shardToSplit(SHARD0).newStartingHashKey("1000"));
        clock.advance(Duration.ofMinutes(1));
        Instant later = clock.now();

        assertThat(f.kinesis.listShards(b -> b.streamName(name).shardFilter(s -> s.type(ShardFilterType.AT_TIMESTAMP)
                .timestamp(created.plusSeconds(30)))).shards()).extracting(s -> s.shardId()).containsExactly(SHARD0);
        assertThat(f.kinesis.listShards(b -> b.streamName(name).shardFilter(s -> s.type(ShardFilterType.FROM_TIMESTAMP)
                .timestamp(later))).shards()).extracting(s -> s.shardId())
                .containsExactly("shardId-000000000001", "shardId-000000000002");
        assertThat(f.kinesis.listShards(b -> b.streamName(name).shardFilter(s -> s.type(ShardFilterType.AT_TRIM_HORIZON)))
                .shards()).extracting(s -> s.shardId()).containsExactly(SHARD0);
    }

    @Test
    void updateShardCountRunsTenTimesInADay() {
        String name = f.stream(1);
        for (int i = 0; i < 10; i++) {
            int target = i % 2 == 0 ? 2 : 1;
            f.kinesis.updateShardCount(b -> b.streamName(name).targetShardCount(target).scalingType(ScalingType.UNIFORM_SCALING));
        }

        assertThat(failure(() -> f.kinesis.updateShardCount(b -> b.streamName(name).targetShardCount(2)
                .scalingType(ScalingType.UNIFORM_SCALING)))).isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("10 times in the last 24 hours");
        clock.advance(Duration.ofHours(24));
        f.kinesis.updateShardCount(b -> b.streamName(name).targetShardCount(2).scalingType(ScalingType.UNIFORM_SCALING));
        assertThat(f.kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().openShardCount()).isEqualTo(2);
    }
}
