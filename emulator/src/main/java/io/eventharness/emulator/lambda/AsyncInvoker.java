package io.eventharness.emulator.lambda;

import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.lambda.runtime.InvocationResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import software.amazon.awssdk.services.lambda.model.FunctionEventInvokeConfig;

/**
 * Asynchronous invocation as AWS runs it
 * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html">error handling</a>):
 * accepted events run at once on a worker; a function error is retried {@code MaximumRetryAttempts}
 * times (default 2), the first retry about one minute later and the second about two minutes after
 * that, on the emulator clock; an event older than {@code MaximumEventAgeInSeconds} (default six
 * hours) is dropped; then the {@link Destinations} get the outcome. Throttled attempts are retried
 * with back-off and do not count as retries. No accepted event is lost while the emulator runs.
 * Each scheduled retry is in the event trail ({@value #RETRY}) with the time it falls due.
 */
final class AsyncInvoker implements AutoCloseable {
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration SECOND_RETRY = Duration.ofMinutes(2);
    static final int DEFAULT_RETRIES = 2;
    static final int DEFAULT_MAX_AGE_SECONDS = 21_600;
    /** The trail's kind for a scheduled retry. */
    static final String RETRY = "lambda:Retry";

    private final EmulatorClock clock;
    private final Delivery delivery;
    private final Invoker invoker;
    private final Destinations destinations;
    private final Function<String, LambdaFunction> functions;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lambda-async");
        t.setDaemon(true);
        return t;
    });

    AsyncInvoker(EmulatorClock clock, Delivery delivery, Invoker invoker, Destinations destinations,
                 Function<String, LambdaFunction> functions) {
        this.clock = clock;
        this.delivery = delivery;
        this.invoker = invoker;
        this.destinations = destinations;
        this.functions = functions;
    }

    /** Accepts an event; the first attempt starts at once on a worker thread. */
    void submit(AsyncEvent e) {
        workers.execute(() -> attempt(e));
    }

    /** One attempt; runs on a worker, or inline on the clock when a retry falls due. */
    private void attempt(AsyncEvent e) {
        LambdaFunction fn = functions.apply(e.functionName);
        if (fn == null) {
            return; // the function was deleted: AWS discards its queued events
        }
        FunctionSettings settings;
        try {
            settings = fn.resolve(e.qualifier);
        } catch (AwsException gone) {
            return;
        }
        FunctionEventInvokeConfig cfg = fn.invokeConfig(e.qualifier);
        int maxRetries = cfg != null && cfg.maximumRetryAttempts() != null ? cfg.maximumRetryAttempts() : DEFAULT_RETRIES;
        int maxAge = cfg != null && cfg.maximumEventAgeInSeconds() != null ? cfg.maximumEventAgeInSeconds() : DEFAULT_MAX_AGE_SECONDS;
        String onSuccess = cfg != null && cfg.destinationConfig() != null && cfg.destinationConfig().onSuccess() != null
                ? cfg.destinationConfig().onSuccess().destination() : null;
        String onFailure = cfg != null && cfg.destinationConfig() != null && cfg.destinationConfig().onFailure() != null
                ? cfg.destinationConfig().onFailure().destination() : null;
        if (clock.millis() - e.acceptedMillis > maxAge * 1000L) {
            destinations.failure(settings, e, null, "EventAgeExceeded", onFailure, clock.now());
            return;
        }
        InvocationResult r;
        try {
            r = invoker.run(fn, e.qualifier, e.requestId, e.payload, null, e.source, "lambda:InvokeAsync");
        } catch (AwsException throttled) {
            // throttles and service errors are retried with back-off for up to the event's maximum age
            e.throttles++;
            long backoff = Math.min(300, 1L << Math.min(8, e.throttles));
            retry(e, settings, Duration.ofSeconds(backoff), throttled.getMessage());
            return;
        }
        e.attempts++;
        if (!r.isError()) {
            destinations.success(settings, e, r, onSuccess, clock.now());
        } else if (e.attempts <= maxRetries) {
            retry(e, settings, e.attempts == 1 ? FIRST_RETRY : SECOND_RETRY, "retry " + e.attempts + " of " + maxRetries
                    + " after " + r.errorType());
        } else {
            destinations.failure(settings, e, r, "RetriesExhausted", onFailure, clock.now());
        }
    }

    /** Schedules the next attempt, then says so in the trail (so that whoever reads it may move the clock). */
    private void retry(AsyncEvent e, FunctionSettings settings, Duration delay, String why) {
        EmulatorClock.Task next = clock.schedule(delay, () -> attempt(e));
        delivery.note(e.source, settings.qualifiedArn(), RETRY, new String(e.payload, StandardCharsets.UTF_8),
                "next attempt at " + next.due() + " (" + why + ")");
    }

    @Override
    public void close() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
    }
}
