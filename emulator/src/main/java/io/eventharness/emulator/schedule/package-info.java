/**
 * Schedule expressions and the clock-driven machinery that EventBridge rules and EventBridge Scheduler share,
 * kept apart so that neither service imports the other.
 *
 * <ul>
 *   <li>{@link io.eventharness.emulator.schedule.ScheduleExpression} — {@code rate(...)}, {@code cron(...)} and
 *       {@code at(...)}, parsed and validated as AWS documents them
 *       (<a href="https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html">rules</a>,
 *       <a href="https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html">Scheduler</a>);</li>
 *   <li>{@link io.eventharness.emulator.schedule.AwsCron} — AWS's six-field cron over cron-utils, with AWS's
 *       rules on top (one day field must be {@code ?});</li>
 *   <li>{@link io.eventharness.emulator.schedule.Occurrences} — when an expression falls due, in a time zone, with
 *       Scheduler's daylight-saving rules (a local time that does not exist is skipped, one that happens twice
 *       fires once);</li>
 *   <li>{@link io.eventharness.emulator.schedule.Recurrence} — fires each occurrence on the emulator's clock and
 *       then schedules the next one (no polling);</li>
 *   <li>{@link io.eventharness.emulator.schedule.Retries} — a target call retried on the clock with exponential
 *       back-off under a {@link io.eventharness.emulator.schedule.RetryPolicy}, then handed to the caller's
 *       dead-letter step.</li>
 * </ul>
 *
 * <p>Differences from AWS: AWS invokes within the minute a schedule falls due ("60 second precision"); here an
 * occurrence fires exactly at its due time, which makes tests exact. The back-off has no jitter (see
 * {@link io.eventharness.emulator.schedule.Retries#delayBefore}).
 *
 * <p><b>May import:</b> {@code core}.
 */
package io.eventharness.emulator.schedule;
