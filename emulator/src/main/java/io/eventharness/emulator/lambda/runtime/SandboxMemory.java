package io.eventharness.emulator.lambda.runtime;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sandbox's memory against its memory size, which bounds its whole process tree: the readings that find it
 * beyond (the sandbox then ends as AWS ends an execution environment that runs out of memory), and REPORT's
 * Max Memory Used.
 *
 * <p>Two readings of the {@link ProcessTree}: {@link #overNow}, what the tree holds now, by the {@link MemoryWatch}
 * every {@value MemoryWatch#PERIOD_MILLIS} ms while the sandbox works; and {@link #overAtPeak}, when INIT or an
 * invocation ends, the most the tree is known to have held at one time ({@link ProcessTree#peakKb()}), so that a
 * peak between two of the watch's readings is not missed. Thread-safe: the watch's thread, the Runtime API's.
 */
final class SandboxMemory {
    private final int sizeMb;
    private final AtomicInteger maxUsedMb = new AtomicInteger();
    /** Whether the tree was read when the last answer came, so that the {@code /next} after it need not read it again. */
    private final AtomicBoolean readAtAnswer = new AtomicBoolean();

    SandboxMemory(int sizeMb) {
        this.sizeMb = sizeMb;
    }

    /** The watch's reading: whether the tree holds more than the memory size now. Null tree (not started): no. */
    boolean overNow(ProcessTree tree) {
        if (tree == null) {
            return false;
        }
        long bytes = tree.residentBytes();
        if (bytes > sizeMb * (1L << 20)) {
            return true;
        }
        if (bytes > 0) {
            maxUsedMb.accumulateAndGet((int) ((bytes + (1 << 20) - 1) >> 20), Math::max);
        }
        return false;
    }

    /**
     * Reads the tree's peak into Max Memory Used (the memory size at most: beyond it the sandbox is ended); whether
     * it went beyond the memory size.
     */
    boolean overAtPeak(ProcessTree tree) {
        if (tree == null) {
            return false;
        }
        long kb = tree.peakKb();
        if (kb <= 0) {
            return false; // gone: the last reading stands
        }
        maxUsedMb.accumulateAndGet((int) Math.min(sizeMb, (kb + 1023) / 1024), Math::max);
        return kb > sizeMb * 1024L;
    }

    /** An answer came and the tree was read: {@code over} or not. */
    void readAtAnswer(boolean over) {
        readAtAnswer.set(!over);
    }

    /** Whether the answer before this {@code /next} read the tree and found it within the memory size; once. */
    boolean takeReadAtAnswer() {
        return readAtAnswer.getAndSet(false);
    }

    /** It ran out: Max Memory Used is the memory size, as AWS reports an execution environment that ran out of memory. */
    void exhausted() {
        maxUsedMb.set(sizeMb);
    }

    /** REPORT's Max Memory Used, in MB. */
    int maxUsedMb() {
        return maxUsedMb.get();
    }
}
