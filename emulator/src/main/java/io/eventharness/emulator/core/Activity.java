package io.eventharness.emulator.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The emulator's pending work, in one place: what is under way (an invocation, an asynchronous attempt, a batch an
 * event source mapping hands to its function, a delivery) and what is waiting to be picked up (a message an enabled
 * mapping can receive, a stream record a mapping could process, a task of the clock that is due). The emulator is <em>settled</em> when nothing is pending:
 * then nothing more happens until a client calls or the clock moves ({@link #awaitSettled}).
 *
 * <p>Work under way registers itself: {@link #track} (a future, pending until it completes) or {@link #begin} (a
 * token, pending until closed). What is a state rather than work registers a {@link Probe}, asked at every check.
 * {@link EmulatorClock} owns one (see {@link EmulatorClock#activity()}): its own due tasks are a probe, and the work
 * its tasks hand to other threads ({@link EmulatorClock#handedOff}) is tracked here with the mark that
 * {@link EmulatorClock#advance} waits for it.
 *
 * <pre>{@code
 * try (Activity.Pending p = clock.activity().begin("invocation of " + fn)) {
 *     ... run it ...
 * }
 * clock.activity().awaitSettled(Duration.ofSeconds(5)); // or NotSettledException listing what is pending
 * }</pre>
 */
public final class Activity {

    /** A state that may keep the emulator unsettled: asked at every check, without any lock of this class held. */
    @FunctionalInterface
    public interface Probe {
        /**
         * Adds one line per pending thing to {@code out}; returns how many milliseconds from now the answer may change
         * by time alone (a clock task falling due), or {@code Long.MAX_VALUE}. Other changes are announced with
         * {@link Activity#changed()} or through tracked work.
         */
        long pending(List<String> out);
    }

    /** Work that is pending until it is closed. */
    public interface Pending extends AutoCloseable {
        @Override
        void close();
    }

    /** The emulator did not settle in time; {@link #pending()} says what was still going on. */
    public static final class NotSettledException extends RuntimeException {
        private final List<String> pending;

        NotSettledException(Duration timeout, List<String> pending) {
            super("the emulator did not settle within " + timeout + "; still pending: " + String.join("; ", pending));
            this.pending = List.copyOf(pending);
        }

        public List<String> pending() {
            return pending;
        }
    }

    private record Work(String what, boolean holdsAdvance) {
    }

    private final Map<CompletableFuture<?>, Work> work = new ConcurrentHashMap<>();
    private final List<Probe> probes = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changedCondition = lock.newCondition();
    /** Counts changes, so that a waiter that checked before a change does not sleep through it. */
    private long version;

    /**
     * Tracks {@code future} as pending until it completes; returns it.
     *
     * @param what         what it is, as {@link #pending()} reports it ({@code "invocation of arn:…"})
     * @param holdsAdvance whether {@link EmulatorClock#advance} waits for it (work that clock tasks hand off)
     */
    public <F extends CompletableFuture<?>> F track(F future, String what, boolean holdsAdvance) {
        work.put(future, new Work(what, holdsAdvance));
        changed();
        future.whenComplete((r, e) -> {
            work.remove(future);
            changed();
        });
        return future;
    }

    /** Pending work until the token is closed (closing twice is harmless); {@link EmulatorClock#advance} does not wait for it. */
    public Pending begin(String what) {
        CompletableFuture<Void> f = track(new CompletableFuture<>(), what, false);
        return () -> f.complete(null);
    }

    /** Registers a state to ask at every check. */
    public void probe(Probe probe) {
        probes.add(probe);
        changed();
    }

    /** Something a probe reads changed: waiters check again. */
    public void changed() {
        lock.lock();
        try {
            version++;
            changedCondition.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The work {@link EmulatorClock#advance} waits for, now. */
    CompletableFuture<?>[] holdingAdvance() {
        return work.entrySet().stream().filter(e -> e.getValue().holdsAdvance()).map(Map.Entry::getKey)
                .toArray(CompletableFuture<?>[]::new);
    }

    /** What is pending now, one line each; empty when the emulator is settled. */
    public List<String> pending() {
        List<String> out = new ArrayList<>();
        pending(out);
        return out;
    }

    /** Fills {@code out}; returns the milliseconds until a probe's answer may change by time alone. */
    private long pending(List<String> out) {
        work.forEach((f, w) -> {
            if (!f.isDone()) {
                out.add(w.what());
            }
        });
        long recheck = Long.MAX_VALUE;
        for (Probe p : probes) {
            recheck = Math.min(recheck, p.pending(out));
        }
        return recheck;
    }

    /**
     * Waits until nothing is pending, woken by every change (and by the time a probe named), never by polling.
     *
     * @throws NotSettledException when {@code timeout} passes first, listing what is still pending
     */
    public void awaitSettled(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen;
            lock.lock();
            try {
                seen = version;
            } finally {
                lock.unlock();
            }
            List<String> now = new ArrayList<>();
            long recheckMillis = pending(now);
            if (now.isEmpty()) {
                return;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new NotSettledException(timeout, now);
            }
            long waitNanos = Math.min(left, recheckMillis >= Long.MAX_VALUE / 1_000_000 ? Long.MAX_VALUE
                    : TimeUnit.MILLISECONDS.toNanos(Math.max(1, recheckMillis)));
            lock.lock();
            try {
                if (version == seen) {
                    changedCondition.awaitNanos(waitNanos);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotSettledException(timeout, now);
            } finally {
                lock.unlock();
            }
        }
    }
}
