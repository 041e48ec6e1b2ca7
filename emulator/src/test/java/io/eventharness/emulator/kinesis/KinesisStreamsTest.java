package io.eventharness.emulator.kinesis;

import static io.eventharness.emulator.kinesis.KinesisFixture.error;
import static io.eventharness.emulator.kinesis.KinesisFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import io.eventharness.emulator.TestAws;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.LimitExceededException;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.kinesis.model.StreamMode;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.kinesis.model.ValidationException;

/** Streams themselves through the SDK's default (CBOR) client: create, describe, list, delete, modes, limits. */
class KinesisStreamsTest {
    private final KinesisFixture f = KinesisFixture.shared();

    @Test
    void aNewStreamIsActiveWithEqualHashRangesAndTheDefaults() {
        String name = f.stream(3);

        var d = f.kinesis.describeStream(b -> b.streamName(name)).streamDescription();

        assertThat(d.streamStatus()).isEqualTo(StreamStatus.ACTIVE);
        assertThat(d.streamARN()).isEqualTo("arn:aws:kinesis:us-east-1:000000000000:stream/" + name);
        assertThat(d.streamModeDetails().streamMode()).isEqualTo(StreamMode.PROVISIONED);
        assertThat(d.retentionPeriodHours()).isEqualTo(24);
        assertThat(d.hasMoreShards()).isFalse();
        assertThat(d.shards()).extracting(s -> s.shardId())
                .containsExactly("shardId-000000000000", "shardId-000000000001", "shardId-000000000002");
        // AWS's layout for three shards: floor(2^128 / 3) wide, the last one up to 2^128 - 1
        assertThat(d.shards()).extracting(s -> s.hashKeyRange().startingHashKey() + ".." + s.hashKeyRange().endingHashKey())
                .containsExactly("0..113427455640312821154458202477256070484",
                        "113427455640312821154458202477256070485..226854911280625642308916404954512140969",
                        "226854911280625642308916404954512140970..340282366920938463463374607431768211455");
        assertThat(d.shards()).allSatisfy(s -> {
            assertThat(s.sequenceNumberRange().startingSequenceNumber()).matches("\\d{56}");
            assertThat(s.sequenceNumberRange().endingSequenceNumber()).isNull();
            assertThat(s.parentShardId()).isNull();
        });
        assertThat(d.streamCreationTimestamp()).isCloseTo(TestAws.emulator().clock().now(), within(5, ChronoUnit.SECONDS));
    }

    @Test
    void theSummaryCountsOpenShardsAndTheSdkWaiterSeesTheStreamAtOnce() {
        String name = f.stream(2);

        f.kinesis.waiter().waitUntilStreamExists(b -> b.streamName(name));
        StreamDescriptionSummary s = f.kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary();

        assertThat(s.streamStatus()).isEqualTo(StreamStatus.ACTIVE);
        assertThat(s.openShardCount()).isEqualTo(2);
        assertThat(s.consumerCount()).isZero();
        assertThat(s.maxRecordSizeInKiB()).isEqualTo(1024);
        assertThat(s.encryptionTypeAsString()).isEqualTo("NONE");
    }

    @Test
    void withoutShardCountOrModeAStreamIsOnDemandWithFourShards() {
        String name = TestAws.unique("ondemand");
        f.kinesis.createStream(b -> b.streamName(name));

        var s = f.kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary();

        assertThat(s.streamModeDetails().streamMode()).isEqualTo(StreamMode.ON_DEMAND);
        assertThat(s.openShardCount()).isEqualTo(4);
        assertThat(error(failure(() -> f.kinesis.createStream(b -> b.streamName(TestAws.unique("s")).shardCount(2)
                .streamModeDetails(m -> m.streamMode(StreamMode.ON_DEMAND))))))
                .isEqualTo(entry("InvalidArgumentException", "ShardCount is not expected when StreamMode=ON_DEMAND"));
        assertThat(failure(() -> f.kinesis.splitShard(b -> b.streamName(name).shardToSplit("shardId-000000000000")
                .newStartingHashKey("5")))).isInstanceOf(ValidationException.class).hasMessageContaining("ON_DEMAND");
    }

    @Test
    void aMissingStreamIsResourceNotFoundNamingItAndTheAccount() {
        var e = failure(() -> f.kinesis.describeStream(b -> b.streamName("absent-stream")));

        assertThat(e).isInstanceOf(ResourceNotFoundException.class);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Stream absent-stream under account 000000000000 not found.");
        assertThat(failure(() -> f.kinesis.describeStreamSummary(b -> b.streamARN(
                "arn:aws:kinesis:us-east-1:111111111111:stream/absent-stream"))).awsErrorDetails().errorMessage())
                .isEqualTo("Stream absent-stream under account 111111111111 not found.");
    }

    @Test
    void aNameIsTakenOncePerRegion() {
        String name = f.stream(1);

        var e = failure(() -> f.kinesis.createStream(b -> b.streamName(name).shardCount(1)));

        assertThat(e).isInstanceOf(ResourceInUseException.class)
                .hasMessageContaining("Stream " + name + " under account 000000000000 already exists.");
    }

    @Test
    void badNamesAndCountsAreValidationErrorsNamingTheMember() {
        assertThat(error(failure(() -> f.kinesis.createStream(b -> b.streamName("bad name").shardCount(1)))))
                .isEqualTo(entry("ValidationException", "1 validation error detected: Value 'bad name' at 'streamName' failed "
                        + "to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"));
        assertThat(error(failure(() -> f.kinesis.createStream(b -> b.streamName(TestAws.unique("s")).shardCount(0)))))
                .isEqualTo(entry("ValidationException", "1 validation error detected: Value '0' at 'shardCount' failed "
                        + "to satisfy constraint: Member must have value greater than or equal to 1"));
        assertThat(failure(() -> f.kinesis.createStream(b -> b.streamName("x".repeat(129)).shardCount(1))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Member must have length less than or equal to 128");
    }

    @Test
    void aStreamArnNamesTheStreamWhereverAStreamNameDoes() {
        String name = f.stream(1);
        String arn = f.arnOf(name);

        assertThat(f.kinesis.describeStreamSummary(b -> b.streamARN(arn)).streamDescriptionSummary().streamName()).isEqualTo(name);
        assertThat(f.kinesis.describeStream(b -> b.streamARN(arn).streamName(name)).streamDescription().streamARN()).isEqualTo(arn);
        assertThat(failure(() -> f.kinesis.describeStream(b -> b.streamARN(arn).streamName(name + "-other"))))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("do not name the same stream");
        assertThat(failure(() -> f.kinesis.describeStream(b -> b.streamARN("arn:aws:kinesis:us-east-1:000000000000:table/q"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'streamARN'");
        // (a StreamId the SDK sends to <id>.control-kinesis.<region>.amazonaws.com, past the endpoint override: no
        // SDK request with one reaches the emulator; other clients get InvalidArgumentException, see KinesisRawRequestTest)
    }

    @Test
    void listStreamsPagesByNameWithSummaries() {
        String prefix = TestAws.unique("list");
        for (String n : new String[] {"b", "a", "c"}) {
            f.kinesis.createStream(b -> b.streamName(prefix + "-" + n).shardCount(1));
        }

        var first = f.kinesis.listStreams(b -> b.exclusiveStartStreamName(prefix).limit(2));
        assertThat(first.streamNames()).containsExactly(prefix + "-a", prefix + "-b");
        assertThat(first.hasMoreStreams()).isTrue();
        assertThat(first.streamSummaries()).extracting(s -> s.streamARN())
                .containsExactly(f.arnOf(prefix + "-a"), f.arnOf(prefix + "-b"));
        var next = f.kinesis.listStreams(b -> b.nextToken(first.nextToken()).limit(1));
        assertThat(next.streamNames()).containsExactly(prefix + "-c");
        // the SDK's paginator follows the tokens through every stream of the region
        assertThat(f.kinesis.listStreamsPaginator(b -> b.limit(1)).streamNames())
                .contains(prefix + "-a", prefix + "-b", prefix + "-c");
    }

    @Test
    void deleteRemovesTheStreamAndItsName() {
        String name = f.stream(1);
        f.put(name, "k", "v");

        f.kinesis.deleteStream(b -> b.streamName(name).enforceConsumerDeletion(true));

        assertThat(failure(() -> f.kinesis.describeStreamSummary(b -> b.streamName(name)))).isInstanceOf(ResourceNotFoundException.class);
        assertThat(f.kinesis.listStreams(b -> b.exclusiveStartStreamName(name.substring(0, name.length() - 1))).streamNames())
                .doesNotContain(name);
        f.kinesis.createStream(b -> b.streamName(name).shardCount(1));
        assertThat(f.readAll(name, "shardId-000000000000")).as("a new stream of the old name starts empty").isEmpty();
    }

    @Test
    void theModeSwitchesTwiceADayAtMost() {
        String name = f.stream(2);
        String arn = f.arnOf(name);

        f.kinesis.updateStreamMode(b -> b.streamARN(arn).streamModeDetails(m -> m.streamMode(StreamMode.ON_DEMAND)));
        assertThat(f.kinesis.describeStreamSummary(b -> b.streamARN(arn)).streamDescriptionSummary().streamModeDetails()
                .streamMode()).isEqualTo(StreamMode.ON_DEMAND);
        f.kinesis.updateStreamMode(b -> b.streamARN(arn).streamModeDetails(m -> m.streamMode(StreamMode.PROVISIONED)));

        assertThat(failure(() -> f.kinesis.updateStreamMode(b -> b.streamARN(arn)
                .streamModeDetails(m -> m.streamMode(StreamMode.ON_DEMAND))))).isInstanceOf(LimitExceededException.class);
        assertThat(f.kinesis.describeStreamSummary(b -> b.streamARN(arn)).streamDescriptionSummary().openShardCount())
                .as("switching keeps the shards").isEqualTo(2);
    }

    @Test
    void describeLimitsReportsTheRegionsQuotaAndWhatProvisionedStreamsUse() {
        int before = f.kinesis.describeLimits(b -> { }).openShardCount();
        f.stream(3);

        var limits = f.kinesis.describeLimits(b -> { });

        assertThat(limits.shardLimit()).isEqualTo(500);
        assertThat(limits.openShardCount()).isEqualTo(before + 3);
        assertThat(limits.onDemandStreamCountLimit()).isEqualTo(50);
        assertThat(failure(() -> f.kinesis.createStream(b -> b.streamName(TestAws.unique("big")).shardCount(501))))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("shard limit for the account 000000000000 in us-east-1");
    }

    @Test
    void whatIsNotSimulatedIsRefusedNamingIt() {
        String name = f.stream(1);
        String arn = f.arnOf(name);

        for (AwsServiceException e : new AwsServiceException[] {
                (AwsServiceException) catchThrowable(() -> f.kinesis.registerStreamConsumer(
                        b -> b.streamARN(arn).consumerName("c"))),
                (AwsServiceException) catchThrowable(() -> f.kinesis.startStreamEncryption(
                        b -> b.streamName(name).encryptionType("KMS").keyId("alias/aws/kinesis"))),
                (AwsServiceException) catchThrowable(() -> f.kinesis.enableEnhancedMonitoring(
                        b -> b.streamName(name).shardLevelMetricsWithStrings("ALL")))}) {
            assertThat(e.statusCode()).isEqualTo(501);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
        }
        assertThat(failure(() -> f.kinesis.createStream(b -> b.streamName(TestAws.unique("w"))
                .streamModeDetails(m -> m.streamMode(StreamMode.ON_DEMAND)).warmThroughputMiBps(10))))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("WarmThroughputMiBps");
        assertThat(failure(() -> f.kinesis.createStream(b -> b.streamName(TestAws.unique("w")).recordDistributionStrategy("AUTO"))))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("RecordDistributionStrategy AUTO");
    }

    @Test
    void createStreamTakesTags() {
        String name = TestAws.unique("tagged");
        f.kinesis.createStream(b -> b.streamName(name).shardCount(1).tags(Map.of("team", "orders")));

        assertThat(f.kinesis.listTagsForStream(b -> b.streamName(name)).tags())
                .extracting(t -> t.key() + "=" + t.value()).containsExactly("team=orders");
    }
}
