package io.eventharness.emulator.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.core.EmulatorClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A custom runtime ({@code provided.al2023}) that talks to the Runtime API itself and reports what it saw. */
class ProvidedRuntimeTest {
    @TempDir
    static Path dir;
    private static EmulatorClock clock;
    private static LambdaEngine engine;
    private static Path root;

    @BeforeAll
    static void start() throws Exception {
        clock = new EmulatorClock();
        engine = LambdaEngine.builder(clock).build();
        root = Files.createDirectories(dir.resolve("task"));
        Path bootstrap = root.resolve("bootstrap");
        Files.copy(Functions.python("provided-probe").resolve("bootstrap"), bootstrap); // Maven drops the exec bit
        Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterAll
    static void stop() {
        engine.close();
        clock.close();
    }

    private static FunctionRunner custom() {
        return engine.runner(FunctionConfig.builder("custom").runtime("provided.al2023").handler("unused").codeDirectory(root).build());
    }

    @Test
    void theRuntimeApiAsAwsServesIt() {
        FunctionRunner fn = custom();
        InvocationResult r = fn.invoke(Invocation.of("{\"hello\":1}"));

        assertThat(r.payloadUtf8()).isEqualTo("{\"hello\":1}");
        assertThat(r.logLines()).anyMatch(l -> l.matches("api 127\\.0\\.0\\.1:\\d+"));
        assertThat(r.logLines()).contains("content-type application/json",
                "arn arn:aws:lambda:us-east-1:000000000000:function:custom",
                "wrong id 400 {\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}");
        long deadline = Long.parseLong(r.logLines().stream().filter(l -> l.startsWith("deadline ")).findFirst().orElseThrow().substring(9));
        assertThat(deadline - System.currentTimeMillis()).isBetween(-1000L, 3000L);
        // what the runtime writes after answering, before it asks for its next event, is the invocation's
        assertThat(r.logLines()).containsSubsequence("response 202 {\"status\":\"OK\"}", "END RequestId: " + r.requestId());
    }

    @Test
    void aRuntimeThatWorksOnAfterItsAnswerGetsTwoSecondsBeforeEnd() {
        FunctionRunner fn = engine.runner(FunctionConfig.builder("lingering").runtime("provided.al2023").handler("unused")
                .codeDirectory(root).timeoutSeconds(10).build());
        InvocationResult r = fn.invoke(Invocation.of("\"linger\""));

        assertThat(r.payloadUtf8()).isEqualTo("\"linger\"");
        assertThat(r.logLines()).as("END waits %d ms for the runtime, not the 4 s it lingers", Sandbox.RUNTIME_DONE_WAIT_MILLIS)
                .containsSubsequence("lingering", "END RequestId: " + r.requestId()).doesNotContain("lingered");
        InvocationResult next = fn.invoke(Invocation.of("{}"));
        assertThat(next.coldStart()).isFalse();
        assertThat(next.payloadUtf8()).isEqualTo("{}");
    }

    @Test
    void withoutABootstrapTheEntrypointIsInvalid() throws Exception {
        FunctionRunner fn = engine.runner(FunctionConfig.builder("nobootstrap").runtime("provided.al2023").handler("x")
                .codeDirectory(Files.createDirectories(dir.resolve("empty"))).build());

        InvocationResult r = fn.invoke(Invocation.of("{}"));
        assertThat(r.functionError()).isEqualTo("Unhandled");
        assertThat(r.errorType()).isEqualTo("Runtime.InvalidEntrypoint");
        assertThat(r.payloadUtf8()).contains("RequestId: " + r.requestId() + " Error: Couldn't find valid bootstrap(s)");
    }

    @Test
    void theMemorySizeBoundsACustomRuntimeToo() {
        FunctionRunner fn = custom();
        InvocationResult r = fn.invoke(Invocation.of("\"hog\""));

        assertThat(r.errorType()).isEqualTo("Runtime.OutOfMemory");
        assertThat(r.logLines().get(r.logLines().size() - 1)).contains("\tMemory Size: 128 MB\tMax Memory Used: 128 MB");
        assertThat(fn.invoke(Invocation.of("{}")).coldStart()).isTrue();
    }

    @Test
    void aResponseOverSixMegabytesIsRefused() {
        FunctionRunner fn = custom();
        InvocationResult r = fn.invoke(Invocation.of("\"big\""));

        assertThat(r.functionError()).isEqualTo("Unhandled");
        assertThat(r.errorType()).isEqualTo("Function.ResponseSizeTooLarge");
        assertThat(r.payloadUtf8()).isEqualTo("{\"errorMessage\":\"Response payload size exceeded maximum allowed payload "
                + "size (6291556 bytes).\",\"errorType\":\"Function.ResponseSizeTooLarge\"}");
        assertThat(r.logLines()).containsSubsequence("big 413 {\"errorMessage\":\"Exceeded maximum allowed payload size "
                + "(6291556 bytes).\",\"errorType\":\"RequestEntityTooLarge\"}", "END RequestId: " + r.requestId());
        InvocationResult after = fn.invoke(Invocation.of("{}"));
        assertThat(after.payloadUtf8()).isEqualTo("{}");
    }
}
