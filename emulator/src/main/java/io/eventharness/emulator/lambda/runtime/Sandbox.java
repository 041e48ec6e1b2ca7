package io.eventharness.emulator.lambda.runtime;

import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.lambda.runtime.Outcome.Kind;
import io.eventharness.emulator.lambda.runtime.RuntimeApiServer.NextExchange;
import io.eventharness.emulator.lambda.runtime.RuntimeApiServer.Reply;
import io.eventharness.emulator.lambda.runtime.RuntimeResolver.Resolved;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One execution environment: a process running the function's runtime, its Runtime API port, its
 * private temp directory and its log stream. It runs one invocation at a time.
 *
 * <p>Lifecycle as in AWS ("Lambda execution environment lifecycle"): INIT ends when the runtime first
 * asks for {@code /next} (or reports {@code /init/error}); each INVOKE hands one event over and ends with
 * {@code /response} or {@code /error}. A timeout or the process's death ends the sandbox ("reset"): the
 * runner starts a new one for the next event, and that one inherits the temp directory, because AWS's
 * reset does not clear {@code /tmp}.
 */
final class Sandbox implements RuntimeApiServer.RuntimeApi {
    /** {@code /proc/<pid>/status} is about 1.5 KB; VmHWM is in its first half. */
    private static final int STATUS_BYTES = 4096;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

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
    private final Resolved runtime;
    private final Path tmp;
    /** JVM options beyond the usual; null: the engine's class-data archive, if any. */
    private final List<String> jvmOptions;
    private final SandboxLog log;
    private final ReentrantLock lock = new ReentrantLock();
    private final CompletableFuture<Outcome> init = new CompletableFuture<>();
    private SandboxOutput output;
    private RuntimeApiServer.Endpoint endpoint;
    private Process process;
    private Phase phase = Phase.INIT;
    private NextExchange parked;
    private Call current;
    private boolean reset;
    private long startNanos;
    private long initEndNanos;
    private volatile int maxMemoryMb;
    /** Why the process could not be started, if it could not. */
    private volatile String entrypointFailure;

    Sandbox(SandboxContext ctx, FunctionConfig config, Resolved runtime, Path tmp, List<String> jvmOptions) {
        this.ctx = ctx;
        this.config = config;
        this.runtime = runtime;
        this.tmp = tmp;
        this.jvmOptions = jvmOptions;
        String stream = STREAM_DATE.format(ctx.clock().now()) + "/[" + config.version() + "]" + Ids.hex(16);
        this.log = new SandboxLog(ctx.sink(), config.logGroup(), stream, ctx.clock(), ctx.sinkBudget(), ctx.keptBytes());
    }

    String logStream() {
        return log.stream();
    }

    Path tmp() {
        return tmp;
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
        Files.createDirectories(tmp);
        output = SandboxOutput.open(ctx.fifos().take());
        output.start("lambda-log-" + config.functionName(), this::onLine);
        if (runtime.warning() != null) {
            output.barrier(() -> log.platform(runtime.warning()));
        }
        endpoint = ctx.api().open(this);
        List<String> extra = jvmOptions != null ? jvmOptions
                : runtime.family() == RuntimeResolver.Family.JAVA && ctx.cds() != null ? ctx.cds().options(runtime) : List.of();
        SandboxLaunch launch = SandboxLaunch.of(config, runtime, ctx.files(), tmp, ctx.cacheRoot(), extra);
        ProcessBuilder pb = new ProcessBuilder(launch.command()).directory(config.codeDirectory().toFile())
                .redirectErrorStream(true).redirectOutput(output.path().toFile()).redirectInput(Redirect.from(new File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(launch.environment(config, runtime, log.stream(), endpoint.address(), tmp));
        startNanos = System.nanoTime();
        try {
            process = pb.start();
        } catch (IOException e) {
            entrypointFailure = e.getMessage();
            lock.lock();
            try {
                phase = Phase.DEAD;
                reset = true;
            } finally {
                lock.unlock();
            }
            init.complete(null);
            output.finish(() -> { });
            return;
        }
        process.onExit().thenRunAsync(this::onExit, ctx.executor());
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
                call.outcome = Outcome.exit(invocation.requestId(), exitCode());
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
            failed = init.get(ctx.initTimeout().toMillis() + config.timeoutSeconds() * 1000L, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            failed = Outcome.timeout(requestId, config.timeoutSeconds(), ISO.format(ctx.clock().now()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed = Outcome.timeout(requestId, config.timeoutSeconds(), ISO.format(ctx.clock().now()));
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
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
                return Outcome.exit(requestId, exitCode());
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
                call.outcome = Outcome.timeout(call.invocation.requestId(), config.timeoutSeconds(), ISO.format(ctx.clock().now()));
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
        Invocation inv = call.invocation;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Lambda-Runtime-Aws-Request-Id", inv.requestId());
        // the function compares the deadline with its own OS clock, so it is real time, not emulator time
        headers.put("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + config.timeoutSeconds() * 1000L));
        headers.put("Lambda-Runtime-Invoked-Function-Arn", inv.invokedFunctionArn() != null ? inv.invokedFunctionArn() : config.functionArn());
        headers.put("Lambda-Runtime-Trace-Id", inv.traceId() != null ? inv.traceId() : traceHeader());
        if (inv.clientContext() != null) {
            headers.put("Lambda-Runtime-Client-Context", inv.clientContext());
        }
        if (inv.cognitoIdentity() != null) {
            headers.put("Lambda-Runtime-Cognito-Identity", inv.cognitoIdentity());
        }
        call.deliveredNanos = System.nanoTime();
        call.delivered = true;
        exchange.send(headers, inv.payload());
    }

    /** An X-Ray trace header: {@code Root=1-<epoch seconds hex>-<96 bits hex>;Parent=<64 bits>;Sampled=0}. */
    private String traceHeader() {
        return "Root=1-" + Long.toHexString(ctx.clock().millis() / 1000) + "-" + Ids.hex(12) + ";Parent=" + Ids.hex(8) + ";Sampled=0";
    }

    @Override
    public void next(NextExchange exchange) {
        lock.lock();
        try {
            if (phase == Phase.DEAD) {
                return; // the process is being stopped: left unanswered, as AWS leaves a frozen sandbox
            }
            if (phase == Phase.INIT) {
                phase = Phase.READY;
                initEndNanos = System.nanoTime();
                init.complete(null);
            }
            if (current != null && !current.delivered) {
                deliver(exchange, current);
            } else {
                parked = exchange;
            }
        } finally {
            lock.unlock();
        }
        readMemory();
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
        readMemory();
        init.complete(Outcome.posted(Kind.INIT_ERROR, body, errorType));
        return Reply.ACCEPTED;
    }

    /** Ends the current invocation with {@code outcome} if {@code requestId} is the one in flight. */
    private Call complete(String requestId, Outcome outcome) {
        Call call;
        lock.lock();
        try {
            call = current;
            if (call == null || !call.delivered || call.outcome != null || !call.invocation.requestId().equals(requestId)) {
                return null;
            }
            call.outcome = outcome;
            current = null;
        } finally {
            lock.unlock();
        }
        readMemory();
        output.barrier(() -> publish(call));
        return call;
    }

    /** The exit code, or 0 while the process is still running. */
    private int exitCode() {
        Process p = process;
        return p == null || p.isAlive() ? 0 : p.exitValue();
    }

    private void onExit() {
        int code = process.exitValue();
        Call crashed = null;
        lock.lock();
        try {
            if (phase != Phase.DEAD) {
                reset = true;
            }
            phase = Phase.DEAD;
            if (current != null && current.outcome == null) {
                crashed = current;
                crashed.outcome = Outcome.exit(crashed.invocation.requestId(), code);
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
            Double initMs = call.cold && initEndNanos > 0 ? (initEndNanos - startNanos) / 1e6 : null;
            log.platform(SandboxLog.report(id, duration, billed, config.memoryMb(), maxMemoryMb, initMs));
            call.result.complete(new InvocationResult(id, o.payload(), o.kind() == Kind.SUCCESS ? null : "Unhandled",
                    o.errorType(), call.cold, duration, billed, initMs, config.memoryMb(), maxMemoryMb, log.stream(),
                    log.take(), config.version()));
        }
    }

    private void onLine(String line) {
        log.output(line);
    }

    /** The process's peak resident memory ({@code VmHWM}), as REPORT's {@code Max Memory Used}. */
    private void readMemory() {
        Process p = process;
        if (p == null) {
            return;
        }
        try {
            byte[] status;
            try (InputStream in = Files.newInputStream(Path.of("/proc", Long.toString(p.pid()), "status"))) {
                status = in.readNBytes(STATUS_BYTES);
            }
            long kb = vmHwmKb(status);
            if (kb >= 0) {
                maxMemoryMb = (int) Math.max(maxMemoryMb, (kb + 1023) / 1024);
            }
        } catch (IOException | RuntimeException e) {
            // the process is gone: the last reading stands
        }
    }

    /**
     * The {@code VmHWM:} value (kB) of a {@code /proc/<pid>/status} file, or -1 when it has none. Read twice
     * per invocation, so the bytes are scanned rather than decoded into lines.
     */
    static long vmHwmKb(byte[] status) {
        byte[] key = {'V', 'm', 'H', 'W', 'M', ':'};
        outer:
        for (int i = 0; i + key.length <= status.length; i++) {
            if (i > 0 && status[i - 1] != '\n') {
                continue;
            }
            for (int j = 0; j < key.length; j++) {
                if (status[i + j] != key[j]) {
                    continue outer;
                }
            }
            int at = i + key.length;
            while (at < status.length && (status[at] == ' ' || status[at] == '\t')) {
                at++;
            }
            long kb = 0;
            int digits = 0;
            for (; at < status.length && status[at] >= '0' && status[at] <= '9'; at++, digits++) {
                kb = kb * 10 + (status[at] - '0');
            }
            return digits > 0 ? kb : -1;
        }
        return -1;
    }

    private void kill() {
        Process p = process;
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    /** Stops the process as {@code docker stop} would (SIGTERM), waiting for it to exit; a JVM writes its archive. */
    void terminate() {
        lock.lock();
        try {
            phase = Phase.DEAD;
        } finally {
            lock.unlock();
        }
        Process p = process;
        if (p != null) {
            p.destroy();
            try {
                p.onExit().get(60, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // killed by destroy()
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Ends the sandbox: the process and its children are killed, the port closed, the directory removed. */
    void destroy(boolean keepTmp) {
        lock.lock();
        try {
            phase = Phase.DEAD;
            parked = null;
        } finally {
            lock.unlock();
        }
        kill();
        if (process != null) {
            try {
                process.onExit().get(5, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // left to the OS
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (output != null) {
            output.close();
        }
        if (endpoint != null) {
            endpoint.close();
        }
        if (!keepTmp) {
            RuntimeFiles.deleteTree(tmp);
        }
    }
}
