package io.eventharness.emulator.logs;

import io.eventharness.emulator.logs.LogsTokens.Position;
import io.eventharness.emulator.logs.filter.FilterPattern;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/**
 * GetLogEvents and FilterLogEvents over a group's streams (the caller holds the group's lock).
 * A page holds at most {@code limit} events and at most 1 MB, counting 26 bytes per event, as in AWS.
 */
final class EventQueries {
    static final int MAX_LIMIT = 10_000;
    private static final long MAX_PAGE_BYTES = 1_048_576;

    private EventQueries() {
    }

    /**
     * GetLogEvents (API reference "GetLogEvents"): without a token, the newest {@code limit} events in
     * [startTime, endTime), or the oldest with {@code startFromHead}. {@code f/} tokens read forward
     * from their position and {@code b/} tokens backward. A read that finds nothing returns the token it
     * was given, which is how the SDK's paginator knows it reached the end.
     */
    static GetLogEventsResponse get(List<StoredEvent> events, Long startTime, Long endTime, String token,
                                    boolean startFromHead, int limit) {
        int lo = lowerBound(events, startTime == null ? Long.MIN_VALUE : startTime, Long.MIN_VALUE);
        int hi = endTime == null ? events.size() : lowerBound(events, endTime, Long.MIN_VALUE);
        hi = Math.max(lo, hi);
        Position p = token == null ? null : LogsTokens.position(token);
        boolean forward = p == null ? startFromHead : p.forward();
        int from = lo;
        int to = hi;
        if (p != null && forward) {
            from = Math.min(hi, Math.max(lo, lowerBound(events, p.timestamp(), p.seq())));
        } else if (p != null) {
            to = Math.max(lo, Math.min(hi, lowerBound(events, p.timestamp(), p.seq())));
        }
        List<StoredEvent> page = forward ? head(events, from, to, limit) : tail(events, from, to, limit);
        GetLogEventsResponse.Builder b = GetLogEventsResponse.builder().events(page.stream().map(EventQueries::output).toList());
        if (!page.isEmpty()) {
            StoredEvent first = page.get(0);
            StoredEvent last = page.get(page.size() - 1);
            return b.nextForwardToken(LogsTokens.forward(last.timestamp(), last.seq() + 1))
                    .nextBackwardToken(LogsTokens.backward(first.timestamp(), first.seq())).build();
        }
        if (p != null) {
            String same = token;
            return b.nextForwardToken(p.forward() ? same : LogsTokens.forward(p.timestamp(), p.seq()))
                    .nextBackwardToken(p.forward() ? LogsTokens.backward(p.timestamp(), p.seq()) : same).build();
        }
        long start = startTime == null ? 0 : Math.max(0, startTime);
        return b.nextForwardToken(LogsTokens.forward(start, 0)).nextBackwardToken(LogsTokens.backward(start, 0)).build();
    }

    /** One page of FilterLogEvents: matching events of the streams, by timestamp, after the token's key. */
    record FilterPage(List<FilteredLogEvent> events, String nextToken) {
    }

    /**
     * FilterLogEvents (API reference "FilterLogEvents"): events of all given streams in [startTime,
     * endTime] (both inclusive) that match the pattern, interleaved by timestamp.
     */
    static FilterPage filter(Collection<LogStream> streams, Long startTime, Long endTime, FilterPattern pattern,
                             String token, int limit) {
        LogsTokens.EventKey after = token == null ? LogsTokens.EventKey.FIRST : LogsTokens.filterKey(token);
        long start = startTime == null ? Long.MIN_VALUE : startTime;
        long end = endTime == null ? Long.MAX_VALUE : endTime;
        List<StoredEvent> matching = new ArrayList<>();
        for (LogStream s : streams) {
            List<StoredEvent> ev = s.events();
            for (int i = lowerBound(ev, start, Long.MIN_VALUE); i < ev.size() && ev.get(i).timestamp() <= end; i++) {
                StoredEvent e = ev.get(i);
                if (e.compareTo(after.timestamp(), after.seq()) > 0 && pattern.matches(e.message())) {
                    matching.add(e);
                }
            }
        }
        matching.sort(StoredEvent.ORDER);
        List<StoredEvent> page = head(matching, 0, matching.size(), limit);
        String next = null;
        if (page.size() < matching.size()) {
            StoredEvent last = page.get(page.size() - 1);
            next = LogsTokens.filterToken(new LogsTokens.EventKey(last.timestamp(), last.seq()));
        }
        List<FilteredLogEvent> out = new ArrayList<>(page.size());
        for (StoredEvent e : page) {
            out.add(FilteredLogEvent.builder().logStreamName(e.stream()).timestamp(e.timestamp())
                    .ingestionTime(e.ingestionTime()).message(e.message()).eventId(eventId(e)).build());
        }
        return new FilterPage(out, next);
    }

    /** AWS's event ids are long decimal strings; ours are the event's key. */
    private static String eventId(StoredEvent e) {
        return String.format("%019d%019d", e.timestamp(), e.seq());
    }

    private static OutputLogEvent output(StoredEvent e) {
        return OutputLogEvent.builder().timestamp(e.timestamp()).message(e.message()).ingestionTime(e.ingestionTime()).build();
    }

    /** The first events of [from, to), within the count and byte limits. */
    private static List<StoredEvent> head(List<StoredEvent> events, int from, int to, int limit) {
        List<StoredEvent> out = new ArrayList<>();
        long bytes = 0;
        for (int i = from; i < to && out.size() < limit; i++) {
            bytes += events.get(i).bytes() + LogGroup.EVENT_OVERHEAD;
            if (bytes > MAX_PAGE_BYTES && !out.isEmpty()) {
                break;
            }
            out.add(events.get(i));
        }
        return out;
    }

    /** The last events of [from, to), within the count and byte limits, in ascending order. */
    private static List<StoredEvent> tail(List<StoredEvent> events, int from, int to, int limit) {
        int start = to;
        long bytes = 0;
        while (start > from && to - start < limit) {
            bytes += events.get(start - 1).bytes() + LogGroup.EVENT_OVERHEAD;
            if (bytes > MAX_PAGE_BYTES && start < to) {
                break;
            }
            start--;
        }
        return new ArrayList<>(events.subList(start, to));
    }

    /** The first index whose event is at or after (timestamp, seq). */
    static int lowerBound(List<StoredEvent> events, long timestamp, long seq) {
        int lo = 0;
        int hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (events.get(mid).compareTo(timestamp, seq) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
