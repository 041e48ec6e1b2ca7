package io.eventharness.emulator.lambda.runtime;

import io.eventharness.emulator.core.EmulatorClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * What every sandbox of an engine shares, by concern; made once by {@link LambdaEngine}.
 *
 * @param services the engine's machinery that sandboxes use while they run
 * @param host     where sandboxes live on this machine
 * @param runtimes what the runtimes run from, and how long their INIT may take
 * @param logging  where the sandboxes' log lines go, and how many
 */
record SandboxContext(Services services, Host host, Runtimes runtimes, Logging logging) {

    /**
     * The engine's machinery.
     *
     * @param clock     the emulator clock: log timestamps, stream dates, keep-alive
     * @param executor  background work (process exits, retiring sandboxes)
     * @param apiServer the Runtime API server, started on first use
     * @param memory    reads working sandboxes' memory
     * @param credentials the execution role's session each new sandbox gets
     */
    record Services(EmulatorClock clock, Executor executor, Supplier<RuntimeApiServer> apiServer, MemoryWatch memory,
                    SandboxCredentials credentials) {
        RuntimeApiServer api() {
            return apiServer.get();
        }
    }

    /**
     * Where sandboxes live on this machine.
     *
     * @param workDir    the engine's own directory (never under /tmp, which sandboxes cover): their private
     *                   directories, named pipes, the task-root mount point
     * @param fifos      named pipes for the sandboxes' output
     * @param privateTmp how sandboxes get their own /tmp
     */
    record Host(Path workDir, FifoPool fifos, PrivateTmp privateTmp) {
    }

    /**
     * What the runtimes run from.
     *
     * @param files       the runtimes' files
     * @param cacheRoot   caches shared by sandboxes (Python bytecode)
     * @param cds         class-data archives for Java sandboxes; null when turned off
     * @param initTimeout how long INIT may take beyond the function's timeout
     */
    record Runtimes(RuntimeFiles files, Path cacheRoot, JavaClassDataSharing cds, Duration initTimeout) {
    }

    /**
     * Where log lines go, and how many.
     *
     * @param sink       where log lines go
     * @param sinkBudget bytes of a function's own output per invocation that reach the sink
     * @param keptBytes  bytes of log lines kept for an {@link InvocationResult}
     */
    record Logging(LogSink sink, long sinkBudget, long keptBytes) {
        /** The log of one sandbox's stream. */
        SandboxLog open(String group, String stream, EmulatorClock clock) {
            return new SandboxLog(sink, group, stream, clock, sinkBudget, keptBytes);
        }
    }

    /** The same, with another log sink. */
    SandboxContext withSink(LogSink other) {
        return new SandboxContext(services, host, runtimes, new Logging(other, logging.sinkBudget(), logging.keptBytes()));
    }
}
