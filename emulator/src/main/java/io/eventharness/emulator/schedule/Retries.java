package io.eventharness.emulator.schedule;

import io.eventharness.emulator.core.EmulatorClock;
import java.time.Duration;
import java.time.Instant;

/**
 * A target call retried on the emulator's clock. The first attempt runs at once; a failure that may be retried is
 * tried again after {@link #delayBefore(int)}, until the call succeeds, the policy's retries are used up, or the
 * next retry would come when the event is older than the policy allows; then {@link GiveUp} gets the last failure
 * (a dead-letter queue, or the trail's "dropped").
 *
 * <p>The back-off doubles from one second up to eight minutes and has no jitter (AWS adds a random one): 185
 * retries then take about 23 hours 37 minutes, so EventBridge's default (185 retries within 24 hours) ends on the
 * count, a shorter age limit on the age.
 */
public final class Retries {
    /** The longest wait between two attempts. */
    static final Duration MAX_DELAY = Duration.ofMinutes(8);

    /** One attempt; throws to fail. */
    @FunctionalInterface
    public interface Attempt {
        /** @param number 1 for the first attempt, 2 for the first retry, ... */
        void run(int number);
    }

    /** Whether a failure is worth a retry (EventBridge: throttles and service errors only). */
    @FunctionalInterface
    public interface Retriable {
        boolean test(RuntimeException failure);
    }

    /** The call failed for good. */
    @FunctionalInterface
    public interface GiveUp {
        /**
         * @param last      the last attempt's failure
         * @param retries   how many retries were made (0 when the first failure was final)
         * @param condition {@code MaximumRetryAttempts}, {@code MaximumEventAgeInSeconds}, or null when the failure
         *                  was not retriable
         */
        void failed(RuntimeException last, int retries, String condition);
    }

    private Retries() {
    }

    /** The wait before retry {@code retry} (1 for the first): 1 s, 2 s, 4 s, ... up to {@link #MAX_DELAY}. */
    public static Duration delayBefore(int retry) {
        if (retry >= 10) {
            return MAX_DELAY;
        }
        Duration d = Duration.ofSeconds(1L << (retry - 1));
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }

    /**
     * Runs the first attempt now and the retries on the clock.
     *
     * @param since when the event came to be (its age counts from here)
     */
    public static void run(EmulatorClock clock, RetryPolicy policy, Instant since, Attempt attempt, Retriable retriable,
                           GiveUp giveUp) {
        tryOnce(clock, policy, since, attempt, retriable, giveUp, 1);
    }

    private static void tryOnce(EmulatorClock clock, RetryPolicy policy, Instant since, Attempt attempt, Retriable retriable,
                                GiveUp giveUp, int number) {
        try {
            attempt.run(number);
        } catch (RuntimeException failure) {
            int retries = number - 1;
            if (!retriable.test(failure)) {
                giveUp.failed(failure, retries, null);
                return;
            }
            if (retries >= policy.maximumRetryAttempts()) {
                giveUp.failed(failure, retries, "MaximumRetryAttempts");
                return;
            }
            Instant next = clock.now().plus(delayBefore(number));
            if (Duration.between(since, next).compareTo(policy.maximumEventAge()) > 0) {
                giveUp.failed(failure, retries, "MaximumEventAgeInSeconds");
                return;
            }
            clock.schedule(next, () -> tryOnce(clock, policy, since, attempt, retriable, giveUp, number + 1));
        }
    }
}
