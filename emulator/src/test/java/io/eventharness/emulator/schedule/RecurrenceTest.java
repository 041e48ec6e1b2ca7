package io.eventharness.emulator.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.schedule.ScheduleExpression.Dialect;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Occurrences fire on the clock exactly when due, each scheduling the next; the retries' back-off. */
class RecurrenceTest {
    private final EmulatorClock clock = new EmulatorClock();
    private final List<Instant> fired = new CopyOnWriteArrayList<>();
    private final List<Instant> firedAt = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        clock.close();
    }

    private Recurrence daily() {
        Occurrences o = Occurrences.of(ScheduleExpression.parse("cron(0 0 * * ? *)", Dialect.RULE), ZoneOffset.UTC, null, false);
        return Recurrence.start(clock, o, clock.now(), null, due -> {
            fired.add(due);
            firedAt.add(clock.now());
        });
    }

    @Test
    void thirtyDaysFireThirtyTimesInOrderEachAtItsOwnTime() {
        Instant start = clock.now();
        daily();
        clock.advance(Duration.ofDays(30));
        Instant firstMidnight = start.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        assertThat(fired).hasSize(30);
        for (int i = 0; i < 30; i++) {
            assertThat(fired.get(i)).isEqualTo(firstMidnight.plus(Duration.ofDays(i)));
            assertThat(firedAt.get(i)).as("the clock stood at the due time").isBetween(fired.get(i), fired.get(i).plusMillis(50));
        }
    }

    @Test
    void neverAtOneSecondBeforeMidnightOnceAtMidnight() {
        clock.freeze(); // 23:59:59 must stay 23:59:59 while the test looks, however slow the machine
        Instant midnight = clock.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        daily();
        clock.advance(Duration.between(clock.now(), midnight.minusSeconds(1)));
        assertThat(fired).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(fired).containsExactly(midnight);
    }

    @Test
    void cancelledItFiresNoMore() {
        Recurrence r = daily();
        clock.advance(Duration.ofDays(2));
        r.cancel();
        clock.advance(Duration.ofDays(2));
        assertThat(fired).hasSize(2);
        assertThat(r.nextDue()).isEmpty();
    }

    @Test
    void theEndIsExclusiveAndFinishedRunsOnce() {
        Instant anchor = clock.now();
        List<String> done = new CopyOnWriteArrayList<>();
        Occurrences every5 = Occurrences.of(ScheduleExpression.parse("rate(5 minutes)", Dialect.SCHEDULER), ZoneOffset.UTC, anchor, true);
        Recurrence.start(clock, every5, anchor, anchor.plus(Duration.ofMinutes(15)), fired::add, () -> done.add("done"));
        clock.advance(Duration.ofHours(1));
        assertThat(fired).containsExactly(anchor, anchor.plus(Duration.ofMinutes(5)), anchor.plus(Duration.ofMinutes(10)));
        assertThat(done).containsExactly("done");
    }

    @Test
    void defaultBackOffMakes185RetriesWithinADay() {
        Duration total = Duration.ZERO;
        for (int retry = 1; retry <= 185; retry++) {
            total = total.plus(Retries.delayBefore(retry));
        }
        assertThat(Retries.delayBefore(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Retries.delayBefore(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(Retries.delayBefore(100)).isEqualTo(Duration.ofMinutes(8));
        assertThat(total).isLessThan(Duration.ofHours(24)).isGreaterThan(Duration.ofHours(23));
    }

    @Test
    void retriesRunOnTheClockUntilTheCountIsUsedUp() {
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        List<String> outcome = new CopyOnWriteArrayList<>();
        Retries.run(clock, new RetryPolicy(3, Duration.ofHours(1)), clock.now(), n -> {
            attempts.add(n);
            throw new IllegalStateException("down");
        }, f -> true, (last, retries, condition) -> outcome.add(retries + " " + condition + " " + last.getMessage()));
        assertThat(attempts).containsExactly(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(attempts).containsExactly(1, 2);
        clock.advance(Duration.ofSeconds(6));
        assertThat(attempts).containsExactly(1, 2, 3, 4);
        assertThat(outcome).containsExactly("3 MaximumRetryAttempts down");
    }

    @Test
    void aFailureThatIsNotRetriableEndsAtOnceAndAgeEndsRetries() {
        List<String> outcome = new CopyOnWriteArrayList<>();
        Retries.run(clock, RetryPolicy.DEFAULT, clock.now(), n -> {
            throw new IllegalStateException("denied");
        }, f -> false, (last, retries, condition) -> outcome.add(retries + " " + condition));
        Retries.run(clock, new RetryPolicy(185, Duration.ofSeconds(60)), clock.now(), n -> {
            throw new IllegalStateException("down");
        }, f -> true, (last, retries, condition) -> outcome.add(retries + " " + condition));
        clock.advance(Duration.ofMinutes(5));
        // 1+2+4+8+16 = 31 s; the next retry (32 s later) would be past 60 s
        assertThat(outcome).containsExactly("0 null", "5 MaximumEventAgeInSeconds");
    }
}
