package io.eventharness.emulator.lambda.runtime;

import static io.eventharness.emulator.lambda.runtime.PrivateTmp.NAME;
import static io.eventharness.emulator.lambda.runtime.PrivateTmp.VAR_TASK;
import static io.eventharness.emulator.lambda.runtime.PrivateTmp.cover;
import static io.eventharness.emulator.lambda.runtime.PrivateTmp.coverWithVarTask;
import static io.eventharness.emulator.lambda.runtime.PrivateTmp.underTmp;

import io.eventharness.emulator.lambda.runtime.PrivateTmp.Mode;
import io.eventharness.emulator.lambda.runtime.PrivateTmp.Probe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The probe {@link PrivateTmp} runs once per engine: which way sandboxes can get a {@code /tmp} of their own on this
 * machine. It tries the mount namespace (as root, unless a user namespace is asked for always), then a user and a mount
 * namespace, by starting a shell that way and checking that it sees a marker file on {@code /tmp} (and on
 * {@code /var/task}, made empty when missing and the engine is root); anything missing (not Linux, no {@code unshare}
 * or {@code mount}, the engine's own directories under {@code /tmp}, namespaces not allowed) makes it
 * {@link Mode#SHARED}, with the reason sandboxes write in their log.
 */
final class PrivateTmpProbe {
    private final Path workDir;
    private final List<Path> ownDirectories;
    private final boolean enabled;
    private final boolean userNamespaceAlways;

    /** See {@link PrivateTmp}'s constructor; the probe works in {@code <workDir>/probe}, removed after. */
    PrivateTmpProbe(Path workDir, List<Path> ownDirectories, boolean enabled, boolean userNamespaceAlways) {
        this.workDir = workDir;
        this.ownDirectories = List.copyOf(ownDirectories);
        this.enabled = enabled;
        this.userNamespaceAlways = userNamespaceAlways;
    }

    Probe run() {
        if (!enabled) {
            return Probe.shared("private /tmp turned off for this engine");
        }
        if (!System.getProperty("os.name", "").equals("Linux") || !Files.exists(Path.of("/proc/self/ns/mnt"))) {
            return Probe.shared("no mount namespaces on " + System.getProperty("os.name"));
        }
        for (Path own : ownDirectories) {
            if (underTmp(own)) {
                return Probe.shared("the engine's directory " + own + " is under /tmp");
            }
        }
        String unshare = executable("unshare");
        String mount = executable("mount");
        if (unshare == null || mount == null || !Files.isExecutable(Path.of("/bin/sh"))) {
            return Probe.shared("unshare, mount or /bin/sh is missing");
        }
        String failure;
        try {
            Path dir = Files.createDirectories(workDir.resolve("probe"));
            Files.writeString(dir.resolve("private"), "");
            for (boolean userNamespace : new boolean[] {false, true}) {
                if (!userNamespace && (!isRoot() || userNamespaceAlways) || !works(unshare, mount, userNamespace, dir, false)) {
                    continue;
                }
                Mode mode = userNamespace ? Mode.USER_NAMESPACE : Mode.MOUNT_NAMESPACE;
                String noVarTask = varTaskMissing();
                if (noVarTask == null && !works(unshare, mount, userNamespace, dir, true)) {
                    noVarTask = "mounting on " + VAR_TASK + " is not allowed here";
                }
                return new Probe(mode, unshare, mount, null, noVarTask == null, noVarTask);
            }
            failure = "unshare --mount" + (isRoot() ? "" : " --map-root-user") + " is not allowed here";
        } catch (IOException e) {
            failure = "cannot probe mount namespaces: " + e.getMessage();
        } finally {
            RuntimeFiles.deleteTree(workDir.resolve("probe"));
        }
        return Probe.shared(failure);
    }

    /** Null when /var/task is a directory to mount on (made, empty, when the engine is root), else why not. */
    private static String varTaskMissing() {
        if (Files.isDirectory(VAR_TASK)) {
            return null;
        }
        if (Files.exists(VAR_TASK, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return VAR_TASK + " is not a directory";
        }
        if (!isRoot()) {
            return VAR_TASK + " does not exist and only root can make it (sudo mkdir " + VAR_TASK + ")";
        }
        try {
            Files.createDirectories(VAR_TASK);
            return null;
        } catch (IOException e) {
            return "cannot make " + VAR_TASK + ": " + e;
        }
    }

    /** Whether a sandbox started this way sees {@code dir} on /tmp (and, with {@code varTask}, on /var/task too). */
    private static boolean works(String unshare, String mount, boolean userNamespace, Path dir, boolean varTask) {
        List<String> cmd = new ArrayList<>(List.of(unshare, "--mount", "--propagation", "private"));
        if (userNamespace) {
            cmd.add("--map-root-user");
        }
        cmd.addAll(List.of("/bin/sh", "-c", varTask ? coverWithVarTask(mount) : cover(mount), NAME, dir.toString()));
        if (varTask) {
            cmd.add(dir.toString());
        }
        cmd.addAll(List.of("/bin/sh", "-c", varTask ? "test -e /tmp/private && test -e " + VAR_TASK + "/private"
                : "test -e /tmp/private"));
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
