package io.eventharness.emulator.lambda;

import io.eventharness.emulator.core.AwsException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Lambda's concurrency limits, per function and not per version
 * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html">AWS: reserved
 * concurrency</a>): a function with reserved concurrency N runs at most N invocations at once across
 * {@code $LATEST}, its versions and its aliases, and never uses the account's shared pool; the other
 * functions share what the reservations leave of the account's limit (1000 by default). An invocation
 * beyond either limit is throttled: {@code TooManyRequestsException} with {@code Reason}
 * {@code ReservedFunctionConcurrentInvocationLimitExceeded} or {@code ConcurrentInvocationLimitExceeded}.
 *
 * <pre>{@code
 * try (Concurrency.Permit p = concurrency.acquire(fn)) {
 *     ... run the invocation ...
 * }
 * }</pre>
 */
final class Concurrency {
    /** AWS's default account limit. */
    static final int DEFAULT_ACCOUNT_LIMIT = 1000;
    /** What reservations must leave unreserved (PutFunctionConcurrency's rule). */
    static final int MIN_UNRESERVED = 100;

    private final int accountLimit;
    private final IntSupplier reservedTotal;
    private final Map<LambdaFunction, Integer> running = new IdentityHashMap<>();
    private int unreservedRunning;

    /** @param reservedTotal the sum of all functions' reserved concurrency */
    Concurrency(int accountLimit, IntSupplier reservedTotal) {
        this.accountLimit = accountLimit;
        this.reservedTotal = reservedTotal;
    }

    int accountLimit() {
        return accountLimit;
    }

    /** The account's pool left for functions without a reservation. */
    int unreserved() {
        return Math.max(0, accountLimit - reservedTotal.getAsInt());
    }

    /**
     * A slot for one invocation of {@code fn}, any qualifier.
     *
     * @throws AwsException 429 {@code TooManyRequestsException} when the function's or the account's limit is reached
     */
    synchronized Permit acquire(LambdaFunction fn) {
        Integer reserved = fn.reservedConcurrency();
        int mine = running.getOrDefault(fn, 0);
        if (reserved != null) {
            if (mine >= reserved) {
                throw throttled("ReservedFunctionConcurrentInvocationLimitExceeded");
            }
        } else if (unreservedRunning >= unreserved()) {
            throw throttled("ConcurrentInvocationLimitExceeded");
        }
        running.put(fn, mine + 1);
        boolean shared = reserved == null;
        if (shared) {
            unreservedRunning++;
        }
        return new Permit(fn, shared);
    }

    /**
     * {@code PutFunctionConcurrency}: reserves {@code n} for the function.
     *
     * @throws AwsException InvalidParameterValueException when fewer than {@value #MIN_UNRESERVED} would stay unreserved,
     *                      as AWS requires
     */
    synchronized void reserve(LambdaFunction fn, int n) {
        Integer before = fn.reservedConcurrency();
        if (reservedTotal.getAsInt() - (before == null ? 0 : before) + n > accountLimit - MIN_UNRESERVED) {
            throw LambdaErrors.invalidParameter("Specified ReservedConcurrentExecutions for function decreases account's "
                    + "UnreservedConcurrentExecution below its minimum value of [" + MIN_UNRESERVED + "].");
        }
        fn.reservedConcurrency(n);
    }

    /** Invocations of {@code fn} running now. */
    synchronized int running(LambdaFunction fn) {
        return running.getOrDefault(fn, 0);
    }

    private synchronized void release(LambdaFunction fn, boolean shared) {
        running.computeIfPresent(fn, (k, n) -> n <= 1 ? null : n - 1);
        if (shared) {
            unreservedRunning--;
        }
    }

    /** Lambda's throttle: the SDK's {@code TooManyRequestsException} with its {@code reason()}. */
    static AwsException throttled(String reason) {
        return LambdaErrors.throttled().withMember("Reason", reason);
    }

    /** One running invocation; closing it frees its slot in the pool it came from. */
    final class Permit implements AutoCloseable {
        private final LambdaFunction fn;
        private final boolean shared;
        private boolean closed;

        private Permit(LambdaFunction fn, boolean shared) {
            this.fn = fn;
            this.shared = shared;
        }

        @Override
        public void close() {
            synchronized (Concurrency.this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            release(fn, shared);
        }
    }
}
