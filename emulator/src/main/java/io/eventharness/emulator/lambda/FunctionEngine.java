package io.eventharness.emulator.lambda;

import io.eventharness.emulator.lambda.runtime.FunctionConfig;
import io.eventharness.emulator.lambda.runtime.Invocation;
import io.eventharness.emulator.lambda.runtime.InvocationResult;

/**
 * What the Lambda API needs of the engine that runs functions ({@code lambda.runtime}: sandbox
 * processes speaking the Runtime API).
 */
public interface FunctionEngine extends AutoCloseable {

    /**
     * Runs one invocation in a warm or new sandbox of that function version, blocking until it ends.
     *
     * @param maxConcurrency the most sandboxes of this version that may be busy at once
     * @throws io.eventharness.emulator.lambda.runtime.ConcurrencyLimitExceededException when all are busy
     */
    InvocationResult invoke(FunctionConfig config, Invocation invocation, int maxConcurrency);

    /**
     * Stops the sandboxes of a function (all versions, for an unqualified ARN) or of one version (a qualified
     * ARN): its code or configuration changed, or it was deleted.
     */
    void retire(String functionArn);

    @Override
    void close();
}
