package io.eventharness.emulator.lambda.runtime;

import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.lambda.runtime.RuntimeResolver.Resolved;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The operating system's side of one {@link Sandbox}: the runtime's process (in a mount namespace whose
 * {@code /tmp} is the sandbox's private directory, see {@link PrivateTmp}), its output and log stream, its Runtime
 * API port.
 *
 * <p>A spare ({@link #start} with {@code spare}) boots its runtime and waits, before the runtime looks at the
 * function, for {@link #activate}: what AWS keeps ready in its pool of execution environments. Until then its
 * log lines are held back, so that no log stream exists in CloudWatch before the sandbox is used.
 */
final class SandboxProcess {
    /** The day part of a log stream's name ({@code YYYY/MM/DD/[$LATEST]<32 hex>}). */
    static final DateTimeFormatter STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private final SandboxContext ctx;
    private final FunctionConfig config;
    private final Resolved runtime;
    private final Path tmp;
    /** JVM options beyond the usual; null: the engine's class-data archive, if any. */
    private final List<String> jvmOptions;
    private final SandboxLog log;
    private final CompletableFuture<Void> spareReady = new CompletableFuture<>();
    private volatile SandboxOutput output;
    private RuntimeApiServer.Endpoint endpoint;
    private volatile Process process;
    private volatile ProcessTree tree;
    private volatile boolean ownNamespace;
    private volatile boolean spare;
    /** When INIT began: the process's start, or a spare's activation. */
    private volatile long initStartNanos;
    /** Why the process could not be started, if it could not. */
    private volatile String entrypointFailure;

    SandboxProcess(SandboxContext ctx, FunctionConfig config, Resolved runtime, Path tmp, List<String> jvmOptions) {
        this.ctx = ctx;
        this.config = config;
        this.runtime = runtime;
        this.tmp = tmp;
        this.jvmOptions = jvmOptions;
        EmulatorClock clock = ctx.services().clock();
        String stream = STREAM_DATE.format(clock.now()) + "/[" + config.version() + "]" + Ids.hex(16);
        this.log = ctx.logging().open(config.logGroup(), stream, clock);
    }

    SandboxLog log() {
        return log;
    }

    SandboxOutput output() {
        return output;
    }

    Path tmp() {
        return tmp;
    }

    ProcessTree tree() {
        return tree;
    }

    long initStartNanos() {
        return initStartNanos;
    }

    /** The process's id; -1 before it started. */
    long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    String entrypointFailure() {
        return entrypointFailure;
    }

    /**
     * Starts the process, its Runtime API answered by {@code api}; a spare waits for {@link #activate}. False when
     * it could not be started ({@link #entrypointFailure()} says why); the output is finished then.
     */
    boolean start(RuntimeApiServer.RuntimeApi api, boolean asSpare) throws IOException {
        spare = asSpare;
        Files.createDirectories(tmp);
        output = SandboxOutput.open(ctx.host().fifos().take());
        if (asSpare) {
            log.hold();
        }
        output.start("lambda-log-" + config.functionName(), this::onLine);
        PrivateTmp.Launch isolation = ctx.host().privateTmp().launch(tmp, config.codeDirectory());
        List<String> warnings = new ArrayList<>();
        if (runtime.warning() != null) {
            warnings.add(runtime.warning());
        }
        if (!isolation.isolated()) {
            warnings.add(ctx.host().privateTmp().warning());
        }
        String taskRoot = ctx.host().privateTmp().taskRootWarning(isolation);
        if (taskRoot != null) {
            warnings.add(taskRoot);
        }
        if (!warnings.isEmpty()) {
            output.barrier(() -> warnings.forEach(log::platform));
        }
        endpoint = ctx.services().api().open(api);
        JavaClassDataSharing cds = ctx.runtimes().cds();
        List<String> extra = jvmOptions != null ? jvmOptions
                : runtime.family() == RuntimeResolver.Family.JAVA && cds != null ? cds.options(runtime) : List.of();
        ProcessBuilder pb = SandboxLaunch.processBuilder(ctx.runtimes(), config, runtime, isolation, tmp, extra, log.stream(),
                endpoint.address(), output.path(), asSpare, ctx.services().credentials().issue(config.roleArn(), config.functionName()));
        ownNamespace = isolation.isolated();
        initStartNanos = System.nanoTime();
        try {
            process = SandboxLaunch.start(pb, runtime, config);
        } catch (IOException e) {
            entrypointFailure = e.getMessage();
            output.finish(() -> { });
            return false;
        }
        tree = new ProcessTree(process);
        return true;
    }

    /** Completes when the process has exited; never when it did not start. */
    CompletableFuture<Process> exited() {
        Process p = process;
        return p == null ? new CompletableFuture<>() : p.onExit();
    }

    /** A spare's: completes once its runtime has booted and waits (for tests and the benchmark). */
    CompletableFuture<Void> spareReady() {
        return spareReady;
    }

    /**
     * Lets a spare go on: its runtime now loads the function, and INIT is timed from now. The lines it wrote while
     * it waited reach the log now, ahead of INIT's. False when the process is gone.
     */
    boolean activate() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return false;
        }
        initStartNanos = System.nanoTime();
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write('\n'); // then closed: the runtime reads end-of-file, as from /dev/null without a spare
        } catch (IOException e) {
            return false;
        }
        output.barrier(log::release);
        return true;
    }

    /** After INIT: the namespace the shell made (unshare has made it by then), for the sweep at the end. */
    void recordNamespace() {
        if (ownNamespace) {
            tree.recordNamespace();
        }
    }

    /** The exit code, or 0 while the process is still running. */
    int exitCode() {
        Process p = process;
        return p == null || p.isAlive() ? 0 : p.exitValue();
    }

    /** SIGKILL to the process and its children; {@link #destroy} waits for them. */
    void kill() {
        ProcessTree t = tree;
        if (t != null) {
            t.kill();
        }
    }

    /** SIGTERM, as {@code docker stop}, and waits for the exit; a JVM writes its class-data archive then. */
    void terminate() {
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

    /**
     * Kills every process of it and waits for them (so that nothing writes to its directory any more), closes the
     * port, removes the directory unless {@code keepTmp}. Whether all its processes are dead.
     */
    boolean destroy(boolean keepTmp) {
        boolean dead = true;
        if (tree != null) {
            dead = tree.killAndAwait(5_000);
            if (!dead) {
                org.slf4j.LoggerFactory.getLogger(Sandbox.class).warn("processes of a sandbox of {} outlived 5 s after SIGKILL",
                        config.functionName());
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
        return dead;
    }

    private void onLine(String line) {
        if (spare && !spareReady.isDone() && line.equals(SpareLauncher.READY)) {
            spareReady.complete(null); // the launcher's, written before the runtime runs: never logged
            return;
        }
        log.output(line);
    }
}
