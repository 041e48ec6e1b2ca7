package io.eventharness.emulator.lambda.runtime;

import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.core.Ids;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The spare sandbox of one function version, at most one: a sandbox process started ahead of need that waits,
 * its runtime booted, before the runtime looks at the function. AWS keeps a pool of execution environments
 * provisioned ahead of invocations; the cold start that takes one still runs the function's INIT, and so does
 * one that takes a spare here.
 *
 * <p>A spare is everything of a sandbox that does not run the function's code: its process in its own mount
 * namespace with a fresh {@code /tmp}, in the task root, with the function's exact environment (its own log
 * stream name and Runtime API port among it), the interpreter or JVM booted with the runtime's own modules and
 * classes. The function's code (module import, static initialisers, the RIC's handler loading) runs only once
 * {@link #take() taken} and activated, in the invocation that needed a new sandbox: that invocation is a cold
 * start in every way (new log stream, Init Duration from activation, INIT's output in the log then, init errors
 * reported then).
 *
 * <p>A spare is no running sandbox: it is not counted, its memory is not watched, it writes nothing to
 * CloudWatch (its log stream exists once it is used). It belongs to one {@link FunctionConfig} (its runner's):
 * new code or configuration, or a deleted function, close the runner and the spare with it. It retires after the
 * keep-alive like an idle sandbox; one that dies while it waits is dropped without a word.
 */
final class SpareSandbox {
    private final SandboxContext ctx;
    private final FunctionConfig config;
    private final RuntimeResolver.Resolved runtime;
    private final Duration keepAlive;
    private final boolean enabled;
    /** The spare being started or waiting; null when there is none. Guarded by this. */
    private CompletableFuture<Sandbox> pending;
    private EmulatorClock.Task expiry;
    private boolean closed;

    /** @param enabled false: {@link #prepare()} does nothing (turned off, a custom runtime, no keep-alive) */
    SpareSandbox(SandboxContext ctx, FunctionConfig config, RuntimeResolver.Resolved runtime, Duration keepAlive,
            boolean enabled) {
        this.ctx = ctx;
        this.config = config;
        this.runtime = runtime;
        this.keepAlive = keepAlive;
        this.enabled = enabled;
    }

    /** Starts a spare in the background, unless there is one. */
    void prepare() {
        CompletableFuture<Sandbox> f = new CompletableFuture<>();
        synchronized (this) {
            if (!enabled || closed || pending != null) {
                return;
            }
            pending = f;
            EmulatorClock clock = ctx.services().clock();
            expiry = clock.schedule(clock.now().plus(keepAlive), () -> discard(f));
        }
        ctx.services().executor().execute(() -> boot(f));
    }

    private void boot(CompletableFuture<Sandbox> f) {
        Path tmp = ctx.host().workDir().resolve("tmp-" + config.functionName() + "-" + Ids.hex(6));
        Sandbox s = new Sandbox(ctx, config, runtime, tmp, null);
        try {
            s.startSpare();
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(SpareSandbox.class).debug("no spare sandbox for {}: {}", config.functionName(),
                    e.toString());
            s.destroy(false);
            discard(f);
            f.complete(null);
            return;
        }
        s.exited().thenRun(() -> discard(f)); // died while it waited: of no use
        f.complete(s);
    }

    /**
     * The spare, not activated yet, waiting for it if it is still being started; null when there is none or it
     * is of no use (dead, or its log stream is named after a day that has passed on the emulator clock).
     */
    Sandbox take() {
        CompletableFuture<Sandbox> f;
        synchronized (this) {
            f = pending;
            if (f == null) {
                return null;
            }
            pending = null;
            expiry.cancel();
        }
        Sandbox s = f.join();
        if (s == null) {
            return null;
        }
        if (!s.logStream().startsWith(SandboxProcess.STREAM_DATE.format(ctx.services().clock().now()))) {
            destroyLater(s);
            return null;
        }
        return s;
    }

    /** The spare's process id once it waits, booted; null when there is no spare (tests, the benchmark). */
    CompletableFuture<Long> ready() {
        CompletableFuture<Sandbox> f;
        synchronized (this) {
            f = pending;
        }
        if (f == null) {
            return CompletableFuture.completedFuture(null);
        }
        return f.thenCompose(s -> s == null ? CompletableFuture.completedFuture(null) : s.spareReady().thenApply(v -> s.pid()));
    }

    /** Drops the spare, if any, and prepares none any more. */
    void close() {
        CompletableFuture<Sandbox> f;
        synchronized (this) {
            closed = true;
            f = pending;
        }
        if (f != null) {
            discard(f);
        }
    }

    /** Drops {@code f} if it is still the spare: its process is killed once started. */
    private void discard(CompletableFuture<Sandbox> f) {
        synchronized (this) {
            if (pending != f) {
                return;
            }
            pending = null;
            expiry.cancel();
        }
        f.thenAccept(s -> {
            if (s != null) {
                destroyLater(s);
            }
        });
    }

    /** Off the caller's thread (the clock's, a process's exit), or on it once the engine is closing: kills and cleans up. */
    private void destroyLater(Sandbox s) {
        ctx.services().executor().execute(() -> s.destroy(false));
    }
}
