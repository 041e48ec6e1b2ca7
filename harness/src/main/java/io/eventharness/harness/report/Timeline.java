package io.eventharness.harness.report;

import io.eventharness.harness.backend.Hop;
import io.eventharness.harness.observe.Invocation;
import io.eventharness.harness.observe.LogLine;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test's events in time order, on the emulator's clock: the trail's hops, each function's invocations (joined to the
 * hop that ran them by request id: the hop is recorded when an invocation ends, the row stands where it started) and
 * the test's clock moves; and the lifelines they name, in the order first named.
 *
 * <p>An invocation whose hop the trail lacks (every invocation on LocalStack and AWS, which keep no trail) stands alone
 * on its function's lifeline, where its START line puts it. Invocations that started before the test did (a class's
 * function, invoked by an earlier test) are left out.
 */
final class Timeline {
    private static final Pattern START = Pattern.compile("^START RequestId: (\\S+)");

    /** One row of the diagram. */
    sealed interface Row permits HopRow, InvocationRow, ClockRow {
        /** When it happened (an invocation: when it started), on the emulator's clock. */
        Instant time();

        /** Its place on the trail, for rows at the same time. */
        long seq();
    }

    /** A hop that ran no invocation of the test's functions: a delivery, a filter, a retry scheduled, a redrive. */
    record HopRow(Hop hop) implements Row {
        @Override
        public Instant time() {
            return hop.at();
        }

        @Override
        public long seq() {
            return hop.seq();
        }
    }

    /**
     * An invocation of one of the test's functions.
     *
     * @param hop   the trail's hop that ran it (its source is the caller); null when the trail does not show it
     * @param start when its START line was logged; null if the log does not show it
     */
    record InvocationRow(Hop hop, String function, Invocation invocation, Instant start) implements Row {
        @Override
        public Instant time() {
            return start != null ? start : hop != null ? hop.at() : Instant.MAX;
        }

        @Override
        public long seq() {
            return hop != null ? hop.seq() : Long.MAX_VALUE;
        }
    }

    /** A move of the clock, and the hops it fired. */
    record ClockRow(ClockMove move) implements Row {
        @Override
        public Instant time() {
            return move.from();
        }

        @Override
        public long seq() {
            return move.afterSeq();
        }
    }

    private final List<Row> rows;
    private final Lifelines lifelines;
    private final Instant since;

    private Timeline(List<Row> rows, Lifelines lifelines, Instant since) {
        this.rows = rows;
        this.lifelines = lifelines;
        this.since = since;
    }

    /** The timeline of what the test did. */
    static Timeline of(Scene scene) {
        Instant since = scene.since();
        Instant from = since.truncatedTo(ChronoUnit.MILLIS); // log lines carry milliseconds
        Map<String, Deque<InvocationRow>> byRequest = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (FunctionLog f : scene.functions()) {
            Map<String, Deque<Instant>> starts = new HashMap<>();
            for (LogLine l : f.lines()) {
                Matcher m = START.matcher(l.message());
                if (m.find()) {
                    starts.computeIfAbsent(m.group(1), k -> new ArrayDeque<>()).add(l.timestamp());
                }
            }
            for (Invocation i : Invocation.parse(f.lines())) {
                Deque<Instant> s = starts.get(i.requestId());
                Instant start = s == null ? null : s.poll();
                if (start == null || !start.isBefore(from)) {
                    byRequest.computeIfAbsent(i.requestId(), k -> new ArrayDeque<>()).add(new InvocationRow(null, f.name(), i, start));
                }
            }
        }
        for (Hop h : scene.hops()) {
            Deque<InvocationRow> ran = h.requestId().map(byRequest::get).orElse(null);
            InvocationRow inv = ran == null ? null : ran.poll(); // retries of an event keep its request id: in order
            rows.add(inv == null ? new HopRow(h) : new InvocationRow(h, inv.function(), inv.invocation(), inv.start()));
        }
        byRequest.values().forEach(rows::addAll); // invocations the trail does not show
        scene.clockMoves().forEach(m -> rows.add(new ClockRow(m)));
        rows.sort(Comparator.comparing(Row::time).thenComparingLong(Row::seq)
                .thenComparingInt(r -> r instanceof ClockRow ? 1 : 0));

        Lifelines lifelines = new Lifelines(scene.runPrefix());
        for (Row r : rows) {
            if (r instanceof HopRow h) {
                lifelines.lane(h.hop().source());
                lifelines.lane(h.hop().target());
            } else if (r instanceof InvocationRow i) {
                if (i.hop() != null) {
                    lifelines.lane(i.hop().source());
                }
                lifelines.functionLane(i.function());
            }
        }
        scene.functions().forEach(f -> lifelines.functionLane(f.name())); // a function never invoked still has its line
        return new Timeline(List.copyOf(rows), lifelines, since);
    }

    List<Row> rows() {
        return rows;
    }

    List<Lifeline> lifelines() {
        return lifelines.all();
    }

    /** The lane a row starts from: its hop's source; -1 for an invocation the trail does not show, and a clock move. */
    int from(Row r) {
        if (r instanceof HopRow h) {
            return lifelines.lane(h.hop().source());
        }
        return r instanceof InvocationRow i && i.hop() != null ? lifelines.lane(i.hop().source()) : -1;
    }

    /** The lane a row ends on: its hop's target, an invocation's function; -1 for a clock move. */
    int to(Row r) {
        if (r instanceof HopRow h) {
            return lifelines.lane(h.hop().target());
        }
        return r instanceof InvocationRow i ? lifelines.functionLane(i.function()) : -1;
    }

    /** The emulator's time when the test started. */
    Instant since() {
        return since;
    }
}
