package io.eventharness.harness.report;

import java.time.Duration;
import java.time.Instant;
import org.opentest4j.TestAbortedException;

/**
 * How one test ended, for its report and the run's index.
 *
 * @param className the test class, nested classes joined with dots ({@code FailureStoryTest.BrokenThumbnailer})
 * @param testName  the test's display name ({@code thumbnailNeverArrives(Cloud)}, {@code [2] orders.json})
 * @param failure   what it threw (the test, its {@code @BeforeEach} or {@code @AfterEach}), or null
 * @param ended     the wall-clock time it ended
 */
public record TestResult(String className, String testName, Duration duration, Throwable failure, Instant ended) {

    /** Passed, failed (an assertion or any other error) or aborted (an assumption, a missing feature). */
    public enum Outcome {
        PASSED, FAILED, ABORTED;

        /** {@code passed}, {@code failed}, {@code aborted}: as the pages show it and style it. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Outcome outcome() {
        return failure == null ? Outcome.PASSED : failure instanceof TestAbortedException ? Outcome.ABORTED : Outcome.FAILED;
    }

    /** {@code Class › test}. */
    public String fullName() {
        return className + " › " + testName;
    }
}
