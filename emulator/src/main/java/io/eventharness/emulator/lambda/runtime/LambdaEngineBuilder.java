package io.eventharness.emulator.lambda.runtime;

import io.eventharness.emulator.core.EmulatorClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings of a {@link LambdaEngine} ({@link LambdaEngine#builder}); everything but the clock has a default.
 */
public final class LambdaEngineBuilder {
    // read by LambdaEngine's constructor, in this package; set only through the methods below
    final EmulatorClock clock;
    LogSink sink = LogSink.DISCARD;
    SandboxCredentials credentials = SandboxCredentials.DUMMY;
    Duration keepAlive = Duration.ofMinutes(10);
    RuntimeResolver runtimes = RuntimeResolver.detect();
    Path workRoot = defaultParent().resolve("event-harness-lambda");
    Path cacheRoot = RuntimeFiles.defaultRoot(defaultParent());
    long sinkBudget = 8L << 20;
    long keptBytes = 1L << 20;
    Duration initTimeout = Duration.ofSeconds(10);
    boolean classDataSharing = true;
    boolean privateTmp = true;
    boolean userNamespace;
    boolean spareSandboxes = true;
    Path pythonSite;

    LambdaEngineBuilder(EmulatorClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Where the engine keeps its directories by default: {@code java.io.tmpdir}, unless that is {@code /tmp}
     * (or under it), which every sandbox covers with its own: then {@code /var/tmp}, the other temporary
     * directory Linux systems have.
     */
    static Path defaultParent() {
        Path tmpdir = Path.of(System.getProperty("java.io.tmpdir"));
        Path varTmp = Path.of("/var/tmp");
        if (PrivateTmp.underTmp(tmpdir) && Files.isDirectory(varTmp) && Files.isWritable(varTmp)) {
            return varTmp;
        }
        return tmpdir;
    }

    /** Where log lines go (CloudWatch Logs); by default nowhere. */
    public LambdaEngineBuilder logSink(LogSink sink) {
        this.sink = Objects.requireNonNull(sink);
        return this;
    }

    /** The credentials each new sandbox starts with; {@link SandboxCredentials#DUMMY} by default. */
    public LambdaEngineBuilder credentials(SandboxCredentials issuer) {
        this.credentials = Objects.requireNonNull(issuer);
        return this;
    }

    /** How long an idle sandbox stays (emulator clock); 10 minutes by default. */
    public LambdaEngineBuilder keepAlive(Duration keepAlive) {
        this.keepAlive = Objects.requireNonNull(keepAlive);
        return this;
    }

    /** The runtime → interpreter mapping; {@link RuntimeResolver#detect()} by default. */
    public LambdaEngineBuilder runtimes(RuntimeResolver runtimes) {
        this.runtimes = Objects.requireNonNull(runtimes);
        return this;
    }

    /**
     * Where sandboxes keep their temp directories; under {@link #defaultParent()} by default. Sandboxes have
     * a {@code /tmp} of their own only when this is not under {@code /tmp}.
     */
    public LambdaEngineBuilder workDirectory(Path root) {
        this.workRoot = Objects.requireNonNull(root);
        return this;
    }

    /**
     * Where the runtimes' files are unpacked, shared by emulators; under {@link #defaultParent()} by default.
     * Sandboxes have a {@code /tmp} of their own only when this is not under {@code /tmp}.
     */
    public LambdaEngineBuilder cacheDirectory(Path root) {
        this.cacheRoot = Objects.requireNonNull(root);
        return this;
    }

    /** Bytes of a function's own output per invocation passed to the sink (8 MB by default). */
    public LambdaEngineBuilder maxLogBytesPerInvocation(long bytes) {
        this.sinkBudget = bytes;
        return this;
    }

    /** Bytes of log lines an {@link InvocationResult} keeps, the newest (1 MB by default). */
    public LambdaEngineBuilder keptLogBytes(long bytes) {
        this.keptBytes = bytes;
        return this;
    }

    /**
     * How long INIT may take before the first invocation fails: this plus the function's timeout (AWS
     * allows 10 s of INIT and then retries it within the invocation's timeout).
     */
    public LambdaEngineBuilder initTimeout(Duration timeout) {
        this.initTimeout = Objects.requireNonNull(timeout);
        return this;
    }

    /**
     * Whether Java sandboxes map a class-data archive of the runtime interface client (on by default; the
     * first Java sandbox of each JDK has the archive made in the background).
     */
    public LambdaEngineBuilder classDataSharing(boolean enabled) {
        this.classDataSharing = enabled;
        return this;
    }

    /**
     * Whether each sandbox gets a {@code /tmp} of its own where the machine allows it (on by default); off,
     * sandboxes share the machine's {@code /tmp} and get a private directory through {@code TMPDIR}.
     */
    public LambdaEngineBuilder privateTmp(boolean enabled) {
        this.privateTmp = enabled;
        return this;
    }

    /**
     * Whether functions get spare sandboxes (on by default): a sandbox process prepared ahead of a cold start,
     * its runtime booted but the function's code not loaded, which the cold start then takes; see
     * {@link FunctionRunner} for when one is prepared. Each costs an idle process (a JVM, a Python or a Node.js
     * interpreter) for up to the keep-alive.
     */
    public LambdaEngineBuilder spareSandboxes(boolean enabled) {
        this.spareSandboxes = enabled;
        return this;
    }

    /**
     * Tests: where Python sandboxes get boto3 and botocore from (a site-packages directory); by default
     * {@code -Deventharness.python.sdk}, else Debian's {@code /usr/lib/python3/dist-packages}.
     */
    LambdaEngineBuilder pythonSdkSite(Path site) {
        this.pythonSite = Objects.requireNonNull(site);
        return this;
    }

    /** Tests: sandboxes in a user namespace even when the engine runs as root, as for any other user. */
    LambdaEngineBuilder userNamespace(boolean always) {
        this.userNamespace = always;
        return this;
    }

    public LambdaEngine build() {
        return new LambdaEngine(this);
    }
}
