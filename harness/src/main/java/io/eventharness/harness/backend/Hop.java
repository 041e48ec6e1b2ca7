package io.eventharness.harness.backend;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One hop of the emulator's event trail, as data: the same whether read in the JVM ({@code Bridge.trailSince}) or over
 * HTTP ({@code /_harness/trail?since=N}). The failure story prints it as one {@link #line()}; the per-test report draws
 * it as an arrow between lifelines.
 *
 * @param seq     the trail's sequence number (a test's hops are those after its mark)
 * @param at      when, on the emulator's clock (moved by {@code cloud.advance})
 * @param source  where the event came from: an ARN, a queue URL, or a name such as {@code Invoke API}
 * @param target  where it went: an ARN, a queue URL, a name
 * @param kind    what kind of hop: {@code sns:Notification}, {@code lambda:InvokeAsync}, {@code sqs:redrive}, ...
 * @param summary the payload's first 200 characters, as the trail keeps them; never null
 * @param outcome how it ended: {@code delivered}, {@code filtered}, {@code ok (cold, request <id>)},
 *                {@code error <type> (warm, request <id>): ...}, {@code failed: <reason>}, ...
 */
public record Hop(long seq, Instant at, String source, String target, String kind, String summary, String outcome) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    /** The request id in an invocation's outcome: {@code ok (cold, request <id>)}, {@code error X (warm, request <id>): ...}. */
    private static final Pattern REQUEST = Pattern.compile("\\((?:cold|warm), request ([^)\\s]+)\\)");

    public Hop {
        summary = summary == null ? "" : summary;
        outcome = outcome == null ? "" : outcome;
    }

    /** A hop as the emulator's {@code Bridge} hands it over: a map of strings. */
    static Hop of(Map<String, String> e) {
        return new Hop(Long.parseLong(e.get("seq")), Instant.parse(e.get("at")), e.get("source"), e.get("target"),
                e.get("kind"), e.get("summary"), e.get("outcome"));
    }

    /**
     * Whether its source, its target or its payload summary (an event whose id or resources name them) is one that
     * {@code concerns} accepts (one of a test's resources, say).
     */
    public boolean involves(Predicate<String> concerns) {
        return concerns.test(source) || concerns.test(target) || concerns.test(summary);
    }

    /** The request id of the invocation this hop ran, when it ran one (its outcome names it). */
    public Optional<String> requestId() {
        Matcher m = REQUEST.matcher(outcome);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** {@code 12:00:01.250  sns:Notification  arn:...:alerts -> arn:...:inbox  [delivered]  {"order": 42}}. */
    public String line() {
        return TIME.format(at) + "  " + kind + "  " + source + " -> " + target + "  [" + outcome + "]"
                + (summary.isEmpty() ? "" : "  " + summary);
    }
}
