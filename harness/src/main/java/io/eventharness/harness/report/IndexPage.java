package io.eventharness.harness.report;

import static io.eventharness.harness.report.Html.text;

import java.time.temporal.ChronoUnit;

/**
 * A run's index: one line per test that ended (name, outcome, duration, its report), in the order they ended. Written
 * as a head once, then a row appended per test, so that a run of thousands of tests costs one short append per test;
 * the page's script counts the rows into the summary when it loads (the table is the same without it).
 */
final class IndexPage {
    private IndexPage() {
    }

    /** Everything above the first row. */
    static String head(String run) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Event Harness run " + text(run)
                + "</title>\n<style>" + Assets.CSS + "</style>\n<script>" + Assets.INDEX_JS + "</script></head>\n<body>\n"
                + "<header><h1>Event Harness run " + text(run) + "</h1><p class=\"meta\" id=\"summary\">the tests of this run, "
                + "in the order they ended</p></header>\n<table class=\"index\"><thead><tr><th>#</th><th>test</th><th>outcome</th>"
                + "<th>duration</th><th>ended (UTC)</th><th>report</th></tr></thead><tbody>\n";
    }

    /**
     * The row of the {@code n}th test.
     *
     * @param report the report's file name in the run's folder, or null when none was written (passed, on-failure mode)
     */
    static String row(int n, TestResult r, String report) {
        String outcome = r.outcome().label();
        StringBuilder b = new StringBuilder(256);
        b.append("<tr class=\"").append(outcome).append("\"><td>").append(n).append("</td><td>").append(text(r.className()))
                .append(" › <b>").append(text(r.testName())).append("</b>");
        if (r.failure() != null) {
            String first = String.valueOf(r.failure().getMessage()).lines().findFirst().orElse("");
            b.append("<br><small>").append(text(Text.cut(first, 160))).append("</small>");
        }
        b.append("</td><td><span class=\"badge ").append(outcome).append("\">").append(outcome).append("</span></td><td>")
                .append(Text.duration(r.duration())).append("</td><td>").append(Text.clock(r.ended().truncatedTo(ChronoUnit.MILLIS)))
                .append("</td><td>");
        if (report != null) {
            b.append("<a href=\"").append(text(report)).append("\">report</a>");
        }
        return b.append("</td></tr>\n").toString();
    }
}
