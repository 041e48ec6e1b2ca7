package io.eventharness.harness.observe;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.pollinterval.PollInterval;

/**
 * The harness's one wait: Awaitility underneath (immutable, {@link #atMost(Duration)} gives a copy), and a
 * failure that explains itself — an {@link AwaitTimeout} naming what was awaited, the limit, the last state
 * seen, the last error as its cause, and the scenario's story so far (event trail, invocations, log lines).
 * The views' waits ({@link QueueWaits}, {@link BucketWaits}, {@link LogWaits}) are conditions over it.
 *
 * <pre>{@code
 * Await await = cloud.await();
 * Map<String, String> a = await.until("the subscription to be confirmed", () -> attributes(sub),
 *         m -> "false".equals(m.get("PendingConfirmation")), Object::toString);
 * await.atMost(Duration.ofSeconds(30)).untilAsserted("the order to be stored",
 *         () -> assertThat(table.get("42")).isNotNull());
 * }</pre>
 */
public final class Await {
    /** Default limit of every wait; {@code -Dharness.await.timeout=PT30S} changes it. */
    public static final Duration DEFAULT_TIMEOUT = Duration.parse(System.getProperty("harness.await.timeout", "PT15S"));

    private final Supplier<String> story;
    private final Duration atMost;
    private final Polling polling;

    public Await(Supplier<String> story, Duration atMost, Polling polling) {
        this.story = story;
        this.atMost = atMost;
        this.polling = polling;
    }

    /** Waits that poll every 25 ms (the embedded backend's pace). */
    public Await(Supplier<String> story, Duration atMost) {
        this(story, atMost, Polling.FAST);
    }

    public Duration atMost() {
        return atMost;
    }

    public Polling polling() {
        return polling;
    }

    /** The same waits with another limit. */
    public Await atMost(Duration limit) {
        return new Await(story, limit, polling);
    }

    /**
     * Probes until {@code done} holds and returns that state; otherwise fails with an {@link AwaitTimeout}
     * naming {@code what} and the last state as {@code describe} renders it. A probe that throws counts as
     * "not yet" (its error becomes the timeout's cause).
     */
    public <T> T until(String what, Supplier<T> probe, Predicate<T> done, Function<T, String> describe) {
        AtomicReference<T> last = new AtomicReference<>();
        AtomicReference<RuntimeException> lastError = new AtomicReference<>();
        try {
            return conditions(what).until(() -> {
                try {
                    T v = probe.get();
                    last.set(v);
                    lastError.set(null);
                    return v;
                } catch (RuntimeException e) {
                    lastError.set(e);
                    return null;
                }
            }, v -> v != null && done.test(v));
        } catch (ConditionTimeoutException e) {
            T v = last.get();
            throw timedOut(what, v == null ? "nothing" : describe.apply(v), lastError.get());
        }
    }

    /**
     * Runs {@code assertion} until it passes (AssertJ, JUnit or any {@link AssertionError}); otherwise fails with
     * an {@link AwaitTimeout} whose last seen state is the last failure's message and whose cause is that failure.
     * Other exceptions count as "not yet" too.
     */
    public void untilAsserted(String what, Runnable assertion) {
        AtomicReference<Throwable> lastError = new AtomicReference<>();
        try {
            conditions(what).until(() -> {
                try {
                    assertion.run();
                    return true;
                } catch (AssertionError | RuntimeException e) {
                    lastError.set(e);
                    return false;
                }
            });
        } catch (ConditionTimeoutException e) {
            Throwable last = lastError.get();
            throw timedOut(what, last instanceof AssertionError a ? String.valueOf(a.getMessage()).strip() : null, last);
        }
    }

    /**
     * Runs {@code action} until it succeeds, retrying only the errors {@code transientError} accepts (an
     * IAM role that has not reached Lambda yet, say); any other error is thrown at once, unchanged. Gives up
     * with an {@link AwaitTimeout} whose cause is the last transient error.
     */
    public <T> T retrying(String what, Supplier<T> action, Predicate<RuntimeException> transientError) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<RuntimeException> lastError = new AtomicReference<>();
        try {
            conditions(what).until(() -> {
                try {
                    result.set(action.get());
                    return true;
                } catch (RuntimeException e) {
                    if (!transientError.test(e)) {
                        throw e; // Awaitility rethrows it as it is
                    }
                    lastError.set(e);
                    return false;
                }
            });
        } catch (ConditionTimeoutException e) {
            throw timedOut(what, null, lastError.get());
        }
        return result.get();
    }

    private ConditionFactory conditions(String what) {
        return Awaitility.await(what).atMost(atMost).pollDelay(Duration.ZERO).pollInterval(polling);
    }

    /** The timeout of this wait (or of one that ran elsewhere: the emulator's settle), telling the story. */
    AwaitTimeout timedOut(String what, String lastSeen, Throwable lastError) {
        return new AwaitTimeout(what, atMost, lastSeen, lastError, story.get());
    }

    /**
     * How often waits poll. On the embedded backend a poll costs a fraction of a millisecond, so every
     * 25 ms; on LocalStack and AWS a poll is a real API call ({@code FilterLogEvents} is throttled at a few
     * calls per second per account and region), so from 200 ms, doubling up to 1 s.
     */
    public record Polling(Duration first, Duration max) implements PollInterval {
        public static final Polling FAST = new Polling(Duration.ofMillis(25), Duration.ofMillis(25));
        public static final Polling REMOTE = new Polling(Duration.ofMillis(200), Duration.ofSeconds(1));

        /** The pace for a backend: fast on {@code embedded}, backing off elsewhere. */
        public static Polling forBackend(String name) {
            return "embedded".equals(name) ? FAST : REMOTE;
        }

        @Override
        public Duration next(int pollCount, Duration previous) {
            if (pollCount <= 1 || previous == null || previous.isZero()) {
                return first;
            }
            Duration doubled = previous.multipliedBy(2);
            return doubled.compareTo(max) > 0 ? max : doubled;
        }
    }
}
