package io.eventharness.emulator.lambda.mappings;

import java.time.Duration;
import java.time.Instant;

/**
 * When a stream lane's failed batch is tried again (AWS does not publish its intervals): {@value #FIRST_BACKOFF_MS} ms
 * after the attempt, doubling with each failure up to a minute; earlier when the batch's first record would get past
 * {@code MaximumRecordAgeInSeconds} before then; never before now. An attempt run late (the clock moved past its retry)
 * counts its next back-off from when it was due. Pure: the lane gives it the times.
 */
final class RetryBackoff {
    static final long FIRST_BACKOFF_MS = 1000;
    static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private RetryBackoff() {
    }

    /** The back-off after {@code failures} failed attempts (1 or more). */
    static Duration delay(int failures) {
        return Duration.ofMillis(Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF_MS << Math.min(20, Math.max(0, failures - 1))));
    }

    /**
     * When the retry is due: {@link #delay} after {@code attemptedAt} (now when null), no later than {@code tooOld}
     * (null when records do not age out), no earlier than now.
     */
    static Instant due(int failures, Instant attemptedAt, Instant tooOld, Instant now) {
        Instant due = (attemptedAt != null ? attemptedAt : now).plus(delay(failures));
        if (tooOld != null && tooOld.isBefore(due)) {
            due = tooOld;
        }
        return due.isBefore(now) ? now : due;
    }

    /** When an attempt starting now counts as made: when its retry was due if it runs late by under a second, else now. */
    static Instant attemptedAt(Instant retryDue, Instant now) {
        return retryDue != null && retryDue.isAfter(now.minusSeconds(1)) && !retryDue.isAfter(now) ? retryDue : now;
    }
}
