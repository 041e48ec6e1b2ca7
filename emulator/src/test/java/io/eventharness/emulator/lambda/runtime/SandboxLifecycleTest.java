package io.eventharness.emulator.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.core.EmulatorClock;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox as the book's chapter 3 describes the Lambda container: reuse, /tmp, limits, failures. */
class SandboxLifecycleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir(factory = Functions.SharedWithSandboxes.class)
    static Path dir;
    private static EmulatorClock clock;
    private static Functions.RecordingSink sink;
    private static LambdaEngine engine;

    @BeforeAll
    static void start() {
        clock = new EmulatorClock();
        sink = new Functions.RecordingSink();
        engine = LambdaEngine.builder(clock).logSink(sink).keepAlive(Duration.ofMinutes(10))
                .maxLogBytesPerInvocation(4L << 20).build();
    }

    @AfterAll
    static void stop() {
        engine.close();
        clock.close();
    }

    private static FunctionRunner probe(String name, String handler, int timeoutSeconds) {
        return engine.runner(FunctionConfig.builder(name).runtime("python3.11").handler("probe." + handler)
                .codeDirectory(Functions.python("python-probe")).timeoutSeconds(timeoutSeconds)
                .environment("GREETING", "hello").endpointUrl(URI.create("http://127.0.0.1:4566")).build());
    }

    private static JsonNode json(InvocationResult r) throws Exception {
        assertThat(r.isError()).as(r.payloadUtf8()).isFalse();
        return JSON.readTree(r.payload());
    }

    @Test
    void contextHasTheDocumentedMembers() throws Exception {
        FunctionRunner fn = probe("ctx", "context_members", 3);
        Invocation inv = Invocation.of("{}").withInvokedFunctionArn("arn:aws:lambda:us-east-1:000000000000:function:ctx:live")
                .withClientContext("{\"custom\":{\"k\":\"v\"},\"env\":{\"platform\":\"test\"},\"client\":{\"installation_id\":\"i-1\"}}")
                .withCognitoIdentity("{\"cognitoIdentityId\":\"id-1\",\"cognitoIdentityPoolId\":\"pool-1\"}")
                .withTraceId("Root=1-00000000-000000000000000000000001;Parent=0000000000000001;Sampled=0");

        JsonNode c = json(fn.invoke(inv));
        assertThat(c.path("function_name").asText()).isEqualTo("ctx");
        assertThat(c.path("function_version").asText()).isEqualTo("$LATEST");
        assertThat(c.path("invoked_function_arn").asText()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:ctx:live");
        assertThat(c.path("memory_limit_in_mb").asText()).isEqualTo("128"); // a str, as in AWS's runtime
        assertThat(c.path("aws_request_id").asText()).isEqualTo(inv.requestId());
        assertThat(c.path("log_group_name").asText()).isEqualTo("/aws/lambda/ctx");
        assertThat(c.path("log_stream_name").asText()).matches("\\d{4}/\\d\\d/\\d\\d/\\[\\$LATEST][0-9a-f]{32}");
        assertThat(c.path("identity").path("cognito_identity_id").asText()).isEqualTo("id-1");
        assertThat(c.path("identity").path("cognito_identity_pool_id").asText()).isEqualTo("pool-1");
        assertThat(c.path("client_context").path("custom").path("k").asText()).isEqualTo("v");
        assertThat(c.path("client_context").path("installation_id").asText()).isEqualTo("i-1");
        assertThat(c.path("remaining_ms").asLong()).isBetween(1L, 3000L);
        assertThat(c.path("trace_id").asText()).startsWith("Root=1-00000000-");
    }

    @Test
    void environmentIsAwssAndNothingOfTheEmulators() throws Exception {
        FunctionRunner fn = probe("env", "environment", 3);

        InvocationResult r = fn.invoke(Invocation.of("{}"));
        JsonNode env = json(r);
        assertThat(env.path("AWS_LAMBDA_FUNCTION_NAME").asText()).isEqualTo("env");
        assertThat(env.path("AWS_LAMBDA_FUNCTION_VERSION").asText()).isEqualTo("$LATEST");
        assertThat(env.path("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText()).isEqualTo("128");
        assertThat(env.path("AWS_LAMBDA_LOG_GROUP_NAME").asText()).isEqualTo("/aws/lambda/env");
        assertThat(env.path("AWS_LAMBDA_LOG_STREAM_NAME").asText()).isEqualTo(r.logStreamName());
        assertThat(env.path("AWS_REGION").asText()).isEqualTo("us-east-1");
        assertThat(env.path("AWS_DEFAULT_REGION").asText()).isEqualTo("us-east-1");
        assertThat(env.path("AWS_EXECUTION_ENV").asText()).isEqualTo("AWS_Lambda_python3.11");
        Functions.assertSeenAsTaskRoot(env.path("LAMBDA_TASK_ROOT").asText(), Functions.python("python-probe"), engine);
        assertThat(env.path("LAMBDA_RUNTIME_DIR").asText()).isNotEmpty();
        assertThat(env.path("_HANDLER").asText()).isEqualTo("probe.environment");
        assertThat(env.path("AWS_ACCESS_KEY_ID").asText()).isNotEmpty();
        assertThat(env.path("AWS_SECRET_ACCESS_KEY").asText()).isNotEmpty();
        assertThat(env.path("AWS_SESSION_TOKEN").asText()).isNotEmpty();
        assertThat(env.path("TZ").asText()).isEqualTo(":UTC");
        assertThat(env.path("LANG").asText()).isEqualTo("en_US.UTF-8");
        assertThat(env.path("PATH").asText()).contains("/usr/bin");
        assertThat(env.path("LD_LIBRARY_PATH").asText()).contains(env.path("LAMBDA_TASK_ROOT").asText() + "/lib");
        assertThat(env.path("AWS_LAMBDA_RUNTIME_API").asText()).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(env.path("AWS_ENDPOINT_URL").asText()).isEqualTo("http://127.0.0.1:4566");
        assertThat(env.path("GREETING").asText()).isEqualTo("hello");
        if (engine.privateTmp()) {
            assertThat(env.path("TMPDIR").asText()).isEqualTo("/tmp"); // the sandbox's own
        } else {
            assertThat(env.path("TMPDIR").asText()).contains("event-harness-lambda");
        }
        assertThat(env.path("PWD").asText()).isEqualTo(env.path("LAMBDA_TASK_ROOT").asText());
        for (String inherited : System.getenv().keySet()) {
            if (!env.has(inherited)) {
                continue;
            }
            assertThat(inherited).as("inherited from the emulator").isIn("PATH", "LANG", "TZ", "TMPDIR", "LD_LIBRARY_PATH", "PYTHONPATH", "PWD");
        }
    }

    @Test
    void tmpSurvivesWarmReuseAndAFreshSandboxStartsEmpty() throws Exception {
        FunctionRunner fn = probe("tmp", "tmp_files", 3);

        JsonNode first = json(fn.invoke(Invocation.of("{\"write\":\"leftover.txt\"}")));
        assertThat(first.path("before")).isEmpty();
        JsonNode warm = json(fn.invoke(Invocation.of("{}")));
        assertThat(warm.path("tmp").asText()).isEqualTo(first.path("tmp").asText());
        assertThat(warm.path("before").toString()).isEqualTo("[\"leftover.txt\"]");

        clock.advance(Duration.ofMinutes(11)); // past the keep-alive: the idle sandbox retires
        await().atMost(Duration.ofSeconds(10)).until(() -> fn.sandboxes() == 0);
        InvocationResult again = fn.invoke(Invocation.of("{}"));
        assertThat(again.coldStart()).isTrue();
        assertThat(json(again).path("before")).isEmpty();
    }

    @Test
    void aResetKeepsTmpAsAwsDoes() throws Exception {
        FunctionRunner fn = probe("reset", "tmp_files", 3);

        InvocationResult crashed = fn.invoke(Invocation.of("{\"write\":\"half-done.txt\",\"crash\":true}"));
        assertThat(crashed.errorType()).isEqualTo("Runtime.ExitError");
        // "Lambda reset does not clear the /tmp directory" (execution environment lifecycle, invoke phase failures)
        InvocationResult next = fn.invoke(Invocation.of("{}"));
        assertThat(next.coldStart()).isTrue();
        assertThat(json(next).path("before").toString()).isEqualTo("[\"half-done.txt\"]");
    }

    @Test
    void aTimeoutKillsTheSandboxAndTheNextInvocationStartsAnother() {
        FunctionRunner fn = probe("slow", "sleep", 1);
        InvocationResult warmup = fn.invoke(Invocation.of("{\"seconds\":0}"));

        InvocationResult r = fn.invoke(Invocation.of("{\"seconds\":30}"));
        assertThat(r.functionError()).isEqualTo("Unhandled");
        assertThat(r.errorType()).isEqualTo("Sandbox.Timedout");
        assertThat(r.payloadUtf8()).isEqualTo("{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":\"RequestId: "
                + r.requestId() + " Error: Task timed out after 1.00 seconds\"}");
        assertThat(r.logLines()).anyMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z "
                + r.requestId() + " Task timed out after 1\\.00 seconds"));
        assertThat(r.logLines().get(r.logLines().size() - 1)).contains("Billed Duration: 1000 ms");
        assertThat(r.durationMs()).isGreaterThanOrEqualTo(1000);

        InvocationResult next = fn.invoke(Invocation.of("{\"seconds\":0}"));
        assertThat(next.isError()).isFalse();
        assertThat(next.coldStart()).isTrue();
        assertThat(next.logStreamName()).isNotEqualTo(warmup.logStreamName());
    }

    @Test
    void aCrashIsARuntimeExitErrorAndTheNextInvocationStartsAnother() {
        FunctionRunner fn = probe("crash", "crash", 3);

        InvocationResult r = fn.invoke(Invocation.of("{\"code\":3}"));
        assertThat(r.errorType()).isEqualTo("Runtime.ExitError");
        assertThat(r.payloadUtf8()).isEqualTo("{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":\"RequestId: "
                + r.requestId() + " Error: Runtime exited with error: exit status 3\"}");
        assertThat(r.logLines()).containsSubsequence("about to crash", "RequestId: " + r.requestId()
                + " Error: Runtime exited with error: exit status 3", "Runtime.ExitError", "END RequestId: " + r.requestId());

        InvocationResult next = fn.invoke(Invocation.of("{\"code\":4}"));
        assertThat(next.coldStart()).isTrue();
        assertThat(next.payloadUtf8()).contains("exit status 4");
    }

    @Test
    void aSandboxThatDiedWhileIdleIsReplacedNotBlamed() throws Exception {
        FunctionRunner fn = probe("quitter", "exit_when_idle", 3);
        Path exiting = dir.resolve("exiting");

        InvocationResult armed = fn.invoke(Invocation.of("{\"exiting\":\"" + exiting + "\"}"));
        assertThat(armed.payloadUtf8()).isEqualTo("\"armed\"");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(exiting) && fn.idleSandboxes() == 0);

        InvocationResult next = fn.invoke(Invocation.of("{\"exiting\":\"" + dir.resolve("exiting-2") + "\"}"));
        assertThat(next.isError()).as(next.payloadUtf8()).isFalse();
        assertThat(next.coldStart()).isTrue();
    }

    @Test
    void initErrorsAreReportedAsAwssPythonRuntimeReportsThem() throws Exception {
        InvocationResult missingModule = engine.runner(FunctionConfig.builder("nomod").runtime("python3.11")
                .handler("nope.handler").codeDirectory(Functions.python("python-probe")).build()).invoke(Invocation.of("{}"));
        assertThat(missingModule.errorType()).isEqualTo("Runtime.ImportModuleError");
        assertThat(JSON.readTree(missingModule.payload()).path("errorMessage").asText())
                .isEqualTo("Unable to import module 'nope': No module named 'nope'");
        assertThat(missingModule.logLines()).anyMatch(l -> l.startsWith("[ERROR] Runtime.ImportModuleError: Unable to import module 'nope'"));
        assertThat(missingModule.initDurationMs()).isNotNull();

        InvocationResult missingFunction = probe("nofn", "nope", 3).invoke(Invocation.of("{}"));
        assertThat(missingFunction.errorType()).isEqualTo("Runtime.HandlerNotFound");
        assertThat(JSON.readTree(missingFunction.payload()).path("errorMessage").asText())
                .isEqualTo("Handler 'nope' missing on module 'probe'");

        InvocationResult brokenImport = engine.runner(FunctionConfig.builder("broken").runtime("python3.11")
                .handler("broken_import.handler").codeDirectory(Functions.python("python-probe")).build()).invoke(Invocation.of("{}"));
        assertThat(JSON.readTree(brokenImport.payload()).path("errorMessage").asText())
                .isEqualTo("Unable to import module 'broken_import': No module named 'module_that_does_not_exist'");
    }

    @Test
    void twoParallelInvocationsRunInTwoSandboxesUpToTheLimit() throws Exception {
        FunctionRunner fn = engine.runner(FunctionConfig.builder("busy").runtime("python3.11").handler("probe.wait_for_file")
                .codeDirectory(Functions.python("python-probe")).timeoutSeconds(60).build(), 2);
        Path started = dir.resolve("started-a");
        Path release = dir.resolve("release");
        String event = "{\"started\":\"%s\",\"release\":\"%s\"}";

        CompletableFuture<InvocationResult> a = CompletableFuture.supplyAsync(() -> fn.invoke(Invocation.of(event.formatted(started, release))));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(started));
        Files.writeString(release, "go");
        CompletableFuture<InvocationResult> b = CompletableFuture.supplyAsync(() -> fn.invoke(Invocation.of(event.formatted(dir.resolve("started-b"), release))));
        InvocationResult ra = a.get();
        InvocationResult rb = b.get();
        assertThat(ra.isError()).as(ra.payloadUtf8()).isFalse();
        assertThat(rb.isError()).as(rb.payloadUtf8()).isFalse();

        Files.delete(release);
        Path startedC = dir.resolve("started-c");
        Path startedD = dir.resolve("started-d");
        CompletableFuture<InvocationResult> c = CompletableFuture.supplyAsync(() -> fn.invoke(Invocation.of(event.formatted(startedC, release))));
        CompletableFuture<InvocationResult> d = CompletableFuture.supplyAsync(() -> fn.invoke(Invocation.of(event.formatted(startedD, release))));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(startedC) && Files.exists(startedD));
        assertThat(Files.readString(startedC)).isNotEqualTo(Files.readString(startedD)); // two sandboxes, two streams
        assertThat(fn.inFlight()).isEqualTo(2);
        assertThatThrownBy(() -> fn.invoke(Invocation.of("{}"))).isInstanceOf(ConcurrencyLimitExceededException.class);
        Files.writeString(release, "go");
        assertThat(c.get().payloadUtf8()).isNotEqualTo(d.get().payloadUtf8());
        assertThat(fn.sandboxes()).isEqualTo(2);
    }

    @Test
    void aRunawayPrinterDoesNotHurtTheEmulator() {
        FunctionRunner fn = probe("printer", "print_much", 60);

        InvocationResult r = fn.invoke(Invocation.of("{\"lines\":102400}")); // 100 MB
        assertThat(r.isError()).as(r.payloadUtf8()).isFalse();
        assertThat(r.payloadUtf8()).isEqualTo("\"printed\"");
        long kept = r.logLines().stream().mapToLong(l -> l.length() + 1).sum();
        assertThat(kept).isLessThanOrEqualTo((1L << 20) + 2048);
        assertThat(r.logLines()).anyMatch(l -> l.startsWith("[event-harness] ") && l.contains("bytes of output were not logged"));
        assertThat(sink.messages(r.logStreamName()).stream().mapToLong(String::length).sum()).isLessThan(6L << 20);

        InvocationResult forever = probe("forever", "print_forever", 2).invoke(Invocation.of("{}"));
        assertThat(forever.errorType()).isEqualTo("Sandbox.Timedout");
        assertThat(fn.invoke(Invocation.of("{\"lines\":1}")).payloadUtf8()).isEqualTo("\"printed\"");
    }

    @Test
    void pythonLoggingWritesAwssFormat() {
        InvocationResult r = probe("logger", "logs", 3).invoke(Invocation.of("{}"));

        assertThat(r.payloadUtf8()).isEqualTo("null");
        assertThat(r.logLines()).anyMatch(l -> l.matches("\\[INFO]\t\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\t"
                + r.requestId() + "\thello from logging"));
    }

    @Test
    void anUnknownRuntimeIsRefused() {
        assertThatThrownBy(() -> engine.runner(FunctionConfig.builder("x").runtime("cobol85").handler("h")
                .codeDirectory(dir).build())).isInstanceOf(UnknownRuntimeException.class).hasMessageContaining("cobol85");
    }
}
