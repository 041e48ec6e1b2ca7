package io.eventharness.harness.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages write times, durations and payloads. */
final class Text {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Text() {
    }

    /** {@code 12:00:01.250}: a time of day on the emulator's clock (UTC). */
    static String clock(Instant t) {
        return t == null || t.equals(Instant.MAX) ? "—" : CLOCK.format(t);
    }

    /** {@code 2026-12-07 12:00:01.250 UTC}. */
    static String dateTime(Instant t) {
        return t == null || t.equals(Instant.MAX) ? "—" : DATE_TIME.format(t);
    }

    /** {@code 850 ms}, {@code 2.31 s}, {@code 4 min 0.51 s}, {@code 2 h 0 min}. */
    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
        }
        if (ms < 3_600_000) {
            return String.format(Locale.ROOT, "%d min %.2f s", ms / 60_000, ms % 60_000 / 1000.0).replace(" 0.00 s", "");
        }
        return String.format(Locale.ROOT, "%d h %d min", ms / 3_600_000, ms % 3_600_000 / 60_000);
    }

    /** {@code 12.31 ms}: a duration a REPORT line gives. */
    static String millis(double ms) {
        return String.format(Locale.ROOT, "%.2f ms", ms);
    }

    /** A payload as it reads best: indented when it is a whole JSON document, as it is otherwise (a cut summary, text). */
    static String payload(String s) {
        String t = s.strip();
        if (t.startsWith("{") || t.startsWith("[")) {
            try {
                JsonNode n = JSON.readTree(t);
                return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n);
            } catch (JsonProcessingException e) {
                return s; // cut at the trail's 200 characters, or not JSON
            }
        }
        return s;
    }

    /** At most {@code max} characters, with an ellipsis when cut. */
    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
