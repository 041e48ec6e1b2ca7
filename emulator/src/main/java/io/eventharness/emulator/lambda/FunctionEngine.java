package io.eventharness.emulator.lambda;

import io.eventharness.emulator.lambda.runtime.FunctionConfig;
import io.eventharness.emulator.lambda.runtime.Invocation;
import io.eventharness.emulator.lambda.runtime.InvocationResult;
import java.util.function.Predicate;

/**
 * What the Lambda API needs of the engine that runs functions ({@code lambda.runtime}: sandbox
 * processes speaking the Runtime API). Concurrency limits are not the engine's business: the API layer
 * applies them per function ({@link Concurrency}).
 *
 * <pre>{@code
 * try (FunctionEngine.Lease lease = engine.lease(settings.engineConfig(endpoint))) {
 *     InvocationResult r = lease.invoke(invocation);
 * }
 * }</pre>
 */
public interface FunctionEngine extends AutoCloseable {

    /**
     * Holds on to the sandboxes of that function version until the lease is closed: a {@link #retire} meanwhile
     * lets the lease's invocations finish first, as AWS lets in-flight invocations finish on the old code.
     */
    Lease lease(FunctionConfig config);

    /**
     * Stops the sandboxes of the function versions {@code which} selects: their code or configuration changed,
     * or the function was deleted. Idle sandboxes stop now, leased ones once their leases end; then
     * {@code afterwards} runs (on some thread), e.g. to delete the code they ran.
     */
    void retire(Predicate<FunctionConfig> which, Runnable afterwards);

    /**
     * A function version was created or changed and will be invoked: the engine may get ready for its first cold
     * start (a spare sandbox) without running any of its code. Never fails; by default does nothing.
     */
    default void prepare(FunctionConfig config) {
    }

    /**
     * Whether this engine can run the runtime ({@code CreateFunction} asks, so that a runtime it cannot run is refused
     * there, not at the first invocation); by default any.
     *
     * @throws io.eventharness.emulator.lambda.runtime.UnknownRuntimeException saying why not (a runtime it does not
     *         run, naming those it does; an interpreter that is not installed)
     */
    default void requireRuntime(String runtime) {
    }

    @Override
    void close();

    /** The right to run invocations of one function version. */
    interface Lease extends AutoCloseable {
        /** The version it runs. */
        FunctionConfig config();

        /** Runs one invocation in a warm or new sandbox, blocking until it ends. */
        InvocationResult invoke(Invocation invocation);

        /** The lease was taken for a configuration that is no longer current: drop it without keeping its runner. */
        void discard();

        @Override
        void close();
    }
}
