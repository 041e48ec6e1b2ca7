package io.eventharness.emulator.lambda.runtime;

import io.eventharness.emulator.core.EmulatorClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs Lambda functions the way AWS runs them: each sandbox is an OS process running the function's
 * runtime (the official Java runtime interface client, a Python or Node.js bootstrap, or the function's own
 * {@code bootstrap}), which pulls its events from a Lambda Runtime API that this engine serves. Nothing
 * here knows the Lambda HTTP API; that layer creates one {@link FunctionRunner} per function version.
 *
 * <pre>{@code
 * try (LambdaEngine engine = LambdaEngine.builder(emulator.clock()).logSink(logs).build()) {
 *     FunctionRunner fn = engine.runner(config);
 *     InvocationResult r = fn.invoke(Invocation.of("{\"x\":10,\"y\":2}"));
 * }
 * }</pre>
 *
 * <p>Differences from AWS: sandboxes are processes, not micro-VMs. They share the machine's file system
 * and user, except {@code /tmp}: on Linux each sandbox has its own (a mount namespace, see
 * {@link PrivateTmp}); where that is not possible it gets a private directory through {@code TMPDIR} and
 * {@code java.io.tmpdir} and says so in its log. The memory size bounds each sandbox's processes together:
 * beyond it the sandbox is killed and the invocation fails with {@code Runtime.OutOfMemory}, as in AWS
 * (read every 10 ms while it works, and when INIT and each invocation end, with the runtime's own peak then);
 * Java's heap is {@code -Xmx} 85% of it, as AWS sets it. No CPU share follows the memory size.
 *
 * <p>Cold starts: a runner prepares a spare sandbox ({@link SpareSandbox}: the process started and the runtime
 * booted, the function's code not loaded) that its first cold start takes, as AWS provisions execution
 * environments ahead of need; the function's INIT still runs in that invocation. On a 2-core machine this makes
 * the cold start of an empty handler about as fast as a bare start of its interpreter; see
 * {@link LambdaEngineBuilder#spareSandboxes}.
 */
public final class LambdaEngine implements AutoCloseable {
    /** The most {@link #close()} waits for sandboxes to be gone, and then for the engine's background work. */
    private static final long SHUTDOWN_WAIT_SECONDS = 5;

    private final SandboxContext ctx;
    private final Duration keepAlive;
    private final RuntimeResolver runtimes;
    private final ExecutorService executor;
    private final JavaClassDataSharing cds;
    private final List<FunctionRunner> runners = new ArrayList<>();
    private final PrivateTmp privateTmp;
    private final MemoryWatch memory = new MemoryWatch();
    private final boolean spares;
    /** Sandboxes that make class-data archives: killed, not waited for, when the engine closes. */
    private final Set<Sandbox> training = ConcurrentHashMap.newKeySet();
    private RuntimeApiServer api;
    private volatile boolean closed;

    LambdaEngine(LambdaEngineBuilder b) {
        AtomicInteger n = new AtomicInteger();
        // A cached pool that, once the engine is closing, runs what it is handed on the caller's thread instead
        // of refusing it: a sandbox's clean-up (its exit, its retirement, a spare's destruction) must happen
        // even when it comes after close() (an invocation still running then ends later).
        this.executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "lambda-engine-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, (task, pool) -> task.run());
        Path work;
        try {
            Files.createDirectories(b.workRoot);
            work = Files.createTempDirectory(b.workRoot, "engine-");
            // close() deletes it; an engine a JVM exits without closing (a test suite's shared emulator) leaves
            // it empty once its sandboxes are gone, and then it goes with the JVM
            work.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Lambda work directory in " + b.workRoot, e);
        }
        this.keepAlive = b.keepAlive;
        this.runtimes = b.runtimes;
        this.spares = b.spareSandboxes;
        RuntimeFiles files = b.pythonSite == null ? new RuntimeFiles(b.cacheRoot) : new RuntimeFiles(b.cacheRoot, b.pythonSite);
        this.cds = new JavaClassDataSharing(files, executor, this::trainClassDataSharing);
        this.privateTmp = new PrivateTmp(work, List.of(work, b.cacheRoot), executor, b.privateTmp, b.userNamespace);
        this.ctx = new SandboxContext(new SandboxContext.Services(b.clock, executor, this::api, memory, b.credentials),
                new SandboxContext.Host(work, new FifoPool(work, executor), privateTmp),
                new SandboxContext.Runtimes(files, b.cacheRoot, b.classDataSharing ? cds : null, b.initTimeout),
                new SandboxContext.Logging(b.sink, b.sinkBudget, b.keptBytes));
    }

    /** A builder; {@code clock} is the emulator's clock. */
    public static LambdaEngineBuilder builder(EmulatorClock clock) {
        return new LambdaEngineBuilder(clock);
    }

    /** The resolver that maps runtime ids to interpreters. */
    public RuntimeResolver runtimes() {
        return runtimes;
    }

    /**
     * A runner for one function version, without a concurrency limit of its own (AWS's default account
     * limit, 1000).
     *
     * @throws UnknownRuntimeException when the runtime cannot be run here
     */
    public FunctionRunner runner(FunctionConfig config) {
        return runner(config, 1000);
    }

    /**
     * A runner for one function version with at most {@code maxConcurrency} invocations in flight. Unless turned
     * off, it starts preparing a spare sandbox at once, for its first cold start.
     *
     * @throws UnknownRuntimeException when the runtime cannot be run here
     */
    public synchronized FunctionRunner runner(FunctionConfig config, int maxConcurrency) {
        if (closed) {
            throw new IllegalStateException("the Lambda engine is closed");
        }
        RuntimeResolver.Resolved runtime = runtimes.resolve(config.runtime());
        privateTmp.probe(); // in the background, while the Lambda API answers: the first sandbox needs it
        FunctionRunner r = new FunctionRunner(ctx, config, runtime, keepAlive, maxConcurrency, spares);
        runners.removeIf(FunctionRunner::isClosed); // updated and deleted functions' runners: nothing left to close
        runners.add(r);
        r.prepareSpare();
        return r;
    }

    /** The runners not yet closed that the engine holds (closed ones are let go when the next is made). */
    synchronized int runnersHeld() {
        return runners.size();
    }

    /**
     * Runs {@link CdsWarmUp} in a sandbox whose JVM writes its loaded classes to {@code archive} when
     * stopped. Its log goes nowhere. It starts as a spare, activated at once, so that the archive holds what a
     * spare loads as well.
     */
    private void trainClassDataSharing(RuntimeResolver.Resolved runtime, Path archive) {
        Path root;
        try {
            root = cds.warmUpTaskRoot();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FunctionConfig config = FunctionConfig.builder("event-harness-cds-training").runtime(runtime.runtime())
                .handler(CdsWarmUp.class.getName() + "::handle").codeDirectory(root).memoryMb(512).timeoutSeconds(60).build();
        Sandbox s = new Sandbox(ctx.withSink(LogSink.DISCARD), config, runtime, ctx.host().workDir().resolve("tmp-cds-" +
                Integer.toHexString(archive.hashCode())), JavaClassDataSharing.trainingOptions(runtime.executable(), archive));
        training.add(s);
        try {
            if (closed) {
                throw new CancellationException("the Lambda engine closed");
            }
            s.startSpare();
            s.activate();
            s.invoke(Invocation.of("{\"warm\":\"up\"}"), true);
            s.invoke(Invocation.of("{\"warm\":\"again\"}"), false);
            s.terminate();
            if (closed) {
                throw new CancellationException("the Lambda engine closed while the archive was made"); // it may be cut short
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            training.remove(s);
            s.destroy(false);
        }
    }

    /**
     * Whether sandboxes get a {@code /tmp} of their own (a mount namespace each); false when it is turned off or
     * not possible here, in which case each sandbox's log says why. Waits for the probe, run once per engine.
     */
    public boolean privateTmp() {
        return privateTmp.mode() != PrivateTmp.Mode.SHARED;
    }

    /**
     * Whether sandboxes see their task root at {@code /var/task}, as in AWS (a mount in their own namespace); false
     * when it cannot be mounted there, in which case each sandbox's log says why. Waits for the probe.
     */
    public boolean taskRootAtVarTask() {
        return privateTmp.varTask();
    }

    /** Whether functions get spare sandboxes ({@link LambdaEngineBuilder#spareSandboxes}). */
    public boolean spareSandboxes() {
        return spares;
    }

    /** How sandboxes get their /tmp (waits for the probe). */
    PrivateTmp.Mode privateTmpMode() {
        return privateTmp.mode();
    }

    private synchronized RuntimeApiServer api() {
        if (api == null) {
            api = new RuntimeApiServer();
        }
        return api;
    }

    /**
     * Ends every sandbox now, busy ones too (their invocations end as a crash), and a class-data archive being made
     * (it is made again next time), then stops the Runtime API. Takes as long as killing the processes: the
     * standalone emulator stops on SIGTERM within a second or two whatever its functions are doing.
     */
    @Override
    public void close() {
        List<FunctionRunner> all;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            all = new ArrayList<>(runners);
        }
        training.forEach(Sandbox::kill);
        CompletableFuture<?>[] gone = all.stream().map(FunctionRunner::shutDown).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(gone).get(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // processes that outlived SIGKILL were logged by their sandbox
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        memory.close();
        executor.shutdown();
        try {
            executor.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (api != null) {
                api.close();
            }
        }
        RuntimeFiles.deleteTree(ctx.host().workDir());
    }
}
