package io.eventharness.harness;

import io.eventharness.harness.report.ReportLink;
import io.eventharness.harness.report.ReportMode;
import io.eventharness.harness.report.Reports;
import io.eventharness.harness.report.TestResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extension's side of the per-test report: when a test starts, plan its page (and tell its Cloud, which records
 * the clock moves and ends its failures' story with the link); when it ends, before its Cloud tears down, write the
 * page and the run's index. A report that cannot be written is logged at WARN; it never fails the test.
 */
final class TestReports {
    private static final Logger LOG = LoggerFactory.getLogger(TestReports.class);

    /**
     * A test's report, planned when it starts.
     *
     * @param since   the backend's time then: the invocations and log lines from then on are the test's
     * @param started {@link System#nanoTime()} then, for the test's duration
     */
    record Plan(Path file, ReportMode mode, Instant since, long started) {
    }

    private TestReports() {
    }

    /** The mode of this run: the configuration parameter (or system property) {@code harness.report}, else {@code HARNESS_REPORT}. */
    static ReportMode mode(ExtensionContext context) {
        return context.getConfigurationParameter(ReportMode.PROPERTY).filter(v -> !v.isBlank())
                .or(() -> Optional.ofNullable(System.getenv("HARNESS_REPORT")).filter(v -> !v.isBlank()))
                .map(ReportMode::parse).orElse(ReportMode.ALWAYS);
    }

    static void started(ExtensionContext context, Cloud cloud) {
        ReportMode mode = mode(context);
        if (mode == ReportMode.OFF) {
            return;
        }
        long started = System.nanoTime();
        Path file = Reports.of(cloud.harness().runPrefix()).fileFor(cloud.testId(), className(context), testName(context));
        cloud.reportTo(new Plan(file, mode, cloud.backend().now(), started));
    }

    static void ended(ExtensionContext context, Cloud cloud) {
        Plan plan = cloud == null ? null : cloud.reportPlan();
        if (plan == null) {
            return;
        }
        Throwable failure = context.getExecutionException().orElse(null);
        TestResult result = new TestResult(className(context), testName(context), Duration.ofNanos(System.nanoTime() - plan.started()),
                failure, Instant.now());
        Reports reports = Reports.of(cloud.harness().runPrefix());
        boolean write = plan.mode().writes(result.outcome());
        try {
            if (write) {
                reports.write(plan.file(), result, cloud.scene());
                if (result.outcome() == TestResult.Outcome.FAILED && !String.valueOf(failure.getMessage()).contains(ReportLink.line(plan.file()))) {
                    failure.addSuppressed(new ReportLink(plan.file()));
                }
            }
            reports.ended(result, write ? plan.file() : null);
        } catch (Exception | LinkageError e) {
            LOG.warn("Event Harness could not write the report of {} to {}: {}", result.fullName(), plan.file(), e.toString(), e);
        }
    }

    /** The test class without its package, nested classes joined with dots: {@code FailureStoryTest.BrokenThumbnailer}. */
    static String className(ExtensionContext context) {
        String name = context.getRequiredTestClass().getName();
        return name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
    }

    /** The test's display name, after its method's for a parameterized or repeated test ({@code trivial(int) [3] 2}). */
    static String testName(ExtensionContext context) {
        Optional<ExtensionContext> parent = context.getParent().filter(p -> p.getTestMethod().isPresent());
        return parent.map(p -> p.getDisplayName() + " " + context.getDisplayName()).orElse(context.getDisplayName());
    }
}
