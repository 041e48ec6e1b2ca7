package io.eventharness.emulator.lambda.runtime;

/**
 * Every sandbox the function may have is busy: the function's concurrency limit is reached. The API
 * layer answers a synchronous invoke with {@code TooManyRequestsException}
 * ({@code Reason: ReservedFunctionConcurrentInvocationLimitExceeded}); the async queue retries later.
 */
public class ConcurrencyLimitExceededException extends RuntimeException {
    private final int limit;

    public ConcurrencyLimitExceededException(int limit) {
        super("Rate Exceeded.");
        this.limit = limit;
    }

    /** The limit that was reached. */
    public int limit() {
        return limit;
    }
}
