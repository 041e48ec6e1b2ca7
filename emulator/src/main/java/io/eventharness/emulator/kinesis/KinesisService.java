package io.eventharness.emulator.kinesis;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.delivery.ReadableStreams;
import io.eventharness.emulator.protocol.EmulatedService;
import io.eventharness.emulator.protocol.Protocol;
import io.eventharness.emulator.protocol.ServiceSpec;
import java.util.List;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Amazon Kinesis Data Streams, assembled: the streams ({@link KinesisStreams}), the operation objects that serve
 * the API over them ({@link StreamOperations}, {@link SettingsOperations}, {@link ShardOperations},
 * {@link RecordOperations}, {@link TagOperations}), and the in-JVM API below for readers inside the emulator (the
 * Lambda event source mappings). No operation is served here.
 *
 * <pre>{@code
 * Arn stream = Arn.parse("arn:aws:kinesis:us-east-1:000000000000:stream/orders");
 * kinesis.listen(stream, new StreamListener() {
 *     public void recordsAppended(Arn s, Set<String> shardIds) { poller.wake(); }   // no polling
 *     public void resharded(Arn s) { poller.rediscoverShards(); }
 * });
 * for (ShardInfo shard : kinesis.shards(stream)) {
 *     ShardRead read = kinesis.read(stream, shard.shardId(), StartingPosition.trimHorizon(), 100);
 *     read.records();   // partition key, sequence number, data, arrival time, shard id
 *     read.next();      // where the next read of this shard starts
 *     read.shardEnded(); // closed and read to its end: go on with read.childShards()
 * }
 * }</pre>
 */
public final class KinesisService implements EmulatedService {
    public static final ServiceSpec SPEC = ServiceSpec.awsJson("kinesis", Protocol.AWS_JSON_1_1, KinesisClient.class,
            "Kinesis_20131202");

    private final KinesisStreams streams;
    private final List<Object> operations;
    private final ReadableStreams readers;

    public KinesisService(EmulatorClock clock) {
        this.streams = new KinesisStreams(clock::millis);
        StreamLocator locator = new StreamLocator(streams);
        this.operations = List.of(new StreamOperations(streams, locator), new SettingsOperations(streams, locator),
                new ShardOperations(streams, locator, clock::millis), new RecordOperations(streams, locator, clock::millis),
                new TagOperations(streams, locator));
        this.readers = new StreamReaders(streams);
    }

    @Override
    public ServiceSpec spec() {
        return SPEC;
    }

    @Override
    public List<?> operations() {
        return operations;
    }

    // ---- in-JVM API ---------------------------------------------------------------------------

    /** Whether a stream with exactly this ARN exists (a stream of that name in another region is another stream). */
    public boolean streamExists(Arn stream) {
        return streams.byArn(stream).isPresent();
    }

    /**
     * The stream's shards, oldest first: the open ones and the closed ones whose records are still within the
     * retention period, each with its parents and hash key range. Throws the AWS error
     * ({@code ResourceNotFoundException}) when the stream does not exist.
     */
    public List<ShardInfo> shards(Arn stream) {
        return streams.get(stream).shards();
    }

    /**
     * Reads up to {@code max} records (1 to 10,000; at most 10 MiB) of a shard from a position, as GetRecords does
     * but without iterators: the answer's {@link ShardRead#next()} is where the following read starts. Records past
     * the retention period are skipped. Throws the AWS error when the stream or shard does not exist
     * ({@code ResourceNotFoundException}) or a sequence number is not one of the shard's
     * ({@code InvalidArgumentException}).
     */
    public ShardRead read(Arn stream, String shardId, StartingPosition from, int max) {
        if (max < 1 || max > 10000) {
            throw new IllegalArgumentException("a read takes 1 to 10000 records, not " + max);
        }
        KinesisStream s = streams.get(stream);
        int index = s.shardIndex(shardId);
        return s.read(index, s.position(shardId, from), max, RecordOperations.MAX_BATCH_BYTES);
    }

    /**
     * Calls the listener when records are appended to the stream, when it is resharded, and when it is deleted,
     * on the writer's thread (see {@link StreamListener}); the stream need not exist yet. Closing the handle stops
     * the calls.
     */
    public StreamListener.Registration listen(Arn stream, StreamListener listener) {
        return streams.listeners().add(stream, listener);
    }

    /** The streams as Lambda's event source mappings read them, through {@code delivery}'s port. */
    public ReadableStreams readableStreams() {
        return readers;
    }
}
