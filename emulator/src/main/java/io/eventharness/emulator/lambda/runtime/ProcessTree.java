package io.eventharness.emulator.lambda.runtime;

import static io.eventharness.emulator.lambda.runtime.ProcFs.PAGE_KB;
import static io.eventharness.emulator.lambda.runtime.ProcFs.descendantsOf;
import static io.eventharness.emulator.lambda.runtime.ProcFs.inNamespace;
import static io.eventharness.emulator.lambda.runtime.ProcFs.namespaceOf;
import static io.eventharness.emulator.lambda.runtime.ProcFs.proc;
import static io.eventharness.emulator.lambda.runtime.ProcFs.residentPages;
import static io.eventharness.emulator.lambda.runtime.ProcFs.running;
import static io.eventharness.emulator.lambda.runtime.ProcFs.status;
import static io.eventharness.emulator.lambda.runtime.ProcFs.vmHwmKb;

import io.eventharness.emulator.lambda.runtime.ProcFs.Proc;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The processes of one sandbox, read from {@code /proc} ({@link ProcFs}): the runtime the engine started and every
 * process it started since. An execution environment ends as a whole in AWS (its micro-VM stops), so a sandbox is
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

    /**
     * SIGKILL to the runtime and its descendants, without waiting: a timeout's or the memory limit's. Once the
     * runtime has exited, only to the runtime (a no-op): its children are no longer its, and its pid may be another
     * process's.
     */
    void kill() {
        if (main.isAlive()) {
            for (long child : descendantsOf(pid)) {
                ProcessHandle.of(child).ifPresent(ProcessHandle::destroyForcibly);
            }
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
            while (killed.values().stream().anyMatch(ProcFs::running) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(pause);
                pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(20));
            }
            // a process that forked while being killed left a child: another round finds it
            boolean clear = namespace == null ? true : inNamespace(namespace).stream().map(ProcFs::proc)
                    .noneMatch(p -> p != null && running(p));
            if ((clear && !main.isAlive()) || System.nanoTime() >= deadline) {
                boolean dead = clear && !main.isAlive() && killed.values().stream().noneMatch(ProcFs::running);
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
}
