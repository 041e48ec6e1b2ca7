package io.eventharness.emulator.core;

import io.eventharness.emulator.core.EmulatorClock.Task;
import java.time.Instant;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The tasks scheduled on an {@link EmulatorClock}, earliest first (in scheduling order at the same time), under a lock
 * of their own, and the condition its timer thread waits on until the next one falls due. It runs nothing: the clock
 * takes the due tasks out and runs them.
 */
final class ClockTasks {
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    /** Adds a task; {@code whileLocked} runs under the lock first (the clock starts its timer thread). */
    void add(Task t, Runnable whileLocked) {
        lock.lock();
        try {
            tasks.add(t);
            whileLocked.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Removes and returns the earliest task due at or before {@code limit}, or null. */
    Task pollDue(long limit) {
        lock.lock();
        try {
            Task next = tasks.peek();
            if (next == null || next.dueMillis() > limit) {
                return null;
            }
            return tasks.poll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The activity's probe: the tasks due by {@code time}'s now that have not run yet, described in {@code out}; returns
     * how long until the next one falls due ({@code Long.MAX_VALUE} when none is waiting).
     */
    long describeDue(EmulatedTime time, List<String> out) {
        lock.lock();
        try {
            Task next = tasks.peek();
            if (next == null) {
                return Long.MAX_VALUE;
            }
            long now = time.millis();
            if (next.dueMillis() > now) {
                return next.dueMillis() - now;
            }
            long due = tasks.stream().filter(t -> t.dueMillis() <= now && !t.cancelled()).count();
            if (due > 0) {
                out.add(due + " clock task" + (due == 1 ? "" : "s") + " due at " + Instant.ofEpochMilli(next.dueMillis())
                        + " (the clock is at " + Instant.ofEpochMilli(now) + ")");
            }
            return Long.MAX_VALUE;
        } finally {
            lock.unlock();
        }
    }

    /**
     * For the timer thread: true when the earliest task is due by {@code time}'s now; else waits until it falls due in
     * real time (frozen, only an advance brings it nearer: at most a minute) or until {@link #signal}, and returns false.
     */
    boolean awaitDue(EmulatedTime time) throws InterruptedException {
        lock.lock();
        try {
            Task next = tasks.peek();
            long wait = next == null || time.frozen() && next.dueMillis() > time.millis() ? 60_000 : next.dueMillis() - time.millis();
            if (wait > 0) {
                changed.awaitNanos(wait * 1_000_000L);
                return false;
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The timer thread looks again at the next task's time (the time or the tasks changed). */
    void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
