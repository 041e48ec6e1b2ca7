package io.eventharness.harness.observe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One invocation of a function as its log tells it (the START/END/REPORT lines AWS writes, which every
 * backend has): request id, cold or warm, duration, memory, and the error if it failed.
 */
public record Invocation(String requestId, String stream, boolean cold, double durationMs, Double initDurationMs,
                         int maxMemoryUsedMb, String error, List<String> lines) {

    private static final Pattern START = Pattern.compile("^START RequestId: (\\S+)");
    private static final Pattern REPORT = Pattern.compile("^REPORT RequestId: (\\S+)\\s+Duration: ([\\d.]+) ms.*?"
            + "Max Memory Used: (\\d+) MB(?:\\s+Init Duration: ([\\d.]+) ms)?");

    public boolean failed() {
        return error != null;
    }

    /** Invocations in log order; an invocation without its REPORT line yet is left out. */
    public static List<Invocation> parse(List<LogLine> log) {
        Map<String, List<String>> body = new LinkedHashMap<>();
        Map<String, String> streams = new LinkedHashMap<>();
        Map<String, String> current = new LinkedHashMap<>();
        List<Invocation> out = new ArrayList<>();
        for (LogLine l : log) {
            String msg = l.message().stripTrailing();
            Matcher s = START.matcher(msg);
            if (s.find()) {
                current.put(l.stream(), s.group(1));
                body.put(s.group(1), new ArrayList<>());
                streams.put(s.group(1), l.stream());
                continue;
            }
            Matcher r = REPORT.matcher(msg);
            if (r.find()) {
                String id = r.group(1);
                List<String> lines = body.getOrDefault(id, List.of());
                Double init = r.group(4) == null ? null : Double.valueOf(r.group(4));
                out.add(new Invocation(id, streams.getOrDefault(id, l.stream()), init != null, Double.parseDouble(r.group(2)), init,
                        Integer.parseInt(r.group(3)), errorIn(lines), List.copyOf(lines)));
                current.remove(l.stream());
                continue;
            }
            String id = current.get(l.stream());
            if (id != null && !msg.startsWith("END RequestId:")) {
                body.get(id).add(msg);
            }
        }
        return out;
    }

    private static String errorIn(List<String> lines) {
        for (String l : lines) {
            if (l.contains("Task timed out after") || l.contains("[ERROR]") || l.contains("\"errorType\"")
                    || l.contains("Runtime exited") || l.contains("Runtime.ExitError")) {
                return l.length() > 300 ? l.substring(0, 300) + "…" : l;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return requestId + "  " + (cold ? "cold" : "warm") + "  " + String.format("%.2f ms", durationMs)
                + (initDurationMs != null ? String.format(" (init %.2f ms)", initDurationMs) : "")
                + "  " + maxMemoryUsedMb + " MB" + (error != null ? "  FAILED: " + error : "  ok");
    }
}
