package io.eventharness.emulator.lambda.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link ProcessTree} reads of Linux's {@code /proc}: a process's descendants, its mount namespace, its state
 * and start time, its resident pages and its peak ({@code VmHWM}). Processes come and go while they are read: a
 * process that is gone reads as nothing (an empty list, null, 0, -1), never as an exception.
 */
final class ProcFs {
    /** The page size in kB. */
    static final long PAGE_KB = pageKb();

    /** A process as {@code /proc} knows it: its pid and start time (a reused pid is another process). */
    record Proc(long pid, long start) {
    }

    private ProcFs() {
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
    static List<Long> inNamespace(String ns) {
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
    static String namespaceOf(long pid) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", "mnt")).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** The process's start time and pid, or null when it is gone. */
    static Proc proc(long pid) {
        String[] f = statFields(pid);
        return f == null ? null : new Proc(pid, Long.parseLong(f[19]));
    }

    /** Whether {@code p} is still the same process and not a zombie. */
    static boolean running(Proc p) {
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
    static long residentPages(long pid) {
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
    static byte[] status(long pid) {
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
