package io.eventharness.emulator.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.eventharness.emulator.Emulator;
import io.eventharness.emulator.TestAws;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Kinesis clients and helpers for the Kinesis tests: the unmodified SDK v2 clients with their defaults (CBOR on),
 * or built while {@code aws.cborEnabled=false} (the SDK reads it when a client is built, so the property is set
 * only around that build), on the test JVM's shared emulator or on one of a test's own.
 */
final class KinesisFixture {
    private static final KinesisClient SHARED = cbor(TestAws.emulator());

    final KinesisClient kinesis;
    final Emulator emulator;

    private KinesisFixture(KinesisClient kinesis, Emulator emulator) {
        this.kinesis = kinesis;
        this.emulator = emulator;
    }

    /** The shared emulator with a CBOR client (the SDK's default). */
    static KinesisFixture shared() {
        return new KinesisFixture(SHARED, TestAws.emulator());
    }

    static KinesisFixture of(KinesisClient client, Emulator emulator) {
        return new KinesisFixture(client, emulator);
    }

    /** A sync client (Apache HTTP/1.1) with the SDK's defaults: CBOR; {@code interceptors} see its exchanges. */
    static KinesisClient cbor(Emulator e, ExecutionInterceptor... interceptors) {
        return KinesisClient.builder().httpClientBuilder(ApacheHttpClient.builder()).endpointOverride(e.endpoint())
                .region(e.region()).credentialsProvider(e.credentials())
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(60))
                        .executionInterceptors(List.of(interceptors)).build())
                .build();
    }

    /** A sync client built while {@code aws.cborEnabled=false}: it speaks JSON for ever after. */
    static synchronized KinesisClient json(Emulator e, ExecutionInterceptor... interceptors) {
        String property = SdkSystemSetting.CBOR_ENABLED.property();
        String before = System.getProperty(property);
        System.setProperty(property, "false");
        try {
            return cbor(e, interceptors);
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
    }

    /** The async client on Netty, which speaks HTTP/2 cleartext (h2c, prior knowledge) to an http endpoint; CBOR. */
    static KinesisAsyncClient async(Emulator e) {
        return KinesisAsyncClient.builder().httpClientBuilder(NettyNioAsyncHttpClient.builder()).endpointOverride(e.endpoint())
                .region(e.region()).credentialsProvider(e.credentials())
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(60)).build())
                .build();
    }

    /** A provisioned stream of {@code shards} shards with a unique name; returns its name. */
    String stream(int shards) {
        String name = TestAws.unique("stream");
        kinesis.createStream(b -> b.streamName(name).shardCount(shards));
        return name;
    }

    String arnOf(String name) {
        return kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamARN();
    }

    List<Shard> shards(String name) {
        return kinesis.listShards(b -> b.streamName(name)).shards();
    }

    String iterator(String name, String shardId, ShardIteratorType type) {
        return kinesis.getShardIterator(b -> b.streamName(name).shardId(shardId).shardIteratorType(type)).shardIterator();
    }

    /** Every record of the shard from its trim horizon, reading until an empty answer. */
    List<Record> readAll(String name, String shardId) {
        List<Record> out = new ArrayList<>();
        String it = iterator(name, shardId, ShardIteratorType.TRIM_HORIZON);
        while (it != null) {
            String current = it;
            var r = kinesis.getRecords(b -> b.shardIterator(current));
            out.addAll(r.records());
            if (r.records().isEmpty()) {
                break;
            }
            it = r.nextShardIterator();
        }
        return out;
    }

    String put(String name, String key, String data) {
        return kinesis.putRecord(b -> b.streamName(name).partitionKey(key).data(SdkBytes.fromUtf8String(data))).sequenceNumber();
    }

    /** The AWS error a call fails with: its typed exception, code and message are asserted by the caller. */
    static KinesisException failure(ThrowingCallable call) {
        Throwable t = catchThrowable(call);
        assertThat(t).isInstanceOf(KinesisException.class);
        return (KinesisException) t;
    }

    static Map.Entry<String, String> error(KinesisException e) {
        return Map.entry(e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage());
    }
}
