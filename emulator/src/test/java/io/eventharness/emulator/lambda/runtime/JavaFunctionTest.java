package io.eventharness.emulator.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.lambda.runtime.fixtures.BookHandler;
import io.eventharness.emulator.lambda.runtime.fixtures.ProbeHandler;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java functions through the official runtime interface client: the book's divider, context, init errors. */
class JavaFunctionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir(factory = Functions.SharedWithSandboxes.class)
    static Path dir;
    private static EmulatorClock clock;
    private static LambdaEngine engine;
    private static Path taskRoot;

    @BeforeAll
    static void start() {
        clock = new EmulatorClock();
        engine = LambdaEngine.builder(clock).build();
        taskRoot = Functions.javaTaskRoot(dir, BookHandler.class, ProbeHandler.class);
    }

    @AfterAll
    static void stop() {
        engine.close();
        clock.close();
    }

    private static FunctionRunner function(String name, String handler) {
        return engine.runner(FunctionConfig.builder(name).runtime("java17").handler(handler).codeDirectory(taskRoot)
                .memoryMb(256).timeoutSeconds(30).build());
    }

    @Test
    void theBookDividerInJava() throws Exception {
        FunctionRunner fn = function("JavaBook", BookHandler.class.getName() + "::handleRequest");

        InvocationResult ok = fn.invoke(Invocation.of("{\"x\":10,\"y\":2}"));
        assertThat(ok.isError()).as(ok.payloadUtf8()).isFalse();
        assertThat(ok.payloadUtf8()).isEqualTo("\"{\\\"result\\\": 5}\"");
        assertThat(ok.coldStart()).isTrue();
        assertThat(ok.initDurationMs()).isNotNull().isPositive();
        assertThat(ok.logLines()).containsSubsequence("START RequestId: " + ok.requestId() + " Version: $LATEST",
                "x = 10", "y = 2", "END RequestId: " + ok.requestId());

        InvocationResult failed = fn.invoke(Invocation.of("{\"x\":10,\"y\":0}"));
        assertThat(failed.coldStart()).isFalse();
        assertThat(failed.initDurationMs()).isNull();
        assertThat(failed.functionError()).isEqualTo("Unhandled");
        assertThat(failed.errorType()).isEqualTo("java.lang.ArithmeticException");
        JsonNode doc = JSON.readTree(failed.payload());
        assertThat(doc.path("errorMessage").asText()).isEqualTo("/ by zero");
        assertThat(doc.path("stackTrace").get(0).asText()).contains("BookHandler.handleRequest");
        // the runtime client logs the error after posting it; in AWS those lines are the invocation's, before END
        assertThat(failed.logLines()).containsSubsequence("START RequestId: " + failed.requestId() + " Version: $LATEST",
                "x = 10", "y = 0", "/ by zero: java.lang.ArithmeticException", "java.lang.ArithmeticException: / by zero",
                "END RequestId: " + failed.requestId());
        assertThat(failed.logLines()).filteredOn(l -> l.contains("BookHandler.handleRequest")).isNotEmpty();
    }

    @Test
    void contextAndSandboxFromInside() throws Exception {
        FunctionRunner fn = function("JavaProbe", ProbeHandler.class.getName() + "::context");

        InvocationResult r = fn.invoke(Invocation.of("{}"));
        assertThat(r.isError()).as(r.payloadUtf8()).isFalse();
        JsonNode m = JSON.readTree(r.payload());
        assertThat(m.path("functionName").asText()).isEqualTo("JavaProbe");
        assertThat(m.path("functionVersion").asText()).isEqualTo("$LATEST");
        assertThat(m.path("invokedFunctionArn").asText()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:JavaProbe");
        assertThat(m.path("memoryLimitInMB").asInt()).isEqualTo(256);
        assertThat(m.path("awsRequestId").asText()).isEqualTo(r.requestId());
        assertThat(m.path("logGroupName").asText()).isEqualTo("/aws/lambda/JavaProbe");
        assertThat(m.path("logStreamName").asText()).isEqualTo(r.logStreamName()).matches("\\d{4}/\\d\\d/\\d\\d/\\[\\$LATEST][0-9a-f]{32}");
        assertThat(m.path("remainingTimeInMillis").asLong()).isBetween(1L, 30_000L);
        assertThat(m.path("tmpdir").asText()).isEqualTo(engine.privateTmp() ? "/tmp" : m.path("env").path("TMPDIR").asText());
        assertThat(m.path("tmpFiles").asInt()).as("a new sandbox's temp directory").isZero();
        assertThat(m.path("javaVersion").asInt()).isGreaterThanOrEqualTo(17);
        assertThat(m.path("maxHeapMb").asLong()).isLessThanOrEqualTo(256 * 85 / 100);
        assertThat(m.path("env").path("AWS_EXECUTION_ENV").asText()).isEqualTo("AWS_Lambda_java17");
        Functions.assertSeenAsTaskRoot(m.path("env").path("LAMBDA_TASK_ROOT").asText(), taskRoot, engine);
    }

    @Test
    void aMissingClassIsTheRuntimeClientsClassNotFoundError() throws Exception {
        FunctionRunner fn = function("JavaMissing", "example.DoesNotExist::handleRequest");

        InvocationResult r = fn.invoke(Invocation.of("{}"));
        assertThat(r.functionError()).isEqualTo("Unhandled");
        assertThat(r.errorType()).isEqualTo("java.lang.ClassNotFoundException");
        JsonNode doc = JSON.readTree(r.payload());
        assertThat(doc.path("errorMessage").asText()).contains("example.DoesNotExist");
    }
}
