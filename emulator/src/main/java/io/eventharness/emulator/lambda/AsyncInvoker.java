package io.eventharness.emulator.lambda;

import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.lambda.runtime.InvocationResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asynchronous invocation as AWS runs it
 * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html">error handling</a>):
 * accepted events wait in a queue that a fixed number of workers drain (AWS drains it at the function's
 * concurrency; here one machine runs every function, so the workers are few, and events beyond them wait,
 * never dropped). A failed attempt (a function error, or a sandbox that could not start) is retried
 * {@code MaximumRetryAttempts} times (default 2), the first retry about one minute later and the second about
 * two minutes after that, on the emulator clock; an event older than {@code MaximumEventAgeInSeconds} (default
 * six hours) is dropped; then the {@link Destinations} get the outcome. Throttles (429) and service errors
 * (5xx) return the event to the queue with a back-off from one second up to five minutes, and do not count as
 * retries. An event whose function was deleted is discarded, as AWS does, and the trail says so
 * ({@value #DROPPED}). Each scheduled retry is in the trail ({@value #RETRY}) with the time it falls due.
 *
 * <p>A retry that falls due only hands the event to the workers: the clock's thread never runs a function.
 * Every attempt, first ones included, is registered with {@link EmulatorClock#handedOff}, and
 * {@link EmulatorClock#advance} waits for them: "moving the clock fires everything that falls due, in time
 * order, before the call returns" then holds for a test that invokes with {@code Event} and at once moves
 * the clock three minutes: the first attempt ends (as it would have, within its timeout, in those three
 * minutes), its retry one minute later runs, and the second retry two minutes after that. A function that
 * blocks holds {@code advance()} up to its timeout, as it would hold the event in AWS.
 */
final class AsyncInvoker implements AutoCloseable {
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration SECOND_RETRY = Duration.ofMinutes(2);
    /** AWS: throttled and service-error back-off grows "from 1 second ... to a maximum of 5 minutes". */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /**
     * Workers by default: invocations mostly wait on their sandbox, so more than the cores, but few enough that
     * a burst of events does not start a process per event at once.
     */
    static final int DEFAULT_WORKERS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    /** The trail's kind for a scheduled retry. */
    static final String RETRY = "lambda:Retry";
    /** The trail's kind for an event discarded without running: its function or version was deleted. */
    static final String DROPPED = "lambda:Dropped";

    private static final Logger LOG = LoggerFactory.getLogger(AsyncInvoker.class);

    private final EmulatorClock clock;
    private final Delivery delivery;
    private final Invoker invoker;
    private final Destinations destinations;
    private final LambdaFunctions functions;
    private final ThreadPoolExecutor workers;

    /** @param workers how many attempts run at once, across all functions */
    AsyncInvoker(EmulatorClock clock, Delivery delivery, Invoker invoker, Destinations destinations,
                 LambdaFunctions functions, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("async workers must be at least 1: " + workers);
        }
        this.clock = clock;
        this.delivery = delivery;
        this.invoker = invoker;
        this.destinations = destinations;
        this.functions = functions;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "lambda-async-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.workers.allowCoreThreadTimeOut(true);
    }

    /** Accepts an event; its first attempt runs as soon as a worker is free. */
    void submit(AsyncEvent e) {
        queue(new Attempt(e));
    }

    /** Events accepted or due for a retry that wait for a worker. */
    int queued() {
        return workers.getQueue().size();
    }

    /** One attempt, on a worker. Whatever happens, the event ends in a retry, a destination, or the trail. */
    private void attempt(AsyncEvent e) {
        try {
            tryOnce(e);
        } catch (RuntimeException bug) {
            LOG.warn("asynchronous invocation of {} failed", e.targetArn(), bug);
            delivery.note(e.source, e.targetArn().toString(), DROPPED, utf8(e.payload), "dropped after an emulator error: " + bug);
        }
    }

    private void tryOnce(AsyncEvent e) {
        LambdaFunction fn = e.function;
        if (!functions.isCurrent(fn)) {
            drop(e, "the function was deleted");
            return;
        }
        FunctionSettings settings;
        try {
            settings = fn.resolve(e.qualifier);
        } catch (AwsException gone) {
            drop(e, gone.getMessage());
            return;
        }
        AsyncSettings cfg = AsyncSettings.of(fn.invokeConfig(e.qualifier));
        if (clock.millis() - e.acceptedMillis > cfg.maxAgeSeconds() * 1000L) {
            destinations.failure(settings, e, null, "EventAgeExceeded", cfg.onFailure(), clock.now());
            return;
        }
        InvocationResult r;
        try {
            r = invoker.run(fn, e.qualifier, e.requestId, e.payload, null, e.source, "lambda:InvokeAsync");
        } catch (AwsException refused) {
            if (refused.status() == 404) {
                drop(e, refused.getMessage()); // deleted while the attempt started
                return;
            }
            // AWS: throttles (429) and system errors (5xx) return the event to the queue, retried with back-off
            // for up to the event's maximum age; they do not count against MaximumRetryAttempts
            e.throttles++;
            long backoff = Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(16, e.throttles - 1));
            retry(e, settings, Duration.ofSeconds(backoff), refused.code() + ": " + refused.getMessage());
            return;
        } catch (RuntimeException unexpected) {
            // an emulator fault, not the function's: still a failed attempt, never a lost event
            LOG.warn("invocation of {} failed in the emulator", e.targetArn(), unexpected);
            r = Invoker.sandboxFailure(settings, e.requestId, String.valueOf(unexpected));
            delivery.note(e.source, e.targetArn().toString(), "lambda:InvokeAsync", utf8(e.payload), "error " + r.errorType()
                    + " (request " + e.requestId + "): " + unexpected);
        }
        e.throttles = 0;
        e.attempts++;
        if (!r.isError()) {
            destinations.success(settings, e, r, cfg.onSuccess(), clock.now());
        } else if (e.attempts <= cfg.maxRetries()) {
            retry(e, settings, e.attempts == 1 ? FIRST_RETRY : SECOND_RETRY, "retry " + e.attempts + " of " + cfg.maxRetries()
                    + " after " + r.errorType());
        } else {
            destinations.failure(settings, e, r, "RetriesExhausted", cfg.onFailure(), clock.now());
        }
    }

    /**
     * Schedules the next attempt, then says so in the trail (so that whoever reads it may move the clock).
     * When it falls due, the clock only hands the event to the workers.
     */
    private void retry(AsyncEvent e, FunctionSettings settings, Duration delay, String why) {
        EmulatorClock.Task next = clock.schedule(delay, () -> handOff(e));
        delivery.note(e.source, settings.qualifiedArn().toString(), RETRY, utf8(e.payload), "next attempt at " + next.due() + " (" + why + ")");
    }

    /** On the clock's thread, when a retry falls due. */
    private void handOff(AsyncEvent e) {
        queue(new Attempt(e));
    }

    /** Queues an attempt, and lets {@code advance()} know to wait for it. */
    private void queue(Attempt a) {
        clock.handedOff(a.done, "asynchronous invocation of " + a.event.targetArn() + " (request " + a.event.requestId + ")");
        try {
            workers.execute(a);
        } catch (RejectedExecutionException closing) {
            a.done.complete(null); // the emulator is stopping
        }
    }

    /** One attempt as the workers' queue holds it; {@code done} completes however it ends, or when it is discarded. */
    private final class Attempt implements Runnable {
        final AsyncEvent event;
        final CompletableFuture<Void> done = new CompletableFuture<>();

        Attempt(AsyncEvent event) {
            this.event = event;
        }

        @Override
        public void run() {
            try {
                attempt(event);
            } finally {
                done.complete(null);
            }
        }
    }

    private void drop(AsyncEvent e, String why) {
        delivery.note(e.source, e.targetArn().toString(), DROPPED, utf8(e.payload), "dropped: " + why + " (request " + e.requestId
                + ", after " + e.attempts + " attempt" + (e.attempts == 1 ? "" : "s") + ")");
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        List<Runnable> waiting = workers.shutdownNow();
        if (!waiting.isEmpty()) {
            LOG.debug("{} asynchronous invocations were still queued at shutdown", waiting.size());
        }
        for (Runnable r : waiting) {
            if (r instanceof Attempt a) {
                a.done.complete(null); // nobody waits for what will not run
            }
        }
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
    }
}
