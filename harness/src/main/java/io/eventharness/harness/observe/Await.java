package io.eventharness.harness.observe;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.pollinterval.PollInterval;

/**
 * The harness's waits: Awaitility underneath, and a failure that explains itself — what was awaited,
 * the last state seen, and the scenario's story so far (event trail, invocations, log lines).
 *
 * <pre>{@code
 * Await await = cloud.await();
 * String arn = await.until("the subscription to be confirmed", () -> attributes(sub), a -> "false".equals(a.get("PendingConfirmation")),
 *         Object::toString);
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

    public Await withTimeout(Duration d) {
        return new Await(story, d, polling);
    }

    /**
     * Probes until {@code done} holds and returns that state; otherwise fails with {@code what}, the
     * last state as {@code describe} renders it, and the story. A probe that throws counts as "not yet".
     */
    public <T> T until(String what, Supplier<T> probe, Predicate<T> done, Function<T, String> describe) {
        AtomicReference<T> last = new AtomicReference<>();
        AtomicReference<RuntimeException> lastError = new AtomicReference<>();
        try {
            return Awaitility.await(what).atMost(atMost).pollDelay(Duration.ZERO).pollInterval(polling)
                    .until(() -> {
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
            throw timedOut(what, lastError.get(), "Last seen: " + (v == null ? "nothing" : describe.apply(v)) + '\n');
        }
    }

    /**
     * Runs {@code action} until it succeeds, retrying only the errors {@code transientError} accepts (an
     * IAM role that has not reached Lambda yet, say); any other error is thrown at once, unchanged.
     */
    public <T> T retrying(String what, Supplier<T> action, Predicate<RuntimeException> transientError) {
        long deadline = System.nanoTime() + atMost.toNanos();
        RuntimeException last;
        int attempt = 0;
        Duration pause = Duration.ZERO;
        while (true) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                if (!transientError.test(e)) {
                    throw e;
                }
                last = e;
            }
            pause = polling.next(++attempt, pause);
            if (System.nanoTime() + pause.toNanos() - deadline > 0) {
                throw timedOut(what, last, "");
            }
            pauseFor(pause);
        }
    }

    private AssertionError timedOut(String what, RuntimeException lastError, String lastSeen) {
        StringBuilder msg = new StringBuilder();
        msg.append("Timed out after ").append(human(atMost)).append(" waiting for ").append(what).append(".\n");
        if (lastError != null) {
            msg.append("Last attempt failed: ").append(lastError).append('\n');
        }
        msg.append(lastSeen);
        msg.append(story.get());
        AssertionError err = new AssertionError(msg.toString());
        if (lastError != null) {
            err.initCause(lastError);
        }
        return err;
    }

    private static void pauseFor(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
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
