package io.eventharness.emulator.lambda.runtime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A sandbox's INIT phase as its first invocation sees it: INIT ends once (the runtime's first {@code /next}, its
 * {@code /init/error}, the process's exit, or a process that could not be started), the first invocation waits
 * for that ({@link #await}), and REPORT's Init Duration runs from the process's start (or a spare's activation)
 * to that end. Thread-safe.
 */
final class SandboxInit {
    private final CompletableFuture<Outcome> ended = new CompletableFuture<>();
    private final AtomicLong endNanos = new AtomicLong();

    /** INIT ends now, unless it ended before: the moment its Init Duration ends. */
    void endNow() {
        endNanos.compareAndSet(0, System.nanoTime());
    }

    /** Says how INIT ended, the first time: null when the runtime asked for work (or could not start), else how it failed. */
    void ended(Outcome failure) {
        ended.complete(failure);
    }

    /** Completes when INIT has ended, however it ended. */
    CompletableFuture<?> future() {
        return ended;
    }

    /**
     * Waits at most {@code millis} for INIT to end: null when the runtime asked for work (or could not start); else
     * how it failed, {@code timedOut} when the time is up (INIT ends then, for its Init Duration).
     */
    Outcome await(long millis, Supplier<Outcome> timedOut) {
        Outcome failed;
        try {
            failed = ended.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            failed = timedOut.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed = timedOut.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        if (failed != null) {
            endNow();
        }
        return failed;
    }

    /** The Init Duration in ms, from {@code startNanos}; null until INIT has ended. */
    Double durationMs(long startNanos) {
        long end = endNanos.get();
        return end > 0 ? (end - startNanos) / 1e6 : null;
    }
}
