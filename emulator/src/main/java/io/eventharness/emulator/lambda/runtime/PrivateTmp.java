package io.eventharness.emulator.lambda.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Each sandbox's own {@code /tmp}: in AWS the {@code /tmp} storage "is temporary and unique to each execution
 * environment" (Lambda developer guide, "Configure ephemeral storage for Lambda functions"), so its files
 * survive warm reuse (and a reset, see {@code FunctionRunner}), and a new execution environment starts with
 * an empty one.
 *
 * <p>On Linux the sandbox process starts in a mount namespace of its own, in which the sandbox's private
 * directory is bind-mounted on {@code /tmp}:
 *
 * <pre>
 * unshare --mount --propagation private [--map-root-user] /bin/sh -c \
 *     '/usr/bin/mount -n --bind "$1" /tmp &amp;&amp; shift &amp;&amp; exec "$@"' eh-sandbox &lt;private dir&gt; &lt;runtime command...&gt;
 * </pre>
 *
 * {@code unshare} and the shell each replace themselves ({@code exec}), so the process the engine started is
 * the runtime itself: its pid, exit status, children and memory are the runtime's, and killing it works as
 * without the namespace (no {@code --fork}, so no parent process in between and no {@code --kill-child} needed).
 * {@code --propagation private} keeps the mount from reaching the machine's namespace. As root, a mount
 * namespace is enough; otherwise a user namespace is made too ({@code --map-root-user}: the function runs as
 * uid 0 inside it, as the user outside).
 *
 * <p>What the covered {@code /tmp} hides: everything the engine keeps there. So the engine keeps its own
 * directories elsewhere (see {@code LambdaEngine.Builder#workDirectory}); a task root under {@code /tmp}
 * (unpacked code often is) is bind-mounted first on a mount point of the same path under the engine's
 * {@code task-root} directory ({@code /tmp/code/fn} on {@code <work>/task-root/code/fn}: one path per task
 * root, so Python's bytecode cache, keyed by path, never mixes two functions up), and the sandbox sees it
 * there ({@code LAMBDA_TASK_ROOT}, the working directory). The sandbox's output pipe is opened by the engine
 * before the process starts, so its path does not matter.
 *
 * <p>Where this cannot work (not Linux, no {@code unshare}, namespaces not allowed, the engine's directories
 * under {@code /tmp}) a probe, run once per engine, says so: sandboxes then get their private directory
 * through {@code TMPDIR} and {@code java.io.tmpdir} only, share the literal {@code /tmp} with the machine,
 * and say so in one line of their log.
 */
final class PrivateTmp {
    static final Path TMP = Path.of("/tmp");
    private static final String NAME = "eh-sandbox";

    /** The shell script: {@code $1} goes on /tmp, then the runtime ({@code $2...}) replaces the shell. */
    private static String cover(String mount) {
        return mount + " -n --bind \"$1\" /tmp && shift && exec \"$@\"";
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

    /** The probe's finding. */
    record Probe(Mode mode, String unshare, String mount, String reason) {
    }

    private final Path workDir;
    private final List<Path> ownDirectories;
    private final Executor executor;
    private final boolean enabled;
    private final boolean userNamespaceAlways;
    private CompletableFuture<Probe> probe;

    /**
     * @param workDir        the engine's directory: the probe's and the task roots' mount points live there
     * @param ownDirectories directories every sandbox needs (work, runtime files): they must not be under /tmp
     * @param enabled        false: always {@link Mode#SHARED}
     * @param userNamespaceAlways a user namespace even as root (as it runs for everybody else)
     */
    PrivateTmp(Path workDir, List<Path> ownDirectories, Executor executor, boolean enabled, boolean userNamespaceAlways) {
        this.workDir = workDir;
        this.ownDirectories = List.copyOf(ownDirectories);
        this.executor = executor;
        this.enabled = enabled;
        this.userNamespaceAlways = userNamespaceAlways;
    }

    /** Starts the probe in the background if it has not run yet (a runner is made: a sandbox will follow). */
    synchronized CompletableFuture<Probe> probe() {
        if (probe == null) {
            probe = CompletableFuture.supplyAsync(this::run, executor);
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

    private Probe run() {
        if (!enabled) {
            return new Probe(Mode.SHARED, null, null, "private /tmp turned off for this engine");
        }
        if (!System.getProperty("os.name", "").equals("Linux") || !Files.exists(Path.of("/proc/self/ns/mnt"))) {
            return new Probe(Mode.SHARED, null, null, "no mount namespaces on " + System.getProperty("os.name"));
        }
        for (Path own : ownDirectories) {
            if (underTmp(own)) {
                return new Probe(Mode.SHARED, null, null, "the engine's directory " + own + " is under /tmp");
            }
        }
        String unshare = executable("unshare");
        String mount = executable("mount");
        if (unshare == null || mount == null || !Files.isExecutable(Path.of("/bin/sh"))) {
            return new Probe(Mode.SHARED, null, null, "unshare, mount or /bin/sh is missing");
        }
        String failure;
        try {
            Path dir = Files.createDirectories(workDir.resolve("probe"));
            Files.writeString(dir.resolve("private"), "");
            if (isRoot() && !userNamespaceAlways && works(unshare, mount, false, dir)) {
                return new Probe(Mode.MOUNT_NAMESPACE, unshare, mount, null);
            }
            if (works(unshare, mount, true, dir)) {
                return new Probe(Mode.USER_NAMESPACE, unshare, mount, null);
            }
            failure = "unshare --mount" + (isRoot() ? "" : " --map-root-user") + " is not allowed here";
        } catch (IOException e) {
            failure = "cannot probe mount namespaces: " + e.getMessage();
        } finally {
            RuntimeFiles.deleteTree(workDir.resolve("probe"));
        }
        return new Probe(Mode.SHARED, null, null, failure);
    }

    /** Whether a sandbox started this way sees {@code dir} on /tmp. */
    private static boolean works(String unshare, String mount, boolean userNamespace, Path dir) {
        List<String> cmd = new ArrayList<>(List.of(unshare, "--mount", "--propagation", "private"));
        if (userNamespace) {
            cmd.add("--map-root-user");
        }
        cmd.addAll(List.of("/bin/sh", "-c", cover(mount), NAME, dir.toString(), "/bin/sh", "-c", "test -e /tmp/private"));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0"); // real, effective, saved, filesystem
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return false;
    }

    private static String executable(String name) {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }
}
