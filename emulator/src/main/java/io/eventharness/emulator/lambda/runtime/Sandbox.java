package io.eventharness.emulator.lambda.runtime;

import io.eventharness.emulator.lambda.runtime.Outcome.Kind;
import io.eventharness.emulator.lambda.runtime.RuntimeApiServer.NextExchange;
import io.eventharness.emulator.lambda.runtime.RuntimeApiServer.Reply;
import io.eventharness.emulator.lambda.runtime.RuntimeResolver.Resolved;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One execution environment: a process running the function's runtime (in a mount namespace whose
 * {@code /tmp} is the sandbox's private directory; see {@link SandboxProcess} for that side of it), its Runtime
 * API port, its log stream. It runs one invocation at a time.
 *
 * <p>Lifecycle as in AWS ("Lambda execution environment lifecycle"): INIT ends when the runtime first
 * asks for {@code /next} (or reports {@code /init/error}); each INVOKE hands one event over and ends with
 * {@code /response} or {@code /error}. A timeout, the process's death or running out of memory ends the
 * sandbox ("reset"): the runner starts a new one for the next event, and that one inherits the temp
 * directory, because AWS's reset does not clear {@code /tmp}.
 *
 * <p>Memory: the memory size bounds the whole process tree. While the sandbox works (INIT, an invocation)
 * the {@link MemoryWatch} reads its resident memory; when an invocation or INIT ends, the most the tree is known
 * to have held at once ({@link ProcessTree#peakKb()}: the runtime's own peak, {@code VmHWM}, or what the tree holds
 * then) is read too, so a peak of the runtime between two readings is not missed. Beyond the memory size
 * the sandbox is killed and the invocation fails with {@code Runtime.OutOfMemory}, REPORT showing the memory
 * size as Max Memory Used, as AWS reports an execution environment that ran out of memory.
 *
 * <p>A spare ({@link #startSpare}, see {@link SpareSandbox}) is started ahead of need and stops before its runtime
 * looks at the function. Until {@link #activate} it is no running sandbox: its memory is not watched, its log
 * lines are held back, and INIT, which its Init Duration measures, begins at activation.
 */
final class Sandbox implements RuntimeApiServer.RuntimeApi, MemoryWatch.Watched {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private enum Phase { INIT, READY, DEAD }

    /** One invocation in this sandbox. */
    private static final class Call {
        final Invocation invocation;
        final boolean cold;
        final CompletableFuture<InvocationResult> result = new CompletableFuture<>();
        final long dispatchedNanos = System.nanoTime();
        long deliveredNanos;
        boolean delivered;
        Outcome outcome;

        Call(Invocation invocation, boolean cold) {
            this.invocation = invocation;
            this.cold = cold;
        }
    }

    private final SandboxContext ctx;
    private final FunctionConfig config;
    private final SandboxProcess proc;
    private final SandboxLog log;
    private final ReentrantLock lock = new ReentrantLock();
    private final CompletableFuture<Outcome> init = new CompletableFuture<>();
    private SandboxOutput output;
    private Phase phase = Phase.INIT;
    private NextExchange parked;
    private Call current;
    private boolean reset;
    private long initEndNanos;
    private final AtomicInteger maxMemoryMb = new AtomicInteger();
    /** Whether the memory was read when the last invocation's answer came, so the {@code /next} after it need not. */
    private final AtomicBoolean readAtCompletion = new AtomicBoolean();
    private volatile boolean outOfMemory;

    /** @param jvmOptions JVM options beyond the usual; null: the engine's class-data archive, if any */
    Sandbox(SandboxContext ctx, FunctionConfig config, Resolved runtime, Path tmp, List<String> jvmOptions) {
        this.ctx = ctx;
        this.config = config;
        this.proc = new SandboxProcess(ctx, config, runtime, tmp, jvmOptions);
        this.log = proc.log();
    }

    String logStream() {
        return log.stream();
    }

    Path tmp() {
        return proc.tmp();
    }

    /** Whether the sandbox can take another invocation. */
    boolean reusable() {
        lock.lock();
        try {
            return phase == Phase.READY && !reset;
        } finally {
            lock.unlock();
        }
    }

    /** Whether it ended by a timeout, a crash or a failed init: its {@code /tmp} goes to its successor. */
    boolean wasReset() {
        lock.lock();
        try {
            return reset;
        } finally {
            lock.unlock();
        }
    }

    /** Starts the process; INIT goes on until {@link #invoke} finds it done. */
    void start() throws IOException {
        start(false);
    }

    /**
     * Starts the process as a spare: its runtime boots and waits for {@link #activate}. Java and Python only: a
     * custom runtime's {@code bootstrap} cannot be told to wait.
     */
    void startSpare() throws IOException {
        start(true);
    }

    private void start(boolean spare) throws IOException {
        boolean started = proc.start(this, spare);
        output = proc.output();
        if (!started) {
            lock.lock();
            try {
                phase = Phase.DEAD;
                reset = true;
            } finally {
                lock.unlock();
            }
            init.complete(null);
            return;
        }
        if (!spare) {
            ctx.services().memory().watch(this);
        }
        proc.exited().thenRunAsync(this::onExit, ctx.services().executor());
    }

    /** The process's id; -1 before it started. */
    long pid() {
        return proc.pid();
    }

    /** A spare's: completes once its runtime has booted and waits. */
    CompletableFuture<Void> spareReady() {
        return proc.spareReady();
    }

    /** Completes when the process has exited (a spare that died while it waited, too). */
    CompletableFuture<?> exited() {
        return proc.exited();
    }

    /** Completes when INIT ends, however it ends. */
    CompletableFuture<?> initEnded() {
        return init;
    }

    /**
     * Lets a spare go on, as a sandbox in INIT from now. False when it is of no use: its process is gone.
     */
    boolean activate() {
        lock.lock();
        try {
            if (phase != Phase.INIT) {
                return false;
            }
        } finally {
            lock.unlock();
        }
        ctx.services().memory().watch(this);
        if (!proc.activate()) {
            ctx.services().memory().unwatch(this);
            return false;
        }
        return true;
    }

    /** Runs one invocation to its end: a response, an error, a timeout or the process's death. */
    InvocationResult invoke(Invocation invocation, boolean cold) {
        Call call = new Call(invocation, cold);
        if (cold) {
            Outcome failed = awaitInit(invocation.requestId());
            if (failed != null) {
                call.outcome = failed;
                output.barrier(() -> {
                    begin(invocation);
                    publish(call);
                });
                kill();
                return await(call, 5_000);
            }
        }
        output.barrier(() -> begin(invocation));
        lock.lock();
        try {
            if (phase == Phase.DEAD) {
                call.outcome = outOfMemory ? Outcome.outOfMemory(invocation.requestId())
                        : Outcome.exit(invocation.requestId(), proc.exitCode());
            } else {
                current = call;
                if (parked != null) {
                    deliver(parked, call);
                    parked = null;
                }
            }
        } finally {
            lock.unlock();
        }
        if (call.outcome != null) {
            output.barrier(() -> publish(call));
            return await(call, 5_000);
        }
        long timeoutMillis = config.timeoutSeconds() * 1000L;
        try {
            return call.result.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            timeout(call);
            return await(call, 5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            timeout(call);
            return await(call, 5_000);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** On the output thread: START, after everything the sandbox wrote before. */
    private void begin(Invocation invocation) {
        log.begin();
        log.platform("START RequestId: " + invocation.requestId() + " Version: " + config.version());
    }

    /** Null when INIT ended with the runtime asking for work, else why it failed. */
    private Outcome awaitInit(String requestId) {
        Outcome failed;
        try {
            failed = init.get(ctx.runtimes().initTimeout().toMillis() + config.timeoutSeconds() * 1000L, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            failed = Outcome.timeout(requestId, config.timeoutSeconds(), ISO.format(ctx.services().clock().now()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed = Outcome.timeout(requestId, config.timeoutSeconds(), ISO.format(ctx.services().clock().now()));
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        String entrypointFailure = proc.entrypointFailure();
        if (entrypointFailure != null) {
            return Outcome.invalidEntrypoint(requestId, "Couldn't find valid bootstrap(s): [" + config.codeDirectory()
                    .resolve("bootstrap") + "]: " + entrypointFailure);
        }
        if (failed == null) {
            return null;
        }
        lock.lock();
        try {
            reset = true;
            if (initEndNanos == 0) {
                initEndNanos = System.nanoTime();
            }
            if (failed.kind() == Kind.EXIT) {
                return outOfMemory ? Outcome.outOfMemory(requestId) : Outcome.exit(requestId, proc.exitCode());
            }
            return failed;
        } finally {
            lock.unlock();
        }
    }

    private void timeout(Call call) {
        boolean mine = false;
        lock.lock();
        try {
            if (call.outcome == null) {
                call.outcome = Outcome.timeout(call.invocation.requestId(), config.timeoutSeconds(), ISO.format(ctx.services().clock().now()));
                current = null;
                reset = true;
                mine = true;
            }
        } finally {
            lock.unlock();
        }
        if (mine) {
            kill();
            output.barrier(() -> publish(call));
        }
    }

    /** The result once its log is complete; built without waiting further if the output thread is stuck. */
    private InvocationResult await(Call call, long millis) {
        try {
            return call.result.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | InterruptedException | ExecutionException e) {
            publish(call);
            return call.result.join();
        }
    }

    private void deliver(NextExchange exchange, Call call) {
        Map<String, String> headers = call.invocation.runtimeHeaders(config, ctx.services().clock().millis());
        call.deliveredNanos = System.nanoTime();
        call.delivered = true;
        ctx.services().memory().watch(this);
        exchange.send(headers, call.invocation.payload());
    }

    @Override
    public void next(NextExchange exchange) {
        ctx.services().memory().unwatch(this);
        // after an invocation, complete() has just read the memory; after INIT nothing has yet
        if (!readAtCompletion.getAndSet(false) && measureMemory()) {
            outOfMemory(); // INIT or the end of the last invocation went beyond the memory size
            return;
        }
        boolean initDone = false;
        lock.lock();
        try {
            if (phase == Phase.DEAD) {
                return; // the process is being stopped: left unanswered, as AWS leaves a frozen sandbox
            }
            if (phase == Phase.INIT) {
                phase = Phase.READY;
                initEndNanos = System.nanoTime();
                initDone = true;
            }
            if (current != null && !current.delivered) {
                deliver(exchange, current);
            } else {
                parked = exchange;
            }
        } finally {
            lock.unlock();
        }
        if (initDone) {
            proc.recordNamespace();
            init.complete(null);
        }
    }

    @Override
    public Reply response(String requestId, byte[] body, boolean tooLarge) {
        Call call = complete(requestId, tooLarge ? Outcome.responseTooLarge() : Outcome.success(body));
        if (call == null) {
            return Reply.INVALID_REQUEST_ID;
        }
        return tooLarge ? Reply.TOO_LARGE : Reply.ACCEPTED;
    }

    @Override
    public Reply error(String requestId, String errorType, byte[] body) {
        return complete(requestId, Outcome.posted(Kind.FUNCTION_ERROR, body, errorType)) == null
                ? Reply.INVALID_REQUEST_ID : Reply.ACCEPTED;
    }

    @Override
    public Reply initError(String errorType, byte[] body) {
        lock.lock();
        try {
            if (phase != Phase.INIT) {
                return Reply.forbidden("init/error is only accepted while the runtime initializes");
            }
            phase = Phase.DEAD;
            initEndNanos = System.nanoTime();
        } finally {
            lock.unlock();
        }
        measureMemory();
        init.complete(Outcome.posted(Kind.INIT_ERROR, body, errorType));
        return Reply.ACCEPTED;
    }

    /**
     * Ends the current invocation with {@code outcome} if {@code requestId} is the one in flight; with
     * {@code Runtime.OutOfMemory} instead if the sandbox went beyond its memory size on the way.
     */
    private Call complete(String requestId, Outcome outcome) {
        boolean over = measureMemory();
        readAtCompletion.set(!over);
        Call call;
        lock.lock();
        try {
            call = current;
            if (call == null || !call.delivered || call.outcome != null || !call.invocation.requestId().equals(requestId)) {
                return null;
            }
            if (over && !outOfMemory) {
                outOfMemory = true;
                reset = true;
                outcome = Outcome.outOfMemory(requestId);
            }
            call.outcome = outcome;
            current = null;
        } finally {
            lock.unlock();
        }
        if (over) {
            maxMemoryMb.set(config.memoryMb());
            kill();
        }
        output.barrier(() -> publish(call));
        return call;
    }

    /** The memory watch's reading: beyond the memory size, the sandbox ends as AWS's would. */
    @Override
    public void checkMemory() {
        ProcessTree t = proc.tree();
        if (t == null) {
            return;
        }
        long bytes = t.residentBytes();
        if (bytes > config.memoryMb() * (1L << 20)) {
            outOfMemory();
        } else if (bytes > 0) {
            maxMemoryMb.accumulateAndGet((int) ((bytes + (1 << 20) - 1) >> 20), Math::max);
        }
    }

    /**
     * Kills the sandbox for using more than its memory size; the invocation in flight, if any, fails with
     * {@code Runtime.OutOfMemory}, and so does INIT (see {@link #awaitInit}).
     */
    private void outOfMemory() {
        Call killed = null;
        lock.lock();
        try {
            if (outOfMemory || phase == Phase.DEAD) {
                return;
            }
            outOfMemory = true;
            reset = true;
            if (current != null && current.outcome == null) {
                killed = current;
                killed.outcome = Outcome.outOfMemory(killed.invocation.requestId());
                current = null;
            }
        } finally {
            lock.unlock();
        }
        ctx.services().memory().unwatch(this);
        maxMemoryMb.set(config.memoryMb());
        kill();
        if (killed != null) {
            Call c = killed;
            output.barrier(() -> publish(c));
        }
    }

    private void onExit() {
        ctx.services().memory().unwatch(this);
        int code = proc.exitCode();
        Call crashed = null;
        lock.lock();
        try {
            if (phase != Phase.DEAD) {
                reset = true;
            }
            phase = Phase.DEAD;
            if (current != null && current.outcome == null) {
                crashed = current;
                crashed.outcome = outOfMemory ? Outcome.outOfMemory(crashed.invocation.requestId())
                        : Outcome.exit(crashed.invocation.requestId(), code);
                current = null;
            }
            parked = null;
        } finally {
            lock.unlock();
        }
        init.complete(Outcome.exit("", code));
        if (crashed != null) {
            Call c = crashed;
            output.barrier(() -> publish(c));
        }
        output.finish(() -> { });
    }

    /** On the output thread: the platform's closing lines, then the result. */
    private void publish(Call call) {
        synchronized (call) {
            if (call.result.isDone()) {
                return;
            }
            Outcome o = call.outcome;
            String id = call.invocation.requestId();
            for (String line : o.logLines()) {
                log.platform(line);
            }
            log.reportDropped();
            log.platform("END RequestId: " + id);
            long from = call.delivered ? call.deliveredNanos : call.dispatchedNanos;
            double duration = Math.max(0, o.endNanos() - from) / 1e6;
            if (o.kind() == Kind.TIMEOUT) {
                duration = Math.max(duration, config.timeoutSeconds() * 1000.0); // the clock started at hand-over
            }
            long billed = o.kind() == Kind.TIMEOUT ? config.timeoutSeconds() * 1000L : Math.max(1, (long) Math.ceil(duration));
            Double initMs = call.cold && initEndNanos > 0 ? (initEndNanos - proc.initStartNanos()) / 1e6 : null;
            int maxUsed = maxMemoryMb.get();
            log.platform(SandboxLog.report(id, duration, billed, config.memoryMb(), maxUsed, initMs));
            call.result.complete(new InvocationResult(id, o.payload(), o.kind() == Kind.SUCCESS ? null : "Unhandled",
                    o.errorType(), call.cold, duration, billed, initMs, config.memoryMb(), maxUsed, log.stream(),
                    log.take(), config.version()));
        }
    }

    /**
     * Reads the tree's peak memory into Max Memory Used (the memory size at most: beyond it the sandbox is
     * ended); whether it went beyond the memory size.
     */
    private boolean measureMemory() {
        ProcessTree t = proc.tree();
        if (t == null) {
            return false;
        }
        long kb = t.peakKb();
        if (kb <= 0) {
            return false; // gone: the last reading stands
        }
        int mb = (int) Math.min(config.memoryMb(), (kb + 1023) / 1024);
        maxMemoryMb.accumulateAndGet(mb, Math::max);
        return kb > config.memoryMb() * 1024L;
    }

    /** SIGKILL to the process and its children; {@link #destroy} waits for them. */
    private void kill() {
        proc.kill();
    }

    /** Stops the process as {@code docker stop} would (SIGTERM), waiting for it to exit; a JVM writes its archive. */
    void terminate() {
        lock.lock();
        try {
            phase = Phase.DEAD;
        } finally {
            lock.unlock();
        }
        proc.terminate();
    }

    /**
     * Ends the sandbox: every process of it is killed and waited for (so nothing writes to its directory any
     * more), the port closed, the directory removed unless {@code keepTmp}.
     *
     * @return whether all its processes are dead
     */
    boolean destroy(boolean keepTmp) {
        lock.lock();
        try {
            phase = Phase.DEAD;
            parked = null;
        } finally {
            lock.unlock();
        }
        ctx.services().memory().unwatch(this);
        return proc.destroy(keepTmp);
    }
}
