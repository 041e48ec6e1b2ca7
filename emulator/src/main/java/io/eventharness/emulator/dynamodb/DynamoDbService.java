package io.eventharness.emulator.dynamodb;

import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.delivery.ReadableStreams;
import io.eventharness.emulator.dynamodb.streams.DynamoDbStreamsService;
import io.eventharness.emulator.dynamodb.streams.ShardBatch;
import io.eventharness.emulator.dynamodb.streams.ShardInfo;
import io.eventharness.emulator.dynamodb.streams.StreamListener;
import io.eventharness.emulator.dynamodb.streams.StreamPosition;
import io.eventharness.emulator.dynamodb.streams.Streams;
import io.eventharness.emulator.protocol.EmulatedService;
import io.eventharness.emulator.protocol.Protocol;
import io.eventharness.emulator.protocol.ServiceSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Amazon DynamoDB (awsJson 1.0, {@code X-Amz-Target: DynamoDB_20120810.<Op>}, answers with {@code x-amz-crc32}):
 * tables, items, queries, batches, transactions, Time to Live and tags; and, through {@link #streams()}, DynamoDB
 * Streams. See the package documentation for what differs from AWS.
 *
 * <p><b>In-JVM API for event source mappings.</b> A table's stream ARN is its DescribeTable's
 * {@code LatestStreamArn}. Then:
 * <pre>{@code
 * List<ShardInfo> shards = dynamodb.streamShards(streamArn);            // oldest first; a closed shard's child follows it
 * ShardBatch b = dynamodb.readShard(streamArn, shard.shardId(), StreamPosition.trimHorizon(), 100);
 * b.records();   // ChangeRecord: record() as GetRecords returns it, toLambdaEvent() as a function receives it
 * b.next();      // where to read on from (LATEST made concrete), b.ended(): closed and read to its end
 * StreamListener l = record -> wakeUp(record.streamArn());             // called on the writer's thread: hand off, never block
 * dynamodb.onStreamRecord(l);   // ... dynamodb.offStreamRecord(l)
 * }</pre>
 * A stream ARN or shard that does not exist (or has expired: 24 hours after its stream was disabled) is a
 * ResourceNotFoundException ({@code core.AwsException}); a position whose records were trimmed is a
 * TrimmedDataAccessException. Lambda's event source mappings read the same streams through {@link #readableStreams()},
 * {@code delivery}'s port.
 */
public final class DynamoDbService implements EmulatedService {
    public static final ServiceSpec SPEC = ServiceSpec.awsJson("dynamodb", Protocol.AWS_JSON_1_0, DynamoDbClient.class, "DynamoDB_20120810")
            .withJsonDialect(new ServiceSpec.JsonDialect("com.amazonaws.dynamodb.v20120810",
                    Map.of("ValidationException", "com.amazon.coral.validate", "SerializationException", "com.amazon.coral.service",
                            "UnknownOperationException", "com.amazon.coral.service"), true).keepingNulls());

    private final Streams streams;
    private final DynamoDbStreamsService streamsService;
    private final List<Object> operations;

    public DynamoDbService(EmulatorClock clock) {
        this.streams = new Streams(clock);
        this.streamsService = new DynamoDbStreamsService(streams);
        Tables tables = new Tables(clock, streams);
        this.operations = List.of(new TableOperations(tables), new TableUpdates(tables), new ItemOperations(tables),
                new QueryOperations(tables), new BatchOperations(tables), new TransactOperations(tables),
                new TtlOperations(tables), new TagOperations(tables));
    }

    @Override
    public ServiceSpec spec() {
        return SPEC;
    }

    @Override
    public List<?> operations() {
        return operations;
    }

    /** DynamoDB Streams, the second service of this package (it shares DynamoDB's signing name). */
    public DynamoDbStreamsService streams() {
        return streamsService;
    }

    // ---- in-JVM API ---------------------------------------------------------------------------------

    /** Whether a stream of this ARN exists (enabled, or disabled less than 24 hours ago). */
    public boolean streamExists(String streamArn) {
        return streams.byArn(streamArn).isPresent();
    }

    /** The table name of a stream, if it exists. */
    public Optional<String> streamTable(String streamArn) {
        return streams.byArn(streamArn).map(s -> s.tableName());
    }

    /** The shards of a stream, oldest first, with their parents and whether they are open. */
    public List<ShardInfo> streamShards(String streamArn) {
        return streams.shards(streamArn);
    }

    /** Up to {@code max} records of a shard from a position, and where to go on from. */
    public ShardBatch readShard(String streamArn, String shardId, StreamPosition from, int max) {
        return streams.read(streamArn, shardId, from, max);
    }

    /**
     * The streams as {@code delivery}'s {@link ReadableStreams}: what Lambda's event source mappings read (shards,
     * records shaped as a function gets them, the trim horizon, a watch over appends and disabling).
     */
    public ReadableStreams readableStreams() {
        return streams.readableStreams();
    }

    /** Calls the listener for every record any stream gets from now on, on the writing thread. */
    public void onStreamRecord(StreamListener listener) {
        streams.listen(listener);
    }

    public void offStreamRecord(StreamListener listener) {
        streams.unlisten(listener);
    }
}
