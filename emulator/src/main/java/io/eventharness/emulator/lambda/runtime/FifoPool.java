package io.eventharness.emulator.lambda.runtime;

import io.eventharness.emulator.core.Ids;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Named pipes made ahead of need. Java cannot create one itself and running {@code mkfifo} costs a
 * process start, which a cold start should not pay: pipes are made in batches, in the background.
 */
final class FifoPool {
    private static final int BATCH = 4;

    private final Path dir;
    private final Executor executor;
    private final Deque<Path> ready = new ArrayDeque<>();
    private boolean refilling;

    FifoPool(Path dir, Executor executor) {
        this.dir = dir;
        this.executor = executor;
    }

    /** A new named pipe, owned by the caller from now on. */
    Path take() throws IOException {
        Path fifo;
        synchronized (this) {
            fifo = ready.pollFirst();
            if (!refilling && ready.size() < BATCH / 2) {
                refilling = true;
                executor.execute(this::refill);
            }
        }
        return fifo != null ? fifo : make(1).get(0);
    }

    private void refill() {
        try {
            List<Path> made = make(BATCH);
            synchronized (this) {
                ready.addAll(made);
            }
        } catch (IOException e) {
            // take() makes its own
        } finally {
            synchronized (this) {
                refilling = false;
            }
        }
    }

    private List<Path> make(int n) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("mkfifo", "-m", "600"));
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path p = dir.resolve("output-" + Ids.hex(8));
            paths.add(p);
            cmd.add(p.toString());
        }
        Process mkfifo = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
                throw new IOException("mkfifo failed: " + new String(mkfifo.getInputStream().readAllBytes()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making named pipes", e);
        }
        return paths;
    }
}
