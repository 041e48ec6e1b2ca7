package io.eventharness.emulator.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.core.EmulatorClock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The memory size bounds a sandbox's processes together, as it bounds an execution environment in AWS:
 * beyond it the sandbox is killed and the invocation fails with {@code Runtime.OutOfMemory}; REPORT's Max
 * Memory Used is the most the process tree is known to have held at once (not the sum of its processes' peaks).
 */
class SandboxMemoryTest {
    private static final Pattern MAX_USED = Pattern.compile("\tMax Memory Used: (\\d+) MB");
    private static EmulatorClock clock;
    private static LambdaEngine engine;

    @BeforeAll
    static void start() {
        clock = new EmulatorClock();
        engine = LambdaEngine.builder(clock).build();
    }

    @AfterAll
    static void stop() {
        engine.close();
        clock.close();
    }

    private static FunctionRunner probe(String name, String handler, int memoryMb) {
        return engine.runner(FunctionConfig.builder(name).runtime("python3.12").handler("probe." + handler)
                .codeDirectory(Functions.python("python-probe")).memoryMb(memoryMb).timeoutSeconds(20).build());
    }

    private static String report(InvocationResult r) {
        return r.logLines().get(r.logLines().size() - 1);
    }

    private static int maxMemoryUsed(InvocationResult r) {
        Matcher m = MAX_USED.matcher(report(r));
        assertThat(m.find()).as(report(r)).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void beyondTheMemorySizeTheSandboxIsKilledAsAwsReportsIt() {
        FunctionRunner fn = probe("hungry", "allocate", 128);

        InvocationResult r = fn.invoke(Invocation.of("{\"mb\":1024}"));
        assertThat(r.functionError()).isEqualTo("Unhandled");
        assertThat(r.errorType()).isEqualTo("Runtime.OutOfMemory");
        String message = "RequestId: " + r.requestId() + " Error: Runtime exited with error: signal: killed";
        assertThat(r.payloadUtf8()).isEqualTo("{\"errorType\":\"Runtime.OutOfMemory\",\"errorMessage\":\"" + message + "\"}");
        assertThat(r.logLines()).containsSubsequence(message, "Runtime.OutOfMemory", "END RequestId: " + r.requestId());
        assertThat(report(r)).contains("\tMemory Size: 128 MB\tMax Memory Used: 128 MB");
        assertThat(r.maxMemoryUsedMb()).isEqualTo(128);

        InvocationResult next = fn.invoke(Invocation.of("{\"mb\":1}"));
        assertThat(next.coldStart()).as("the killed sandbox is not reused").isTrue();
        assertThat(next.isError()).as(next.payloadUtf8()).isFalse();
        assertThat(maxMemoryUsed(next)).isBetween(1, 127);
    }

    @Test
    void runningOutOfMemoryDuringInitFailsTheFirstInvocationTheSameWay() {
        FunctionRunner fn = engine.runner(FunctionConfig.builder("hungry-init").runtime("python3.12").handler("hungry_init.handler")
                .codeDirectory(Functions.python("python-probe")).timeoutSeconds(20).build());

        InvocationResult r = fn.invoke(Invocation.of("{}"));
        assertThat(r.errorType()).isEqualTo("Runtime.OutOfMemory");
        assertThat(r.payloadUtf8()).contains("RequestId: " + r.requestId() + " Error: Runtime exited with error: signal: killed");
        assertThat(report(r)).contains("\tMax Memory Used: 128 MB");
        assertThat(fn.sandboxes()).isZero();
    }

    @Test
    void anAllocationNoSandboxOfThatSizeCouldGrantIsAMemoryError() {
        FunctionRunner fn = probe("greedy", "allocate_at_once", 128);

        InvocationResult r = fn.invoke(Invocation.of("{\"mb\":100000}"));
        assertThat(r.errorType()).as(r.payloadUtf8()).isEqualTo("MemoryError"); // refused at once: nothing was used
        InvocationResult next = fn.invoke(Invocation.of("{\"mb\":1}"));
        assertThat(next.coldStart()).isFalse();
        assertThat(next.payloadUtf8()).isEqualTo("1048576");
    }

    @Test
    void theMemoryOfChildProcessesCounts() {
        InvocationResult roomy = probe("parent", "child_allocates", 512).invoke(Invocation.of("{\"mb\":150,\"seconds\":0.5}"));
        assertThat(roomy.payloadUtf8()).as(roomy.payloadUtf8()).isEqualTo("\"done\"");
        assertThat(maxMemoryUsed(roomy)).as("the child's 150 MB and the parent's own").isGreaterThan(150);

        InvocationResult tight = probe("parent-tight", "child_allocates", 128).invoke(Invocation.of("{\"mb\":200,\"seconds\":5}"));
        assertThat(tight.errorType()).isEqualTo("Runtime.OutOfMemory");
        assertThat(tight.durationMs()).as("killed while it grew, not after the child's 5 s").isLessThan(4000);
    }

    @Test
    void peaksOfTwoProcessesAtDifferentTimesAreNotAddedUp() {
        // the runtime held 80 MB and let it go; then a child holds 80 MB: 160 MB were never used at once
        InvocationResult r = probe("peaks-apart", "peaks_apart", 128).invoke(Invocation.of("{\"mb\":80,\"seconds\":2}"));

        assertThat(r.errorType()).as(r.payloadUtf8()).isNull();
        assertThat(r.payloadUtf8()).isEqualTo("\"apart\"");
        assertThat(maxMemoryUsed(r)).isBetween(80, 128);
    }
}
