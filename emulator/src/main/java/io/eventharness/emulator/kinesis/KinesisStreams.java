package io.eventharness.emulator.kinesis;

import io.eventharness.emulator.core.Account;
import io.eventharness.emulator.core.Arn;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Every stream of the emulator, by ARN: a name is taken once per region (as in AWS, streams of the same name in two
 * regions are two streams). Holds the account's limits that span streams (AWS's defaults): open shards of
 * provisioned streams per region, on-demand streams per region. Thread-safe.
 */
final class KinesisStreams {
    /** The regions whose default shard quota is 500; elsewhere it is 200. */
    private static final Set<String> LARGE_QUOTA_REGIONS = Set.of("us-east-1", "us-west-2", "eu-west-1");
    static final int ON_DEMAND_STREAM_LIMIT = 50;

    private final Map<Arn, KinesisStream> streams = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private final StreamListeners listeners = new StreamListeners();
    private long lastTag; // guarded by this

    KinesisStreams(LongSupplier clock) {
        this.clock = clock;
    }

    StreamListeners listeners() {
        return listeners;
    }

    /**
     * A new stream, CREATING (its creator activates it); ResourceInUseException when the name is taken in that
     * region, LimitExceededException past the account's shard or on-demand stream limits.
     */
    synchronized KinesisStream create(Arn arn, KinesisStream.Mode mode, int shardCount, int maxRecordSizeKiB,
                                      Map<String, String> tags) {
        if (streams.containsKey(arn)) {
            throw KinesisErrors.streamExists(arn);
        }
        if (mode == KinesisStream.Mode.ON_DEMAND) {
            checkOnDemandLimit(arn.region());
        } else {
            checkShardLimit(arn.region(), shardCount);
        }
        long created = clock.getAsLong();
        lastTag = Math.max(created, lastTag + 1); // two streams created in one millisecond still tell their numbers apart
        KinesisStream s = new KinesisStream(arn, mode, shardCount, maxRecordSizeKiB, tags, created, lastTag, clock, listeners);
        streams.put(arn, s);
        return s;
    }

    Optional<KinesisStream> byArn(Arn arn) {
        return Optional.ofNullable(streams.get(arn));
    }

    /** The stream, or ResourceNotFoundException naming it. */
    KinesisStream get(Arn arn) {
        return byArn(arn).orElseThrow(() -> KinesisErrors.streamNotFound(arn));
    }

    /** The streams of a region, by name. */
    List<KinesisStream> inRegion(String region) {
        return streams.values().stream().filter(s -> s.arn().region().equals(region))
                .sorted(Comparator.comparing(KinesisStream::name)).toList();
    }

    /** Removes the stream: its records are gone, its listeners told. */
    void delete(KinesisStream s) {
        if (streams.remove(s.arn(), s)) {
            s.markDeleting();
        }
    }

    /** AWS's default shard quota of the region: 500 in us-east-1, us-west-2 and eu-west-1, else 200. */
    static int shardLimit(String region) {
        return LARGE_QUOTA_REGIONS.contains(region) ? 500 : 200;
    }

    /** The open shards of the region's provisioned streams (what the shard quota counts). */
    int provisionedOpenShards(String region) {
        return inRegion(region).stream().filter(s -> s.mode() == KinesisStream.Mode.PROVISIONED)
                .mapToInt(KinesisStream::openShardCount).sum();
    }

    int onDemandStreams(String region) {
        return (int) inRegion(region).stream().filter(s -> s.mode() == KinesisStream.Mode.ON_DEMAND).count();
    }

    /** LimitExceededException when {@code additional} more provisioned shards would pass the region's quota. */
    void checkShardLimit(String region, int additional) {
        int current = provisionedOpenShards(region);
        int limit = shardLimit(region);
        if (current + additional > limit) {
            throw KinesisErrors.limitExceeded("This request would exceed the shard limit for the account "
                    + Account.ID + " in " + region + ". Current shard count for the account: "
                    + current + ". Limit: " + limit + ". Number of additional shards that would have resulted from this request: "
                    + additional + ". Refer to the AWS Service Limits page "
                    + "(https://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) for current limits and how to "
                    + "request higher limits.");
        }
    }

    /** LimitExceededException when one more on-demand stream would pass the region's 50. */
    void checkOnDemandLimit(String region) {
        if (onDemandStreams(region) >= ON_DEMAND_STREAM_LIMIT) {
            throw KinesisErrors.limitExceeded("This request would exceed the limit of " + ON_DEMAND_STREAM_LIMIT
                    + " on-demand streams for the account " + Account.ID + " in " + region + ".");
        }
    }
}
