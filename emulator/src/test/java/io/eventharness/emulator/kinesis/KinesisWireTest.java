package io.eventharness.emulator.kinesis;

import static io.eventharness.emulator.kinesis.KinesisFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.TestAws;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * The two encodings of Kinesis's awsJson 1.1 (aws-wire-traps.md, trap 1): the SDK's default CBOR (timestamps as
 * integer epoch milliseconds, data as byte strings) and JSON when the client was built with
 * {@code aws.cborEnabled=false} (epoch seconds with a fraction, base64). Each answer comes in the request's
 * encoding, errors too; what one encoding wrote, the other reads the same.
 */
class KinesisWireTest {
    private static final ContentTypes CBOR_SEEN = new ContentTypes();
    private static final ContentTypes JSON_SEEN = new ContentTypes();
    private static final KinesisClient CBOR = KinesisFixture.cbor(TestAws.emulator(), CBOR_SEEN);
    private static final KinesisClient JSON = KinesisFixture.json(TestAws.emulator(), JSON_SEEN);
    private static final String SHARD0 = "shardId-000000000000";
    private static final byte[] BYTES = {0, 1, 2, (byte) 0x7F, (byte) 0x80, (byte) 0xFE, (byte) 0xFF, '"', '\\', '\n'};

    @AfterAll
    static void close() {
        CBOR.close();
        JSON.close();
    }

    @Test
    void theDefaultClientSpeaksCborAndIsAnsweredInCbor() {
        roundTrip(CBOR, CBOR_SEEN, "application/x-amz-cbor-1.1");
    }

    @Test
    void aClientWithCborOffSpeaksJsonAndIsAnsweredInJson() {
        roundTrip(JSON, JSON_SEEN, "application/x-amz-json-1.1");
    }

    private void roundTrip(KinesisClient kinesis, ContentTypes seen, String contentType) {
        KinesisFixture f = KinesisFixture.of(kinesis, TestAws.emulator());
        String name = f.stream(1);
        f.kinesis.putRecord(b -> b.streamName(name).partitionKey("p").data(SdkBytes.fromByteArray(BYTES)));
        Record r = f.readAll(name, SHARD0).get(0);
        Instant at = r.approximateArrivalTimestamp();
        String fromAt = f.kinesis.getShardIterator(b -> b.streamName(name).shardId(SHARD0)
                .shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(at)).shardIterator();
        String afterAt = f.kinesis.getShardIterator(b -> b.streamName(name).shardId(SHARD0)
                .shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(at.plusMillis(1))).shardIterator();

        assertThat(r.data().asByteArray()).isEqualTo(BYTES);
        assertThat(at.getNano() % 1_000_000).as("millisecond precision").isZero();
        assertThat(at).isBetween(TestAws.emulator().clock().now().minusSeconds(30), TestAws.emulator().clock().now());
        assertThat(f.kinesis.getRecords(b -> b.shardIterator(fromAt)).records()).hasSize(1);
        assertThat(f.kinesis.getRecords(b -> b.shardIterator(afterAt)).records()).as("timestamps travel to the ms").isEmpty();
        assertThat(f.kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamCreationTimestamp())
                .isBefore(at.plusMillis(1));
        assertThat(failure(() -> f.kinesis.describeStream(b -> b.streamName(name + "-absent"))))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("under account 000000000000 not found.");
        assertThat(seen.requests).isNotEmpty().allSatisfy(t -> assertThat(t).isEqualTo(contentType));
        assertThat(seen.responses).hasSameSizeAs(seen.requests).allSatisfy(t -> assertThat(t).isEqualTo(contentType));
    }

    @Test
    void whatCborWroteJsonReadsAlikeAndTheOtherWayRound() {
        KinesisFixture cbor = KinesisFixture.of(CBOR, TestAws.emulator());
        KinesisFixture json = KinesisFixture.of(JSON, TestAws.emulator());
        String name = cbor.stream(1);
        cbor.kinesis.putRecord(b -> b.streamName(name).partitionKey("c").data(SdkBytes.fromByteArray(BYTES)));
        json.kinesis.putRecord(b -> b.streamName(name).partitionKey("j").data(SdkBytes.fromByteArray(BYTES)));

        List<Record> viaCbor = cbor.readAll(name, SHARD0);
        List<Record> viaJson = json.readAll(name, SHARD0);

        assertThat(viaJson).isEqualTo(viaCbor);
        assertThat(viaJson).extracting(Record::partitionKey).containsExactly("c", "j");
    }
}
