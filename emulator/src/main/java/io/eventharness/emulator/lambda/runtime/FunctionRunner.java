package io.eventharness.emulator.lambda.runtime;

import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.core.Ids;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;

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
 */
public final class FunctionRunner implements AutoCloseable {
    private final SandboxContext ctx;
    private final FunctionConfig config;
    private final RuntimeResolver.Resolved runtime;
    private final Duration keepAlive;
    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<Sandbox> idle = new ArrayDeque<>();
    private final Set<Sandbox> all = new HashSet<>();
    private final Map<Sandbox, Long> idleSince = new HashMap<>();
    private final Map<Sandbox, EmulatorClock.Task> retireTasks = new HashMap<>();
    /**
     * Temp directories of reset sandboxes, for their successors; each is handed over once every process of
     * the old sandbox is dead, so that nothing of it writes there any more.
     */
    private final Deque<CompletableFuture<Path>> inheritedTmp = new ArrayDeque<>();
    private final SpareSandbox spare;
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
        this.keepAlive = keepAlive;
        this.maxConcurrency = maxConcurrency;
        this.spare = new SpareSandbox(ctx, config, runtime, keepAlive,
                spares && runtime.family() != RuntimeResolver.Family.PROVIDED && keepAlive.toMillis() > 0);
    }

    /** Whether {@link #close()} was called: it runs nothing more. */
    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
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
        Sandbox sandbox;
        boolean othersBusy;
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the function " + config.functionName() + " is closed");
            }
            if (inFlight >= maxConcurrency) {
                throw new ConcurrencyLimitExceededException(maxConcurrency);
            }
            inFlight++;
            sandbox = takeIdle();
            othersBusy = inFlight > 1; // none idle: the other invocations in flight hold (or are starting) sandboxes
        } finally {
            lock.unlock();
        }
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

    /** The most recently used idle sandbox that is still alive; dead ones (the process exited) retire. */
    private Sandbox takeIdle() {
        for (Sandbox s; (s = idle.pollFirst()) != null; ) {
            if (s.reusable()) {
                return s;
            }
            all.remove(s);
            retire(s);
        }
        return null;
    }

    private Sandbox startSandbox() {
        CompletableFuture<Path> inherited;
        lock.lock();
        try {
            inherited = inheritedTmp.pollFirst();
        } finally {
            lock.unlock();
        }
        if (inherited == null) {
            Sandbox s = activateSpare();
            if (s != null) {
                return s;
            }
        }
        Path tmp = null;
        if (inherited != null) {
            try {
                tmp = inherited.join(); // the old sandbox's processes are being killed: milliseconds
            } catch (CompletionException e) {
                tmp = null; // its processes outlived the kill: a new directory
            }
        }
        String name = config.functionName() + "-" + Ids.hex(6);
        if (tmp == null) {
            tmp = ctx.host().workDir().resolve("tmp-" + name);
        }
        Sandbox s = new Sandbox(ctx, config, runtime, tmp, null);
        lock.lock();
        try {
            all.add(s);
        } finally {
            lock.unlock();
        }
        try {
            s.start();
        } catch (IOException | RuntimeException e) {
            lock.lock();
            try {
                all.remove(s);
            } finally {
                lock.unlock();
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
        lock.lock();
        try {
            all.add(s);
            sparesTaken++;
        } finally {
            lock.unlock();
        }
        return s;
    }

    /** Prepares a spare sandbox in the background, unless there is one or spares are off. */
    void prepareSpare() {
        spare.prepare();
    }

    /** How many cold starts took a spare sandbox. */
    int sparesTaken() {
        lock.lock();
        try {
            return sparesTaken;
        } finally {
            lock.unlock();
        }
    }

    /** The spare's process id once it waits, booted; completes with null when there is no spare. */
    CompletableFuture<Long> spareReady() {
        return spare.ready();
    }

    private void release(Sandbox sandbox) {
        if (sandbox == null) {
            lock.lock();
            try {
                inFlight--;
            } finally {
                lock.unlock();
            }
            return;
        }
        boolean retire;
        lock.lock();
        try {
            inFlight--;
            retire = closed || !sandbox.reusable();
            if (retire) {
                all.remove(sandbox);
            } else {
                idle.addFirst(sandbox);
                idleSince.put(sandbox, ctx.services().clock().millis());
                if (!retireTasks.containsKey(sandbox)) {
                    scheduleRetire(sandbox, ctx.services().clock().millis() + keepAlive.toMillis());
                }
            }
        } finally {
            lock.unlock();
        }
        if (retire) {
            retire(sandbox);
        }
    }

    private void scheduleRetire(Sandbox sandbox, long dueMillis) {
        retireTasks.put(sandbox, ctx.services().clock().schedule(Instant.ofEpochMilli(dueMillis), () -> checkIdle(sandbox)));
    }

    /** A keep-alive timer fired: retire the sandbox if it has been idle that long, else look again later. */
    private void checkIdle(Sandbox sandbox) {
        boolean retire = false;
        lock.lock();
        try {
            retireTasks.remove(sandbox);
            if (!idle.contains(sandbox)) {
                return; // busy: its release schedules a new check
            }
            long due = idleSince.get(sandbox) + keepAlive.toMillis();
            if (ctx.services().clock().millis() >= due) {
                idle.remove(sandbox);
                idleSince.remove(sandbox);
                all.remove(sandbox);
                retire = true;
            } else {
                scheduleRetire(sandbox, due);
            }
        } finally {
            lock.unlock();
        }
        if (retire) {
            retire(sandbox);
        }
    }

    /**
     * Off the caller's thread (it may be the clock's): kill, clean up; a reset sandbox leaves its /tmp behind,
     * for its successor once its processes are dead. Completes when the sandbox is gone.
     */
    private CompletableFuture<Void> retire(Sandbox sandbox) {
        boolean keepTmp;
        CompletableFuture<Path> tmp = new CompletableFuture<>();
        lock.lock();
        try {
            EmulatorClock.Task t = retireTasks.remove(sandbox);
            if (t != null) {
                t.cancel();
            }
            idleSince.remove(sandbox);
            keepTmp = !closed && sandbox.wasReset();
            if (keepTmp) {
                inheritedTmp.addLast(tmp);
            }
        } finally {
            lock.unlock();
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
    public int maxConcurrency() {
        lock.lock();
        try {
            return maxConcurrency;
        } finally {
            lock.unlock();
        }
    }

    /** Changes the limit ({@code PutFunctionConcurrency}); invocations in flight go on. */
    public void setMaxConcurrency(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        lock.lock();
        try {
            maxConcurrency = limit;
        } finally {
            lock.unlock();
        }
    }

    /** Invocations running now. */
    public int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    /** Sandboxes alive, busy or idle. */
    public int sandboxes() {
        lock.lock();
        try {
            return all.size();
        } finally {
            lock.unlock();
        }
    }

    /** Sandboxes waiting for an event (alive ones: a sandbox whose process exited is not counted). */
    public int idleSandboxes() {
        lock.lock();
        try {
            return (int) idle.stream().filter(Sandbox::reusable).count();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Retires the idle sandboxes now (a new configuration or code); busy ones retire when done. The future
     * completes once the idle ones are gone: their processes dead, their directories removed.
     */
    public CompletableFuture<Void> retireIdle() {
        Deque<Sandbox> gone;
        lock.lock();
        try {
            gone = new ArrayDeque<>(idle);
            idle.clear();
            all.removeAll(gone);
        } finally {
            lock.unlock();
        }
        return CompletableFuture.allOf(gone.stream().map(this::retire).toArray(CompletableFuture[]::new));
    }

    /** No more invocations: the spare and idle sandboxes retire now, busy ones when their invocation ends. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
        spare.close();
        retireIdle();
        lock.lock();
        try {
            inheritedTmp.forEach(f -> f.thenAccept(RuntimeFiles::deleteTree));
            inheritedTmp.clear();
        } finally {
            lock.unlock();
        }
    }
}
