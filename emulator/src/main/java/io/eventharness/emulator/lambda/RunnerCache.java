package io.eventharness.emulator.lambda;

import io.eventharness.emulator.lambda.runtime.FunctionConfig;
import io.eventharness.emulator.lambda.runtime.FunctionRunner;
import io.eventharness.emulator.lambda.runtime.Invocation;
import io.eventharness.emulator.lambda.runtime.InvocationResult;
import io.eventharness.emulator.lambda.runtime.LambdaEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The {@link FunctionEngine} over {@link LambdaEngine}: one {@link FunctionRunner} (pool of sandboxes) per
 * function version, replaced when the version's configuration changes.
 *
 * <p>A runner is made at the first lease or, ahead of it, when the API {@linkplain #prepare prepares} a version.
 * A runner is handed out under a lease, taken atomically with the lookup. A runner that retires (new code,
 * deleted function) while leased closes when its last lease ends, so an invocation that got its runner just
 * before {@code UpdateFunctionCode} still runs, on the code it was given, instead of finding the runner
 * closed. Concurrency is limited by the API layer, not by the runners: each gets the account's limit.
 */
final class RunnerCache implements FunctionEngine {
    private final LambdaEngine engine;
    /** The current runner of each qualified ARN. */
    private final Map<String, Entry> current = new ConcurrentHashMap<>();
    /** Every runner not closed yet: the current ones and retired ones still leased. */
    private final Set<Entry> live = ConcurrentHashMap.newKeySet();

    RunnerCache(LambdaEngine engine) {
        this.engine = engine;
    }

    @Override
    public Lease lease(FunctionConfig config) {
        List<Entry> replaced = new ArrayList<>(1);
        Entry e = current.compute(config.qualifiedArn(), (k, old) -> {
            if (old != null && old.runner.config().equals(config) && old.take()) {
                return old;
            }
            if (old != null) {
                replaced.add(old);
            }
            Entry fresh = new Entry(engine.runner(config));
            live.add(fresh);
            fresh.take();
            return fresh;
        });
        replaced.forEach(Entry::retire);
        return e.new Held();
    }

    @Override
    public void requireRuntime(String runtime) {
        engine.runtimes().resolve(runtime);
    }

    /** Makes the version's runner now, which prepares a spare sandbox for its first invocation (if spares are on). */
    @Override
    public void prepare(FunctionConfig config) {
        if (!engine.spareSandboxes()) {
            return; // nothing to prepare: the runner is made at the first invocation
        }
        try {
            current.computeIfAbsent(config.qualifiedArn(), k -> {
                Entry fresh = new Entry(engine.runner(config));
                live.add(fresh);
                return fresh;
            });
        } catch (RuntimeException e) {
            // a runtime that cannot run here, a closed engine: the invocation says so
        }
    }

    @Override
    public void retire(Predicate<FunctionConfig> which, Runnable afterwards) {
        List<Entry> gone = new ArrayList<>();
        for (Entry e : live) {
            if (which.test(e.runner.config())) {
                current.remove(e.runner.config().qualifiedArn(), e);
                gone.add(e);
            }
        }
        if (gone.isEmpty()) {
            afterwards.run();
            return;
        }
        AtomicInteger left = new AtomicInteger(gone.size());
        for (Entry e : gone) {
            e.whenClosed(() -> {
                if (left.decrementAndGet() == 0) {
                    afterwards.run();
                }
            });
            e.retire();
        }
    }

    @Override
    public void close() {
        current.clear();
        live.clear();
        engine.close();
    }

    /** A runner, its leases, and what waits for it to close. */
    private final class Entry {
        final FunctionRunner runner;
        private int leases;
        private boolean retired;
        private boolean closed;
        private final List<Runnable> onClose = new ArrayList<>(1);

        Entry(FunctionRunner runner) {
            this.runner = runner;
        }

        /** One more lease; false once retired. */
        synchronized boolean take() {
            if (retired) {
                return false;
            }
            leases++;
            return true;
        }

        void release() {
            boolean close;
            synchronized (this) {
                leases--;
                close = retired && leases == 0 && !closed;
                closed |= close;
            }
            if (close) {
                shutDown();
            }
        }

        void retire() {
            boolean close;
            synchronized (this) {
                retired = true;
                close = leases == 0 && !closed;
                closed |= close;
            }
            if (close) {
                shutDown();
            }
        }

        void whenClosed(Runnable r) {
            boolean now;
            synchronized (this) {
                now = closed;
                if (!now) {
                    onClose.add(r);
                }
            }
            if (now) {
                r.run();
            }
        }

        private void shutDown() {
            live.remove(this);
            runner.close();
            List<Runnable> then;
            synchronized (this) {
                then = new ArrayList<>(onClose);
                onClose.clear();
            }
            then.forEach(Runnable::run);
        }

        /** One lease of this runner. */
        final class Held implements Lease {
            private boolean released;

            @Override
            public FunctionConfig config() {
                return runner.config();
            }

            @Override
            public InvocationResult invoke(Invocation invocation) {
                return runner.invoke(invocation);
            }

            @Override
            public void discard() {
                current.remove(runner.config().qualifiedArn(), Entry.this);
                retire();
                close();
            }

            @Override
            public synchronized void close() {
                if (!released) {
                    released = true;
                    release();
                }
            }
        }
    }
}
