package io.eventharness.emulator.lambda;

import static io.eventharness.emulator.lambda.Functions.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * Spare sandboxes through the Lambda API: {@code CreateFunction} and updates prepare one for the first cold
 * start; the code or configuration it was prepared for is the only one it ever runs; turned off, there is none.
 */
class LambdaSpareSandboxTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LambdaClient lambda = Functions.lambda();

    /** A module that prints while it is imported and returns its version and process. */
    private static String source(String version) {
        return """
                import os

                VERSION = "%s"
                print("importing " + VERSION)

                def handler(event, context):
                    return {"version": VERSION, "pid": os.getpid(), "greeting": os.environ.get("GREETING")}
                """.formatted(version);
    }

    private static long oneSpare(String fn) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> Functions.spareProcesses(fn), l -> l.size() == 1).get(0);
    }

    private static boolean dead(long pid) {
        return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    private JsonNode invoke(String fn, boolean cold) throws Exception {
        InvokeResponse r = lambda.invoke(b -> b.functionName(fn).logType(LogType.TAIL).payload(json("{}")));
        assertThat(r.functionError()).as(r.payload().asUtf8String()).isNull();
        String tail = new String(Base64.getDecoder().decode(r.logResult()), StandardCharsets.UTF_8);
        assertThat(tail.contains("\tInit Duration: ")).as("a cold start: " + tail).isEqualTo(cold);
        return JSON.readTree(r.payload().asUtf8String());
    }

    @Test
    void createFunctionPreparesASpareAndTheFirstInvocationTakesIt() throws Exception {
        String fn = Functions.python(lambda, "spare.handler", "spare", source("v1"));
        long spare = oneSpare(fn);
        assertThat(Functions.logMessages(fn)).as("no log group before the first invocation").isEmpty();

        JsonNode out = invoke(fn, true);

        assertThat(out.path("pid").asLong()).isEqualTo(spare);
        assertThat(out.path("version").asText()).isEqualTo("v1");
        List<String> log = Functions.logMessages(fn);
        assertThat(log).first().as("INIT's output, in the invocation's stream").isEqualTo("importing v1");
        assertThat(log.get(1)).startsWith("START RequestId: ");
        assertThat(invoke(fn, false).path("pid").asLong()).as("then warm, in the same sandbox").isEqualTo(spare);
    }

    @Test
    void newCodeOrConfigurationDiscardsTheSpareAndGetsOneOfItsOwn() throws Exception {
        String fn = Functions.python(lambda, "spare.handler", "spare", source("v1"));
        long first = oneSpare(fn);

        lambda.updateFunctionCode(b -> b.functionName(fn).zipFile(Functions.zip(Map.of("spare.py", source("v2")))));
        await().atMost(Duration.ofSeconds(30)).until(() -> dead(first));
        long second = oneSpare(fn);
        JsonNode v2 = invoke(fn, true);
        assertThat(v2.path("version").asText()).isEqualTo("v2");
        assertThat(v2.path("pid").asLong()).isEqualTo(second);

        lambda.updateFunctionConfiguration(b -> b.functionName(fn).environment(e -> e.variables(Map.of("GREETING", "hi"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> dead(second));
        long third = await().atMost(Duration.ofSeconds(30)).until(() -> Functions.spareProcesses(fn),
                l -> l.stream().anyMatch(p -> p != second)).stream().filter(p -> p != second).findFirst().orElseThrow();
        JsonNode configured = invoke(fn, true);
        assertThat(configured.path("greeting").asText()).isEqualTo("hi");
        assertThat(configured.path("pid").asLong()).isEqualTo(third);

        lambda.deleteFunction(b -> b.functionName(fn));
        await().atMost(Duration.ofSeconds(30)).until(() -> Functions.spareProcesses(fn).isEmpty());
        assertThat(dead(third)).isTrue();
    }

    @Test
    void deleteFunctionEndsAnUnusedSpare() {
        String fn = Functions.python(lambda, "spare.handler", "spare", source("v1"));
        long spare = oneSpare(fn);

        lambda.deleteFunction(b -> b.functionName(fn));

        await().atMost(Duration.ofSeconds(30)).until(() -> dead(spare));
    }

    @Test
    void turnedOffOnTheEmulatorThereIsNone() throws Exception {
        try (OwnEmulator aws = new OwnEmulator(b -> b.withLambdaSpareSandboxes(false))) {
            String fn = aws.python("spare.handler", "spare", source("v1"), b -> { });
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> Functions.spareProcesses(fn),
                    List::isEmpty);
            InvokeResponse r = aws.lambda().invoke(b -> b.functionName(fn).logType(LogType.TAIL).payload(json("{}")));
            assertThat(new String(Base64.getDecoder().decode(r.logResult()), StandardCharsets.UTF_8)).contains("\tInit Duration: ");
            assertThat(Functions.spareProcesses(fn)).isEmpty();
        }
    }
}
