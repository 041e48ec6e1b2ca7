package io.eventharness.emulator.lambda.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A stream lane's retry intervals: 1 s doubling up to a minute, earlier when records would age out, never in the past. */
class RetryBackoffTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theDelayDoublesPerFailureUpToAMinute() {
        assertThat(RetryBackoff.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryBackoff.delay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryBackoff.delay(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(RetryBackoff.delay(7)).isEqualTo(Duration.ofMinutes(1));
        assertThat(RetryBackoff.delay(500)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void theRetryIsDueAfterTheAttemptEarlierWhenRecordsAgeOutNeverBeforeNow() {
        Instant attempted = NOW.minusMillis(300);
        assertThat(RetryBackoff.due(2, attempted, null, NOW)).isEqualTo(attempted.plusSeconds(2));
        assertThat(RetryBackoff.due(2, null, null, NOW)).isEqualTo(NOW.plusSeconds(2));
        assertThat(RetryBackoff.due(2, attempted, NOW.plusMillis(500), NOW)).isEqualTo(NOW.plusMillis(500));
        assertThat(RetryBackoff.due(1, NOW.minusSeconds(5), null, NOW)).isEqualTo(NOW);
    }

    @Test
    void anAttemptRunLateCountsFromWhenItWasDueWithinASecond() {
        assertThat(RetryBackoff.attemptedAt(NOW.minusMillis(400), NOW)).isEqualTo(NOW.minusMillis(400));
        assertThat(RetryBackoff.attemptedAt(NOW, NOW)).isEqualTo(NOW);
        assertThat(RetryBackoff.attemptedAt(NOW.minusSeconds(2), NOW)).isEqualTo(NOW);
        assertThat(RetryBackoff.attemptedAt(NOW.plusMillis(1), NOW)).isEqualTo(NOW);
        assertThat(RetryBackoff.attemptedAt(null, NOW)).isEqualTo(NOW);
    }
}
