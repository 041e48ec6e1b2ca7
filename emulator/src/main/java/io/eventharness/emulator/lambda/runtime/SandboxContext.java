package io.eventharness.emulator.lambda.runtime;

import io.eventharness.emulator.core.EmulatorClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * What every sandbox of an engine shares.
 *
 * @param clock       the emulator clock: log timestamps, stream dates, keep-alive
 * @param sink        where log lines go
 * @param apiServer   the Runtime API server, started on first use
 * @param files       the runtimes' files
 * @param cacheRoot   caches shared by sandboxes (Python bytecode)
 * @param workDir     the engine's own directory (never under /tmp, which sandboxes cover): their private
 *                    directories, named pipes, the task-root mount point
 * @param fifos       named pipes for the sandboxes' output
 * @param executor    background work (process exits, retiring sandboxes)
 * @param sinkBudget  bytes of a function's own output per invocation that reach the sink
 * @param keptBytes   bytes of log lines kept for an {@link InvocationResult}
 * @param initTimeout how long INIT may take beyond the function's timeout
 * @param cds         class-data archives for Java sandboxes
 * @param privateTmp  how sandboxes get their own /tmp
 * @param memory      reads working sandboxes' memory
 */
record SandboxContext(EmulatorClock clock, LogSink sink, Supplier<RuntimeApiServer> apiServer, RuntimeFiles files,
        Path cacheRoot, Path workDir, FifoPool fifos, Executor executor, long sinkBudget, long keptBytes, Duration initTimeout,
        JavaClassDataSharing cds, PrivateTmp privateTmp, MemoryWatch memory) {

    RuntimeApiServer api() {
        return apiServer.get();
    }

    /** The same, with another log sink. */
    SandboxContext withSink(LogSink other) {
        return new SandboxContext(clock, other, apiServer, files, cacheRoot, workDir, fifos, executor, sinkBudget, keptBytes,
                initTimeout, cds, privateTmp, memory);
    }
}
