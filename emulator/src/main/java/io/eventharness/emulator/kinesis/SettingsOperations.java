package io.eventharness.emulator.kinesis;

import io.eventharness.emulator.protocol.Call;
import software.amazon.awssdk.services.kinesis.model.DecreaseStreamRetentionPeriodRequest;
import software.amazon.awssdk.services.kinesis.model.DecreaseStreamRetentionPeriodResponse;
import software.amazon.awssdk.services.kinesis.model.DescribeLimitsRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeLimitsResponse;
import software.amazon.awssdk.services.kinesis.model.IncreaseStreamRetentionPeriodRequest;
import software.amazon.awssdk.services.kinesis.model.IncreaseStreamRetentionPeriodResponse;
import software.amazon.awssdk.services.kinesis.model.UpdateMaxRecordSizeRequest;
import software.amazon.awssdk.services.kinesis.model.UpdateMaxRecordSizeResponse;
import software.amazon.awssdk.services.kinesis.model.UpdateStreamModeRequest;
import software.amazon.awssdk.services.kinesis.model.UpdateStreamModeResponse;

/**
 * A stream's settings and the account's limits: Increase/DecreaseStreamRetentionPeriod (records older than the
 * retention period, on the emulator's clock, are gone), UpdateStreamMode, UpdateMaxRecordSize, DescribeLimits.
 */
public final class SettingsOperations {
    private final KinesisStreams streams;
    private final StreamLocator locator;

    SettingsOperations(KinesisStreams streams, StreamLocator locator) {
        this.streams = streams;
        this.locator = locator;
    }

    public IncreaseStreamRetentionPeriodResponse increaseStreamRetentionPeriod(IncreaseStreamRetentionPeriodRequest r, Call call) {
        KinesisStream s = locator.find(r.streamName(), r.streamARN(), r.streamId(), call);
        s.changeRetention(retention(r.retentionPeriodHours()), true);
        return IncreaseStreamRetentionPeriodResponse.builder().build();
    }

    public DecreaseStreamRetentionPeriodResponse decreaseStreamRetentionPeriod(DecreaseStreamRetentionPeriodRequest r, Call call) {
        KinesisStream s = locator.find(r.streamName(), r.streamARN(), r.streamId(), call);
        s.changeRetention(retention(r.retentionPeriodHours()), false);
        return DecreaseStreamRetentionPeriodResponse.builder().build();
    }

    private static int retention(Integer hours) {
        if (hours == null) {
            throw KinesisErrors.missing("retentionPeriodHours");
        }
        if (hours < KinesisStream.MIN_RETENTION_HOURS) {
            throw KinesisErrors.invalidArgument("Minimum allowed retention period is " + KinesisStream.MIN_RETENTION_HOURS
                    + " hours. Requested retention period (" + hours + " hours) is too short.");
        }
        if (hours > KinesisStream.MAX_RETENTION_HOURS) {
            throw KinesisErrors.invalidArgument("Maximum allowed retention period is " + KinesisStream.MAX_RETENTION_HOURS
                    + " hours. Requested retention period (" + hours + " hours) is too long.");
        }
        return hours;
    }

    /**
     * Switches between provisioned and on-demand capacity; the shards stay as they are (on-demand scaling follows
     * throughput, which is not simulated). Within the account's shard and on-demand stream limits, at most twice in
     * 24 hours.
     */
    public UpdateStreamModeResponse updateStreamMode(UpdateStreamModeRequest r, Call call) {
        if (r.streamARN() == null) {
            throw KinesisErrors.missing("streamARN");
        }
        if (r.warmThroughputMiBps() != null) {
            throw KinesisErrors.notSimulated("WarmThroughputMiBps", "write throughput is not simulated or limited.");
        }
        KinesisStream s = locator.find(null, r.streamARN(), r.streamId(), call);
        KinesisStream.Mode to = KinesisShapes.mode(r.streamModeDetails(), "streamModeDetails");
        if (to == null) {
            throw KinesisErrors.missing("streamModeDetails");
        }
        if (to != s.mode()) {
            if (to == KinesisStream.Mode.ON_DEMAND) {
                streams.checkOnDemandLimit(s.arn().region());
            } else {
                streams.checkShardLimit(s.arn().region(), s.openShardCount());
            }
        }
        s.switchMode(to);
        return UpdateStreamModeResponse.builder().build();
    }

    /** The largest record (data and partition key) the stream takes, 1 to 10 MiB; 1 MiB by default. */
    public UpdateMaxRecordSizeResponse updateMaxRecordSize(UpdateMaxRecordSizeRequest r, Call call) {
        if (r.streamARN() == null) {
            throw KinesisErrors.missing("streamARN");
        }
        KinesisStream s = locator.find(null, r.streamARN(), r.streamId(), call);
        s.setMaxRecordSizeKiB(Constraints.required(r.maxRecordSizeInKiB(), 1024, 10240, "maxRecordSizeInKiB"));
        return UpdateMaxRecordSizeResponse.builder().build();
    }

    /** The region's shard quota (AWS's default) and what provisioned streams use of it; the on-demand stream quota. */
    public DescribeLimitsResponse describeLimits(DescribeLimitsRequest r, Call call) {
        String region = call.region();
        return DescribeLimitsResponse.builder().shardLimit(KinesisStreams.shardLimit(region))
                .openShardCount(streams.provisionedOpenShards(region)).onDemandStreamCount(streams.onDemandStreams(region))
                .onDemandStreamCountLimit(KinesisStreams.ON_DEMAND_STREAM_LIMIT).build();
    }
}
