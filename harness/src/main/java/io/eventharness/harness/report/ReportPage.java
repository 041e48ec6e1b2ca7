package io.eventharness.harness.report;

import static io.eventharness.harness.report.Html.text;

import io.eventharness.harness.observe.Invocation;
import io.eventharness.harness.observe.LogLine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One test's report, a self-contained HTML page (its CSS and script inline, nothing fetched): a header (outcome,
 * duration, backend), the failure in full, the sequence diagram ({@link Diagram}), then each function's invocations and
 * log lines. Everything from the test is escaped; every row, payload and log is a {@code <details>} to expand.
 */
final class ReportPage {
    /** Lines of a failure's stack trace shown at most (the message, with the story, comes whole). */
    private static final int STACK_LINES = 300;

    private ReportPage() {
    }

    static String html(TestResult result, Scene scene) {
        Timeline timeline = Timeline.of(scene);
        String outcome = result.outcome().label();
        StringBuilder b = new StringBuilder(16_384);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>").append(outcome.toUpperCase(java.util.Locale.ROOT))
                .append(" · ").append(text(result.fullName())).append("</title>\n<style>").append(Assets.CSS).append("</style></head>\n<body>\n");
        b.append("<header><h1><span class=\"badge ").append(outcome).append("\">").append(outcome).append("</span> ")
                .append(text(result.testName())).append("</h1>\n<p class=\"meta\">").append(text(result.className()))
                .append(" · ").append(Text.duration(result.duration())).append(" · ").append(text(scene.backend()))
                .append(" backend · ended ").append(Text.dateTime(result.ended().truncatedTo(ChronoUnit.MILLIS)))
                .append(" · <a href=\"index.html\">every test of this run</a></p></header>\n");
        if (result.failure() != null) {
            failure(b, result.failure());
        }
        b.append("<section id=\"sequence\"><h2>Sequence</h2>\n");
        b.append("<p class=\"tools\"><button id=\"expand\">expand all</button><button id=\"collapse\">collapse all</button>"
                + "<label><input type=\"checkbox\" id=\"only-problems\"> only errors and failures</label></p>\n");
        if (!scene.hasTrail()) {
            b.append("<p class=\"note\">The event trail is not available on the ").append(text(scene.backend()))
                    .append(" backend (only the emulator keeps one): the functions' invocations are drawn from their logs, "
                            + "without the hops between services.</p>\n");
        }
        if (timeline.rows().isEmpty()) {
            b.append("<p class=\"note\">Nothing happened between the test's resources, and none of its functions ran.</p>\n");
        }
        b.append(Diagram.html(timeline));
        b.append("<details class=\"legend\"><summary>lifelines in full</summary><ul>");
        timeline.lifelines().forEach(l -> b.append("<li><b>").append(text(l.label())).append("</b> ").append(text(l.kind()))
                .append(": <code>").append(text(l.endpoint())).append("</code></li>"));
        b.append("</ul></details></section>\n");
        functions(b, scene);
        b.append("<footer>Event Harness · times are the emulator's clock (UTC) · this page needs no network</footer>\n<script>")
                .append(Assets.JS).append("</script>\n</body></html>\n");
        return b.toString();
    }

    private static void failure(StringBuilder b, Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        List<String> lines = trace.toString().lines().toList();
        String first = String.valueOf(failure.getMessage()).lines().findFirst().orElse(failure.getClass().getName());
        b.append("<section id=\"failure\"><h2>Failure</h2><details class=\"failure\" open><summary>").append(text(failure.getClass().getSimpleName()))
                .append(": ").append(text(first)).append("</summary><pre>");
        lines.stream().limit(STACK_LINES).forEach(l -> b.append(text(l)).append('\n'));
        if (lines.size() > STACK_LINES) {
            b.append("... ").append(lines.size() - STACK_LINES).append(" more lines\n");
        }
        b.append("</pre></details></section>\n");
    }

    private static void functions(StringBuilder b, Scene scene) {
        b.append("<section id=\"functions\"><h2>Functions</h2>\n");
        if (scene.functions().isEmpty()) {
            b.append("<p class=\"note\">The test created or observed no function.</p>\n");
        }
        java.time.Instant since = scene.since().truncatedTo(ChronoUnit.MILLIS);
        for (FunctionLog f : scene.functions()) {
            b.append("<div class=\"function\"><h3>").append(text(f.name())).append("</h3>\n");
            if (f.unreadable() != null) {
                b.append("<p class=\"note\">Its log could not be read: ").append(text(f.unreadable())).append("</p></div>\n");
                continue;
            }
            List<LogLine> lines = f.lines().stream().filter(l -> !l.timestamp().isBefore(since)).toList();
            List<Invocation> invocations = Invocation.parse(lines);
            if (invocations.isEmpty()) {
                b.append("<p class=\"note\">No invocation during this test.</p>\n");
            } else {
                b.append("<table><thead><tr><th>request id</th><th>cold/warm</th><th>duration</th><th>init</th><th>memory</th><th>outcome</th></tr></thead><tbody>\n");
                for (Invocation i : invocations) {
                    b.append("<tr class=\"").append(i.failed() ? "bad" : "ok").append("\"><td><code>").append(text(i.requestId()))
                            .append("</code></td><td>").append(i.cold() ? "cold" : "warm").append("</td><td>").append(Text.millis(i.durationMs()))
                            .append("</td><td>").append(i.initDurationMs() == null ? "" : Text.millis(i.initDurationMs())).append("</td><td>")
                            .append(i.maxMemoryUsedMb()).append(" MB</td><td>").append(text(Diagram.outcome(i)))
                            .append(i.failure() == null ? "" : " <code>" + text(i.failure().headline()) + "</code>").append("</td></tr>\n");
                }
                b.append("</tbody></table>\n");
            }
            b.append("<details class=\"logs\"><summary>").append(lines.size()).append(" log line(s) during this test</summary><pre class=\"log\">");
            lines.forEach(l -> b.append("<span class=\"ts\">").append(Text.clock(l.timestamp())).append("</span> ").append(text(l.message())).append('\n'));
            b.append("</pre></details></div>\n");
        }
        b.append("</section>\n");
    }
}
