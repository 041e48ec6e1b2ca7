package io.eventharness.emulator.logs;

import io.eventharness.emulator.core.EmulatorClock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogStreamResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;

/** Log stream operations: create, describe, delete. */
public final class StreamOperations {
    private final EmulatorClock clock;
    private final LogGroups groups;

    StreamOperations(EmulatorClock clock, LogGroups groups) {
        this.clock = clock;
        this.groups = groups;
    }

    public CreateLogStreamResponse createLogStream(CreateLogStreamRequest r) {
        LogGroup g = groups.require(r.logGroupName());
        g.createStream(LogsLimits.streamName(r.logStreamName(), "logStreamName"), clock.millis());
        return CreateLogStreamResponse.builder().build();
    }

    public DeleteLogStreamResponse deleteLogStream(DeleteLogStreamRequest r) {
        LogGroup g = groups.require(r.logGroupName());
        g.deleteStream(LogsLimits.streamName(r.logStreamName(), "logStreamName"));
        return DeleteLogStreamResponse.builder().build();
    }

    /**
     * DescribeLogStreams: ordered by name, or by last event time (which cannot be combined with a
     * name prefix), ascending or descending.
     */
    public DescribeLogStreamsResponse describeLogStreams(DescribeLogStreamsRequest r) {
        LogGroup g = groups.require(r.logGroupName(), r.logGroupIdentifier());
        boolean byTime = r.orderBy() == OrderBy.LAST_EVENT_TIME;
        if (r.orderBy() == OrderBy.UNKNOWN_TO_SDK_VERSION) {
            throw LogsErrors.constraint(r.orderByAsString(), "orderBy", "Member must satisfy enum value set: [LogStreamName, LastEventTime]");
        }
        if (byTime && r.logStreamNamePrefix() != null) {
            throw LogsErrors.invalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        String prefix = r.logStreamNamePrefix() == null ? "" : LogsLimits.streamName(r.logStreamNamePrefix(), "logStreamNamePrefix");
        int limit = LogsLimits.limit(r.limit(), "limit", 1, 50, 50);
        boolean descending = Boolean.TRUE.equals(r.descending());
        String after = r.nextToken() == null ? null : LogsTokens.key("streams", r.nextToken());
        Comparator<String> order = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return g.readStreams(clock.millis(), streams -> {
            Map<String, LogStream> byKey = new TreeMap<>(order);
            for (LogStream s : streams.values()) {
                if (s.name().startsWith(prefix)) {
                    byKey.put(streamKey(s, byTime), s);
                }
            }
            List<software.amazon.awssdk.services.cloudwatchlogs.model.LogStream> page = new ArrayList<>();
            String lastKey = null;
            String next = null;
            for (Map.Entry<String, LogStream> e : byKey.entrySet()) {
                if (after != null && order.compare(e.getKey(), after) <= 0) {
                    continue;
                }
                if (page.size() == limit) {
                    next = LogsTokens.opaque("streams", lastKey);
                    break;
                }
                page.add(describe(e.getValue()));
                lastKey = e.getKey();
            }
            return DescribeLogStreamsResponse.builder().logStreams(page).nextToken(next).build();
        });
    }

    /** The sort key: the name, or the last event time (zero-padded, so that text order is time order) then the name. */
    private static String streamKey(LogStream s, boolean byTime) {
        if (!byTime) {
            return s.name();
        }
        Long last = s.lastEventTimestamp();
        return String.format("%020d", last == null ? 0 : last) + "\n" + s.name();
    }

    /** The stream as AWS describes it; {@code storedBytes} is 0, as AWS has reported since 2019. */
    private static software.amazon.awssdk.services.cloudwatchlogs.model.LogStream describe(LogStream s) {
        return software.amazon.awssdk.services.cloudwatchlogs.model.LogStream.builder().logStreamName(s.name())
                .creationTime(s.creationTime()).firstEventTimestamp(s.firstEventTimestamp())
                .lastEventTimestamp(s.lastEventTimestamp()).lastIngestionTime(s.lastIngestionTime())
                .uploadSequenceToken(s.uploadSequenceToken()).arn(s.arn().toString()).storedBytes(0L).build();
    }
}
