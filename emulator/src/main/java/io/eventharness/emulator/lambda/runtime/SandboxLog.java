package io.eventharness.emulator.lambda.runtime;

import io.eventharness.emulator.core.EmulatorClock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One sandbox's log stream: every line goes to the {@link LogSink}, and the current invocation's lines
 * are kept for its {@link InvocationResult}. Used on the sandbox's output thread only.
 *
 * <p>Bounds, so that a function printing without end cannot exhaust the emulator: per invocation at most
 * {@code sinkBudget} characters of the function's own output reach the sink (the rest is counted and reported
 * in one line before END); the result keeps the last {@code keptBytes} of lines.
 */
final class SandboxLog {
    private final LogSink sink;
    private final String group;
    private final String stream;
    private final EmulatorClock clock;
    private final long sinkBudget;
    private final long keptBytes;
    private final ArrayDeque<String> kept = new ArrayDeque<>();
    private long keptSize;
    private long sent;
    private long dropped;
    /** Lines of a spare not activated yet: none reaches the sink (CloudWatch has no stream for it) until then. */
    private List<String> held;

    SandboxLog(LogSink sink, String group, String stream, EmulatorClock clock, long sinkBudget, long keptBytes) {
        this.sink = sink;
        this.group = group;
        this.stream = stream;
        this.clock = clock;
        this.sinkBudget = sinkBudget;
        this.keptBytes = keptBytes;
    }

    String stream() {
        return stream;
    }

    /** A line the function wrote. */
    void output(String line) {
        if (sent >= sinkBudget) {
            dropped += line.length() + 1;
            return;
        }
        sent += line.length() + 1;
        emit(line);
    }

    /** A line of the platform's (START, END, REPORT, timeouts): never dropped. */
    void platform(String line) {
        emit(line);
    }

    /** From now on lines wait for {@link #release()} (a spare sandbox: nothing of it is seen before it is used). */
    void hold() {
        held = new ArrayList<>();
    }

    /** The held lines go out now, stamped now: in AWS they are INIT's, and INIT is now. */
    void release() {
        List<String> lines = held;
        held = null;
        if (lines != null) {
            lines.forEach(this::emit);
        }
    }

    /** Starts counting a new invocation's output; lines written since the last one stay with it. */
    void begin() {
        sent = 0;
        dropped = 0;
    }

    /** Reports output that did not fit, if any; call before END. */
    void reportDropped() {
        if (dropped > 0) {
            platform("[event-harness] " + dropped + " bytes of output were not logged: more than " + sinkBudget
                    + " bytes in one invocation");
        }
    }

    /** The lines kept since the last call. */
    List<String> take() {
        List<String> lines = new ArrayList<>(kept);
        kept.clear();
        keptSize = 0;
        return lines;
    }

    /**
     * The REPORT line: {@code REPORT RequestId: <id>\tDuration: 0.37 ms\tBilled Duration: 1 ms\tMemory Size:
     * 128 MB\tMax Memory Used: 21 MB\tInit Duration: 412.10 ms}, the last part on a cold start only.
     */
    static String report(String id, double durationMs, long billedMs, int memoryMb, int maxUsedMb, Double initMs) {
        StringBuilder b = new StringBuilder("REPORT RequestId: ").append(id)
                .append("\tDuration: ").append(String.format(Locale.ROOT, "%.2f", durationMs)).append(" ms")
                .append("\tBilled Duration: ").append(billedMs).append(" ms")
                .append("\tMemory Size: ").append(memoryMb).append(" MB")
                .append("\tMax Memory Used: ").append(maxUsedMb).append(" MB");
        if (initMs != null) {
            b.append("\tInit Duration: ").append(String.format(Locale.ROOT, "%.2f", initMs)).append(" ms");
        }
        return b.toString();
    }

    private void emit(String line) {
        if (held != null) {
            if (held.size() < 1000) { // a spare writes a line or two (a JVM warning); its code has not run
                held.add(line);
            }
            return;
        }
        try {
            sink.accept(group, stream, clock.millis(), line);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(SandboxLog.class).warn("log sink failed", e);
        }
        kept.addLast(line);
        keptSize += line.length() + 1;
        while (keptSize > keptBytes && kept.size() > 1) {
            keptSize -= kept.removeFirst().length() + 1;
        }
    }
}
