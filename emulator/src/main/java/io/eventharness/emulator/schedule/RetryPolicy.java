package io.eventharness.emulator.schedule;

import java.time.Duration;

/**
 * How long a failed target call is retried: at most {@code maximumRetryAttempts} retries (0 to 185), and none once
 * the event is older than {@code maximumEventAge} (60 seconds to 24 hours). Both EventBridge targets and Scheduler
 * default to 185 retries within 24 hours.
 */
public record RetryPolicy(int maximumRetryAttempts, Duration maximumEventAge) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(185, Duration.ofHours(24));

    /** The default with the given members replaced; null keeps the default. */
    public static RetryPolicy of(Integer maximumRetryAttempts, Integer maximumEventAgeInSeconds) {
        return new RetryPolicy(maximumRetryAttempts != null ? maximumRetryAttempts : DEFAULT.maximumRetryAttempts,
                maximumEventAgeInSeconds != null ? Duration.ofSeconds(maximumEventAgeInSeconds) : DEFAULT.maximumEventAge);
    }
}
