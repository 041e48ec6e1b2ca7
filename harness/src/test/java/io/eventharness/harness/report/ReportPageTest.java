package io.eventharness.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.harness.backend.Hop;
import io.eventharness.harness.observe.LogLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The pages as text: self-contained, everything from the test escaped, the index one line per test. */
class ReportPageTest {
    static final String HOSTILE = "<script>alert('x')</script>&\u0007";

    static Scene scene() {
        List<LogLine> log = new ArrayList<>();
        TimelineTest.invocation(log, "s1", "req-1", 100, 5.0, "180.5");
        log.add(new LogLine(TimelineTest.T0.plusMillis(103), "s1", HOSTILE));
        return new Scene("embedded", "eh1", true, TimelineTest.T0, List.of(
                new Hop(1, TimelineTest.T0.plusMillis(50), TimelineTest.TOPIC, TimelineTest.QUEUE, "sns:Notification", HOSTILE, "delivered"),
                TimelineTest.hop(2, 110, "Invoke API", TimelineTest.FN, "lambda:Invoke", "ok (cold, request req-1)")),
                List.of(new FunctionLog("eh1-2-thumbnailer", log, null)),
                List.of(new ClockMove(TimelineTest.T0.plusMillis(200), Duration.ofMinutes(4), 2, 2)));
    }

    static TestResult failed() {
        return new TestResult("OrdersIT", "receiptArrives(Cloud)", Duration.ofMillis(1234),
                new AssertionFailedError("Timed out after 300 ms waiting for 1 message(s) " + HOSTILE), Instant.parse("2026-12-07T12:00:02Z"));
    }

    @Test
    void aPageIsSelfContainedAndShowsWhatTheTestDidEscaped() {
        String html = ReportPage.html(failed(), scene());
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").contains("<script>")
                .doesNotContain("<link").doesNotContain(" src=").doesNotContain("http://").doesNotContain("https://")
                .doesNotContain(HOSTILE).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;\\u0007");
        assertThat(html).contains("<title>FAILED · OrdersIT › receiptArrives(Cloud)</title>")
                .contains("class=\"badge failed\"").contains("1.23 s")
                .contains("class=\"lifeline topic\"").contains(">uploads</span>").contains(">thumbnailer</span>")
                .contains(">clock +4 min<").contains("cloud.advance(PT4M)")
                .contains("cold · 5.00 ms (init 180.50 ms) · 40 MB")
                .contains("making a thumbnail of cat.png")
                .contains("<a href=\"index.html\">");
        assertThat(html.split("<details class=\"row ", -1)).as("a row per hop or invocation, and the clock move").hasSize(4);
    }

    @Test
    void theIndexHasALinePerTestAndLinksTheReportsWritten(@TempDir Path dir) throws IOException {
        Reports reports = Reports.in(dir.resolve("run-1"));
        Path page = reports.fileFor("7", "OrdersIT", "receiptArrives(Cloud)");
        assertThat(page.getFileName().toString()).isEqualTo("7-OrdersIT.receiptArrives_Cloud_.html");
        reports.write(page, failed(), scene());
        reports.ended(failed(), page);
        reports.ended(new TestResult("OrdersIT", "storesTheOrder(Cloud)", Duration.ofMillis(80), null, Instant.now()), null);
        reports.ended(new TestResult("OrdersIT", "onAws(Cloud)", Duration.ofMillis(1), new TestAbortedException("no AWS"), Instant.now()), null);

        assertThat(Files.readString(page)).contains("receiptArrives(Cloud)");
        String index = Files.readString(reports.index());
        assertThat(index).startsWith("<!DOCTYPE html>").contains("<title>Event Harness run run-1</title>")
                .contains("<tr class=\"failed\"><td>1</td><td>OrdersIT › <b>receiptArrives(Cloud)</b>")
                .contains("<a href=\"7-OrdersIT.receiptArrives_Cloud_.html\">report</a>")
                .contains("<tr class=\"passed\"><td>2</td><td>OrdersIT › <b>storesTheOrder(Cloud)</b>").contains("80 ms")
                .contains("<tr class=\"aborted\"><td>3</td>")
                .doesNotContain(HOSTILE);
        assertThat(index.split("<tr class=", -1)).as("one row per test").hasSize(4);
        try (var files = Files.list(reports.directory())) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no half-written file left")
                    .containsExactlyInAnyOrder("index.html", "7-OrdersIT.receiptArrives_Cloud_.html");
        }
    }

    @Test
    void theModeIsNamedAsTheReadmeNamesIt() {
        assertThat(ReportMode.parse("on-failure")).isEqualTo(ReportMode.ON_FAILURE);
        assertThat(ReportMode.parse(" OFF ")).isEqualTo(ReportMode.OFF);
        assertThat(ReportMode.ALWAYS.writes(TestResult.Outcome.PASSED)).isTrue();
        assertThat(ReportMode.ON_FAILURE.writes(TestResult.Outcome.PASSED)).isFalse();
        assertThat(ReportMode.ON_FAILURE.writes(TestResult.Outcome.FAILED)).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReportMode.parse("sometimes"))
                .hasMessage("harness.report=sometimes is not a report mode: use always, on-failure, off");
    }
}
