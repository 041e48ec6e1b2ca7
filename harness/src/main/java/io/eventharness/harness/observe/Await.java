package io.eventharness.harness.observe;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The harness's waits: Awaitility underneath, and a failure that explains itself — what was awaited,
 * the last state seen, and the scenario's story so far (event trail, invocations, log lines).
 */
public final class Await {
    /** Default limit of every wait; {@code -Dharness.await.timeout=PT30S} changes it. */
    public static final Duration DEFAULT_TIMEOUT = Duration.parse(System.getProperty("harness.await.timeout", "PT15S"));
    static final Duration POLL = Duration.ofMillis(25);

    private final Supplier<String> story;
    private final Duration atMost;

    public Await(Supplier<String> story, Duration atMost) {
        this.story = story;
        this.atMost = atMost;
    }

    public Duration atMost() {
        return atMost;
    }

    public Await withTimeout(Duration d) {
        return new Await(story, d);
    }

    /**
     * Probes until {@code done} holds and returns that state; otherwise fails with {@code what}, the
     * last state as {@code describe} renders it, and the story.
     */
    public <T> T until(String what, Supplier<T> probe, Predicate<T> done, Function<T, String> describe) {
        AtomicReference<T> last = new AtomicReference<>();
        AtomicReference<RuntimeException> lastError = new AtomicReference<>();
        try {
            return Awaitility.await(what).atMost(atMost).pollDelay(Duration.ZERO).pollInterval(POLL)
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
            StringBuilder msg = new StringBuilder();
            msg.append("Timed out after ").append(human(atMost)).append(" waiting for ").append(what).append(".\n");
            T v = last.get();
            if (lastError.get() != null) {
                msg.append("Last attempt failed: ").append(lastError.get()).append('\n');
            }
            msg.append("Last seen: ").append(v == null ? "nothing" : describe.apply(v)).append('\n');
            msg.append(story.get());
            AssertionError err = new AssertionError(msg.toString());
            if (lastError.get() != null) {
                err.initCause(lastError.get());
            }
            throw err;
        }
    }

    static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
