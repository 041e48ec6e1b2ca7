package io.eventharness.harness.backend;

import java.time.Duration;
import java.util.regex.Pattern;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.containers.wait.strategy.WaitStrategyTarget;

/**
 * Waits for a container's ready line <em>and</em> watches that it still runs, so that a container that
 * exits during start-up (LocalStack without an account token does, a few seconds in) is noticed at
 * the next poll instead of after the whole start-up timeout: Testcontainers' log-message wait keeps
 * waiting for a line from a container that has already stopped.
 *
 * <p>The watch never throws into Testcontainers (which would log its own stack traces and the
 * container's whole output at ERROR); it records an {@link Outcome} that {@link LocalStackBackend}
 * turns into one clear {@link BackendUnavailableException}.
 *
 * <pre>{@code
 * StartupWatch watch = settings.startupWatch();
 * container.waitingFor(watch).start();
 * if (!watch.outcome().ready()) { container.stop(); throw ...; }
 * }</pre>
 */
public final class StartupWatch implements WaitStrategy {

    /** What the watch can ask of a container; {@link WaitStrategyTarget} in production, a fake in tests. */
    public interface Probe {
        boolean running();

        String logs();

        /** The exit code once stopped, if known. */
        Long exitCode();
    }

    /** How start-up ended. */
    public enum State { READY, EXITED, TIMED_OUT }

    /** The result of a watch: its state, the container's output so far and, once exited, its exit code. */
    public record Outcome(State state, String logs, Long exitCode) {
        public boolean ready() {
            return state == State.READY;
        }
    }

    private final Pattern ready;
    private final Duration poll;
    private volatile Duration timeout;
    private volatile Outcome outcome;

    public StartupWatch(String readyRegex, Duration timeout, Duration poll) {
        this.ready = Pattern.compile(readyRegex);
        this.timeout = timeout;
        this.poll = poll;
    }

    public Duration timeout() {
        return timeout;
    }

    public Duration pollInterval() {
        return poll;
    }

    /** The outcome of the last {@link #waitUntilReady}, or empty-handed {@code TIMED_OUT} if it never ran. */
    public Outcome outcome() {
        Outcome o = outcome;
        return o != null ? o : new Outcome(State.TIMED_OUT, "", null);
    }

    @Override
    public void waitUntilReady(WaitStrategyTarget target) {
        outcome = watch(new Probe() {
            @Override
            public boolean running() {
                return target.isRunning();
            }

            @Override
            public String logs() {
                return target.getLogs();
            }

            @Override
            public Long exitCode() {
                try {
                    return target.getCurrentContainerInfo().getState().getExitCodeLong();
                } catch (RuntimeException e) {
                    return null;
                }
            }
        });
    }

    /** Polls until the ready line appears, the container stops, or the timeout passes. */
    public Outcome watch(Probe probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String logs = safeLogs(probe);
            if (ready.matcher(logs).find()) {
                return new Outcome(State.READY, logs, null);
            }
            if (!probe.running()) {
                return new Outcome(State.EXITED, safeLogs(probe), probe.exitCode());
            }
            if (System.nanoTime() - deadline >= 0) {
                return new Outcome(State.TIMED_OUT, logs, null);
            }
            try {
                Thread.sleep(Math.max(1, poll.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(State.TIMED_OUT, logs, null);
            }
        }
    }

    private static String safeLogs(Probe probe) {
        try {
            String l = probe.logs();
            return l == null ? "" : l;
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** Changes the timeout of this watch (Testcontainers' containers call this and ignore the result). */
    @Override
    public WaitStrategy withStartupTimeout(Duration startupTimeout) {
        this.timeout = startupTimeout;
        return this;
    }
}
