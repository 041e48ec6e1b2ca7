package io.eventharness.emulator.lambda.runtime;

import io.eventharness.emulator.core.Ids;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The sandboxes of one function version, and the way AWS hands events to them: one invocation at a time
 * per sandbox; an idle sandbox is reused (warm, the most recently used first); a new one is started
 * (cold) when all are busy, up to the concurrency limit; an idle sandbox retires after the keep-alive.
 *
 * <pre>{@code
 * FunctionRunner runner = engine.runner(config);
 * InvocationResult r = runner.invoke(Invocation.of("{\"x\":10,\"y\":2}"));
 * r.payloadUtf8();   // "{\"result\": 5.0}"
 * }</pre>
 *
 * <p>The keep-alive runs on the emulator clock: {@code clock.advance(keepAlive)} retires idle sandboxes at
 * once, so a test can see the cold start that follows a long pause without waiting for it, and a pause of
 * that length in emulated time behaves as it would in AWS. AWS does not document its keep-alive (minutes
 * to hours); the engine's default is 10 minutes.
 *
 * <p>Spare sandboxes ({@link SpareSandbox}), unless the engine has them turned off: one is prepared when the
 * runner is made, so that the first cold start finds one; after that, one more only when the function showed it
 * needs more sandboxes than it has: a cold start while another sandbox was busy. A function invoked now and then
 * keeps no idle process beyond its one sandbox. The successor of a reset sandbox takes no spare: it inherits the
 * old {@code /tmp}, which a spare, whose {@code /tmp} is mounted already, cannot.
 *
 * <p>Concurrency: the runner's monitor guards its bookkeeping: the idle sandboxes (most recently used first), since
 * when each is idle and their keep-alive timers ({@link IdleSandboxes}), the sandboxes alive, the counters and
 * {@code closed}. It is held only to read or change them (asking a sandbox whether it is {@code reusable} or
 * {@code wasReset} on the way: runner, then sandbox, never the other way round), and never while a process starts,
 * runs or dies: an invocation starts its sandbox and runs in it on the caller's thread once the monitor is let go, so
 * invocations run in parallel; a sandbox that retires is first taken out of the idle ones under the monitor, then
 * destroyed on the engine's executor, so that a keep-alive timer (the clock's thread) never waits for a process. The
 * spare has its own ({@link SpareSandbox}), never taken under this one; so have the temp directories waiting for a
 * successor ({@link InheritedTmp}), taken under this one.
 */
public final class FunctionRunner implements AutoCloseable {
    private final SandboxContext ctx;
    private final FunctionConfig config;
    private final RuntimeResolver.Resolved runtime;
    private final SpareSandbox spare;
    /** The idle sandboxes and their keep-alive timers. */
    private final IdleSandboxes idle;
    private final Set<Sandbox> all = new HashSet<>();
    /** Temp directories of reset sandboxes, for their successors. */
    private final InheritedTmp inheritedTmp = new InheritedTmp();
    private int inFlight;
    private int sparesTaken;
    private int maxConcurrency;
    private boolean closed;

    /** @param spares whether it keeps spare sandboxes (not for a custom runtime, nor without a keep-alive) */
    FunctionRunner(SandboxContext ctx, FunctionConfig config, RuntimeResolver.Resolved runtime, Duration keepAlive,
            int maxConcurrency, boolean spares) {
        this.ctx = ctx;
        this.config = config;
        this.runtime = runtime;
        this.idle = new IdleSandboxes(ctx.services().clock(), keepAlive, this::checkIdle);
        this.maxConcurrency = maxConcurrency;
        this.spare = new SpareSandbox(ctx, config, runtime, keepAlive,
                spares && runtime.family() != RuntimeResolver.Family.PROVIDED && keepAlive.toMillis() > 0);
    }

    /** Whether {@link #close()} was called: it runs nothing more. */
    public synchronized boolean isClosed() {
        return closed;
    }

    public FunctionConfig config() {
        return config;
    }

    /**
     * Runs one invocation and blocks until it ends (a response, a function error, a timeout, a crash).
     *
     * @throws ConcurrencyLimitExceededException when {@link #maxConcurrency()} invocations are in flight
     * @throws IllegalStateException             after {@link #close()}
     */
    public InvocationResult invoke(Invocation invocation) {
        Sandbox sandbox = null;
        boolean othersBusy;
        List<Sandbox> dead = new ArrayList<>(0);
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the function " + config.functionName() + " is closed");
            }
            if (inFlight >= maxConcurrency) {
                throw new ConcurrencyLimitExceededException(maxConcurrency);
            }
            inFlight++;
            // the most recently used idle sandbox that is still alive; dead ones (the process exited) retire
            sandbox = idle.takeReusable(dead);
            othersBusy = inFlight > 1; // none idle: the other invocations in flight hold (or are starting) sandboxes
        }
        dead.forEach(this::retire);
        boolean cold = sandbox == null;
        try {
            if (cold) {
                sandbox = startSandbox();
                if (othersBusy) {
                    // it needs more sandboxes than it has: one more spare, once this INIT no longer needs the CPU
                    sandbox.initEnded().whenComplete((r, e) -> spare.prepare());
                }
            }
            return sandbox.invoke(invocation, cold);
        } finally {
            release(sandbox);
        }
    }

    private Sandbox startSandbox() {
        CompletableFuture<Path> inherited = inheritedTmp.take();
        if (inherited == null) {
            Sandbox s = activateSpare();
            if (s != null) {
                return s;
            }
        }
        // the old sandbox's processes are being killed: milliseconds; if they outlived the kill, a new directory
        Path tmp = inherited == null ? null : inherited.exceptionally(e -> null).join();
        if (tmp == null) {
            tmp = ctx.host().workDir().resolve("tmp-" + config.functionName() + "-" + Ids.hex(6));
        }
        Sandbox s = new Sandbox(ctx, config, runtime, tmp, null);
        synchronized (this) {
            all.add(s);
        }
        try {
            s.start();
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                all.remove(s);
            }
            s.destroy(false);
            throw e instanceof IOException io ? new UncheckedIOException("cannot start a sandbox for "
                    + config.functionName() + ": " + io.getMessage(), io) : (RuntimeException) e;
        }
        return s;
    }

    /** The spare, activated and counted as a sandbox; null when there is none alive. */
    private Sandbox activateSpare() {
        Sandbox s = spare.take();
        if (s == null) {
            return null;
        }
        if (!s.activate()) {
            ctx.services().executor().execute(() -> s.destroy(false)); // it died while it waited: a sandbox is started instead
            return null;
        }
        synchronized (this) {
            all.add(s);
            sparesTaken++;
        }
        return s;
    }

    /** Prepares a spare sandbox in the background, unless there is one or spares are off. */
    void prepareSpare() {
        spare.prepare();
    }

    /** How many cold starts took a spare sandbox. */
    synchronized int sparesTaken() {
        return sparesTaken;
    }

    /** The spare's process id once it waits, booted; completes with null when there is no spare. */
    CompletableFuture<Long> spareReady() {
        return spare.ready();
    }

    /** The invocation is over: its sandbox (null if none could be started) waits for the next one, or retires. */
    private void release(Sandbox sandbox) {
        synchronized (this) {
            inFlight--;
            if (sandbox == null) {
                return;
            }
            if (!closed && sandbox.reusable()) {
                idle.add(sandbox);
                return;
            }
        }
        retire(sandbox);
    }

    /** A keep-alive timer fired: retire the sandbox if it has been idle that long, else look again later. */
    private void checkIdle(Sandbox sandbox) {
        synchronized (this) {
            if (!idle.expired(sandbox)) {
                return; // busy (its release schedules a new check), or used since (checked again later)
            }
        }
        retire(sandbox);
    }

    /**
     * Not under the monitor, with {@code sandbox} out of the idle ones: forgets it, then kills and cleans it up on
     * the engine's executor; a reset sandbox leaves its /tmp behind, for its successor once its processes are dead.
     * Completes when the sandbox is gone.
     */
    private CompletableFuture<Void> retire(Sandbox sandbox) {
        boolean keepTmp;
        CompletableFuture<Path> tmp = new CompletableFuture<>();
        synchronized (this) {
            all.remove(sandbox);
            idle.forget(sandbox);
            keepTmp = !closed && sandbox.wasReset();
            if (keepTmp) {
                inheritedTmp.leave(tmp);
            }
        }
        return CompletableFuture.runAsync(() -> {
            try {
                if (sandbox.destroy(keepTmp)) {
                    tmp.complete(sandbox.tmp());
                } else {
                    tmp.completeExceptionally(new IllegalStateException("processes of the sandbox outlived SIGKILL"));
                }
            } catch (RuntimeException e) {
                tmp.completeExceptionally(e);
                throw e;
            }
        }, ctx.services().executor());
    }

    /** The most invocations in flight at once (reserved concurrency, or the account's limit). */
    public synchronized int maxConcurrency() {
        return maxConcurrency;
    }

    /** Changes the limit ({@code PutFunctionConcurrency}); invocations in flight go on. */
    public synchronized void setMaxConcurrency(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        maxConcurrency = limit;
    }

    /** Invocations running now. */
    public synchronized int inFlight() {
        return inFlight;
    }

    /** Sandboxes alive, busy or idle. */
    public synchronized int sandboxes() {
        return all.size();
    }

    /** Sandboxes waiting for an event (alive ones: a sandbox whose process exited is not counted). */
    public synchronized int idleSandboxes() {
        return idle.reusable();
    }

    /**
     * Retires the idle sandboxes now (a new configuration or code); busy ones retire when done. The future
     * completes once the idle ones are gone: their processes dead, their directories removed.
     */
    public CompletableFuture<Void> retireIdle() {
        List<Sandbox> gone;
        synchronized (this) {
            gone = idle.takeAll();
        }
        return CompletableFuture.allOf(gone.stream().map(this::retire).toArray(CompletableFuture[]::new));
    }

    /**
     * The engine stops: no more invocations, and every sandbox ends now, busy ones too (their invocations end as a
     * process that exited, {@code Runtime.ExitError}). Completes once they are gone.
     */
    CompletableFuture<Void> shutDown() {
        List<Sandbox> every;
        synchronized (this) {
            closed = true;
            every = new ArrayList<>(all);
            idle.takeAll();
        }
        spare.close();
        inheritedTmp.deleteAll();
        return CompletableFuture.allOf(every.stream().map(this::retire).toArray(CompletableFuture[]::new));
    }

    /** No more invocations: the spare and idle sandboxes retire now, busy ones when their invocation ends. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        spare.close();
        retireIdle();
        inheritedTmp.deleteAll();
    }
}
