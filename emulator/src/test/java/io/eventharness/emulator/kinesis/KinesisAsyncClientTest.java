package io.eventharness.emulator.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.TestAws;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * The async client with its defaults: Netty, which speaks HTTP/2 cleartext with prior knowledge to an http
 * endpoint (aws-wire-traps.md, trap 2), and CBOR. Calls in flight at once share the connection's streams.
 */
class KinesisAsyncClientTest {
    private static final KinesisAsyncClient KINESIS = KinesisFixture.async(TestAws.emulator());

    @AfterAll
    static void close() {
        KINESIS.close();
    }

    @Test
    void aRoundTripOverH2c() {
        String name = TestAws.unique("async");
        KINESIS.createStream(b -> b.streamName(name).shardCount(2)).join();

        List<CompletableFuture<PutRecordResponse>> puts = IntStream.range(0, 50).mapToObj(i -> KINESIS.putRecord(b -> b
                .streamName(name).partitionKey("same").data(SdkBytes.fromUtf8String("r" + i)))).toList();
        CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).join();
        String shard = puts.get(0).join().shardId();
        String it = KINESIS.getShardIterator(b -> b.streamName(name).shardId(shard)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).join().shardIterator();
        var read = KINESIS.getRecords(b -> b.shardIterator(it)).join();

        assertThat(puts).allSatisfy(p -> assertThat(p.join().shardId()).isEqualTo(shard));
        assertThat(read.records()).hasSize(50);
        assertThat(read.records()).extracting(r -> r.data().asUtf8String()).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, 50).mapToObj(i -> "r" + i).toList());
        assertThat(read.records()).extracting(r -> r.sequenceNumber())
                .containsExactlyElementsOf(puts.stream().map(p -> p.join().sequenceNumber()).sorted().toList());
    }

    @Test
    void errorsArriveTypedThroughTheFuture() {
        CompletableFuture<?> f = KINESIS.describeStreamSummary(b -> b.streamName("absent-async"));

        assertThat(f).failsWithin(Duration.ofSeconds(30)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOf(ResourceNotFoundException.class)
                .withMessageContaining("Stream absent-async under account 000000000000 not found.");
    }
}
