package io.eventharness.emulator.lambda.runtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads the memory of working sandboxes every {@value #PERIOD_MILLIS} ms, on one thread per engine, so that a
 * sandbox that grows beyond its memory size is stopped while it grows, as AWS stops an execution environment
 * that runs out of memory. Only sandboxes in INIT or in an invocation are read: an idle one is frozen in AWS
 * and costs nothing here. The thread parks while there is nothing to read.
 */
final class MemoryWatch implements AutoCloseable {
    static final long PERIOD_MILLIS = 10;

    /** Something whose memory is read. */
    interface Watched {
        /** Reads the memory and acts on it; called on the watch's thread. */
        void checkMemory();
    }

    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean sleeping = new AtomicBoolean();
    private Thread thread;
    private volatile boolean closed;

    /** Starts reading {@code w} (again). */
    void watch(Watched w) {
        watched.add(w);
        Thread t;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (thread == null) {
                thread = new Thread(this::run, "lambda-memory-watch");
                thread.setDaemon(true);
                thread.start();
                return;
            }
            t = thread;
        }
        if (sleeping.compareAndSet(true, false)) {
            LockSupport.unpark(t);
        }
    }

    void unwatch(Watched w) {
        watched.remove(w);
    }

    private void run() {
        while (!closed) {
            if (watched.isEmpty()) {
                sleeping.set(true);
                if (watched.isEmpty() && !closed) {
                    LockSupport.park(this);
                }
                sleeping.set(false);
                continue;
            }
            for (Watched w : watched) {
                try {
                    w.checkMemory();
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(MemoryWatch.class).warn("reading a sandbox's memory failed", e);
                }
            }
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS));
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closed = true;
            t = thread;
        }
        if (t != null) {
            LockSupport.unpark(t);
        }
    }
}
