package io.eventharness.harness;

import io.eventharness.harness.backend.Backend;
import io.eventharness.harness.backend.Feature;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opentest4j.TestAbortedException;

/**
 * Faults of the AWS APIs on purpose, for a test of the glue's error path ({@code cloud.faults()}): the next N calls of
 * one operation — made by the test or by a function — answer with the service's throttling error or its internal
 * error instead of being served, so that the SDK's own retries and the user's error handling run. Counted, never
 * random: a failing test fails the same way each time; each fault injected is a {@code fault} hop in the test's story.
 * The Cloud that armed them disarms them when it closes. On a backend that cannot inject faults (LocalStack, AWS) the
 * test is skipped with the reason, as {@code @NeedsClock} does for the clock ({@code @Needs(Feature.API_FAULTS)} skips
 * it before it creates anything).
 *
 * <pre>{@code
 * cloud.faults().throttle("s3:PutObject", 2);      // S3's 503 SlowDown, twice: the SDK retries, the thumbnail lands
 * cloud.faults().serverError("sqs:SendMessage", 5); // more than the SDK retries: the function's error path runs
 * cloud.faults().failInvocations(aggregator, 1, "Sandbox.Crash", "killed mid-batch"); // the next batch fails whole
 * }</pre>
 */
public final class Faults {
    private final Backend backend;
    private final AtomicBoolean armed = new AtomicBoolean();
    private final Set<String> actions = ConcurrentHashMap.newKeySet();
    private final Set<String> functions = ConcurrentHashMap.newKeySet();

    Faults(Backend backend) {
        this.backend = backend;
    }

    /** The next {@code times} calls of {@code action} ({@code "s3:PutObject"}) answer with the service's throttling error. */
    public Faults throttle(String action, int times) {
        return arm(action, "throttling", times);
    }

    /** The next {@code times} calls of {@code action} ({@code "sqs:SendMessage"}) answer with the service's 500. */
    public Faults serverError(String action, int times) {
        return arm(action, "server-error", times);
    }

    /**
     * The next {@code times} invocations of {@code fn} — however invoked: by the test, S3, SNS, a queue's mapping, the
     * async queue's retries — fail with {@code errorType} and {@code errorMessage}, as if its handler threw them, its code
     * not run: Lambda's retries, dead-letter queues, destinations and batch failures then do what AWS's rules say.
     */
    public Faults failInvocations(DeployedFunction fn, int times, String errorType, String errorMessage) {
        requireSupported();
        backend.armFunctionFault(fn.name(), errorType, errorMessage, times);
        functions.add(fn.name());
        armed.set(true);
        return this;
    }

    /** How many invocations of {@code fn} the faults armed have failed so far. */
    public int injected(DeployedFunction fn) {
        return backend.faultsInjected(null, fn.name());
    }

    /**
     * How many calls of {@code action} the faults armed have answered so far: what the SDK's retries absorbed, or what
     * reached the caller. 0 on a backend that cannot inject faults.
     */
    public int injected(String action) {
        int colon = colon(action);
        return backend.faultsInjected(action.substring(0, colon), action.substring(colon + 1));
    }

    /** Disarms every fault now (the Cloud does it when it closes). */
    public void clear() {
        if (armed.getAndSet(false)) {
            backend.clearFaults();
        }
    }

    private void requireSupported() {
        if (!backend.capabilities().supports(Feature.API_FAULTS)) {
            throw new TestAbortedException("this test injects faults, which only the emulator can do (backend: "
                    + backend.name() + "); annotate it @Needs(Feature.API_FAULTS) to skip it up front");
        }
    }

    private Faults arm(String action, String error, int times) {
        requireSupported();
        int colon = colon(action);
        backend.armFault(action.substring(0, colon), action.substring(colon + 1), error, times);
        actions.add(action);
        armed.set(true);
        return this;
    }

    /** Whether a trail hop's target is an action this test armed faults for: its fault hops belong to its story. */
    boolean armedFor(String endpoint) {
        return endpoint != null && (actions.contains(endpoint) || functions.contains(endpoint));
    }

    private static int colon(String action) {
        int colon = action.indexOf(':');
        if (colon <= 0 || colon == action.length() - 1) {
            throw new IllegalArgumentException("an action is service:Operation, as in IAM policies (\"s3:PutObject\"), got \""
                    + action + "\"");
        }
        return colon;
    }
}
