package io.eventharness.harness.observe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * A function's CloudWatch log group ({@code /aws/lambda/<name>}), read through the SDK so it works on
 * every backend.
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
        List<LogLine> out = new ArrayList<>();
        String token = null;
        try {
            do {
                String t = token;
                FilterLogEventsResponse r = logs.filterLogEvents(b -> b.logGroupName(group).nextToken(t));
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

    public Waits await() {
        return new Waits(await);
    }

    /** Waits on this log. */
    public final class Waits {
        private final Await await;

        private Waits(Await await) {
            this.await = await;
        }

        public Waits atMost(Duration d) {
            return new Waits(await.withTimeout(d));
        }

        /** The first line containing {@code text}. */
        public LogLine contains(String text) {
            return matching("a line containing \"" + text + "\"", l -> l.message().contains(text));
        }

        /** Waits until every text appears in some line; returns all lines. */
        public List<LogLine> containsAll(String... texts) {
            return await.until("the log of " + group + " to contain " + String.join(", ", quoted(texts)), LogView.this::lines,
                    lines -> {
                        for (String t : texts) {
                            if (lines.stream().noneMatch(l -> l.message().contains(t))) {
                                return false;
                            }
                        }
                        return true;
                    }, LogView::describe);
        }

        public LogLine matches(String regex) {
            Pattern p = Pattern.compile(regex);
            return matching("a line matching /" + regex + "/", l -> p.matcher(l.message()).find());
        }

        /** At least {@code n} finished invocations (REPORT lines). */
        public List<Invocation> invocations(int n) {
            return await.until(n + " invocation(s) of " + group, LogView.this::invocations, inv -> inv.size() >= n,
                    inv -> inv.size() + " invocation(s)" + (inv.isEmpty() ? "" : ":\n    " + String.join("\n    ",
                            inv.stream().map(Invocation::toString).toList())));
        }

        private LogLine matching(String what, java.util.function.Predicate<LogLine> p) {
            List<LogLine> lines = await.until(what + " in " + group, LogView.this::lines,
                    ls -> ls.stream().anyMatch(p), LogView::describe);
            return lines.stream().filter(p).findFirst().orElseThrow();
        }
    }

    private static List<String> quoted(String[] texts) {
        List<String> out = new ArrayList<>();
        for (String t : texts) {
            out.add("\"" + t + "\"");
        }
        return out;
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
