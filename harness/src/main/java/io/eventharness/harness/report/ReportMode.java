package io.eventharness.harness.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * When a test's report is written: {@code always} (the default: each costs a few milliseconds, see
 * {@code docs/benchmarks.md}), {@code on-failure}, or {@code off} (no report, no index, no link in failures). Set by
 * the JUnit configuration parameter or system property {@value #PROPERTY}, else the environment variable
 * {@code HARNESS_REPORT}.
 */
public enum ReportMode {
    ALWAYS, ON_FAILURE, OFF;

    /** The configuration parameter and system property that choose the mode. */
    public static final String PROPERTY = "harness.report";

    /** The mode a value names ({@code always}, {@code on-failure}, {@code off}, in any case); others are refused, naming those. */
    public static ReportMode parse(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (ReportMode m : values()) {
            if (m.name().equals(v)) {
                return m;
            }
        }
        throw new IllegalArgumentException(PROPERTY + "=" + value + " is not a report mode: use "
                + Arrays.stream(values()).map(ReportMode::label).collect(Collectors.joining(", ")));
    }

    /** {@code always}, {@code on-failure}, {@code off}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether a test that ended so gets a report. */
    public boolean writes(TestResult.Outcome outcome) {
        return this == ALWAYS || this == ON_FAILURE && outcome == TestResult.Outcome.FAILED;
    }
}
