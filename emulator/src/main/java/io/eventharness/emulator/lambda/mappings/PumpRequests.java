package io.eventharness.emulator.lambda.mappings;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A poller's pumps: at most one queued on the mappings' threads at a time, each handed off on the clock (so the
 * emulator is not settled while one is queued or running). SQS and stream pollers share it; their pumps differ.
 */
final class PumpRequests {
    private static final Logger LOG = LoggerFactory.getLogger(PumpRequests.class);

    private final MappingEnvironment env;
    private final AtomicBoolean queued = new AtomicBoolean();

    PumpRequests(MappingEnvironment env) {
        this.env = env;
    }

    /** Whether a pump is queued and has not started yet. */
    boolean queued() {
        return queued.get();
    }

    /**
     * Queues {@code pump} on the mappings' threads unless one is queued already; quick, for writers' threads. A
     * failing pump is logged with {@code what} (e.g. "mapping ... reading arn:..."): the next wake tries again.
     */
    void request(String what, Runnable pump) {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        CompletableFuture<Void> done = env.clock().handedOff(new CompletableFuture<>(), what);
        try {
            env.executor().execute(() -> {
                try {
                    pump.run();
                } catch (RuntimeException e) {
                    LOG.warn("{} failed", what, e);
                } finally {
                    done.complete(null);
                }
            });
        } catch (RejectedExecutionException closing) {
            queued.set(false);
            done.complete(null);
        }
    }

    /** Called first by a pump: a wake from now on queues another. */
    void started() {
        queued.set(false);
    }
}
