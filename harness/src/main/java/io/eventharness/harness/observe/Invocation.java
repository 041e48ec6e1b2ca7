package io.eventharness.harness.observe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One invocation of a function as its log tells it (the START/END/REPORT lines AWS writes, which every backend
 * has): request id, cold or warm, duration, memory, how it ended and, if it failed, why ({@link Failure}: the error
 * type, message and stack trace, read by {@code FailureReader} from the forms AWS's runtimes log).
 *
 * @param outcome how it ended
 * @param failure why it failed; null when it ended {@link Outcome#OK}
 * @param lines   what it logged between START and END (its INIT's output, on a cold start, is not among them)
 */
public record Invocation(String requestId, String stream, boolean cold, double durationMs, Double initDurationMs,
                         int maxMemoryUsedMb, Outcome outcome, Failure failure, List<String> lines) {

    /** How an invocation ended. */
    public enum Outcome {
        /** It answered. */
        OK,
        /** The function (or its INIT) failed with an error: {@link Failure#type()} names it. */
        ERROR,
        /** It ran out of time: {@code Task timed out after N seconds}. */
        TIMEOUT,
        /** The runtime exited before answering ({@code Runtime.ExitError}). */
        CRASH,
        /** The sandbox went beyond its memory size and was killed ({@code Runtime.OutOfMemory}). */
        OUT_OF_MEMORY;

        /** As the story shows it: {@code ok}, {@code ERROR}, {@code TIMEOUT}, {@code CRASH}, {@code OUT OF MEMORY}. */
        String label() {
            return this == OK ? "ok" : name().replace('_', ' ');
        }
    }

    private static final Pattern START = Pattern.compile("^START RequestId: (\\S+)");
    private static final Pattern REPORT = Pattern.compile("^REPORT RequestId: (\\S+)\\s+Duration: ([\\d.]+) ms.*?"
            + "Memory Size: (\\d+) MB\\s+Max Memory Used: (\\d+) MB(?:\\s+Init Duration: ([\\d.]+) ms)?");

    public Invocation {
        lines = List.copyOf(lines);
    }

    /** Whether it did not end {@link Outcome#OK}. */
    public boolean failed() {
        return outcome != Outcome.OK;
    }

    /** The failure's headline ({@code type: message}), or null when it did not fail. */
    public String error() {
        return failure == null ? null : failure.headline();
    }

    /** Invocations in log order; an invocation without its REPORT line yet is left out. */
    public static List<Invocation> parse(List<LogLine> log) {
        Map<String, Running> running = new HashMap<>(); // by stream: the invocation between its START and REPORT
        Map<String, List<String>> init = new HashMap<>(); // by stream: what it wrote outside invocations (INIT)
        List<Invocation> out = new ArrayList<>();
        for (LogLine l : log) {
            String msg = l.message().stripTrailing();
            Matcher s = START.matcher(msg);
            if (s.find()) {
                List<String> before = init.remove(l.stream());
                running.put(l.stream(), new Running(s.group(1), before == null ? List.of() : before));
                continue;
            }
            Matcher r = REPORT.matcher(msg);
            if (r.find()) {
                Running inv = running.remove(l.stream());
                if (inv == null || !inv.requestId.equals(r.group(1))) {
                    inv = new Running(r.group(1), List.of()); // its START was not read (an older page, another stream)
                }
                out.add(inv.report(l.stream(), msg, r));
                continue;
            }
            Running inv = running.get(l.stream());
            if (inv != null) {
                if (!msg.startsWith("END RequestId:")) {
                    inv.lines.add(msg);
                }
            } else {
                init.computeIfAbsent(l.stream(), k -> new ArrayList<>()).add(msg);
            }
        }
        return out;
    }

    /** An invocation whose REPORT has not come yet. */
    private static final class Running {
        final String requestId;
        final List<String> initLines;
        final List<String> lines = new ArrayList<>();

        Running(String requestId, List<String> initLines) {
            this.requestId = requestId;
            this.initLines = initLines;
        }

        Invocation report(String stream, String reportLine, Matcher r) {
            Double init = r.group(5) == null ? null : Double.valueOf(r.group(5));
            int memorySize = Integer.parseInt(r.group(3));
            int used = Integer.parseInt(r.group(4));
            List<String> all = new ArrayList<>(init != null ? initLines : List.of());
            all.addAll(lines);
            FailureReader.Read read = FailureReader.read(all, reportLine, used >= memorySize);
            return new Invocation(requestId, stream, init != null, Double.parseDouble(r.group(2)), init, used,
                    read.outcome(), read.failure(), lines);
        }
    }

    /**
     * One line, then for a failure its error type and message, and the top of its stack trace on the lines below:
     * <pre>
     * 3f6c…  warm  2.31 ms  96 MB  ERROR java.lang.ArithmeticException: / by zero
     *     at example.Divider.handleRequest(Divider.java:14)
     * </pre>
     */
    @Override
    public String toString() {
        return requestId + "  " + (cold ? "cold" : "warm") + "  " + String.format(Locale.ROOT, "%.2f ms", durationMs)
                + (initDurationMs != null ? String.format(Locale.ROOT, " (init %.2f ms)", initDurationMs) : "")
                + "  " + maxMemoryUsedMb + " MB  " + outcome.label() + (failure == null ? "" : " " + failure.describe());
    }
}
