package io.eventharness.harness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.eventharness.harness.Cloud;
import io.eventharness.harness.DeployedFunction;
import io.eventharness.harness.EventHarness;
import io.eventharness.harness.Harness;
import io.eventharness.harness.PythonFunction;
import io.eventharness.harness.observe.AwaitTimeout;
import io.eventharness.harness.report.ReportLink;
import io.eventharness.harness.report.Reports;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The per-test report as files: every test of a run gets a page and a line in the run's index, a failed one's failure
 * links its page, and the mode ({@code harness.report}) turns that down to failures only, or off.
 */
@EventHarness
class ReportTest {

    /**
     * A failing upload flow, the report's showcase (the browser test renders it, the README's screenshot shows it): a
     * topic delivers to a queue, a function fails three times (once, then its two retries when the clock moves), its
     * event lands in its dead-letter queue, and the thumbnail the test waits for never comes.
     */
    @Example
    @EventHarness
    static class FailingUpload {
        @Test
        void thumbnailNeverArrives(Cloud cloud) {
            String failed = cloud.sqs().createQueue(b -> b.queueName(cloud.name("failed-events"))).queueUrl();
            DeployedFunction fn = cloud.deploy(PythonFunction.from("src/test/resources/functions/thumbnailer")
                    .handler("handler.handle").named("thumbnailer").deadLetterTo(arn(cloud, failed)));
            String uploads = cloud.sns().createTopic(b -> b.name(cloud.name("uploads"))).topicArn();
            String audit = cloud.sqs().createQueue(b -> b.queueName(cloud.name("audit"))).queueUrl();
            cloud.wire().snsToSqs(uploads, audit, false);
            cloud.sns().publish(b -> b.topicArn(uploads).message("{\"key\": \"cat.png\"}"));
            fn.invokeAsync("{\"key\": \"cat.png\"}");
            cloud.logsOf(fn).await().invocations(1);
            cloud.advance(Duration.ofMinutes(4)); // its two retries, then the dead-letter queue
            String thumbnails = cloud.sqs().createQueue(b -> b.queueName(cloud.name("thumbnails"))).queueUrl();
            cloud.queue(thumbnails).await().atMost(Duration.ofMillis(300)).message();
        }

        private static String arn(Cloud cloud, String queueUrl) {
            return cloud.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
        }
    }

    /** One test passes, one fails an assertion (no wait: its failure has no story of its own). */
    @Example
    @EventHarness
    static class OnePassesOneFails {
        @Test
        void createsAQueue(Cloud cloud) {
            assertThat(cloud.sqs().createQueue(b -> b.queueName(cloud.name("orders"))).queueUrl()).endsWith("-orders");
        }

        @Test
        void failsAnAssertion(Cloud cloud) {
            cloud.sqs().createQueue(b -> b.queueName(cloud.name("orders")));
            assertThat(1 + 1).as("arithmetic").isEqualTo(3);
        }
    }

    /** The same two, for the runs with another mode. */
    @Example
    @EventHarness
    static class OnFailureOnly extends OnePassesOneFails {
    }

    @Example
    @EventHarness
    static class Quiet extends OnePassesOneFails {
    }

    /** Runs example classes with this report mode (whatever -Dharness.report says for the build). */
    static EngineExecutionResults run(String mode, Class<?> c) {
        return TestKit.embedded().configurationParameter("harness.report", mode).selectors(selectClass(c)).execute();
    }

    /** The report of a failed test, from the last line of its failure. */
    static Path reportOf(Throwable failure) {
        String link = String.valueOf(failure.getMessage()).lines().filter(l -> l.startsWith("report: ")).reduce((a, b) -> b)
                .or(() -> Stream.of(failure.getSuppressed()).filter(ReportLink.class::isInstance).map(Throwable::getMessage).findFirst())
                .orElseThrow(() -> new AssertionError("no report link in " + failure));
        return Path.of(URI.create(link.substring("report: ".length())));
    }

    static Throwable onlyFailure(EngineExecutionResults results) {
        List<Event> failed = results.testEvents().failed().list();
        assertThat(failed).hasSize(1);
        return TestKit.failureOf(failed.get(0));
    }

    @Test
    void aFailedWaitEndsWithTheLinkToItsReportWhichDrawsWhatHappened(Harness harness) throws IOException {
        Throwable t = onlyFailure(run("always", FailingUpload.class));
        assertThat(t).isInstanceOf(AwaitTimeout.class);
        List<String> lines = t.getMessage().lines().toList();
        assertThat(lines.get(lines.size() - 1)).startsWith("report: file:///").endsWith("ReportTest.FailingUpload.thumbnailNeverArrives_Cloud_.html");
        assertThat(t.getSuppressed()).as("the message has the link already").isEmpty();

        Path report = reportOf(t);
        assertThat(report.getParent()).isEqualTo(Reports.of(harness.runPrefix()).directory());
        assertThat(report.getParent().getParent()).as("under the module's target/").isEqualTo(Path.of("target", "event-harness").toAbsolutePath());
        String html = Files.readString(report);
        assertThat(html).contains("<title>FAILED · ReportTest.FailingUpload › thumbnailNeverArrives(Cloud)</title>")
                .contains(">thumbnailer</span>").contains(">uploads</span>").contains(">audit</span>").contains(">failed-events</span>")
                .contains("sns:Notification").contains("lambda:InvokeAsync").contains("lambda:Retry").contains("lambda:DeadLetter")
                .contains(">clock +4 min<")
                .contains("ValueError: no thumbnail for cat.png").contains("making a thumbnail of cat.png")
                .contains("Timed out after 300 ms waiting for 1 message(s)");
        assertThat(html.split("<details class=\"row invocation bad", -1)).as("three failed invocations: the first, two retries").hasSize(4);
        assertThat(Files.readString(report.resolveSibling("index.html")))
                .contains("ReportTest.FailingUpload › <b>thumbnailNeverArrives(Cloud)</b>")
                .contains("<a href=\"" + report.getFileName() + "\">report</a>");
    }

    @Test
    void everyTestGetsAReportAndAnyFailureGetsTheLink(Harness harness) throws IOException {
        Throwable t = onlyFailure(run("always", OnePassesOneFails.class));
        assertThat(t.getMessage()).doesNotContain("report: ");
        assertThat(t.getSuppressed()).singleElement().isInstanceOf(ReportLink.class).asString().startsWith("report: file:///");
        assertThat(Files.readString(reportOf(t))).contains("[arithmetic]").contains("class=\"badge failed\"");

        Path passed = reportNamed(harness, "OnePassesOneFails.createsAQueue");
        assertThat(Files.readString(passed)).contains("class=\"badge passed\"").doesNotContain("id=\"failure\"");
        assertThat(Files.readString(passed.resolveSibling("index.html")))
                .contains("<a href=\"" + passed.getFileName() + "\">report</a>");
    }

    @Test
    void onFailureOnlyWritesTheFailedTestsReportAndStillListsBoth(Harness harness) throws IOException {
        Throwable t = onlyFailure(run("on-failure", OnFailureOnly.class));
        assertThat(Files.exists(reportOf(t))).isTrue();
        assertThat(reportsNamed(harness, "OnFailureOnly.createsAQueue")).isEmpty();
        assertThat(Files.readString(Reports.of(harness.runPrefix()).index()))
                .contains("OnFailureOnly › <b>createsAQueue(Cloud)</b>").contains("OnFailureOnly › <b>failsAnAssertion(Cloud)</b>");
    }

    @Test
    void offWritesNothingAndLinksNothing(Harness harness) throws IOException {
        Throwable t = onlyFailure(run("off", Quiet.class));
        assertThat(t.getSuppressed()).isEmpty();
        assertThat(reportsNamed(harness, "Quiet.")).isEmpty();
        Path index = Reports.of(harness.runPrefix()).index();
        if (Files.exists(index)) { // else no test of this run has ended yet
            assertThat(Files.readString(index)).doesNotContain("Quiet");
        }
    }

    @Test
    void anUnknownModeFailsEachTestNamingTheModes() {
        List<Event> failed = run("sometimes", Quiet.class).testEvents().failed().list();
        assertThat(failed).hasSize(2).allSatisfy(e -> assertThat(TestKit.failureOf(e))
                .hasMessage("harness.report=sometimes is not a report mode: use always, on-failure, off"));
    }

    static List<Path> reportsNamed(Harness harness, String part) throws IOException {
        Path dir = Reports.of(harness.runPrefix()).directory();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().contains(part)).toList();
        }
    }

    static Path reportNamed(Harness harness, String part) throws IOException {
        List<Path> found = reportsNamed(harness, part);
        assertThat(found).as("reports named *%s*", part).hasSize(1);
        return found.get(0);
    }
}
