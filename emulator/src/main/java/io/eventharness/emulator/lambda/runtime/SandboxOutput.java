package io.eventharness.emulator.lambda.runtime;

import io.eventharness.emulator.core.Ids;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A sandbox's stdout and stderr, read line by line on a thread of its own, with barriers.
 *
 * <p>The process writes into a named pipe that this class also holds open for writing. A
 * {@link #barrier(Runnable)} writes a marker line into the same pipe: pipes keep order, so when the
 * reader meets the marker it has delivered every line the process wrote before the barrier was set,
 * and only then runs the action. That is how "END" is logged after the last line the runtime wrote
 * before asking for its next event (the function's output, and the error the Java runtime interface client
 * logs after posting it), even though the answer and the request arrive over another channel.
 *
 * <p>Long lines are cut at {@value #MAX_LINE} bytes (CloudWatch's event size); the reader never holds
 * more than one line, so a function that prints without end costs reading time, not memory.
 */
final class SandboxOutput implements AutoCloseable {
    /** CloudWatch Logs' largest event, about 256 KB. */
    static final int MAX_LINE = 256 * 1024 - 26;

    private final Path fifo;
    private final byte[] marker;
    private final RandomAccessFile writeEnd;
    private final InputStream readEnd;
    private final Map<Long, Runnable> barriers = new TreeMap<>();
    private long nextBarrier;
    private boolean finished;
    private Thread reader;

    private SandboxOutput(Path fifo) throws IOException {
        this.fifo = fifo;
        // A NUL byte and a random token: no function output is mistaken for a marker.
        this.marker = ("\u0000eh-barrier-" + Ids.hex(8) + ":").getBytes(StandardCharsets.ISO_8859_1);
        // Read-write first: opening a named pipe for reading alone would wait for a writer.
        this.writeEnd = new RandomAccessFile(fifo.toFile(), "rw");
        this.readEnd = new FileInputStream(fifo.toFile());
    }

    /** Opens both ends of the named pipe {@code fifo}; {@link #close()} deletes it. */
    static SandboxOutput open(Path fifo) throws IOException {
        return new SandboxOutput(fifo);
    }

    /** The named pipe the process writes to. */
    Path path() {
        return fifo;
    }

    /** Starts delivering lines, in order, to {@code lines} on a new thread. */
    void start(String threadName, Consumer<String> lines) {
        reader = new Thread(() -> read(lines), threadName);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Runs {@code action} on the reader thread once every line written before this call has been
     * delivered; at once, on the calling thread, when the reader has already finished.
     */
    void barrier(Runnable action) {
        long id;
        synchronized (this) {
            if (finished) {
                id = -1;
            } else {
                id = nextBarrier++;
                barriers.put(id, action);
            }
        }
        if (id < 0) {
            action.run();
            return;
        }
        byte[] seq = (id + "\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] line = Arrays.copyOf(marker, marker.length + seq.length);
        System.arraycopy(seq, 0, line, marker.length, seq.length);
        try {
            synchronized (writeEnd) {
                writeEnd.write(line); // one write below PIPE_BUF: never interleaved with the process's writes
            }
        } catch (IOException e) {
            runIfPending(id);
        }
    }

    /** The last barrier: the reader runs {@code action}, then stops and closes the pipe. */
    void finish(Runnable action) {
        barrier(() -> {
            action.run();
            throw new Finished();
        });
    }

    /** Thrown by the last barrier's action to end the read loop. */
    private static final class Finished extends RuntimeException {
        Finished() {
            super(null, null, false, false);
        }
    }

    private void runIfPending(long id) {
        Runnable action;
        synchronized (this) {
            action = barriers.remove(id);
        }
        if (action != null) {
            action.run();
        }
    }

    private void read(Consumer<String> lines) {
        byte[] buf = new byte[64 * 1024];
        byte[] line = new byte[1024];
        int len = 0;
        try {
            for (int n; (n = readEnd.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        complete(line, len, lines);
                        len = 0;
                        continue;
                    }
                    if (len == line.length) {
                        if (len >= MAX_LINE) {
                            // deliver all but a marker's length: a marker is never cut in two
                            int keep = marker.length + 24;
                            lines.accept(decode(line, len - keep));
                            System.arraycopy(line, len - keep, line, 0, keep);
                            len = keep;
                        } else {
                            line = Arrays.copyOf(line, Math.min(line.length * 2, MAX_LINE));
                        }
                    }
                    line[len++] = b;
                }
            }
        } catch (Finished f) {
            // the last barrier ran
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(SandboxOutput.class).warn("reading sandbox output failed", e);
        } finally {
            drain();
        }
    }

    private void complete(byte[] line, int len, Consumer<String> lines) {
        int at = indexOf(line, len, marker);
        if (at < 0) {
            lines.accept(decode(line, len));
            return;
        }
        if (at > 0) {
            lines.accept(decode(line, at)); // a partial line the process left without its line break
        }
        long id = Long.parseLong(new String(line, at + marker.length, len - at - marker.length, StandardCharsets.ISO_8859_1));
        runIfPending(id);
    }

    /** After the reader stops: later barriers run at once, pending ones now, in order. */
    private void drain() {
        Map<Long, Runnable> left;
        synchronized (this) {
            finished = true;
            left = new TreeMap<>(barriers);
            barriers.clear();
        }
        for (Runnable r : left.values()) {
            try {
                r.run();
            } catch (Finished f) {
                // already stopping
            }
        }
        close();
    }

    private static int indexOf(byte[] line, int len, byte[] needle) {
        outer:
        for (int i = 0; i <= len - needle.length; i++) {
            if (line[i] != needle[0]) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (line[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** UTF-8; malformed bytes become U+FFFD. */
    private static String decode(byte[] bytes, int len) {
        return new String(bytes, 0, len, StandardCharsets.UTF_8);
    }

    /** Closes both ends and removes the pipe; the reader, if still running, stops. */
    @Override
    public void close() {
        synchronized (this) {
            finished = true;
        }
        try {
            writeEnd.close();
        } catch (IOException e) {
            // closing anyway
        }
        try {
            readEnd.close();
        } catch (IOException e) {
            // closing anyway
        }
        try {
            Files.deleteIfExists(fifo);
        } catch (IOException e) {
            // left behind in the sandbox directory, which is deleted too
        }
    }
}
