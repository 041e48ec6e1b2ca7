package io.eventharness.harness.observe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * A function's CloudWatch log group ({@code /aws/lambda/<name>}), read through the SDK so it works on
 * every backend: its lines and invocations now, and waits for them.
 *
 * <pre>{@code
 * cloud.logsOf(fn).await().contains("x = 10");
 * List<Invocation> two = cloud.logsOf(fn).await().invocations(2);
 * }</pre>
 */
public final class LogView {
    private final CloudWatchLogsClient logs;
    private final String group;
    private final Await await;

    public LogView(CloudWatchLogsClient logs, String group, Await await) {
        this.logs = logs;
        this.group = group;
        this.await = await;
    }

    public String group() {
        return group;
    }

    /** Every line so far, in time order; empty while the group does not exist. */
    public List<LogLine> lines() {
        return lines(null);
    }

    /** The lines logged at or after {@code since} (the backend's time; null: all), in time order. */
    public List<LogLine> lines(Instant since) {
        List<LogLine> out = new ArrayList<>();
        String token = null;
        Long from = since == null ? null : since.toEpochMilli();
        try {
            do {
                String t = token;
                FilterLogEventsResponse r = logs.filterLogEvents(b -> b.logGroupName(group).startTime(from).nextToken(t));
                for (FilteredLogEvent e : r.events()) {
                    // one event may hold several lines; AWS's Python runtime joins a traceback's lines with \r
                    for (String line : e.message().split("\r\n|\r|\n", -1)) {
                        if (!line.isEmpty()) {
                            out.add(new LogLine(Instant.ofEpochMilli(e.timestamp()), e.logStreamName(), line));
                        }
                    }
                }
                token = r.nextToken();
            } while (token != null);
        } catch (ResourceNotFoundException e) {
            return List.of();
        }
        return out;
    }

    /** The invocations the log reports so far. */
    public List<Invocation> invocations() {
        return Invocation.parse(lines());
    }

    /** Waits on this log. */
    public LogWaits await() {
        return new LogWaits(this, await);
    }

    static String describe(List<LogLine> lines) {
        if (lines.isEmpty()) {
            return "no log lines";
        }
        int from = Math.max(0, lines.size() - 20);
        StringBuilder b = new StringBuilder(lines.size() + " line(s)" + (from > 0 ? ", the last 20" : "") + ":");
        for (LogLine l : lines.subList(from, lines.size())) {
            b.append("\n    ").append(l.message());
        }
        return b.toString();
    }
}
