/**
 * The engine that runs Lambda functions the way AWS runs them, below the Lambda API.
 *
 * <p>{@link io.eventharness.emulator.lambda.runtime.LambdaEngine} (one per emulator, configured through its
 * {@link io.eventharness.emulator.lambda.runtime.LambdaEngineBuilder}) hands out a
 * {@link io.eventharness.emulator.lambda.runtime.FunctionRunner} per function version, built from a
 * {@link io.eventharness.emulator.lambda.runtime.FunctionConfig}; {@code invoke(Invocation)} blocks until the
 * {@link io.eventharness.emulator.lambda.runtime.InvocationResult}. Log lines go to a
 * {@link io.eventharness.emulator.lambda.runtime.LogSink}. A runner keeps its idle sandboxes and their keep-alive in
 * {@code IdleSandboxes}, the {@code /tmp} a reset sandbox leaves to its successor in {@code InheritedTmp}. The
 * runtimes come from {@code RuntimeResolver}, over the interpreters and JDKs found on the machine
 * ({@code InstalledRuntimes}, reading the file system through {@code InstallationFiles}).
 *
 * <p>Inside: each sandbox is an OS process (the official Java runtime interface client, the Python bootstrap
 * in {@code lambda/python/bootstrap.py}, the Node.js bootstrap in {@code lambda/node/bootstrap.js}, or a custom
 * runtime's {@code bootstrap}) that pulls its events from
 * the Lambda Runtime API served by {@code RuntimeApiServer}, one loopback port per sandbox. {@code Sandbox}
 * follows AWS's execution environment lifecycle: its one {@code SandboxStatus} (NEW, SPARE, INIT, IDLE, INVOKING,
 * and, ended, RESET after a timeout, a crash or a failed INIT, OUT_OF_MEMORY, SHUT_DOWN) changes in one place, its
 * state machine {@code SandboxState} (the status, the invocation in flight, the parked {@code /next}), and
 * every invocation ({@code SandboxInvocation}: its hand-over, how it ended, END and REPORT) ends through one
 * method; {@code SandboxInit} is INIT as the first invocation sees it, {@code SandboxMemory} the memory against the
 * memory size, {@code SandboxProcess} the operating system's side (process, output, log stream, port).
 * {@code SandboxOutput} reads the process's output with barriers so that START, the function's lines, END and
 * REPORT are logged in order; END follows the runtime's next request for an event, so what a runtime writes after
 * answering (the Java client logs a function's error after posting it) stays inside the invocation, as in AWS. {@code SpareSandbox}: a sandbox prepared ahead of a cold start, booted but
 * paused before its runtime looks at the function ({@code SpareLauncher} for Java, {@code --spare} for Python and Node.js).
 * {@code SandboxContext}: what an engine's sandboxes share (the engine's services, the host, the runtimes' files,
 * logging).
 *
 * <p>Isolation: on Linux each sandbox runs in a mount namespace of its own whose {@code /tmp} is the
 * sandbox's private directory and whose {@code /var/task} is the function's code ({@code PrivateTmp}, after a probe once per engine of what the
 * machine allows: {@code PrivateTmpProbe}); its processes are tracked as a tree and, within the
 * namespace, swept when it ends ({@code ProcessTree}, reading {@code /proc} through {@code ProcFs}); the
 * {@code MemoryWatch} reads the memory of working sandboxes, and a sandbox whose processes together go beyond
 * the memory size is killed ({@code Runtime.OutOfMemory}).
 *
 * <p>What differs from AWS: processes, not micro-VMs: the same file system (but {@code /tmp}) and user as the
 * emulator, or uid 0 of a user namespace mapped to that user when the emulator is not root; where namespaces
 * are not available the literal {@code /tmp} is the machine's (each sandbox's log says so) and only
 * {@code TMPDIR} and {@code java.io.tmpdir} are private, and where {@code /var/task} cannot be mounted (no namespace,
 * or it is missing and the emulator is not root) the task root is seen at its own path, which the log says too; the memory size is enforced by reading {@code /proc}
 * every 10 ms and at the end of each phase, not by the kernel; a reset ends the sandbox, and a new one (given
 * its {@code /tmp}) runs INIT again for the next event, where AWS re-initialises the same environment; no CPU
 * share; the task root is writable; the keep-alive runs on the emulator clock; a sandbox that began as a spare
 * shows it in its command line (Java's main class is {@code SpareLauncher}, Python's and Node.js's bootstraps had
 * {@code --spare}) and its Java stdin is an empty pipe.
 */
package io.eventharness.emulator.lambda.runtime;
