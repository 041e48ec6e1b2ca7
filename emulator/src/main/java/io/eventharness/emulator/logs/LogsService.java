package io.eventharness.emulator.logs;

import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.logs.filter.FilterPattern;
import io.eventharness.emulator.logs.filter.FilterPatternException;
import io.eventharness.emulator.protocol.Call;
import io.eventharness.emulator.protocol.Protocol;
import io.eventharness.emulator.protocol.EmulatedService;
import io.eventharness.emulator.protocol.ServiceSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.*;

/**
 * Amazon CloudWatch Logs (awsJson 1.1): log groups and streams, PutLogEvents with AWS's batch rules,
 * GetLogEvents with forward/backward tokens, FilterLogEvents with filter patterns, retention on the
 * emulator clock, tags. Other emulator services write through {@link #append} and read through
 * {@link #events}.
 *
 * <p>Differs from AWS: retention deletes events exactly when they fall out of it (AWS takes up to
 * 72 hours); sequence tokens are accepted and ignored, as AWS does now, so InvalidSequenceToken and
 * DataAlreadyAccepted never occur; log groups are one namespace for all regions; stream
 * {@code storedBytes} is 0, as AWS has reported since 2019 (the group's is the real sum). Events live in
 * memory, so each group keeps at most {@link #DEFAULT_MAX_BYTES_PER_GROUP} (64 MiB, counting each event's
 * UTF-8 size plus the 26 bytes AWS counts per event in a batch; configurable): beyond it the oldest
 * events of the group are dropped, an eighth of the bound at a time. AWS keeps everything.
 */
public final class LogsService implements EmulatedService {
    public static final ServiceSpec SPEC = ServiceSpec.awsJson("logs", Protocol.AWS_JSON_1_1, CloudWatchLogsClient.class, "Logs_20140328");

    @Override
    public ServiceSpec spec() {
        return SPEC;
    }

    @Override
    public List<?> operations() {
        return List.of(this);
    }

    /** What a log group keeps at most by default: 64 MiB. */
    public static final long DEFAULT_MAX_BYTES_PER_GROUP = 64L << 20;

    private final EmulatorClock clock;
    private final LogGroups groups = new LogGroups();
    private final AtomicLong seq = new AtomicLong();
    private final long maxBytesPerGroup;

    public LogsService(EmulatorClock clock) {
        this(clock, DEFAULT_MAX_BYTES_PER_GROUP);
    }

    /** @param maxBytesPerGroup what a group keeps at most (messages plus 26 bytes per event); the oldest events go first */
    public LogsService(EmulatorClock clock, long maxBytesPerGroup) {
        if (maxBytesPerGroup < 1024) {
            throw new IllegalArgumentException("a log group must be allowed at least 1024 bytes: " + maxBytesPerGroup);
        }
        this.clock = clock;
        this.maxBytesPerGroup = maxBytesPerGroup;
    }

    /** Past the bound, drop the oldest events down to seven eighths of it (so that trimming is rare). */
    private void bound(LogGroup g) {
        if (g.weight() > maxBytesPerGroup) {
            g.trimTo(maxBytesPerGroup - maxBytesPerGroup / 8);
        }
    }

    // ---- in-JVM API -----------------------------------------------------------------------------

    /**
     * Stores events in {@code group}/{@code stream}, creating both if missing (in the default region).
     * Unlike PutLogEvents there are no batch rules: events may come in any order and at any time;
     * only the group's retention applies. Names are not validated.
     *
     * <pre>{@code
     * logs.append("/aws/lambda/orders", "2026/11/25/[$LATEST]0a1b", List.of(LogEvent.of(clock.now(), "hello")));
     * }</pre>
     */
    public void append(String group, String stream, List<LogEvent> events) {
        long now = clock.millis();
        LogGroup g = groups.getOrCreate(group, now);
        synchronized (g) {
            g.purge(now);
            LogStream s = g.streams.computeIfAbsent(stream, n -> new LogStream(n, g.streamArn(n), now));
            long cutoff = g.retentionCutoff(now);
            for (LogEvent e : events) {
                if (e.timestamp() >= cutoff) {
                    s.add(StoredEvent.of(stream, e.timestamp(), seq.incrementAndGet(), now, e.message()));
                }
            }
            bound(g);
        }
    }

    /**
     * The events of every stream of {@code group} with a timestamp at or after {@code from}, oldest
     * first (ties in arrival order); empty when the group does not exist.
     */
    public List<LoggedEvent> events(String group, Instant from) {
        LogGroup g = groups.find(group);
        if (g == null) {
            return List.of();
        }
        List<StoredEvent> out = new ArrayList<>();
        synchronized (g) {
            g.purge(clock.millis());
            for (LogStream s : g.streams.values()) {
                List<StoredEvent> ev = s.events();
                out.addAll(ev.subList(EventQueries.lowerBound(ev, from.toEpochMilli(), Long.MIN_VALUE), ev.size()));
            }
        }
        out.sort(StoredEvent.ORDER);
        return out.stream().map(StoredEvent::toLogged).toList();
    }

    // ---- log groups -------------------------------------------------------------------------------

    public CreateLogGroupResponse createLogGroup(CreateLogGroupRequest r, Call call) {
        String name = LogsLimits.groupName(r.logGroupName(), "logGroupName");
        if (name.startsWith("aws/")) {
            throw LogsErrors.invalidParameter("Log group names starting with 'aws/' are reserved for AWS.");
        }
        String cls = r.logGroupClassAsString() == null ? "STANDARD" : r.logGroupClassAsString();
        if (LogGroupClass.fromValue(cls) == LogGroupClass.UNKNOWN_TO_SDK_VERSION) {
            throw LogsErrors.constraint(cls, "logGroupClass", "Member must satisfy enum value set: [STANDARD, INFREQUENT_ACCESS, DELIVERY]");
        }
        LogGroup g = LogGroups.newGroup(name, call.region(), clock.millis(), cls);
        LogsLimits.tags(r.tags(), 0, g.arn);
        g.tags.putAll(r.tags());
        if (!groups.add(g)) {
            throw LogsErrors.groupExists();
        }
        return CreateLogGroupResponse.builder().build();
    }

    public DeleteLogGroupResponse deleteLogGroup(DeleteLogGroupRequest r) {
        if (!groups.remove(LogsLimits.groupName(r.logGroupName(), "logGroupName"))) {
            throw LogsErrors.groupNotFound();
        }
        return DeleteLogGroupResponse.builder().build();
    }

    /**
     * DescribeLogGroups: by name, filtered by prefix or (case-sensitive substring) pattern, which are
     * mutually exclusive; with a pattern, only the name, creation time and ARN are returned.
     */
    public DescribeLogGroupsResponse describeLogGroups(DescribeLogGroupsRequest r) {
        if (r.logGroupNamePrefix() != null && r.logGroupNamePattern() != null) {
            throw LogsErrors.invalidParameter("LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
        }
        int limit = LogsLimits.limit(r.limit(), "limit", 1, 50, 50);
        String prefix = r.logGroupNamePrefix() == null ? null : LogsLimits.groupName(r.logGroupNamePrefix(), "logGroupNamePrefix");
        String pattern = r.logGroupNamePattern();
        List<String> identifiers = r.hasLogGroupIdentifiers() ? r.logGroupIdentifiers().stream().map(LogGroups::nameOf).toList() : null;
        String after = r.nextToken() == null ? null : LogsTokens.key("groups", r.nextToken());
        long now = clock.millis();
        List<software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup> page = new ArrayList<>();
        String next = null;
        for (LogGroup g : groups.after(after)) {
            if (prefix != null && !g.name.startsWith(prefix) || pattern != null && !g.name.contains(pattern)
                    || identifiers != null && !identifiers.contains(g.name)
                    || r.logGroupClass() != null && !r.logGroupClassAsString().equals(g.logGroupClass)) {
                continue;
            }
            if (page.size() == limit) {
                next = LogsTokens.opaque("groups", page.get(page.size() - 1).logGroupName());
                break;
            }
            page.add(describe(g, pattern != null, now));
        }
        return DescribeLogGroupsResponse.builder().logGroups(page).nextToken(next).build();
    }

    private static software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup describe(LogGroup g, boolean brief, long now) {
        var b = software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup.builder()
                .logGroupName(g.name).creationTime(g.creationTime).arn(g.arn + ":*");
        if (brief) {
            return b.build();
        }
        synchronized (g) {
            g.purge(now);
            return b.retentionInDays(g.retentionInDays()).metricFilterCount(0).storedBytes(g.storedBytes())
                    .logGroupClass(g.logGroupClass).logGroupArn(g.arn).build();
        }
    }

    public PutRetentionPolicyResponse putRetentionPolicy(PutRetentionPolicyRequest r) {
        LogGroup g = groups.require(r.logGroupName());
        int days = LogsLimits.retentionDays(r.retentionInDays());
        synchronized (g) {
            g.retentionInDays(days);
            g.purge(clock.millis());
        }
        return PutRetentionPolicyResponse.builder().build();
    }

    public DeleteRetentionPolicyResponse deleteRetentionPolicy(DeleteRetentionPolicyRequest r) {
        LogGroup g = groups.require(r.logGroupName());
        synchronized (g) {
            g.retentionInDays(null);
        }
        return DeleteRetentionPolicyResponse.builder().build();
    }

    // ---- log streams ------------------------------------------------------------------------------

    public CreateLogStreamResponse createLogStream(CreateLogStreamRequest r) {
        LogGroup g = groups.require(r.logGroupName());
        String name = LogsLimits.streamName(r.logStreamName(), "logStreamName");
        synchronized (g) {
            if (g.streams.containsKey(name)) {
                throw LogsErrors.streamExists();
            }
            g.streams.put(name, new LogStream(name, g.streamArn(name), clock.millis()));
        }
        return CreateLogStreamResponse.builder().build();
    }

    public DeleteLogStreamResponse deleteLogStream(DeleteLogStreamRequest r) {
        LogGroup g = groups.require(r.logGroupName());
        String name = LogsLimits.streamName(r.logStreamName(), "logStreamName");
        synchronized (g) {
            if (g.streams.remove(name) == null) {
                throw LogsErrors.streamNotFound();
            }
        }
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
        Map<String, LogStream> byKey = new TreeMap<>(order);
        synchronized (g) {
            g.purge(clock.millis());
            for (LogStream s : g.streams.values()) {
                if (s.name.startsWith(prefix)) {
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
        }
    }

    /** The sort key: the name, or the last event time (zero-padded, so that text order is time order) then the name. */
    private static String streamKey(LogStream s, boolean byTime) {
        if (!byTime) {
            return s.name;
        }
        Long last = s.lastEventTimestamp();
        return String.format("%020d", last == null ? 0 : last) + "\n" + s.name;
    }

    private static software.amazon.awssdk.services.cloudwatchlogs.model.LogStream describe(LogStream s) {
        return software.amazon.awssdk.services.cloudwatchlogs.model.LogStream.builder().logStreamName(s.name)
                .creationTime(s.creationTime).firstEventTimestamp(s.firstEventTimestamp())
                .lastEventTimestamp(s.lastEventTimestamp()).lastIngestionTime(s.lastIngestionTime())
                .uploadSequenceToken(s.uploadSequenceToken()).arn(s.arn).storedBytes(0L).build();
    }

    // ---- events -----------------------------------------------------------------------------------

    /** PutLogEvents; the sequence token is ignored, as AWS does since 2023. */
    public PutLogEventsResponse putLogEvents(PutLogEventsRequest r) {
        List<InputLogEvent> input = r.hasLogEvents() ? r.logEvents() : null;
        if (input == null) {
            throw LogsErrors.missing("logEvents");
        }
        LogGroup g = groups.require(r.logGroupName());
        String streamName = LogsLimits.streamName(r.logStreamName(), "logStreamName");
        long now = clock.millis();
        synchronized (g) {
            LogStream s = g.streams.get(streamName);
            if (s == null) {
                throw LogsErrors.streamNotFound();
            }
            g.purge(now);
            LogBatch batch = LogBatch.check(input, now, g.retentionCutoff(now));
            for (InputLogEvent e : input.subList(batch.from(), batch.to())) {
                s.add(StoredEvent.of(streamName, e.timestamp(), seq.incrementAndGet(), now, e.message()));
            }
            bound(g);
            return PutLogEventsResponse.builder().nextSequenceToken(s.nextSequenceToken())
                    .rejectedLogEventsInfo(batch.rejected()).build();
        }
    }

    public GetLogEventsResponse getLogEvents(GetLogEventsRequest r) {
        LogGroup g = groups.require(r.logGroupName(), r.logGroupIdentifier());
        String streamName = LogsLimits.streamName(r.logStreamName(), "logStreamName");
        int limit = LogsLimits.limit(r.limit(), "limit", 1, EventQueries.MAX_LIMIT, EventQueries.MAX_LIMIT);
        synchronized (g) {
            g.purge(clock.millis());
            LogStream s = g.streams.get(streamName);
            if (s == null) {
                throw LogsErrors.streamNotFound();
            }
            return EventQueries.get(s.events(), r.startTime(), r.endTime(), r.nextToken(),
                    Boolean.TRUE.equals(r.startFromHead()), limit);
        }
    }

    public FilterLogEventsResponse filterLogEvents(FilterLogEventsRequest r) {
        LogGroup g = groups.require(r.logGroupName(), r.logGroupIdentifier());
        if (r.hasLogStreamNames() && r.logStreamNamePrefix() != null) {
            throw LogsErrors.invalidParameter("logStreamNames and logStreamNamePrefix are mutually exclusive parameters.");
        }
        if (r.hasLogStreamNames() && (r.logStreamNames().isEmpty() || r.logStreamNames().size() > 100)) {
            throw LogsErrors.constraint(r.logStreamNames(), "logStreamNames", "Member must have length between 1 and 100");
        }
        int limit = LogsLimits.limit(r.limit(), "limit", 1, EventQueries.MAX_LIMIT, EventQueries.MAX_LIMIT);
        FilterPattern pattern;
        try {
            if (r.filterPattern() != null) {
                LogsLimits.length(r.filterPattern(), "filterPattern", 0, 1024);
            }
            pattern = FilterPattern.parse(r.filterPattern());
        } catch (FilterPatternException e) {
            throw LogsErrors.invalidParameter(e.getMessage());
        }
        synchronized (g) {
            g.purge(clock.millis());
            Collection<LogStream> streams;
            if (r.hasLogStreamNames()) {
                streams = r.logStreamNames().stream().distinct().map(g.streams::get).filter(s -> s != null).toList();
            } else if (r.logStreamNamePrefix() != null) {
                String prefix = LogsLimits.streamName(r.logStreamNamePrefix(), "logStreamNamePrefix");
                streams = g.streams.tailMap(prefix).values().stream().takeWhile(s -> s.name.startsWith(prefix)).toList();
            } else {
                streams = g.streams.values();
            }
            EventQueries.FilterPage page = EventQueries.filter(streams, r.startTime(), r.endTime(), pattern, r.nextToken(), limit);
            return FilterLogEventsResponse.builder().events(page.events()).nextToken(page.nextToken()).build();
        }
    }

    // ---- tags -------------------------------------------------------------------------------------

    public TagResourceResponse tagResource(TagResourceRequest r) {
        tag(groups.requireByArn(r.resourceArn()), r.tags());
        return TagResourceResponse.builder().build();
    }

    public UntagResourceResponse untagResource(UntagResourceRequest r) {
        LogGroup g = groups.requireByArn(r.resourceArn());
        synchronized (g) {
            r.tagKeys().forEach(g.tags::remove);
        }
        return UntagResourceResponse.builder().build();
    }

    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest r) {
        return ListTagsForResourceResponse.builder().tags(tags(groups.requireByArn(r.resourceArn()))).build();
    }

    /** The older, name-based tagging API (deprecated by AWS in favour of TagResource). */
    public TagLogGroupResponse tagLogGroup(TagLogGroupRequest r) {
        tag(groups.require(r.logGroupName()), r.tags());
        return TagLogGroupResponse.builder().build();
    }

    public UntagLogGroupResponse untagLogGroup(UntagLogGroupRequest r) {
        LogGroup g = groups.require(r.logGroupName());
        synchronized (g) {
            r.tags().forEach(g.tags::remove);
        }
        return UntagLogGroupResponse.builder().build();
    }

    public ListTagsLogGroupResponse listTagsLogGroup(ListTagsLogGroupRequest r) {
        return ListTagsLogGroupResponse.builder().tags(tags(groups.require(r.logGroupName()))).build();
    }

    private static void tag(LogGroup g, Map<String, String> tags) {
        synchronized (g) {
            long added = tags.keySet().stream().filter(k -> !g.tags.containsKey(k)).count();
            LogsLimits.tags(tags, (int) (g.tags.size() + added - tags.size()), g.arn);
            g.tags.putAll(tags);
        }
    }

    private static Map<String, String> tags(LogGroup g) {
        synchronized (g) {
            return new LinkedHashMap<>(g.tags);
        }
    }
}
