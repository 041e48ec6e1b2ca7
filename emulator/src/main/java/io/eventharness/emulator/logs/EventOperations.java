package io.eventharness.emulator.logs;

import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.logs.filter.FilterPattern;
import io.eventharness.emulator.logs.filter.FilterPatternException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;

/** Writing and reading events: PutLogEvents, GetLogEvents, FilterLogEvents (paging in {@link EventQueries}). */
public final class EventOperations {
    private final EmulatorClock clock;
    private final LogGroups groups;

    EventOperations(EmulatorClock clock, LogGroups groups) {
        this.clock = clock;
        this.groups = groups;
    }

    /** PutLogEvents; the sequence token is ignored, as AWS does since 2023. */
    public PutLogEventsResponse putLogEvents(PutLogEventsRequest r) {
        List<InputLogEvent> input = r.hasLogEvents() ? r.logEvents() : null;
        if (input == null) {
            throw LogsErrors.missing("logEvents");
        }
        LogGroup g = groups.require(r.logGroupName());
        String stream = LogsLimits.streamName(r.logStreamName(), "logStreamName");
        LogGroup.Put put = g.put(stream, input, clock.millis());
        return PutLogEventsResponse.builder().nextSequenceToken(put.nextSequenceToken())
                .rejectedLogEventsInfo(put.rejected()).build();
    }

    public GetLogEventsResponse getLogEvents(GetLogEventsRequest r) {
        LogGroup g = groups.require(r.logGroupName(), r.logGroupIdentifier());
        String stream = LogsLimits.streamName(r.logStreamName(), "logStreamName");
        int limit = LogsLimits.limit(r.limit(), "limit", 1, EventQueries.MAX_LIMIT, EventQueries.MAX_LIMIT);
        return g.readStream(stream, clock.millis(), events -> EventQueries.get(events, r.startTime(), r.endTime(),
                r.nextToken(), Boolean.TRUE.equals(r.startFromHead()), limit));
    }

    /** FilterLogEvents over the streams named, or those with a name prefix, or all; by timestamp. */
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
        String prefix = r.logStreamNamePrefix() == null ? null : LogsLimits.streamName(r.logStreamNamePrefix(), "logStreamNamePrefix");
        EventQueries.FilterPage page = g.readStreams(clock.millis(), streams -> {
            Collection<LogStream> chosen;
            if (r.hasLogStreamNames()) {
                chosen = r.logStreamNames().stream().distinct().map(streams::get).filter(Objects::nonNull).toList();
            } else if (prefix != null) {
                chosen = streams.tailMap(prefix, true).values().stream().takeWhile(s -> s.name().startsWith(prefix)).toList();
            } else {
                chosen = streams.values();
            }
            return EventQueries.filter(chosen, r.startTime(), r.endTime(), pattern, r.nextToken(), limit);
        });
        return FilterLogEventsResponse.builder().events(page.events()).nextToken(page.nextToken()).build();
    }
}
