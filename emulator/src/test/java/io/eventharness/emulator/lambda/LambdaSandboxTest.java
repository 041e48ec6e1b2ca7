package io.eventharness.emulator.lambda;

import static io.eventharness.emulator.lambda.Functions.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.TestAws;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * The execution environment as the seed book's chapter 3 describes it, seen through the Lambda API:
 * crashes and init errors, reuse and {@code /tmp}, the environment variables, reserved concurrency.
 * The functions are {@code src/test/resources/lambda/functions/python-probe}.
 */
class LambdaSandboxTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir(factory = io.eventharness.emulator.lambda.runtime.Functions.SharedWithSandboxes.class) // sandboxes have their own /tmp
    Path dir;
    private final LambdaClient lambda = Functions.lambda();

    private static JsonNode payload(InvokeResponse r) throws Exception {
        assertThat(r.functionError()).as(r.payload().asUtf8String()).isNull();
        return JSON.readTree(r.payload().asUtf8String());
    }

    private static JsonNode error(InvokeResponse r) throws Exception {
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.functionError()).isEqualTo("Unhandled");
        return JSON.readTree(r.payload().asUtf8String());
    }

    /** Whether the invocation started a sandbox: only a cold start's REPORT line has an Init Duration. */
    private static boolean cold(InvokeResponse r) {
        return new String(Base64.getDecoder().decode(r.logResult()), StandardCharsets.UTF_8).contains("\tInit Duration: ");
    }

    @Test
    void aCrashIsARuntimeExitErrorAndTheNextInvocationWorksInAFreshSandbox() throws Exception {
        String fn = Functions.python(lambda, "crasher.handler", "crasher", """
                import os

                def handler(event, context):
                    if event.get("crash"):
                        print("about to crash")
                        os._exit(3)
                    return "fine"
                """);
        lambda.invoke(b -> b.functionName(fn).payload(json("{}")));

        InvokeResponse crashed = lambda.invoke(b -> b.functionName(fn).logType(LogType.TAIL).payload(json("{\"crash\":true}")));
        JsonNode err = error(crashed);
        String id = crashed.responseMetadata().requestId();
        assertThat(err.path("errorType").asText()).isEqualTo("Runtime.ExitError");
        assertThat(err.path("errorMessage").asText()).isEqualTo("RequestId: " + id + " Error: Runtime exited with error: exit status 3");
        assertThat(new String(Base64.getDecoder().decode(crashed.logResult()), StandardCharsets.UTF_8))
                .contains("about to crash", "RequestId: " + id + " Error: Runtime exited with error: exit status 3", "END RequestId: " + id);

        InvokeResponse next = lambda.invoke(b -> b.functionName(fn).logType(LogType.TAIL).payload(json("{}")));
        assertThat(payload(next).asText()).isEqualTo("fine");
        assertThat(cold(next)).as("a fresh sandbox").isTrue();
        assertThat(cold(lambda.invoke(b -> b.functionName(fn).logType(LogType.TAIL).payload(json("{}"))))).as("then warm").isFalse();
    }

    @Test
    void initErrorsComeBackAsAwssPythonRuntimeReportsThem() throws Exception {
        JsonNode missingModule = error(lambda.invoke(b -> b.functionName(Functions.probe(lambda, "nope.handler", c -> { }))));
        assertThat(missingModule.path("errorType").asText()).isEqualTo("Runtime.ImportModuleError");
        assertThat(missingModule.path("errorMessage").asText()).isEqualTo("Unable to import module 'nope': No module named 'nope'");

        JsonNode missingFunction = error(lambda.invoke(b -> b.functionName(Functions.probe(lambda, "probe.nope", c -> { }))));
        assertThat(missingFunction.path("errorType").asText()).isEqualTo("Runtime.HandlerNotFound");
        assertThat(missingFunction.path("errorMessage").asText()).isEqualTo("Handler 'nope' missing on module 'probe'");
    }

    @Test
    void tmpIsKeptOnWarmReuseAndEmptyAfterAConfigurationUpdate() throws Exception {
        String fn = Functions.probe(lambda, "probe.tmp_files", b -> { });

        JsonNode first = payload(lambda.invoke(b -> b.functionName(fn).payload(json("{\"write\":\"leftover.txt\"}"))));
        assertThat(first.path("before")).isEmpty();
        JsonNode warm = payload(lambda.invoke(b -> b.functionName(fn).payload(json("{}"))));
        assertThat(warm.path("tmp").asText()).isEqualTo(first.path("tmp").asText());
        assertThat(warm.path("before")).extracting(JsonNode::asText).containsExactly("leftover.txt");

        // A configuration change starts new execution environments.
        lambda.updateFunctionConfiguration(b -> b.functionName(fn).environment(e -> e.variables(Map.of("CHANGED", "yes"))));
        lambda.waiter().waitUntilFunctionUpdatedV2(b -> b.functionName(fn));
        JsonNode after = payload(lambda.invoke(b -> b.functionName(fn).payload(json("{}"))));
        assertThat(after.path("before")).isEmpty();
    }

    @Test
    void anUpdateOfLatestLeavesThePublishedVersionsSandboxesWarm() {
        String fn = Functions.probe(lambda, "probe.stream_name", b -> b.publish(true));
        assertThat(cold(lambda.invoke(b -> b.functionName(fn).qualifier("1").logType(LogType.TAIL)))).isTrue();
        assertThat(cold(lambda.invoke(b -> b.functionName(fn).logType(LogType.TAIL)))).isTrue();

        lambda.updateFunctionConfiguration(b -> b.functionName(fn).timeout(10));
        lambda.waiter().waitUntilFunctionUpdatedV2(b -> b.functionName(fn));
        assertThat(cold(lambda.invoke(b -> b.functionName(fn).qualifier("1").logType(LogType.TAIL)))).as("version 1").isFalse();
        assertThat(cold(lambda.invoke(b -> b.functionName(fn).logType(LogType.TAIL)))).as("$LATEST").isTrue();
    }

    @Test
    void theEnvironmentHasTheBooksVariablesAndReachesTheEmulator() throws Exception {
        String fn = Functions.python(lambda, "env_probe.handler", "env_probe", """
                import json, os, urllib.request

                def handler(event, context):
                    url = os.environ["AWS_ENDPOINT_URL"] + "/_harness/health"
                    with urllib.request.urlopen(url, timeout=10) as r:
                        health = json.loads(r.read())
                    return {"env": dict(os.environ), "health": health}
                """, b -> b.memorySize(256).environment(e -> e.variables(Map.of("GREETING", "hello"))));

        JsonNode r = payload(lambda.invoke(b -> b.functionName(fn).payload(json("{}"))));
        JsonNode env = r.path("env");
        // The book's 3-2-1 table, by today's names (AWS_LAMBDA_FUNCTION_MEMORY_SIZE, AWS_SESSION_TOKEN, PYTHONPATH).
        assertThat(env.path("LAMBDA_TASK_ROOT").asText()).isNotEmpty();
        assertThat(env.path("AWS_EXECUTION_ENV").asText()).isEqualTo("AWS_Lambda_python3.12");
        assertThat(env.path("LAMBDA_RUNTIME_DIR").asText()).isNotEmpty();
        assertThat(env.path("AWS_REGION").asText()).isEqualTo("us-east-1");
        assertThat(env.path("AWS_DEFAULT_REGION").asText()).isEqualTo("us-east-1");
        assertThat(env.path("AWS_LAMBDA_LOG_GROUP_NAME").asText()).isEqualTo("/aws/lambda/" + fn);
        assertThat(env.path("AWS_LAMBDA_LOG_STREAM_NAME").asText()).matches("\\d{4}/\\d\\d/\\d\\d/\\[\\$LATEST][0-9a-f]{32}");
        assertThat(env.path("AWS_LAMBDA_FUNCTION_NAME").asText()).isEqualTo(fn);
        assertThat(env.path("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText()).isEqualTo("256");
        assertThat(env.path("AWS_LAMBDA_FUNCTION_VERSION").asText()).isEqualTo("$LATEST");
        assertThat(env.path("AWS_ACCESS_KEY_ID").asText()).isNotEmpty();
        assertThat(env.path("AWS_SECRET_ACCESS_KEY").asText()).isNotEmpty();
        assertThat(env.path("AWS_SESSION_TOKEN").asText()).isNotEmpty();
        assertThat(env.path("PATH").asText()).contains("/usr/bin");
        assertThat(env.path("LANG").asText()).isEqualTo("en_US.UTF-8");
        assertThat(env.path("LD_LIBRARY_PATH").asText()).contains(env.path("LAMBDA_TASK_ROOT").asText());
        assertThat(env.path("PYTHONPATH").asText()).isEqualTo(env.path("LAMBDA_RUNTIME_DIR").asText());
        assertThat(env.path("GREETING").asText()).isEqualTo("hello");
        assertThat(env.path("AWS_ENDPOINT_URL").asText()).isEqualTo(TestAws.emulator().endpoint().toString());
        assertThat(r.path("health").path("status").asText()).isEqualTo("running");
        assertThat(r.path("health").path("services").path("lambda").asText()).isEqualTo("running");
    }

    @Test
    void reservedConcurrencyOfOneThrottlesTheSecondOfTwoParallelInvocations() throws Exception {
        String fn = Functions.probe(lambda, "probe.wait_for_file", b -> b.timeout(60));
        lambda.putFunctionConcurrency(b -> b.functionName(fn).reservedConcurrentExecutions(1));
        Path started = dir.resolve("started");
        Path release = dir.resolve("release");
        String event = "{\"started\":\"" + started + "\",\"release\":\"" + release + "\"}";

        CompletableFuture<InvokeResponse> first = CompletableFuture.supplyAsync(() -> lambda.invoke(b -> b.functionName(fn)
                .payload(json(event))));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(started));
        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName(fn).payload(json("{\"started\":\"" + dir.resolve("second")
                + "\",\"release\":\"" + release + "\"}"))))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> assertThat(e.statusCode()).isEqualTo(429));
        assertThat(first).isNotDone();

        Files.writeString(release, "go");
        assertThat(payload(first.get()).asText()).isEqualTo(Files.readString(started));
        assertThat(Files.exists(dir.resolve("second"))).as("the throttled invocation never ran").isFalse();
    }
}
