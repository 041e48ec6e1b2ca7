package io.eventharness.harness;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The harnesses this JVM shares, one per backend: started on first use, held by the JUnit runs that use them,
 * closed when the last holder lets go. Each run holds one through a {@link Lease} in its launcher session's
 * store, which JUnit closes when the session ends — after every test class of a Surefire fork, however many
 * executions it ran them in (one per class with {@code forkCount > 1}, a second one for reruns). A run nested
 * in a test (the JUnit Platform test kit's, with its own session store) takes a lease of its own, so when it
 * ends the harness stays for the run around it.
 *
 * <p>A backend that could not start is not tried again in this JVM: every later call gets the same failure.
 */
final class SharedHarnesses {
    private final Map<String, Entry> running = new HashMap<>();
    private final Map<String, RuntimeException> failed = new HashMap<>();

    /** A running harness and how many leases hold it. */
    private static final class Entry {
        final Harness harness;
        int holders;

        Entry(Harness harness) {
            this.harness = harness;
        }
    }

    /** The running harness of {@code backend}, started with {@code start} if none runs; no lease is taken. */
    synchronized Harness get(String backend, Supplier<Harness> start) {
        return entry(backend, start).harness;
    }

    /** The harness of {@code backend}, started with {@code start} if none runs, held until the lease is closed. */
    synchronized Lease lease(String backend, Supplier<Harness> start) {
        Entry e = entry(backend, start);
        e.holders++;
        return new Lease(backend, e);
    }

    /** How many leases hold the harness of {@code backend} (0 when none runs). */
    synchronized int holders(String backend) {
        Entry e = running.get(backend);
        return e == null ? 0 : e.holders;
    }

    private Entry entry(String backend, Supplier<Harness> start) {
        RuntimeException failure = failed.get(backend);
        if (failure != null) {
            throw failure;
        }
        Entry e = running.get(backend);
        if (e == null) {
            try {
                e = new Entry(start.get());
            } catch (RuntimeException x) {
                failed.put(backend, x);
                throw x;
            }
            running.put(backend, e);
        }
        return e;
    }

    /** Closed under the lock: a run starting meanwhile waits, then starts a harness of its own. */
    private synchronized void release(String backend, Entry e) {
        if (--e.holders == 0 && running.get(backend) == e) {
            running.remove(backend);
            e.harness.close();
        }
    }

    /**
     * A run's hold on a shared harness, kept in JUnit's store: JUnit closes it when the store closes (as an
     * {@link AutoCloseable}, and as a {@code CloseableResource} where closing {@code AutoCloseable}s is turned off).
     * Closing it twice lets go once.
     */
    @SuppressWarnings("deprecation") // CloseableResource: deprecated since JUnit 5.13 in favour of AutoCloseable; both are honoured
    final class Lease implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        private final String backend;
        private final Entry entry;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Lease(String backend, Entry entry) {
            this.backend = backend;
            this.entry = entry;
        }

        Harness harness() {
            return entry.harness;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                release(backend, entry);
            }
        }
    }
}
