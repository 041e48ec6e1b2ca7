/**
 * The per-test HTML report: when a test ends, {@link io.eventharness.harness.report.Reports} writes a self-contained page
 * (CSS and script inline, nothing fetched) to {@code target/event-harness/<run>/}, and the run's {@code index.html} with
 * one line per test. The page draws what the harness knows of the test ({@link io.eventharness.harness.report.Scene}):
 * the trail's hops as a sequence diagram with one lifeline per resource ({@link io.eventharness.harness.report.Lifeline},
 * named short, in first-seen order), each invocation of the test's functions joined to its hop by request id (cold or
 * warm, duration, outcome, its log lines and error), the test's clock moves
 * ({@link io.eventharness.harness.report.ClockMove}), then each function's invocations and log. A failed test's failure
 * links to its page ({@link io.eventharness.harness.report.ReportLink}). When reports are written is the
 * {@link io.eventharness.harness.report.ReportMode}.
 *
 * <p>Imports {@code backend} (the trail's {@code Hop}) and {@code observe} ({@code Invocation}, {@code LogLine}), Jackson
 * (to indent JSON payloads) and opentest4j; nothing of the API above it, which hands it a {@code Scene} and a
 * {@link io.eventharness.harness.report.TestResult}.
 */
package io.eventharness.harness.report;
