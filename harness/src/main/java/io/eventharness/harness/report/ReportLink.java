package io.eventharness.harness.report;

import java.nio.file.Path;

/**
 * The line {@code report: file:///…/test.html} that a failed test's failure gains: added to the failure as a suppressed
 * exception (printed as {@code Suppressed: report: file:///…} under it by Surefire and IDEs) when its message does not
 * already end with it, as an {@code AwaitTimeout}'s does. It has no stack trace of its own.
 */
public final class ReportLink extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReportLink(Path report) {
        super(line(report), null, false, false);
    }

    /** {@code report: file:///…/test.html}. */
    public static String line(Path report) {
        return "report: " + report.toUri();
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
