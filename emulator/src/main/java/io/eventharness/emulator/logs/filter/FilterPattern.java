package io.eventharness.emulator.logs.filter;

/**
 * A CloudWatch Logs filter pattern (user guide, "Filter pattern syntax for metric filters,
 * subscription filters, filter log events, and Live Tail"), as FilterLogEvents applies it:
 * <ul>
 *   <li>terms: {@code ERROR Exception} (all must occur, case-sensitive), {@code "exact phrase"},
 *       {@code ?ERROR ?WARN} (at least one), {@code -DEBUG} (must not occur), {@code %regex%};</li>
 *   <li>JSON: {@code { $.level = "ERROR" && ($.latency > 100 || $.retry IS TRUE) }}, with
 *       {@code = != < <= > >=}, {@code *} wildcards in strings, {@code %regex%}, {@code IS NULL},
 *       {@code IS TRUE}, {@code IS FALSE}, {@code NOT EXISTS}, array indexes {@code $.a[0]} and {@code $.a[*]};</li>
 *   <li>space-delimited: {@code [ip, user, ..., status_code = 4*, bytes > 1000]}: fields split at
 *       spaces, text in {@code "…"} or {@code […]} being one field; {@code ...} stands for any number
 *       of fields.</li>
 * </ul>
 * An empty pattern (or {@code ""}) matches every event.
 *
 * <pre>{@code
 * FilterPattern p = FilterPattern.parse("{ $.level = \"ERROR\" }");
 * p.matches("{\"level\":\"ERROR\"}"); // true
 * }</pre>
 */
public interface FilterPattern {

    /** Whether a log event's message matches. */
    boolean matches(String message);

    /** Parses a pattern; a malformed one raises {@link FilterPatternException}. */
    static FilterPattern parse(String pattern) {
        String p = pattern == null ? "" : pattern.trim();
        if (p.isEmpty()) {
            return message -> true;
        }
        if (p.charAt(0) == '{') {
            return JsonPattern.parse(p);
        }
        if (p.charAt(0) == '[') {
            return DelimitedPattern.parse(p);
        }
        return TextPattern.parse(p);
    }
}
