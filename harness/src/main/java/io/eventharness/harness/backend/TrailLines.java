package io.eventharness.harness.backend;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One hop of the emulator's event trail as the story tells it, whether read in the JVM or over HTTP. */
final class TrailLines {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private TrailLines() {
    }

    /** {@code 12:00:01.250  sns:Publish  arn:...:alerts -> arn:...:inbox  [ok]  {"order": 42}}. */
    static String format(Instant at, String kind, String source, String target, String outcome, String summary) {
        return TIME.format(at) + "  " + kind + "  " + source + " -> " + target + "  [" + outcome + "]"
                + (summary == null || summary.isEmpty() ? "" : "  " + summary);
    }
}
