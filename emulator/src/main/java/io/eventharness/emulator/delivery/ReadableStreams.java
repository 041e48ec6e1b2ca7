package io.eventharness.emulator.delivery;

import io.eventharness.emulator.core.Arn;
import java.time.Instant;
import java.util.List;

/**
 * The streams of one service (Kinesis data streams, DynamoDB tables' streams) as another service reads them the way
 * AWS's own pollers do (a Lambda event source mapping reading its shards): the source service offers them,
 * {@code Services} hands them to the reader, and neither imports the other. Reading is event-driven:
 * {@link #watch} says when records were appended or the shards changed, and {@link #read} never waits.
 *
 * <pre>{@code
 * for (StreamShardInfo shard : streams.shards(arn)) {               // oldest first; parents before children
 *     StreamPage page = streams.read(arn, shard.shardId(), StreamCursor.trimHorizon(), 100);
 *     page.records();   // in order; page.next() is where the next read starts; page.ended(): read the children next
 * }
 * }</pre>
 */
public interface ReadableStreams {

    /** The service of the stream ARNs this reader serves: {@code kinesis} or {@code dynamodb}. */
    String service();

    /** Whether a stream with exactly this ARN exists now. */
    boolean exists(Arn stream);

    /**
     * The stream's shards, oldest first: the open ones and the closed ones whose records are still kept.
     *
     * @throws io.eventharness.emulator.core.AwsException the source's ResourceNotFoundException when the stream is gone
     */
    List<StreamShardInfo> shards(Arn stream);

    /**
     * Up to {@code max} records (1 to 10,000) of a shard after a cursor, in order, skipping those past the stream's
     * retention; never waits.
     *
     * @throws io.eventharness.emulator.core.AwsException the source's error when the stream or shard is gone
     */
    StreamPage read(Arn stream, String shardId, StreamCursor from, int max);

    /**
     * The stream's trim horizon now: records that arrived before it are gone (past the retention period, on the
     * emulator's clock).
     */
    Instant trimHorizon(Arn stream);

    /**
     * Calls the watcher when records are appended to the stream with this ARN, when its shards change and when it is
     * deleted, on the writer's thread once the change can be read: it must be quick and must not block. The stream
     * need not exist yet.
     *
     * @return closing it stops the calls
     */
    AutoCloseable watch(Arn stream, StreamWatcher watcher);
}
