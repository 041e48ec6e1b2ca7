package io.eventharness.emulator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A frozen clock moves only with advances; unfrozen, it follows real time again from where it stood. */
class EmulatorClockFreezeTest {

    @Test
    void frozenTheTimeStandsStillAndOnlyAdvancesMoveIt() {
        try (EmulatorClock clock = new EmulatorClock()) {
            clock.freeze();
            long frozen = clock.millis();
            await().pollDelay(Duration.ofMillis(50)).atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(System.currentTimeMillis()).isGreaterThan(frozen + 20));
            assertThat(clock.millis()).isEqualTo(frozen);
            assertThat(clock.frozen()).isTrue();

            clock.advance(Duration.ofSeconds(29));
            assertThat(clock.millis()).isEqualTo(frozen + 29_000);
        }
    }

    @Test
    void aTaskDueLaterFiresOnlyWhenAnAdvanceReachesIt() {
        try (EmulatorClock clock = new EmulatorClock()) {
            clock.freeze();
            AtomicInteger fired = new AtomicInteger();
            clock.schedule(Duration.ofMillis(30), fired::incrementAndGet);
            clock.schedule(Duration.ZERO, fired::incrementAndGet); // due at the frozen time: runs
            await().atMost(Duration.ofSeconds(5)).until(() -> fired.get() == 1);
            long start = System.currentTimeMillis();
            await().pollDelay(Duration.ofMillis(100)).atMost(Duration.ofSeconds(5))
                    .until(() -> System.currentTimeMillis() - start >= 100);
            assertThat(fired).as("30 ms of real time went by; the frozen clock did not").hasValue(1);

            clock.advance(Duration.ofMillis(29));
            assertThat(fired).hasValue(1);
            clock.advance(Duration.ofMillis(1));
            assertThat(fired).hasValue(2);
        }
    }

    @Test
    void unfrozenItFollowsRealTimeFromWhereItStood() {
        try (EmulatorClock clock = new EmulatorClock()) {
            clock.advance(Duration.ofHours(1));
            clock.freeze();
            long frozen = clock.millis();
            clock.unfreeze();
            assertThat(clock.frozen()).isFalse();
            assertThat(clock.millis()).isBetween(frozen, frozen + 1_000);
            long realBefore = System.currentTimeMillis();
            await().atMost(Duration.ofSeconds(5)).until(() -> clock.millis() > frozen + 20);
            assertThat(clock.offset()).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
            assertThat(System.currentTimeMillis()).isGreaterThan(realBefore);
        }
    }
}
