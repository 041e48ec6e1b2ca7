package io.eventharness.emulator.lambda.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The processes of one sandbox, read from {@code /proc}: the runtime the engine started and every process
 * it started since. An execution environment ends as a whole in AWS (its micro-VM stops), so a sandbox is
 * only gone once all of them are: {@link #killAndAwait(long)} kills the tree and, when the sandbox has a
 * mount namespace of its own (see {@link PrivateTmp}), every process still in that namespace (a child that
 * daemonized and left the tree still sees the sandbox's {@code /tmp}), then waits for each to die.
 *
 * <p>Memory, two readings. {@link #residentBytes()}: what the tree holds now, the resident sets of the runtime
 * and its descendants added up; the memory watch compares it with the memory size. {@link #peakKb()}, when INIT
 * or an invocation ends, for REPORT's {@code Max Memory Used}: the most the tree is known to have held at one
 * time, the larger of the runtime's own peak ({@code VmHWM}) and what the tree holds now. Peaks of different
 * processes are not added up: a parent and a child that peaked at different times never held that much together,
 * and AWS limits what is used at once. So a child's peak between two readings of the tree is not seen; the
 * runtime's is. The runtime is read every time; the list of its descendants (from
 * {@code /proc/<pid>/task/<tid>/children}) is refreshed every {@value #REFRESH}th reading of either kind, which
 * keeps a reading of a process without children to one small file.
 */
final class ProcessTree {
    private static final int REFRESH = 10;
    private static final String OWN_NAMESPACE = namespaceOf(ProcessHandle.current().pid());
    private static final long PAGE_KB = pageKb();

    /** A process as {@code /proc} knows it: its pid and start time (a reused pid is another process). */
    private record Proc(long pid, long start) {
    }

    private final Process main;
    private final long pid;
    private volatile String namespace;
    /**
     * The namespace held open while it is swept: a namespace's number is reused once its last process is
     * gone, and a sweep by number must not reach a newer sandbox's processes.
     */
    private FileChannel pinned;
    private volatile List<Long> descendants = List.of();
    private int readings;

    ProcessTree(Process main) {
        this.main = main;
        this.pid = main.pid();
    }

    /**
     * Notes the runtime's mount namespace if it has its own (not the engine's): call once the runtime runs,
     * after {@code unshare} made it. No namespace, no sweep: the engine's own is never swept.
     */
    synchronized void recordNamespace() {
        if (pinned != null) {
            return;
        }
        try {
            FileChannel fd = FileChannel.open(Path.of("/proc", Long.toString(pid), "ns", "mnt"));
            String ns = namespaceOf(pid);
            if (ns != null && !ns.equals(OWN_NAMESPACE) && main.isAlive()) {
                pinned = fd; // alive after the link was read: the link names the namespace held open
                namespace = ns;
            } else {
                fd.close();
            }
        } catch (IOException | UnsupportedOperationException e) {
            // no namespace files: no sweep
        }
    }

    /**
     * What the tree holds now, in bytes: the resident sets of the runtime and of its descendants as last listed,
     * added up; a process that is gone counts 0.
     */
    synchronized long residentBytes() {
        if (readings++ % REFRESH == 0) {
            descendants = descendantsOf(pid);
        }
        long pages = residentPages(pid);
        for (long child : descendants) {
            pages += residentPages(child);
        }
        return pages * PAGE_KB * 1024;
    }

    /**
     * The most the tree is known to have held at one time, in kB: the larger of the runtime's own peak
     * ({@code VmHWM}) and what the whole tree holds now ({@link #residentBytes()}). Not the sum of every process's
     * peak: a parent and a child that peaked at different times never held that much together, and AWS limits
     * what is used at once. 0 when every process is gone.
     */
    long peakKb() {
        long own = Math.max(0, vmHwmKb(status(pid)));
        return Math.max(own, residentBytes() / 1024);
    }

    /** SIGKILL to the runtime and its descendants, without waiting: a timeout's or the memory limit's. */
    void kill() {
        for (long child : descendantsOf(pid)) {
            ProcessHandle.of(child).ifPresent(ProcessHandle::destroyForcibly);
        }
        main.destroyForcibly();
    }

    /**
     * Kills every process of the sandbox and waits until they are all dead (exited, or zombies waiting to be
     * reaped: they run no code and hold no files), at most {@code millis}.
     *
     * @return whether all died in time
     */
    boolean killAndAwait(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        Map<Long, Proc> killed = new LinkedHashMap<>();
        for (int round = 0; round < 5; round++) {
            List<Long> targets = new ArrayList<>(descendantsOf(pid));
            if (namespace != null) {
                targets.addAll(inNamespace(namespace));
            }
            targets.remove(pid);
            for (long p : targets) {
                Proc proc = proc(p);
                if (proc != null && killed.putIfAbsent(p, proc) == null) {
                    ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
            main.destroyForcibly();
            try {
                main.waitFor(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            long pause = TimeUnit.MICROSECONDS.toNanos(200);
            while (killed.values().stream().anyMatch(ProcessTree::running) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(pause);
                pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(20));
            }
            // a process that forked while being killed left a child: another round finds it
            boolean clear = namespace == null ? true : inNamespace(namespace).stream().map(ProcessTree::proc)
                    .noneMatch(p -> p != null && running(p));
            if ((clear && !main.isAlive()) || System.nanoTime() >= deadline) {
                boolean dead = clear && !main.isAlive() && killed.values().stream().noneMatch(ProcessTree::running);
                release();
                return dead;
            }
        }
        release();
        return false;
    }

    /** Lets the namespace go: no more sweeps. */
    private synchronized void release() {
        namespace = null;
        if (pinned != null) {
            try {
                pinned.close();
            } catch (IOException e) {
                // closed anyway
            }
            pinned = null;
        }
    }

    /** Every descendant of {@code root}, from the children files of its threads. */
    static List<Long> descendantsOf(long root) {
        List<Long> out = new ArrayList<>();
        List<Long> queue = new ArrayList<>(List.of(root));
        while (!queue.isEmpty() && out.size() < 10_000) {
            long p = queue.remove(queue.size() - 1);
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(p), "task"))) {
                for (Path task : tasks) {
                    String children = new String(Files.readAllBytes(task.resolve("children")), StandardCharsets.US_ASCII).trim();
                    if (!children.isEmpty()) {
                        for (String c : children.split(" ")) {
                            long child = Long.parseLong(c);
                            out.add(child);
                            queue.add(child);
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // gone, or no children files (a kernel without CONFIG_PROC_CHILDREN): ProcessHandle's slower scan
                if (p == root && out.isEmpty()) {
                    ProcessHandle.of(root).ifPresent(h -> h.descendants().forEach(d -> out.add(d.pid())));
                    return out;
                }
            }
        }
        return out;
    }

    /** The processes whose mount namespace is {@code ns}. */
    private static List<Long> inNamespace(String ns) {
        List<Long> out = new ArrayList<>();
        DirectoryStream.Filter<Path> pids = p -> Character.isDigit(p.getFileName().toString().charAt(0));
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), pids)) {
            for (Path p : procs) {
                long other = Long.parseLong(p.getFileName().toString());
                if (ns.equals(namespaceOf(other))) {
                    out.add(other);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc
        }
        return out;
    }

    /** {@code mnt:[4026531841]}, or null. */
    private static String namespaceOf(long pid) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", "mnt")).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** The process's start time and pid, or null when it is gone. */
    private static Proc proc(long pid) {
        String[] f = statFields(pid);
        return f == null ? null : new Proc(pid, Long.parseLong(f[19]));
    }

    /** Whether {@code p} is still the same process and not a zombie. */
    private static boolean running(Proc p) {
        String[] f = statFields(p.pid());
        return f != null && Long.parseLong(f[19]) == p.start() && !f[0].equals("Z") && !f[0].equals("X");
    }

    /** The fields of {@code /proc/<pid>/stat} after the command name: [0] is the state, [19] the start time. */
    private static String[] statFields(long pid) {
        try {
            String stat = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "stat")), StandardCharsets.US_ASCII);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return f.length > 19 ? f : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The second field of {@code /proc/<pid>/statm}: resident pages; 0 when the process is gone. */
    private static long residentPages(long pid) {
        byte[] statm;
        try (InputStream in = Files.newInputStream(Path.of("/proc", Long.toString(pid), "statm"))) {
            statm = in.readNBytes(128);
        } catch (IOException e) {
            return 0;
        }
        int at = 0;
        while (at < statm.length && statm[at] != ' ') {
            at++;
        }
        long pages = 0;
        for (at++; at < statm.length && statm[at] >= '0' && statm[at] <= '9'; at++) {
            pages = pages * 10 + (statm[at] - '0');
        }
        return pages;
    }

    /** {@code /proc/<pid>/status}: about 1.5 KB, VmHWM in its first half; empty when the process is gone. */
    private static byte[] status(long pid) {
        try (InputStream in = Files.newInputStream(Path.of("/proc", Long.toString(pid), "status"))) {
            return in.readNBytes(4096);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** The page size in kB: this process's resident pages against its VmRSS. */
    private static long pageKb() {
        long pages = residentPages(ProcessHandle.current().pid());
        String status = new String(status(ProcessHandle.current().pid()), StandardCharsets.US_ASCII);
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:") && pages > 0) {
                long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                double ratio = (double) kb / pages;
                return ratio > 40 ? 64 : ratio > 10 ? 16 : 4;
            }
        }
        return 4;
    }

    /**
     * The {@code VmHWM:} value (kB) of a {@code /proc/<pid>/status} file, or -1 when it has none. Read at the
     * end of every invocation, so the bytes are scanned rather than decoded into lines.
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
}
