package io.eventharness.harness.report;

import static io.eventharness.harness.report.Html.text;

import io.eventharness.harness.backend.Hop;
import io.eventharness.harness.observe.Invocation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The sequence diagram of a {@link Timeline} in HTML: a header of lifelines, then one {@code <details>} per row whose
 * summary draws the row (an arrow from lane to lane, an invocation's activation on its function's lane, a clock move
 * across all lanes) beside its time and what happened, and whose body holds the rest (endpoints in full, the payload,
 * an invocation's log lines and error). Lanes are {@value #LANE} pixels wide; the page's CSS draws the lifelines.
 */
final class Diagram {
    static final int LANE = 150;

    private Diagram() {
    }

    static String html(Timeline t) {
        List<Lifeline> lines = t.lifelines();
        int width = Math.max(1, lines.size()) * LANE;
        StringBuilder b = new StringBuilder();
        b.append("<div class=\"diagram\" style=\"--lane:").append(LANE).append("px;--lanes-width:").append(width).append("px\">\n");
        b.append("<div class=\"heads\"><span class=\"t\">emulator time</span><span class=\"lanes\">");
        for (int i = 0; i < lines.size(); i++) {
            Lifeline l = lines.get(i);
            b.append("<span class=\"lifeline ").append(l.kind()).append("\" data-lane=\"").append(i).append("\" style=\"left:")
                    .append(i * LANE).append("px\" title=\"").append(text(l.endpoint())).append("\"><small>")
                    .append(l.kind().equals("other") ? "caller" : l.kind()).append("</small>").append(text(l.label())).append("</span>");
        }
        b.append("</span><span class=\"what\"></span></div>\n");
        Instant first = t.rows().isEmpty() ? null : t.rows().get(0).time();
        for (Timeline.Row r : t.rows()) {
            int from = t.from(r);
            int to = t.to(r);
            String tone = tone(r);
            b.append("<details class=\"row ").append(kindOf(r)).append(' ').append(tone).append("\" data-lanes=\"")
                    .append(from < 0 ? "" : from + " ").append(to < 0 ? "" : to).append("\"><summary>");
            b.append("<span class=\"t\">").append(Text.clock(r.time()));
            if (first != null && !r.time().equals(Instant.MAX)) {
                b.append("<small>+").append(Text.duration(Duration.between(first, r.time()))).append("</small>");
            }
            b.append("</span><span class=\"lanes\">");
            if (r instanceof Timeline.ClockRow c) {
                b.append("<span class=\"band\">clock +").append(text(Text.duration(c.move().by()))).append("</span>");
            } else {
                drawArrow(b, r, from, to, tone);
            }
            b.append("</span><span class=\"what\">").append(what(r)).append("</span></summary>\n<div class=\"body\">")
                    .append(body(r)).append("</div></details>\n");
        }
        return b.append("</div>\n").toString();
    }

    private static void drawArrow(StringBuilder b, Timeline.Row r, int from, int to, String tone) {
        String label = r instanceof Timeline.HopRow h ? h.hop().kind() : r instanceof Timeline.InvocationRow i && i.hop() != null
                ? i.hop().kind() : "invocation";
        int x1 = from * LANE + LANE / 2;
        int x2 = to * LANE + LANE / 2;
        if (from < 0) {
            b.append("<span class=\"lbl solo\" style=\"left:").append(x2 + 10).append("px\">").append(text(label)).append("</span>");
        } else if (from == to) {
            b.append("<span class=\"loop\" style=\"left:").append(x1).append("px\"></span><span class=\"lbl solo\" style=\"left:")
                    .append(x1 + 30).append("px\">").append(text(label)).append("</span>");
        } else {
            b.append("<span class=\"arrow ").append(x2 > x1 ? "r" : "l").append("\" style=\"left:").append(Math.min(x1, x2))
                    .append("px;width:").append(Math.abs(x2 - x1)).append("px\"><span class=\"lbl\">").append(text(label))
                    .append("</span></span>");
        }
        if (r instanceof Timeline.InvocationRow) {
            b.append("<span class=\"act ").append(tone).append("\" style=\"left:").append(x2 - 5).append("px\"></span>");
        }
    }

    private static String kindOf(Timeline.Row r) {
        return r instanceof Timeline.HopRow ? "hop" : r instanceof Timeline.InvocationRow ? "invocation" : "clock";
    }

    /** {@code ok}, {@code bad} (an error, a failure, a drop, a throttle), {@code retry}, {@code muted} (filtered, unmatched, ...). */
    static String tone(Timeline.Row r) {
        if (r instanceof Timeline.InvocationRow i) {
            return i.invocation().failed() ? "bad" : "ok";
        }
        if (r instanceof Timeline.HopRow h) {
            String o = h.hop().outcome().toLowerCase(Locale.ROOT);
            if (o.startsWith("ok") || o.startsWith("delivered")) {
                return "ok";
            }
            if (o.startsWith("error") || o.startsWith("failed") || o.startsWith("dropped") || o.startsWith("throttled")) {
                return "bad";
            }
            return o.startsWith("next attempt") ? "retry" : "muted";
        }
        return "clock";
    }

    private static String what(Timeline.Row r) {
        if (r instanceof Timeline.HopRow h) {
            Hop hop = h.hop();
            int cut = chipEnd(hop.outcome());
            String rest = hop.outcome().substring(cut).strip();
            return "<b class=\"chip\">" + text(hop.outcome().substring(0, cut)) + "</b> " + (rest.isEmpty() ? "" : text(Text.cut(rest, 90)) + " ")
                    + "<code>" + text(Text.cut(hop.summary(), 100)) + "</code>";
        }
        if (r instanceof Timeline.InvocationRow i) {
            Invocation inv = i.invocation();
            return "<b class=\"chip\">" + text(outcome(inv)) + "</b> " + (inv.cold() ? "cold" : "warm") + " · "
                    + Text.millis(inv.durationMs()) + (inv.initDurationMs() != null ? " (init " + Text.millis(inv.initDurationMs()) + ")" : "")
                    + " · " + inv.maxMemoryUsedMb() + " MB" + (inv.failure() == null ? "" : " · <code>" + text(Text.cut(inv.failure().headline(), 120)) + "</code>");
        }
        ClockMove m = ((Timeline.ClockRow) r).move();
        return "<b class=\"chip\">cloud.advance(" + text(m.by().toString()) + ")</b> " + Text.clock(m.from()) + " → " + Text.clock(m.to());
    }

    /**
     * Where a hop's outcome is cut for its chip: before the first {@code " ("}, {@code ": "} or {@code " at "}
     * ({@code ok | (cold, request …)}, {@code next attempt | at …}, {@code failed | : why}), at most 32 characters.
     */
    static int chipEnd(String outcome) {
        int end = Math.min(outcome.length(), 32);
        for (String stop : List.of(" (", ": ", " at ")) {
            int i = outcome.indexOf(stop);
            if (i > 0 && i < end) {
                end = i;
            }
        }
        return end;
    }

    static String outcome(Invocation i) {
        return i.outcome() == Invocation.Outcome.OK ? "ok" : i.outcome().name().replace('_', ' ');
    }

    private static String body(Timeline.Row r) {
        StringBuilder b = new StringBuilder("<dl>");
        if (r instanceof Timeline.ClockRow c) {
            ClockMove m = c.move();
            dt(b, "moved", "cloud.advance(" + m.by() + "): the emulator's clock went from " + Text.dateTime(m.from()) + " to "
                    + Text.dateTime(m.to()) + ", running everything that fell due on the way");
            dt(b, "trail", m.untilSeq() > m.afterSeq() ? (m.untilSeq() - m.afterSeq()) + " hop(s) while it moved (#"
                    + (m.afterSeq() + 1) + " to #" + m.untilSeq() + "; those of this test's resources are drawn below)" : "no hop while it moved");
            return b.append("</dl>").toString();
        }
        Hop hop = r instanceof Timeline.HopRow h ? h.hop() : ((Timeline.InvocationRow) r).hop();
        if (r instanceof Timeline.InvocationRow i) {
            Invocation inv = i.invocation();
            dt(b, "function", i.function());
            dt(b, "request id", inv.requestId());
            dt(b, "started", Text.dateTime(i.start()));
            dt(b, "outcome", outcome(inv) + " · " + (inv.cold() ? "cold start" : "warm") + " · duration " + Text.millis(inv.durationMs())
                    + (inv.initDurationMs() != null ? " · init " + Text.millis(inv.initDurationMs()) : "") + " · max memory used "
                    + inv.maxMemoryUsedMb() + " MB");
            dt(b, "log stream", inv.stream());
        }
        if (hop != null) {
            dt(b, "hop", hop.kind() + " (trail #" + hop.seq() + ", " + Text.dateTime(hop.at()) + ")");
            dt(b, "from", hop.source());
            dt(b, "to", hop.target());
            dt(b, "outcome", hop.outcome());
        } else {
            dt(b, "caller", "not on the trail (it is kept by the emulator only)");
        }
        b.append("</dl>");
        if (r instanceof Timeline.InvocationRow i && i.invocation().failure() != null) {
            b.append("<h4>error</h4><pre class=\"error\">").append(text(i.invocation().failure().headline()));
            i.invocation().failure().stackTrace().forEach(f -> b.append("\n    ").append(text(f)));
            b.append("</pre>");
        }
        if (hop != null && !hop.summary().isEmpty()) {
            b.append("<h4>payload <small>(its first 200 characters, as the trail keeps them)</small></h4><pre class=\"payload\">")
                    .append(text(Text.payload(hop.summary()))).append("</pre>");
        }
        if (r instanceof Timeline.InvocationRow i) {
            List<String> lines = i.invocation().lines();
            b.append("<h4>log lines <small>(").append(lines.size()).append(", between START and END)</small></h4><pre class=\"log\">");
            lines.forEach(l -> b.append(text(l)).append('\n'));
            b.append("</pre>");
        }
        return b.toString();
    }

    private static void dt(StringBuilder b, String term, String value) {
        b.append("<dt>").append(text(term)).append("</dt><dd>").append(text(value)).append("</dd>");
    }
}
