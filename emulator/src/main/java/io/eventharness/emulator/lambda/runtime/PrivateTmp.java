package io.eventharness.emulator.lambda.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Each sandbox's own {@code /tmp}, and its task root at {@code /var/task}: in AWS the {@code /tmp} storage "is
 * temporary and unique to each execution environment" (Lambda developer guide, "Configure ephemeral storage for
 * Lambda functions"), so its files survive warm reuse (and a reset, see {@code FunctionRunner}), and a new execution
 * environment starts with an empty one; and a function's code is at {@code /var/task}, which its
 * {@code LAMBDA_TASK_ROOT}, working directory, stack traces and Python's {@code __file__} show.
 *
 * <p>On Linux the sandbox process starts in a mount namespace of its own, in which the sandbox's private
 * directory is bind-mounted on {@code /tmp}:
 *
 * <pre>
 * unshare --mount --propagation private [--map-root-user] /bin/sh -c \
 *     '/usr/bin/mount -n --bind "$1" /tmp &amp;&amp; shift &amp;&amp; exec "$@"' eh-sandbox &lt;private dir&gt; &lt;runtime command...&gt;
 * </pre>
 *
 * With {@code /var/task} (below), the task root is first bind-mounted there and the shell enters it:
 * {@code mount -n --bind "$2" /var/task && mount -n --bind "$1" /tmp && cd /var/task && ...}.
 *
 * <p>{@code unshare} and the shell each replace themselves ({@code exec}), so the process the engine started is
 * the runtime itself: its pid, exit status, children and memory are the runtime's, and killing it works as
 * without the namespace (no {@code --fork}, so no parent process in between and no {@code --kill-child} needed).
 * {@code --propagation private} keeps the mount from reaching the machine's namespace. As root, a mount
 * namespace is enough; otherwise a user namespace is made too ({@code --map-root-user}: the function runs as
 * uid 0 inside it, as the user outside).
 *
 * <p>{@code /var/task} must exist as a mount point: the probe creates the empty directory when the engine runs as
 * root and it is missing (mounting on it in a sandbox's own namespace changes nothing outside); where it is missing
 * and cannot be made, or mounting on it is not allowed, the task root is seen at another path and each sandbox's
 * log says so ({@link #taskRootWarning}). Python's bytecode cache is kept per task root by the engine
 * ({@code SandboxLaunch}), since every function's code is at the same path.
 *
 * <p>What the covered {@code /tmp} hides: everything the engine keeps there. So the engine keeps its own
 * directories elsewhere (see {@code LambdaEngineBuilder#workDirectory}); without {@code /var/task}, a task root
 * under {@code /tmp} (unpacked code often is) is bind-mounted first on a mount point of the same path under the
 * engine's {@code task-root} directory ({@code /tmp/code/fn} on {@code <work>/task-root/code/fn}), and the sandbox
 * sees it there ({@code LAMBDA_TASK_ROOT}, the working directory). The sandbox's output pipe is opened by the
 * engine before the process starts, so its path does not matter.
 *
 * <p>Where this cannot work (not Linux, no {@code unshare}, namespaces not allowed, the engine's directories
 * under {@code /tmp}) a probe ({@link PrivateTmpProbe}), run once per engine, says so: sandboxes then get their private directory
 * through {@code TMPDIR} and {@code java.io.tmpdir} only, share the literal {@code /tmp} with the machine,
 * and say so in one line of their log, as they say that their task root is not {@code /var/task}.
 */
final class PrivateTmp {
    static final Path TMP = Path.of("/tmp");
    /** Where AWS puts a function's code. */
    static final Path VAR_TASK = Path.of("/var/task");
    static final String NAME = "eh-sandbox";

    /** The shell script: {@code $1} goes on /tmp, then the runtime ({@code $2...}) replaces the shell. */
    static String cover(String mount) {
        return mount + " -n --bind \"$1\" /tmp && shift && exec \"$@\"";
    }

    /** The same, but first the task root {@code $2} is mounted on {@code /var/task}, and the shell enters it. */
    static String coverWithVarTask(String mount) {
        return mount + " -n --bind \"$2\" " + VAR_TASK + " && " + mount + " -n --bind \"$1\" /tmp && cd " + VAR_TASK
                + " && unset OLDPWD && shift 2 && exec \"$@\"";
    }

    /** The same, but first the task root {@code $2}, under /tmp, is mounted on {@code $3} outside it. */
    private static String coverWithTaskRoot(String mount) {
        return mount + " -n --bind \"$2\" \"$3\" && " + mount + " -n --bind \"$1\" /tmp && cd \"$3\" && unset OLDPWD"
                + " && shift 3 && exec \"$@\"";
    }

    /** How sandboxes get their /tmp. */
    enum Mode {
        /** A mount namespace (the engine runs as root). */
        MOUNT_NAMESPACE,
        /** A user and a mount namespace. */
        USER_NAMESPACE,
        /** No namespace: TMPDIR only. */
        SHARED
    }

    /** How one sandbox is started: the command's prefix, the task root as the sandbox sees it. */
    record Launch(List<String> prefix, Path taskRoot, boolean isolated) {
        /** {@code TMPDIR} and {@code java.io.tmpdir} inside the sandbox. */
        Path tmpInside(Path privateDir) {
            return isolated ? TMP : privateDir;
        }
    }

    /**
     * The probe's finding.
     *
     * @param reason        why /tmp is shared (SHARED only)
     * @param varTask       whether task roots are mounted on /var/task
     * @param varTaskReason why they are not
     */
    record Probe(Mode mode, String unshare, String mount, String reason, boolean varTask, String varTaskReason) {
        static Probe shared(String reason) {
            return new Probe(Mode.SHARED, null, null, reason, false, "no mount namespace: " + reason);
        }
    }

    private final Path workDir;
    private final PrivateTmpProbe prober;
    private final Executor executor;
    private CompletableFuture<Probe> probe;

    /**
     * @param workDir        the engine's directory: the probe's and the task roots' mount points live there
     * @param ownDirectories directories every sandbox needs (work, runtime files): they must not be under /tmp
     * @param enabled        false: always {@link Mode#SHARED}
     * @param userNamespaceAlways a user namespace even as root (as it runs for everybody else)
     */
    PrivateTmp(Path workDir, List<Path> ownDirectories, Executor executor, boolean enabled, boolean userNamespaceAlways) {
        this.workDir = workDir;
        this.prober = new PrivateTmpProbe(workDir, ownDirectories, enabled, userNamespaceAlways);
        this.executor = executor;
    }

    /** Starts the probe in the background if it has not run yet (a runner is made: a sandbox will follow). */
    synchronized CompletableFuture<Probe> probe() {
        if (probe == null) {
            probe = CompletableFuture.supplyAsync(prober::run, executor);
        }
        return probe;
    }

    Mode mode() {
        return probe().join().mode();
    }

    /** The log line of a sandbox whose /tmp is the machine's, or null. */
    String warning() {
        Probe p = probe().join();
        return p.mode() == Mode.SHARED ? "Event Harness: /tmp is shared with this machine (" + p.reason() + "); TMPDIR and "
                + "java.io.tmpdir point to this sandbox's own directory" : null;
    }

    /** Whether task roots are seen at /var/task (waits for the probe). */
    boolean varTask() {
        return probe().join().varTask();
    }

    /** The log line of a sandbox whose task root is not /var/task, or null. */
    String taskRootWarning(Launch launch) {
        Probe p = probe().join();
        return launch.taskRoot().equals(VAR_TASK) ? null : "Event Harness: the task root is " + launch.taskRoot()
                + ", not " + VAR_TASK + " (" + p.varTaskReason() + ")";
    }

    /** How to start a sandbox whose private directory is {@code privateDir} and whose code is in {@code codeDirectory}. */
    Launch launch(Path privateDir, Path codeDirectory) throws IOException {
        Probe p = probe().join();
        if (p.mode() == Mode.SHARED) {
            return new Launch(List.of(), codeDirectory, false);
        }
        List<String> prefix = new ArrayList<>(List.of(p.unshare(), "--mount", "--propagation", "private"));
        if (p.mode() == Mode.USER_NAMESPACE) {
            prefix.add("--map-root-user");
        }
        prefix.addAll(List.of("/bin/sh", "-c"));
        if (p.varTask()) {
            prefix.addAll(List.of(coverWithVarTask(p.mount()), NAME, privateDir.toString(), codeDirectory.toString()));
            return new Launch(List.copyOf(prefix), VAR_TASK, true);
        }
        if (underTmp(codeDirectory)) {
            Path relative = TMP.toRealPath().relativize(codeDirectory.toRealPath());
            Path mountPoint = Files.createDirectories(workDir.resolve("task-root").resolve(relative));
            prefix.addAll(List.of(coverWithTaskRoot(p.mount()), NAME, privateDir.toString(), codeDirectory.toString(),
                    mountPoint.toString()));
            return new Launch(List.copyOf(prefix), mountPoint, true);
        }
        prefix.addAll(List.of(cover(p.mount()), NAME, privateDir.toString()));
        return new Launch(List.copyOf(prefix), codeDirectory, true);
    }

    /** Whether {@code path} (after symbolic links) is {@code /tmp} or under it. */
    static boolean underTmp(Path path) {
        try {
            Path real = path.toAbsolutePath().normalize();
            Path tmp = TMP.toRealPath();
            for (Path p = real; p != null; p = p.getParent()) {
                if (Files.exists(p)) {
                    return p.toRealPath().startsWith(tmp);
                }
            }
            return false;
        } catch (IOException e) {
            return path.toAbsolutePath().normalize().startsWith(TMP);
        }
    }
}
