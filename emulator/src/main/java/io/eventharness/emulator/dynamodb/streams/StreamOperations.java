package io.eventharness.emulator.dynamodb.streams;

import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.protocol.Call;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsRequest;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;
import software.amazon.awssdk.services.dynamodb.model.SequenceNumberRange;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardFilterType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.Stream;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;

/** The DynamoDB Streams API: ListStreams, DescribeStream, GetShardIterator, GetRecords. */
public final class StreamOperations {
    private final Streams streams;

    StreamOperations(Streams streams) {
        this.streams = streams;
    }

    public ListStreamsResponse listStreams(ListStreamsRequest r, Call call) {
        int limit = limit(r.limit(), 100);
        List<TableStream> all = streams.inRegion(call.region()).stream()
                .filter(s -> r.tableName() == null || s.tableName().equals(r.tableName())).toList();
        int from = 0;
        if (r.exclusiveStartStreamArn() != null) {
            from = all.size();
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).arn().toString().equals(r.exclusiveStartStreamArn())) {
                    from = i + 1;
                }
            }
        }
        List<Stream> page = new ArrayList<>();
        for (int i = from; i < all.size() && page.size() < limit; i++) {
            TableStream s = all.get(i);
            page.add(Stream.builder().streamArn(s.arn().toString()).tableName(s.tableName()).streamLabel(s.label()).build());
        }
        boolean more = from + page.size() < all.size();
        return ListStreamsResponse.builder().streams(page)
                .lastEvaluatedStreamArn(more ? page.get(page.size() - 1).streamArn() : null).build();
    }

    public DescribeStreamResponse describeStream(DescribeStreamRequest r) {
        int limit = limit(r.limit(), 100);
        TableStream s = streams.stream(required(r.streamArn(), "streamArn"));
        List<ShardInfo> shards = streams.shards(r.streamArn());
        if (r.shardFilter() != null) {
            if (r.shardFilter().type() != ShardFilterType.CHILD_SHARDS || r.shardFilter().shardId() == null) {
                throw StreamsErrors.validation("ShardFilter must have Type CHILD_SHARDS and a ShardId");
            }
            shards = shards.stream().filter(x -> r.shardFilter().shardId().equals(x.parentShardId())).toList();
        }
        int from = 0;
        if (r.exclusiveStartShardId() != null) {
            for (int i = 0; i < shards.size(); i++) {
                if (shards.get(i).shardId().equals(r.exclusiveStartShardId())) {
                    from = i + 1;
                }
            }
        }
        List<Shard> page = new ArrayList<>();
        for (int i = from; i < shards.size() && page.size() < limit; i++) {
            ShardInfo x = shards.get(i);
            page.add(Shard.builder().shardId(x.shardId()).parentShardId(x.parentShardId())
                    .sequenceNumberRange(SequenceNumberRange.builder().startingSequenceNumber(x.startingSequenceNumber())
                            .endingSequenceNumber(x.endingSequenceNumber()).build()).build());
        }
        boolean more = from + page.size() < shards.size();
        return DescribeStreamResponse.builder().streamDescription(StreamDescription.builder()
                .streamArn(s.arn().toString()).streamLabel(s.label()).streamStatus(s.status()).streamViewType(s.viewType())
                .creationRequestDateTime(s.created()).tableName(s.tableName()).keySchema(s.keySchema()).shards(page)
                .lastEvaluatedShardId(more ? page.get(page.size() - 1).shardId() : null).build()).build();
    }

    public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest r) {
        TableStream s = streams.stream(required(r.streamArn(), "streamArn"));
        synchronized (s) { // the stream's lock: its shards change only under it
            return shardIterator(r, s);
        }
    }

    private GetShardIteratorResponse shardIterator(GetShardIteratorRequest r, TableStream s) {
        StreamShard shard = streams.shard(s, required(r.shardId(), "shardId"));
        ShardIteratorType type = r.shardIteratorType();
        if (type == null || type == ShardIteratorType.UNKNOWN_TO_SDK_VERSION) {
            throw AwsException.validation("1 validation error detected: Value " + (r.shardIteratorTypeAsString() == null ? "null"
                    : "'" + r.shardIteratorTypeAsString() + "'") + " at 'shardIteratorType' failed to satisfy constraint: "
                    + (r.shardIteratorTypeAsString() == null ? "Member must not be null"
                    : "Member must satisfy enum value set: [TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER, AT_TIMESTAMP]"));
        }
        boolean bySequence = type == ShardIteratorType.AT_SEQUENCE_NUMBER || type == ShardIteratorType.AFTER_SEQUENCE_NUMBER;
        if (bySequence != (r.sequenceNumber() != null)) {
            throw StreamsErrors.validation(bySequence ? "SequenceNumber is required for ShardIteratorType " + type
                    : "SequenceNumber is only allowed with ShardIteratorType AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER");
        }
        if ((type == ShardIteratorType.AT_TIMESTAMP) != (r.timestamp() != null)) {
            throw StreamsErrors.validation(type == ShardIteratorType.AT_TIMESTAMP ? "Timestamp is required for ShardIteratorType AT_TIMESTAMP"
                    : "Timestamp is only allowed with ShardIteratorType AT_TIMESTAMP");
        }
        StreamPosition from = switch (type) {
            case TRIM_HORIZON -> StreamPosition.trimHorizon();
            case LATEST -> StreamPosition.latest();
            case AT_SEQUENCE_NUMBER -> StreamPosition.at(r.sequenceNumber());
            case AT_TIMESTAMP -> new StreamPosition.AtTimestamp(r.timestamp());
            default -> StreamPosition.after(r.sequenceNumber());
        };
        long after = streams.after(s, shard, from);
        Instant now = streams.clock().now();
        return GetShardIteratorResponse.builder().shardIterator(ShardIterators.encode(
                new ShardIterators.Position(s.arn().toString(), shard.id(), after, now))).build();
    }

    public GetRecordsResponse getRecords(GetRecordsRequest r) {
        int limit = limit(r.limit(), 1000);
        Instant now = streams.clock().now();
        ShardIterators.Position p = ShardIterators.decode(required(r.shardIterator(), "shardIterator"), now);
        TableStream s = streams.stream(p.streamArn());
        synchronized (s) { // the stream's lock: its shards change only under it
            StreamShard shard = streams.shard(s, p.shardId());
            if (p.after() < shard.trimmedUpTo()) {
                throw StreamsErrors.trimmed();
            }
            List<ChangeRecord> records = s.read(shard, p.after(), limit);
            long next = records.isEmpty() ? p.after() : SequenceNumbers.parse(records.get(records.size() - 1).sequenceNumber());
            String nextIterator = s.ended(shard, next) ? null
                    : ShardIterators.encode(new ShardIterators.Position(p.streamArn(), p.shardId(), next, now));
            return GetRecordsResponse.builder().records(records.stream().map(ChangeRecord::record).toList())
                    .nextShardIterator(nextIterator).build();
        }
    }

    private static int limit(Integer limit, int max) {
        if (limit == null) {
            return max;
        }
        if (limit < 1 || limit > max) {
            throw AwsException.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy constraint: Member must have value "
                    + (limit < 1 ? "greater than or equal to 1" : "less than or equal to " + max));
        }
        return limit;
    }

    private static String required(String value, String member) {
        if (value == null) {
            throw AwsException.validation("1 validation error detected: Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }
}
