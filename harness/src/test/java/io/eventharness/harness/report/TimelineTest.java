package io.eventharness.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.harness.backend.Hop;
import io.eventharness.harness.observe.LogLine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rows in time order: invocations joined to their hops and placed where they started, clock moves among them. */
class TimelineTest {
    static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");
    static final String FN = "arn:aws:lambda:us-east-1:000000000000:function:eh1-2-thumbnailer:$LATEST";
    static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:eh1-2-uploads";
    static final String QUEUE = "arn:aws:sqs:us-east-1:000000000000:eh1-2-audit";

    static Hop hop(long seq, long ms, String source, String target, String kind, String outcome) {
        return new Hop(seq, T0.plusMillis(ms), source, target, kind, "{\"key\": \"cat.png\"}", outcome);
    }

    /** START, a line, END and REPORT of one invocation in stream {@code s}. */
    static void invocation(List<LogLine> log, String stream, String id, long startMs, double durationMs, String init) {
        log.add(new LogLine(T0.plusMillis(startMs), stream, "START RequestId: " + id + " Version: $LATEST"));
        log.add(new LogLine(T0.plusMillis(startMs + 1), stream, "making a thumbnail of cat.png"));
        log.add(new LogLine(T0.plusMillis(startMs + 2), stream, "END RequestId: " + id));
        log.add(new LogLine(T0.plusMillis(startMs + 2), stream, "REPORT RequestId: " + id + "\tDuration: " + durationMs
                + " ms\tBilled Duration: 3 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB" + (init == null ? "" : "\tInit Duration: " + init + " ms")));
    }

    @Test
    void anInvocationStandsWhereItStartedJoinedToTheHopRecordedWhenItEnded() {
        List<LogLine> log = new ArrayList<>();
        invocation(log, "s1", "req-1", 100, 50.0, "180.5");
        Scene scene = new Scene("embedded", "eh1", true, T0, List.of(
                hop(1, 120, TOPIC, QUEUE, "sns:Notification", "delivered"), // while the function ran
                hop(2, 152, "Invoke API", FN, "lambda:Invoke", "ok (cold, request req-1)")),
                List.of(new FunctionLog("eh1-2-thumbnailer", log, null)), List.of());
        Timeline t = Timeline.of(scene);
        assertThat(t.rows()).hasSize(2);
        assertThat(t.rows().get(0)).isInstanceOfSatisfying(Timeline.InvocationRow.class, i -> {
            assertThat(i.invocation().requestId()).isEqualTo("req-1");
            assertThat(i.invocation().cold()).isTrue();
            assertThat(i.hop().seq()).isEqualTo(2);
            assertThat(i.time()).isEqualTo(T0.plusMillis(100));
        });
        assertThat(t.rows().get(1)).isInstanceOf(Timeline.HopRow.class);
        assertThat(t.lifelines()).extracting(Lifeline::label).containsExactly("Invoke API", "thumbnailer", "uploads", "audit");
        assertThat(t.from(t.rows().get(0))).isEqualTo(0);
        assertThat(t.to(t.rows().get(0))).isEqualTo(1);
    }

    /**
     * A stream mapping's hops as the emulator records them: the invocation (joined to its log by request id), the note of
     * what became of the batch, the on-failure record from the function to its queue; a DynamoDB table's stream.
     */
    @Test
    void aStreamMappingsInvocationsNotesAndOnFailureRecordDrawTheStreamTheFunctionAndTheDestination() {
        String stream = "arn:aws:kinesis:us-east-1:000000000000:stream/eh1-2-events";
        String table = "arn:aws:dynamodb:us-east-1:000000000000:table/eh1-2-totals/stream/2026-12-07T12:00:00.000";
        String fn = "arn:aws:lambda:us-east-1:000000000000:function:eh1-2-aggregator";
        List<LogLine> log = new ArrayList<>();
        invocation(log, "s1", "req-1", 100, 5.0, "180.5");
        Scene scene = new Scene("embedded", "eh1", true, T0, List.of(
                hop(1, 106, stream, fn + ":$LATEST", "lambda:EventSourceMapping", "error java.lang.IllegalArgumentException (cold, request req-1)"),
                hop(2, 106, stream, fn, "lambda:EventSourceMapping", "function error java.lang.IllegalArgumentException (request req-1): "
                        + "retries exhausted"),
                hop(3, 107, fn, QUEUE, "lambda:EventSourceMapping:OnFailure", "delivered"),
                hop(4, 200, table, fn + ":$LATEST", "lambda:EventSourceMapping", "ok (warm, request req-2)")),
                List.of(new FunctionLog("eh1-2-aggregator", log, null)), List.of());
        Timeline t = Timeline.of(scene);
        assertThat(t.lifelines()).extracting(Lifeline::kind, Lifeline::label).containsExactly(
                org.assertj.core.groups.Tuple.tuple("stream", "events"), org.assertj.core.groups.Tuple.tuple("function", "aggregator"),
                org.assertj.core.groups.Tuple.tuple("queue", "audit"), org.assertj.core.groups.Tuple.tuple("table", "totals"));
        assertThat(t.rows().get(0)).isInstanceOfSatisfying(Timeline.InvocationRow.class, i -> {
            assertThat(i.invocation().requestId()).isEqualTo("req-1");
            assertThat(i.hop().seq()).isEqualTo(1);
        });
        assertThat(t.rows()).filteredOn(r -> r instanceof Timeline.HopRow h && h.hop().kind().endsWith(":OnFailure")).singleElement()
                .satisfies(r -> {
                    assertThat(t.from(r)).isEqualTo(1);
                    assertThat(t.to(r)).isEqualTo(2);
                });
    }

    @Test
    void retriesKeepTheirRequestIdAndAClockMoveStandsBeforeWhatItFired() {
        List<LogLine> log = new ArrayList<>();
        invocation(log, "s1", "req-1", 100, 5.0, "180.5");
        invocation(log, "s1", "req-1", 60_200, 3.0, null);
        invocation(log, "s1", "req-1", 180_200, 3.0, null);
        Scene scene = new Scene("embedded", "eh1", true, T0, List.of(
                hop(1, 110, "Invoke API", FN, "lambda:InvokeAsync", "error ValueError (cold, request req-1): no thumbnail"),
                hop(2, 111, "Invoke API", FN, "lambda:Retry", "next attempt at ... (retry 1 of 2 after ValueError)"),
                hop(3, 60_210, "Invoke API", FN, "lambda:InvokeAsync", "error ValueError (warm, request req-1): no thumbnail"),
                hop(4, 60_211, "Invoke API", FN, "lambda:Retry", "next attempt at ... (retry 2 of 2 after ValueError)"),
                hop(5, 180_210, "Invoke API", FN, "lambda:InvokeAsync", "error ValueError (warm, request req-1): no thumbnail"),
                hop(6, 180_211, FN, QUEUE, "lambda:DeadLetter", "delivered")),
                List.of(new FunctionLog("eh1-2-thumbnailer", log, null)),
                List.of(new ClockMove(T0.plusMillis(200), Duration.ofMinutes(4), 2, 6)));
        Timeline t = Timeline.of(scene);
        assertThat(t.rows()).extracting(r -> r.getClass().getSimpleName() + (r instanceof Timeline.InvocationRow i
                ? (i.invocation().cold() ? " cold" : " warm") + " #" + i.hop().seq() : "")).containsExactly(
                "InvocationRow cold #1", "HopRow", "ClockRow", "InvocationRow warm #3", "HopRow", "InvocationRow warm #5", "HopRow");
    }

    @Test
    void invocationsTheTrailDoesNotShowStandAloneAndThoseBeforeTheTestAreLeftOut() {
        List<LogLine> log = new ArrayList<>();
        invocation(log, "s1", "earlier", 100, 5.0, "180.5"); // an earlier test's, of a class's function
        invocation(log, "s1", "mine", 5_000, 3.0, null);
        Scene scene = new Scene("localstack", "eh1", false, T0.plusSeconds(1), List.of(),
                List.of(new FunctionLog("eh1-2-thumbnailer", log, null)), List.of());
        Timeline t = Timeline.of(scene);
        assertThat(t.rows()).singleElement().isInstanceOfSatisfying(Timeline.InvocationRow.class, i -> {
            assertThat(i.invocation().requestId()).isEqualTo("mine");
            assertThat(i.hop()).isNull();
        });
        assertThat(t.from(t.rows().get(0))).as("no caller").isEqualTo(-1);
        assertThat(t.lifelines()).extracting(Lifeline::label).containsExactly("thumbnailer");
    }
}
