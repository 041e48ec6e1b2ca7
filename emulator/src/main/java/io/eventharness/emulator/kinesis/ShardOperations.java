package io.eventharness.emulator.kinesis;

import io.eventharness.emulator.protocol.Call;
import java.util.List;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.MergeShardsRequest;
import software.amazon.awssdk.services.kinesis.model.MergeShardsResponse;
import software.amazon.awssdk.services.kinesis.model.ShardFilter;
import software.amazon.awssdk.services.kinesis.model.SplitShardRequest;
import software.amazon.awssdk.services.kinesis.model.SplitShardResponse;
import software.amazon.awssdk.services.kinesis.model.UpdateShardCountRequest;
import software.amazon.awssdk.services.kinesis.model.UpdateShardCountResponse;

/**
 * A stream's shards: ListShards (pages, shard filters, tokens that expire after 300 seconds on the emulator's
 * clock) and the reshards of provisioned streams: SplitShard, MergeShards, UpdateShardCount. A reshard takes the
 * stream from ACTIVE through UPDATING back to ACTIVE before it returns; the closed shards keep their records until
 * they pass the retention period, and their children name them as parents.
 */
public final class ShardOperations {
    private static final int PAGE = 1000;

    private final KinesisStreams streams;
    private final StreamLocator locator;
    private final LongSupplier clock;

    ShardOperations(KinesisStreams streams, StreamLocator locator, LongSupplier clock) {
        this.streams = streams;
        this.locator = locator;
        this.clock = clock;
    }

    public ListShardsResponse listShards(ListShardsRequest r, Call call) {
        int max = Math.min(PAGE, Constraints.range(r.maxResults(), 1, 10000, PAGE, "maxResults"));
        KinesisStream s;
        Selection selection;
        if (r.nextToken() != null) {
            for (String given : new String[] {r.streamName() != null ? "StreamName" : null, r.streamARN() != null ? "StreamARN" : null,
                    r.streamCreationTimestamp() != null ? "StreamCreationTimestamp" : null,
                    r.exclusiveStartShardId() != null ? "ExclusiveStartShardId" : null, r.shardFilter() != null ? "ShardFilter" : null}) {
                if (given != null) {
                    throw KinesisErrors.invalidArgument("NextToken and " + given + " cannot be provided together.");
                }
            }
            StreamLocator.refuseStreamId(r.streamId());
            ShardPageToken token = ShardPageToken.decode(r.nextToken()).orElseThrow(KinesisErrors::invalidNextToken);
            if (token.expiredAt(clock.getAsLong())) {
                throw KinesisErrors.expiredNextToken();
            }
            s = streams.byArn(token.stream()).filter(x -> x.tag() == token.streamTag())
                    .orElseThrow(() -> KinesisErrors.streamNotFound(token.stream()));
            selection = new Selection(token.filter(), token.filterMillis(), token.lastShardId());
        } else {
            s = locator.find(r.streamName(), r.streamARN(), r.streamId(), call);
            if (r.streamCreationTimestamp() != null && r.streamCreationTimestamp().toEpochMilli() != s.created().toEpochMilli()) {
                throw KinesisErrors.streamNotFound(s.arn());
            }
            String after = r.exclusiveStartShardId() == null ? "" : Constraints.name(r.exclusiveStartShardId(), "exclusiveStartShardId");
            selection = Selection.of(r.shardFilter(), after);
        }
        List<ShardInfo> all = selection.apply(s);
        List<ShardInfo> page = all.subList(0, Math.min(max, all.size()));
        String next = all.size() > page.size() ? new ShardPageToken(s.arn(), s.tag(), page.get(page.size() - 1).shardId(),
                selection.type(), selection.millis(), clock.getAsLong()).encode() : null;
        return ListShardsResponse.builder().shards(page.stream().map(KinesisShapes::shard).toList()).nextToken(next).build();
    }

    /**
     * Which shards ListShards lists: a filter type ({@code ""} is FROM_TRIM_HORIZON, every shard kept), its
     * time, and the shard id the list starts after ({@code ""}: from the first).
     */
    private record Selection(String type, long millis, String after) {
        static Selection of(ShardFilter f, String after) {
            if (f == null) {
                return new Selection("", 0, after);
            }
            String type = f.typeAsString();
            if (type == null) {
                throw KinesisErrors.missing("shardFilter.type");
            }
            boolean byShard = type.equals("AFTER_SHARD_ID");
            boolean byTime = type.equals("AT_TIMESTAMP") || type.equals("FROM_TIMESTAMP");
            if (!byShard && !byTime && !List.of("AT_TRIM_HORIZON", "FROM_TRIM_HORIZON", "AT_LATEST").contains(type)) {
                throw KinesisErrors.constraint(type, "shardFilter.type", "Member must satisfy enum value set: [AFTER_SHARD_ID, "
                        + "AT_TRIM_HORIZON, FROM_TRIM_HORIZON, AT_LATEST, AT_TIMESTAMP, FROM_TIMESTAMP]");
            }
            if (byShard != (f.shardId() != null)) {
                throw KinesisErrors.invalidArgument(byShard ? "ShardFilter of type AFTER_SHARD_ID needs a ShardId."
                        : "ShardFilter's ShardId is only for the type AFTER_SHARD_ID, not " + type + ".");
            }
            if (byTime != (f.timestamp() != null)) {
                throw KinesisErrors.invalidArgument(byTime ? "ShardFilter of type " + type + " needs a Timestamp."
                        : "ShardFilter's Timestamp is only for the types AT_TIMESTAMP and FROM_TIMESTAMP, not " + type + ".");
            }
            if (byShard) {
                Constraints.name(f.shardId(), "shardFilter.shardId");
                return new Selection("", 0, after.compareTo(f.shardId()) > 0 ? after : f.shardId());
            }
            return new Selection(type, byTime ? f.timestamp().toEpochMilli() : 0, after);
        }

        List<ShardInfo> apply(KinesisStream s) {
            List<ShardInfo> shards = switch (type) {
                case "AT_TRIM_HORIZON" -> s.shardsOpen(s.trimHorizonMillis(), true);
                case "AT_LATEST" -> s.shards().stream().filter(ShardInfo::open).toList();
                case "AT_TIMESTAMP" -> s.shardsOpen(millis, true);
                case "FROM_TIMESTAMP" -> s.shardsOpen(Math.max(millis, s.trimHorizonMillis()), false);
                default -> s.shards();
            };
            return shards.stream().filter(i -> i.shardId().compareTo(after) > 0).toList();
        }
    }

    public SplitShardResponse splitShard(SplitShardRequest r, Call call) {
        KinesisStream s = provisioned("SplitShard", locator.find(r.streamName(), r.streamARN(), r.streamId(), call));
        String shard = Constraints.name(r.shardToSplit(), "shardToSplit");
        if (r.newStartingHashKey() == null) {
            throw KinesisErrors.missing("newStartingHashKey");
        }
        var key = Constraints.hashKey(r.newStartingHashKey(), "newStartingHashKey", "NewStartingHashKey");
        streams.checkShardLimit(s.arn().region(), 1);
        s.split(shard, key);
        return SplitShardResponse.builder().build();
    }

    public MergeShardsResponse mergeShards(MergeShardsRequest r, Call call) {
        KinesisStream s = provisioned("MergeShards", locator.find(r.streamName(), r.streamARN(), r.streamId(), call));
        s.merge(Constraints.name(r.shardToMerge(), "shardToMerge"), Constraints.name(r.adjacentShardToMerge(), "adjacentShardToMerge"));
        return MergeShardsResponse.builder().build();
    }

    /** Uniform scaling to {@code TargetShardCount} open shards, done with splits and merges (see {@link ShardMap#scaleTo}). */
    public UpdateShardCountResponse updateShardCount(UpdateShardCountRequest r, Call call) {
        KinesisStream s = provisioned("UpdateShardCount", locator.find(r.streamName(), r.streamARN(), r.streamId(), call));
        int target = Constraints.required(r.targetShardCount(), 1, Integer.MAX_VALUE, "targetShardCount");
        String scaling = r.scalingTypeAsString();
        if (scaling == null) {
            throw KinesisErrors.missing("scalingType");
        }
        if (!scaling.equals("UNIFORM_SCALING")) {
            throw KinesisErrors.constraint(scaling, "scalingType", "Member must satisfy enum value set: [UNIFORM_SCALING]");
        }
        if (target > 10000) {
            throw KinesisErrors.limitExceeded("UpdateShardCount cannot scale stream " + s.name() + " to more than 10000 shards.");
        }
        streams.checkShardLimit(s.arn().region(), Math.max(0, target - s.openShardCount()));
        int before = s.scaleTo(target);
        return UpdateShardCountResponse.builder().streamName(s.name()).streamARN(s.arn().toString())
                .currentShardCount(before).targetShardCount(target).build();
    }

    private static KinesisStream provisioned(String operation, KinesisStream s) {
        if (s.mode() != KinesisStream.Mode.PROVISIONED) {
            throw KinesisErrors.provisionedOnly(operation, s.arn());
        }
        return s;
    }
}
