/**
 * The engine that runs Lambda functions the way AWS runs them, below the Lambda API.
 *
 * <p>{@link io.eventharness.emulator.lambda.runtime.LambdaEngine} (one per emulator) hands out a
 * {@link io.eventharness.emulator.lambda.runtime.FunctionRunner} per function version, built from a
 * {@link io.eventharness.emulator.lambda.runtime.FunctionConfig}; {@code invoke(Invocation)} blocks until the
 * {@link io.eventharness.emulator.lambda.runtime.InvocationResult}. Log lines go to a
 * {@link io.eventharness.emulator.lambda.runtime.LogSink}.
 *
 * <p>Inside: each sandbox is an OS process (the official Java runtime interface client, the Python bootstrap
 * in {@code lambda/python/bootstrap.py}, or a custom runtime's {@code bootstrap}) that pulls its events from
 * the Lambda Runtime API served by {@code RuntimeApiServer}, one loopback port per sandbox; {@code Sandbox}
 * follows AWS's execution environment lifecycle (INIT, INVOKE, reset on timeout or crash);
 * {@code SandboxOutput} reads the process's output with barriers so that START, the function's lines, END and
 * REPORT are logged in order.
 *
 * <p>What differs from AWS: processes, not micro-VMs (same file system and user as the emulator; a private
 * temp directory through {@code TMPDIR} and {@code java.io.tmpdir}, but the literal path {@code /tmp} is the
 * machine's); memory bounded for Java (heap) and Python (data segment) only; no CPU share; the keep-alive
 * runs on the emulator clock.
 */
package io.eventharness.emulator.lambda.runtime;
