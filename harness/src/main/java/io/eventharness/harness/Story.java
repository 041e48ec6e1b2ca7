package io.eventharness.harness;

import io.eventharness.harness.backend.Backend;
import io.eventharness.harness.observe.Invocation;
import io.eventharness.harness.observe.LogLine;
import io.eventharness.harness.observe.LogView;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The story a failed wait tells about one test: the hops between services that concern the test's own
 * resources (names with the test's prefix, or anything its clients created), then, for each function
 * the test created or observed, its invocations (each ok, or failed with its error type, message and the top of
 * its stack trace, a timeout, a crash or running out of memory: see {@link Invocation}) and last log lines. With
 * parallel test classes the backend's trail holds every test's hops; only this test's are told.
 */
final class Story {
    /** What separates the parts of an ARN or URL, and the words of a JSON payload's summary. */
    private static final Pattern SEPARATORS = Pattern.compile("[:/\"\\s,{}\\[\\]]+");

    private Story() {
    }

    /**
     * Whether a hop's source or target (an ARN, a queue URL, a name), or its payload's summary, concerns the test: one
     * of its parts (separated by {@code :}, {@code /}, and in JSON by quotes, commas, braces, brackets and spaces)
     * starts with the test's name prefix or is the name of a resource the test created or the id of an event it put.
     */
    static boolean concerns(String endpoint, String namePrefix, Set<String> createdNames) {
        if (endpoint == null) {
            return false;
        }
        for (String part : SEPARATORS.split(endpoint)) {
            if (part.startsWith(namePrefix) || createdNames.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** The short name of a created resource's id: the last part of a URL or ARN. */
    static String shortName(String id) {
        String[] parts = SEPARATORS.split(id);
        return parts.length == 0 ? id : parts[parts.length - 1];
    }

    /**
     * The story of one test (or class): the trail's hops since {@code trailMark} that {@code concerns} accepts (a
     * source or target among the test's resources, see {@link #concerns}), then each function's invocations and
     * last log lines.
     */
    static String tell(Backend backend, String testName, long trailMark, Predicate<String> concerns,
                       Collection<String> functions, Function<String, LogView> logsOf) {
        StringBuilder b = new StringBuilder();
        if (backend.hasTrail()) {
            List<String> trail = backend.trailSince(trailMark, concerns);
            b.append("Event trail of ").append(testName).append(trail.isEmpty() ? ": nothing was delivered between its resources.\n" : ":\n");
            trail.stream().skip(Math.max(0, trail.size() - 30)).forEach(l -> b.append("    ").append(l).append('\n'));
        } else {
            b.append("Event trail: not available on this backend (").append(backend.name())
                    .append("): only the emulator (embedded, or at an endpoint) records the hops between services.\n");
        }
        for (String fn : functions) {
            List<LogLine> lines;
            try {
                lines = logsOf.apply(fn).lines();
            } catch (RuntimeException e) {
                b.append("Logs of ").append(fn).append(" unreadable: ").append(e).append('\n');
                continue;
            }
            List<Invocation> inv = Invocation.parse(lines);
            b.append("Invocations of ").append(fn).append(inv.isEmpty() ? ": none.\n" : ":\n");
            inv.forEach(i -> b.append("    ").append(i.toString().replace("\n", "\n    ")).append('\n'));
            b.append("Last log lines of ").append(fn).append(lines.isEmpty() ? ": none.\n" : ":\n");
            lines.stream().skip(Math.max(0, lines.size() - 20)).forEach(l -> b.append("    ").append(l.message()).append('\n'));
        }
        return b.toString();
    }
}
