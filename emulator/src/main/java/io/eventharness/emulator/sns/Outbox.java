package io.eventharness.emulator.sns;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deliveries of one topic, run in the order they were accepted and by the publishing thread
 * itself: {@link #add} is called under the service's lock (so the order is the order of sequence
 * numbers), {@link #drain} without any lock. A thread that finds another one draining leaves its work
 * to it; a delivery that publishes to the same topic again (re-entrant) is queued, not nested. So a
 * single publisher sees its deliveries done when Publish returns, and no SNS lock is held while a
 * target service runs.
 */
final class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final Deque<Runnable> pending = new ArrayDeque<>();
    private boolean draining;

    synchronized void add(Runnable delivery) {
        pending.addLast(delivery);
    }

    /** Runs queued deliveries until none is left, unless another thread is already at it. */
    void drain() {
        synchronized (this) {
            if (draining) {
                return;
            }
            draining = true;
        }
        boolean done = false;
        try {
            while (!done) {
                Runnable next;
                synchronized (this) {
                    next = pending.pollFirst();
                    if (next == null) {
                        draining = false;
                        done = true;
                        continue;
                    }
                }
                try {
                    next.run();
                } catch (RuntimeException e) {
                    LOG.warn("SNS delivery failed unexpectedly", e); // a delivery never fails the publisher
                }
            }
        } finally {
            if (!done) {
                synchronized (this) {
                    draining = false;
                }
            }
        }
    }
}
