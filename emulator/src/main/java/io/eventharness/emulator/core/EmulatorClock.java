package io.eventharness.emulator.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one clock of the emulator. Everything time-based (visibility timeouts, retention, retry
 * back-off, schedules, record ages) reads {@link #now()} and schedules work with {@link #schedule}.
 *
 * <p>It follows real time plus an offset ({@link EmulatedTime}). {@link #advance(Duration)} moves the offset forward and,
 * before it returns, runs every task that fell due, in due-time order (tasks scheduled by those tasks
 * that are due too run as well). Without advancing, a timer thread runs tasks when real time reaches
 * them ({@link ClockTasks} keeps them in due order).
 *
 * <pre>{@code
 * EmulatorClock clock = emulator.clock();
 * clock.advance(Duration.ofMinutes(3)); // a two-minute retry has fired when this returns
 * }</pre>
 *
 * <p>Tasks must be short: they run one after another on one thread. A task with long work (a Lambda
 * retry runs a function) hands it to another thread and registers it with {@link #handedOff}; the timer
 * thread then goes on at once, while {@link #advance} waits for that work before it runs the next task,
 * so that its promise (everything due ran, in time order) holds. Work started outside the clock (an
 * accepted asynchronous invocation) registers too: {@code advance} lets it end before it moves the time.
 *
 * <p>{@link #freeze()} stops it following real time: the emulated time then moves only with {@link #advance}, so that
 * a test can move to just before something falls due and assert that it did not happen, however slowly the machine
 * runs; {@link #unfreeze()} lets it follow real time again from where it stands.
 *
 * <p>That hand-off is one kind of the emulator's pending work, which its {@link Activity} ({@link #activity()})
 * tracks in one place: the emulator is settled when nothing is pending, its tasks due by now included.
 */
public final class EmulatorClock implements AutoCloseable {

    /** A scheduled task; {@link #cancel()} prevents a run that has not started. */
    public static final class Task implements Comparable<Task> {
        private final long dueMillis;
        private final long seq;
        private final Runnable action;
        private volatile boolean cancelled;

        private Task(long dueMillis, long seq, Runnable action) {
            this.dueMillis = dueMillis;
            this.seq = seq;
            this.action = action;
        }

        public void cancel() {
            cancelled = true;
        }

        public Instant due() {
            return Instant.ofEpochMilli(dueMillis);
        }

        long dueMillis() {
            return dueMillis;
        }

        boolean cancelled() {
            return cancelled;
        }

        @Override
        public int compareTo(Task o) {
            int c = Long.compare(dueMillis, o.dueMillis);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /** Real time plus an offset, or frozen. */
    private final EmulatedTime time = new EmulatedTime();
    private final AtomicLong seq = new AtomicLong();
    private final ClockTasks tasks = new ClockTasks();
    /** Serialises task execution between the timer thread and advance(). */
    private final ReentrantLock running = new ReentrantLock();
    private final List<Runnable> advanceListeners = new CopyOnWriteArrayList<>();
    /** The emulator's pending work; work that tasks handed to other threads is tracked there. */
    private final Activity activity = new Activity();
    private volatile boolean closed;
    private Thread timer;

    public EmulatorClock() {
        activity.probe(out -> tasks.describeDue(time, out));
    }

    /** The emulator's pending work, this clock's due tasks and hand-offs included. */
    public Activity activity() {
        return activity;
    }

    /** The emulated time. */
    public Instant now() {
        return Instant.ofEpochMilli(millis());
    }

    /** The emulated time in epoch milliseconds. */
    public long millis() {
        return time.millis();
    }

    /** How far the emulated time is ahead of real time. */
    public Duration offset() {
        return time.offset();
    }

    /**
     * Stops the emulated time where it is: from now on it moves only with {@link #advance}. Tasks due at the frozen
     * time still run. Freezing a frozen clock changes nothing.
     */
    public void freeze() {
        time.freeze();
        signalTimer();
    }

    /** Lets the emulated time follow real time again, from where it stands. */
    public void unfreeze() {
        time.unfreeze();
        signalTimer();
    }

    /** Whether the emulated time stands still between advances ({@link #freeze()}). */
    public boolean frozen() {
        return time.frozen();
    }

    /** Moves the emulated time forward by {@code millis}, frozen or not. */
    private void moveBy(long millis) {
        time.moveBy(millis);
    }

    /** Runs {@code action} once the emulated time reaches {@code due}. */
    public Task schedule(Instant due, Runnable action) {
        Task t = new Task(due.toEpochMilli(), seq.incrementAndGet(), action);
        tasks.add(t, this::ensureTimer);
        activity.changed();
        return t;
    }

    /**
     * Called after every {@link #advance}, once due tasks ran: for state that is computed from the
     * time rather than scheduled (SQS visibility), so that waiters re-check it.
     */
    public void onAdvance(Runnable listener) {
        advanceListeners.add(listener);
    }

    /**
     * Registers work that a task started on another thread: {@link #advance} waits for it to end before
     * it runs the next due task and before it returns; the timer thread does not wait. Returns
     * {@code work}. Work that itself waits for an {@code advance()} would wait for ever: it must not.
     *
     * @param what what the work is, as {@link Activity#pending()} reports it while it runs
     */
    public <F extends CompletableFuture<?>> F handedOff(F work, String what) {
        return activity.track(work, what, true);
    }

    /** Runs {@code action} after {@code delay} of emulated time. */
    public Task schedule(Duration delay, Runnable action) {
        return schedule(now().plus(delay), action);
    }

    /**
     * Moves the clock forward and runs, in due order, everything that falls due, before returning.
     * The clock steps to each task's due time before running it, so that a task which schedules
     * another (a retry two minutes after a failed one) sees the time it was due at, and what it
     * schedules runs too when it falls within the advance.
     */
    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward: " + by);
        }
        running.lock();
        try {
            // Work already under way (an accepted asynchronous invocation) ends before time moves: within the
            // advance it would have ended, and what it schedules (its retry) must fall into the advance too.
            settle();
            long target = millis() + by.toMillis();
            while (true) {
                Task next = tasks.pollDue(target);
                if (next == null) {
                    break;
                }
                long now = millis();
                if (next.dueMillis > now) {
                    moveBy(next.dueMillis - now);
                }
                run(next);
                settle();
            }
            long now = millis();
            if (target > now) {
                moveBy(target - now);
            }
            runDueAndSettle();
        } finally {
            running.unlock();
        }
        for (Runnable l : advanceListeners) {
            l.run();
        }
        signalTimer();
        return now();
    }

    /**
     * Waits, {@link #running} released so that the timer thread may run what falls due meanwhile, until
     * the work handed off by tasks has ended. Called with {@link #running} held.
     */
    private void settle() {
        CompletableFuture<?>[] pending;
        while ((pending = activity.holdingAdvance()).length > 0) {
            running.unlock();
            try {
                CompletableFuture.allOf(pending).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                // the work failed; its owner reports it
            } finally {
                running.lock();
            }
        }
    }

    /** After an advance: what fell due meanwhile (the timer thread may have been waiting), and its hand-offs. */
    private void runDueAndSettle() {
        Task next;
        while ((next = tasks.pollDue(millis())) != null) {
            run(next);
            settle();
        }
        settle();
    }

    private void runDue() {
        running.lock();
        try {
            Task next;
            while ((next = tasks.pollDue(millis())) != null) {
                run(next);
            }
        } finally {
            running.unlock();
        }
    }

    private void run(Task t) {
        if (t.cancelled) {
            return;
        }
        try {
            t.action.run();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(EmulatorClock.class).warn("clock task failed", e);
        } finally {
            activity.changed();
        }
    }

    private void ensureTimer() {
        if (timer != null || closed) {
            return;
        }
        timer = new Thread(this::timerLoop, "emulator-clock");
        timer.setDaemon(true);
        timer.start();
    }

    private void timerLoop() {
        while (!closed) {
            try {
                if (!tasks.awaitDue(time)) {
                    continue; // not due yet, or woken by a change: look again
                }
            } catch (InterruptedException e) {
                return;
            }
            runDue();
        }
    }

    /** The timer thread looks again at the next task's time (the time or the tasks changed). */
    private void signalTimer() {
        tasks.signal();
    }

    @Override
    public void close() {
        closed = true;
        signalTimer();
    }
}
