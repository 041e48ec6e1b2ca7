package io.eventharness.emulator.kinesis;

import io.eventharness.emulator.protocol.Call;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kinesis.model.CreateStreamRequest;
import software.amazon.awssdk.services.kinesis.model.CreateStreamResponse;
import software.amazon.awssdk.services.kinesis.model.DeleteStreamRequest;
import software.amazon.awssdk.services.kinesis.model.DeleteStreamResponse;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamResponse;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryResponse;
import software.amazon.awssdk.services.kinesis.model.EncryptionType;
import software.amazon.awssdk.services.kinesis.model.EnhancedMetrics;
import software.amazon.awssdk.services.kinesis.model.ListStreamsRequest;
import software.amazon.awssdk.services.kinesis.model.ListStreamsResponse;
import software.amazon.awssdk.services.kinesis.model.StreamDescription;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.kinesis.model.StreamSummary;

/**
 * The streams themselves: CreateStream, DeleteStream, DescribeStream, DescribeStreamSummary, ListStreams. A new
 * stream is CREATING and becomes ACTIVE before the call returns (AWS takes seconds; here the next call sees it
 * ACTIVE), as the emulator's Lambda functions are Active before the next call.
 */
public final class StreamOperations {
    /** The shards of an on-demand stream at creation, as AWS opens them. */
    static final int ON_DEMAND_SHARDS = 4;
    private static final int PAGE = 100;

    private final KinesisStreams streams;
    private final StreamLocator locator;

    StreamOperations(KinesisStreams streams, StreamLocator locator) {
        this.streams = streams;
        this.locator = locator;
    }

    /**
     * A stream with {@code ShardCount} provisioned shards, or on demand ({@code StreamModeDetails} ON_DEMAND, or
     * neither given: AWS's default) with four. Warm throughput and the AUTO record distribution strategy are not
     * simulated and are refused.
     */
    public CreateStreamResponse createStream(CreateStreamRequest r, Call call) {
        String name = Constraints.name(r.streamName(), "streamName");
        if (r.warmThroughputMiBps() != null) {
            throw KinesisErrors.notSimulated("WarmThroughputMiBps", "write throughput is not simulated or limited.");
        }
        String strategy = r.recordDistributionStrategyAsString();
        if (strategy != null && !strategy.equals("USER_PARTITION_KEY")) {
            throw KinesisErrors.notSimulated("RecordDistributionStrategy " + strategy,
                    "records always go to the shard of their partition key (USER_PARTITION_KEY).");
        }
        KinesisStream.Mode mode = KinesisShapes.mode(r.streamModeDetails(), "streamModeDetails");
        Integer count = r.shardCount();
        if (mode == KinesisStream.Mode.ON_DEMAND && count != null) {
            throw KinesisErrors.invalidArgument("ShardCount is not expected when StreamMode=ON_DEMAND");
        }
        if (mode == KinesisStream.Mode.PROVISIONED && count == null) {
            throw KinesisErrors.invalidArgument("ShardCount is required when StreamMode=PROVISIONED");
        }
        if (mode == null) {
            mode = count == null ? KinesisStream.Mode.ON_DEMAND : KinesisStream.Mode.PROVISIONED;
        }
        int shards = count == null ? ON_DEMAND_SHARDS : Constraints.range(count, 1, Integer.MAX_VALUE, 1, "shardCount");
        int maxRecord = Constraints.range(r.maxRecordSizeInKiB(), 1024, 10240, KinesisStream.DEFAULT_MAX_RECORD_KIB,
                "maxRecordSizeInKiB");
        Map<String, String> tags = KinesisShapes.tags(r.hasTags() ? r.tags() : Map.of(), "tags");
        if (tags.size() > KinesisShapes.MAX_TAGS) {
            throw KinesisErrors.tooManyTags("create", StreamLocator.arnOfName(name, call.region()), KinesisShapes.MAX_TAGS);
        }
        streams.create(StreamLocator.arnOfName(name, call.region()), mode, shards, maxRecord, tags).activate();
        return CreateStreamResponse.builder().build();
    }

    /**
     * Deletes the stream and its records. Consumers are not simulated, so a stream never has any and
     * {@code EnforceConsumerDeletion} changes nothing.
     */
    public DeleteStreamResponse deleteStream(DeleteStreamRequest r, Call call) {
        streams.delete(locator.find(r.streamName(), r.streamARN(), r.streamId(), call));
        return DeleteStreamResponse.builder().build();
    }

    /** The stream with a page of its shards (at most 100, after {@code ExclusiveStartShardId}). */
    public DescribeStreamResponse describeStream(DescribeStreamRequest r, Call call) {
        KinesisStream s = locator.find(r.streamName(), r.streamARN(), r.streamId(), call);
        int limit = Math.min(PAGE, Constraints.range(r.limit(), 1, 10000, PAGE, "limit"));
        String after = r.exclusiveStartShardId() == null ? null : Constraints.name(r.exclusiveStartShardId(), "exclusiveStartShardId");
        List<ShardInfo> all = s.shards().stream().filter(i -> after == null || i.shardId().compareTo(after) > 0).toList();
        List<ShardInfo> page = all.subList(0, Math.min(limit, all.size()));
        return DescribeStreamResponse.builder().streamDescription(StreamDescription.builder()
                .streamName(s.name()).streamARN(s.arn().toString()).streamStatus(s.status().name())
                .streamModeDetails(KinesisShapes.modeDetails(s.mode()))
                .shards(page.stream().map(KinesisShapes::shard).toList()).hasMoreShards(all.size() > page.size())
                .retentionPeriodHours(s.retentionHours()).streamCreationTimestamp(s.created())
                .enhancedMonitoring(noEnhancedMetrics()).encryptionType(EncryptionType.NONE).build()).build();
    }

    public DescribeStreamSummaryResponse describeStreamSummary(DescribeStreamSummaryRequest r, Call call) {
        KinesisStream s = locator.find(r.streamName(), r.streamARN(), r.streamId(), call);
        return DescribeStreamSummaryResponse.builder().streamDescriptionSummary(StreamDescriptionSummary.builder()
                .streamName(s.name()).streamARN(s.arn().toString()).streamStatus(s.status().name())
                .streamModeDetails(KinesisShapes.modeDetails(s.mode())).retentionPeriodHours(s.retentionHours())
                .streamCreationTimestamp(s.created()).enhancedMonitoring(noEnhancedMetrics())
                .encryptionType(EncryptionType.NONE).openShardCount(s.openShardCount()).consumerCount(0)
                .maxRecordSizeInKiB(s.maxRecordSizeKiB()).build()).build();
    }

    /**
     * The region's streams by name, at most 100 a page, after {@code ExclusiveStartStreamName} or where
     * {@code NextToken} left off.
     */
    public ListStreamsResponse listStreams(ListStreamsRequest r, Call call) {
        int limit = Math.min(PAGE, Constraints.range(r.limit(), 1, 10000, PAGE, "limit"));
        String after = r.exclusiveStartStreamName() == null ? null : Constraints.name(r.exclusiveStartStreamName(), "exclusiveStartStreamName");
        if (r.nextToken() != null) {
            after = decodeToken(r.nextToken());
        }
        String from = after;
        List<KinesisStream> all = streams.inRegion(call.region()).stream()
                .filter(s -> from == null || s.name().compareTo(from) > 0).toList();
        List<KinesisStream> page = all.subList(0, Math.min(limit, all.size()));
        boolean more = all.size() > page.size();
        return ListStreamsResponse.builder().streamNames(page.stream().map(KinesisStream::name).toList())
                .streamSummaries(page.stream().map(StreamOperations::summary).toList()).hasMoreStreams(more)
                .nextToken(more ? encodeToken(page.get(page.size() - 1).name()) : null).build();
    }

    private static StreamSummary summary(KinesisStream s) {
        return StreamSummary.builder().streamName(s.name()).streamARN(s.arn().toString()).streamStatus(s.status().name())
                .streamModeDetails(KinesisShapes.modeDetails(s.mode())).streamCreationTimestamp(s.created()).build();
    }

    /** Enhanced (shard-level) monitoring is not simulated: no metrics are enabled, as on a new AWS stream. */
    private static List<EnhancedMetrics> noEnhancedMetrics() {
        return List.of(EnhancedMetrics.builder().shardLevelMetricsWithStrings(List.of()).build());
    }

    private static String encodeToken(String lastName) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("streams:" + lastName).getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith("streams:") && Constraints.NAME.matcher(text.substring(8)).matches()) {
                return text.substring(8);
            }
        } catch (IllegalArgumentException e) {
            // not base64: below
        }
        throw KinesisErrors.invalidNextToken();
    }
}
