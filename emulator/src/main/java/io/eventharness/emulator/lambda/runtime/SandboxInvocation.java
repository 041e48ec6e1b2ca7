package io.eventharness.emulator.lambda.runtime;

import io.eventharness.emulator.lambda.runtime.Outcome.Kind;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One invocation in a {@link Sandbox}, from its dispatch to its result: when the runtime got the event, how the
 * invocation ended (once: the first ending wins, see {@code Sandbox.end}), and its closing log lines and result,
 * published once. Between the two the runtime may still write (AWS's runtimes log a function's error after posting
 * it): END is published once the runtime is done with the event, see {@code Sandbox.runtimeDone}.
 */
final class SandboxInvocation {
    private final Invocation invocation;
    private final boolean cold;
    private final CompletableFuture<InvocationResult> result = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final long dispatchedNanos = System.nanoTime();
    private volatile long handedOverNanos;
    private volatile boolean handedOver;
    private volatile Outcome outcome;

    SandboxInvocation(Invocation invocation, boolean cold) {
        this.invocation = invocation;
        this.cold = cold;
    }

    Invocation invocation() {
        return invocation;
    }

    String requestId() {
        return invocation.requestId();
    }

    boolean cold() {
        return cold;
    }

    /** Whether the runtime got the event. */
    boolean handedOver() {
        return handedOver;
    }

    /** The runtime gets the event now: its Duration starts. */
    void handOver() {
        handedOverNanos = System.nanoTime();
        handedOver = true;
    }

    /**
     * Records how it ended, unless it has ended already; whether this call ended it. Under its sandbox's
     * {@link SandboxState} monitor.
     */
    boolean end(Outcome how) {
        if (outcome != null) {
            return false;
        }
        outcome = how;
        ended.complete(null);
        return true;
    }

    /** Whether it ended (an answer, a crash, running out of memory) within {@code millis}; false when the time is up. */
    boolean endedWithin(long millis) {
        try {
            ended.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The result if it comes within {@code millis}; null when the time is up (or the thread is interrupted). */
    InvocationResult resultWithin(long millis) {
        try {
            return result.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * The result once it is published (its log complete); after {@code millis} {@code publishNow} publishes it
     * without waiting further, in case the sandbox's output thread is stuck.
     */
    InvocationResult await(long millis, Runnable publishNow) {
        try {
            return result.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | InterruptedException | ExecutionException e) {
            publishNow.run();
            return result.join();
        }
    }

    /**
     * Once it has ended, on the sandbox's output thread after everything the function printed (or by {@link #await}):
     * the platform's closing lines, END and REPORT, then the result. Only the first call does anything.
     */
    synchronized void publish(SandboxLog log, FunctionConfig config, Double initMs, int maxUsedMb) {
        if (result.isDone()) {
            return;
        }
        Outcome o = outcome;
        String id = requestId();
        for (String line : o.logLines()) {
            log.platform(line);
        }
        log.reportDropped();
        log.platform("END RequestId: " + id);
        long from = handedOver ? handedOverNanos : dispatchedNanos;
        double duration = Math.max(0, o.endNanos() - from) / 1e6;
        boolean timedOut = o.kind() == Kind.TIMEOUT;
        if (timedOut) {
            duration = Math.max(duration, config.timeoutSeconds() * 1000.0); // the clock started at hand-over
        }
        long billed = timedOut ? config.timeoutSeconds() * 1000L : Math.max(1, (long) Math.ceil(duration));
        log.platform(SandboxLog.report(id, duration, billed, config.memoryMb(), maxUsedMb, initMs));
        result.complete(new InvocationResult(id, o.payload(), o.kind() == Kind.SUCCESS ? null : "Unhandled",
                o.errorType(), cold, duration, billed, initMs, config.memoryMb(), maxUsedMb, log.stream(),
                log.take(), config.version()));
    }
}
