package io.eventharness.harness.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Waits on a function's log group, for lines and finished invocations.
 *
 * <pre>{@code
 * cloud.logsOf(fn).await().contains("x = 10");
 * List<Invocation> two = cloud.logsOf(fn).await().atMost(Duration.ofSeconds(30)).invocations(2);
 * }</pre>
 */
public final class LogWaits extends Waits<LogWaits> {
    private final LogView log;

    LogWaits(LogView log, Await await) {
        super(await);
        this.log = log;
    }

    @Override
    protected LogWaits with(Await await) {
        return new LogWaits(log, await);
    }

    /** The first line containing {@code text}. */
    public LogLine contains(String text) {
        return matching("a line containing \"" + text + "\"", l -> l.message().contains(text));
    }

    /** Waits until every text appears in some line; returns all lines. */
    public List<LogLine> containsAll(String... texts) {
        return await().until("the log of " + log.group() + " to contain " + String.join(", ", quoted(texts)), log::lines,
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
        return await().until(n + " invocation(s) of " + log.group(), log::invocations, inv -> inv.size() >= n,
                inv -> inv.size() + " invocation(s)" + (inv.isEmpty() ? "" : ":\n    " + String.join("\n    ",
                        inv.stream().map(i -> i.toString().replace("\n", "\n    ")).toList())));
    }

    private LogLine matching(String what, Predicate<LogLine> p) {
        List<LogLine> lines = await().until(what + " in " + log.group(), log::lines,
                ls -> ls.stream().anyMatch(p), LogView::describe);
        return lines.stream().filter(p).findFirst().orElseThrow();
    }

    private static List<String> quoted(String[] texts) {
        List<String> out = new ArrayList<>();
        for (String t : texts) {
            out.add("\"" + t + "\"");
        }
        return out;
    }
}
