package io.eventharness.harness.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.harness.EventHarness;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The report of a failing scenario ({@link ReportTest.FailingUpload}) as headless Chromium renders it: asserted on the
 * page after its script ran — the lifelines laid out in a row, each arrow drawn from its caller's lifeline to its
 * target's, the invocations' log lines shown when a row is opened, the filter hiding what went well — and on a
 * screenshot. The screenshot goes to {@code target/report-screenshot.png}; {@code -Deventharness.reportScreenshot=PATH}
 * writes it there instead (the README's: {@code ../docs/report-screenshot.png} from the harness module).
 */
@EventHarness
class ReportBrowserTest {
    static final int WIDTH = 1360;
    static final int HEIGHT = 1500;

    @Test
    void theFailingScenariosReportRendersAsASequenceDiagram() throws Exception {
        Chromium.binary(); // before the scenario runs: a missing browser fails (or skips) at once
        Path report = ReportTest.reportOf(ReportTest.onlyFailure(ReportTest.run("always", ReportTest.FailingUpload.class)));
        try (Chromium browser = Chromium.start(WIDTH, HEIGHT)) {
            browser.open(report.toUri());
            assertThat(browser.eval("document.title").asText()).startsWith("FAILED · ReportTest.FailingUpload › thumbnailNeverArrives");
            assertThat(browser.eval("getComputedStyle(document.querySelector('.tools')).display").asText())
                    .as("the page's script ran: its tools show").isEqualTo("flex");
            assertThat(browser.eval("performance.getEntriesByType('resource').length").asInt()).as("nothing fetched").isZero();

            JsonNode heads = browser.eval("[...document.querySelectorAll('.lifeline')].map(h => { const r = h.getBoundingClientRect();"
                    + " return {label: h.lastChild.textContent, kind: h.className.split(' ')[1], x: r.left + r.width / 2, y: r.top, w: r.width}; })");
            assertThat(heads).extracting(h -> h.path("label").asText())
                    .containsExactly("uploads", "audit", "Invoke API", "thumbnailer", "failed-events");
            for (int i = 1; i < heads.size(); i++) {
                assertThat(heads.get(i).path("x").asDouble() - heads.get(i - 1).path("x").asDouble()).as("lifelines side by side")
                        .isCloseTo(150, org.assertj.core.data.Offset.offset(1.0));
                assertThat(heads.get(i).path("y").asDouble()).isEqualTo(heads.get(0).path("y").asDouble());
                assertThat(heads.get(i).path("w").asDouble()).isGreaterThan(100);
            }

            // the first invocation's arrow runs from Invoke API's lifeline to the function's, left to right
            JsonNode arrow = browser.eval("(() => { const row = document.querySelector('details.row.invocation');"
                    + " const a = row.querySelector('.arrow').getBoundingClientRect(); const act = row.querySelector('.act').getBoundingClientRect();"
                    + " return {left: a.left, right: a.right, height: a.height, act: act.left + act.width / 2, what: row.querySelector('.what').innerText}; })()");
            assertThat(arrow.path("left").asDouble()).isCloseTo(heads.get(2).path("x").asDouble(), org.assertj.core.data.Offset.offset(2.0));
            assertThat(arrow.path("right").asDouble()).isCloseTo(heads.get(3).path("x").asDouble(), org.assertj.core.data.Offset.offset(2.0));
            assertThat(arrow.path("act").asDouble()).as("the activation on the function's lifeline")
                    .isCloseTo(heads.get(3).path("x").asDouble(), org.assertj.core.data.Offset.offset(2.0));
            assertThat(arrow.path("what").asText()).startsWith("ERROR cold").contains("ValueError: no thumbnail for cat.png");

            // closed, an invocation's row is one line and its log lines are not shown; opened by a click, they are
            String row = "document.querySelector('details.row.invocation')";
            double closed = browser.eval(row + ".getBoundingClientRect().height").asDouble();
            assertThat(closed).isBetween(30.0, 60.0);
            assertThat(browser.eval(row + ".querySelector('.log').checkVisibility()").asBoolean()).isFalse();
            browser.eval(row + ".querySelector('summary').click()");
            assertThat(browser.eval(row + ".open").asBoolean()).isTrue();
            assertThat(browser.eval(row + ".getBoundingClientRect().height").asDouble()).isGreaterThan(closed + 100);
            assertThat(browser.eval(row + ".querySelector('.log').checkVisibility()").asBoolean()).isTrue();
            assertThat(browser.eval(row + ".querySelector('.log').innerText").asText()).contains("making a thumbnail of cat.png");
            assertThat(browser.eval(row + ".querySelector('.error').innerText").asText()).contains("ValueError: no thumbnail for cat.png");

            JsonNode clock = browser.eval("(() => { const b = document.querySelector('details.row.clock .band').getBoundingClientRect();"
                    + " return {w: b.width, text: document.querySelector('details.row.clock').innerText}; })()");
            assertThat(clock.path("w").asDouble()).as("the clock move spans the lifelines").isGreaterThan(4 * 150);
            assertThat(clock.path("text").asText()).contains("clock +4 min").contains("cloud.advance(PT4M)");

            assertThat(browser.eval("document.querySelectorAll('details.row:not([hidden])').length").asInt()).isGreaterThan(6);
            browser.eval("document.getElementById('only-problems').click()");
            JsonNode shown = browser.eval("[...document.querySelectorAll('details.row')].filter(d => d.getBoundingClientRect().height > 0)"
                    + ".map(d => d.className)");
            assertThat(shown).isNotEmpty().allSatisfy(c -> assertThat(c.asText()).contains(" bad"));
            browser.eval("document.getElementById('only-problems').click()");

            browser.open(report.resolveSibling("index.html").toUri());
            assertThat(browser.eval("document.getElementById('summary').textContent").asText())
                    .as("the index's script counted its rows").matches("\\d+ test\\(s\\): \\d+ passed, [1-9]\\d* failed, \\d+ aborted");
            assertThat(browser.eval("document.title").asText()).startsWith("FAILED · Event Harness run ");
            assertThat(browser.eval("[...document.querySelectorAll('tr.failed a')].map(a => a.href)"))
                    .extracting(JsonNode::asText).contains(report.toUri().toString());

            browser.open(report.toUri());
            browser.eval("document.querySelector('details.row.invocation > summary').click()");
            byte[] png = browser.screenshot();
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image.getWidth()).isEqualTo(WIDTH);
            assertThat(image.getHeight()).isEqualTo(HEIGHT);
            assertThat(png.length).as("a page with content, not a blank one").isGreaterThan(40_000);
            Path out = Path.of(System.getProperty("eventharness.reportScreenshot", "target/report-screenshot.png"));
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.write(out, png);
        }
    }
}
