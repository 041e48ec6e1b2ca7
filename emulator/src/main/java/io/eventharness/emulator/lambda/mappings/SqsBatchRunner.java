package io.eventharness.emulator.lambda.mappings;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.EmulatorClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an SQS mapping's batches on the mappings' threads, outside its poller's monitor: invokes a batch's chunks in
 * order ({@link SqsBatch}); on a FIFO queue a failed chunk leaves the later ones uninvoked (their groups keep their
 * order); a throttled batch (the function's concurrency used up) retries after a back-off (1 s, doubling, at most
 * {@link #MAX_BACKOFF}, on the clock) while its messages are still in flight, then gives them back. When a batch is
 * over, its slot is freed ({@code release}). Every batch is work handed off in the clock's sense.
 */
final class SqsBatchRunner {
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(SqsBatchRunner.class);

    private final EventSourceMapping mapping;
    private final MappingEnvironment env;
    private final Arn queue;
    private final Runnable release;

    /** {@code release}: a batch is over (its slot is free); called on the mappings' threads. */
    SqsBatchRunner(EventSourceMapping mapping, MappingEnvironment env, Arn queue, Runnable release) {
        this.mapping = mapping;
        this.env = env;
        this.queue = queue;
        this.release = release;
    }

    /** Runs the batch on the mappings' threads; the clock's {@code advance} waits for it. */
    void start(SqsBatch b) {
        CompletableFuture<Void> done = env.clock().handedOff(new CompletableFuture<>(), "batch of " + b.size()
                + " message(s) of " + queue + " to " + b.settings.functionArn() + " (event source mapping " + mapping.uuid() + ")");
        try {
            env.executor().execute(() -> {
                try {
                    run(b);
                } finally {
                    done.complete(null);
                }
            });
        } catch (RejectedExecutionException closing) {
            done.complete(null);
        }
    }

    /** Invokes the batch's chunks in order; frees its slot at the end, unless it waits out a throttle. */
    private void run(SqsBatch b) {
        boolean release = true;
        try {
            while (b.hasMore()) {
                SqsBatch.Outcome o = b.invokeNext(env, queue, mapping.uuid());
                if (o == SqsBatch.Outcome.THROTTLED) {
                    release = !retryLater(b);
                    return;
                }
                if (o == SqsBatch.Outcome.FAILED && SqsFamily.fifo(queue) && b.hasMore()) {
                    b.note(env, queue, mapping.uuid(), b.rest(), b.rest().size() + " later message(s) of the batch not invoked, to keep"
                            + " the order of their groups: visible again after the visibility timeout");
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("event source mapping {} failed to run a batch", mapping.uuid(), e);
        } finally {
            if (release) {
                this.release.run();
            }
        }
    }

    /** A throttled batch retries after a back-off while its messages are in flight; false when that is too late. */
    private boolean retryLater(SqsBatch b) {
        long backoff = Math.min(MAX_BACKOFF.toMillis(), 1000L << Math.min(16, b.throttled() - 1));
        if (env.clock().millis() + backoff >= b.deadlineMillis()) {
            b.note(env, queue, mapping.uuid(), b.rest(), "throttled until the visibility timeout: " + b.rest().size()
                    + " message(s) visible again then");
            return false;
        }
        EmulatorClock.Task retry = env.clock().schedule(Duration.ofMillis(backoff), () -> start(b));
        b.note(env, queue, mapping.uuid(), b.rest(), "throttled: retry at " + retry.due());
        return true;
    }
}
