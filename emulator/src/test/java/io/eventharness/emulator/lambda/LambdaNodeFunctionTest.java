package io.eventharness.emulator.lambda;

import static io.eventharness.emulator.lambda.Functions.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * Node.js functions ({@code nodejs18.x} to {@code nodejs24.x}) through the Lambda API, run by the emulator's own
 * bootstrap on the machine's {@code node}: ES modules and CommonJS, async and callback handlers, the context, the
 * error document and the log lines AWS's Node.js runtime writes.
 */
class LambdaNodeFunctionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LambdaClient lambda = Functions.lambda();

    private String node(Runtime runtime, String handler, Map<String, String> files) {
        return Functions.create(lambda, runtime, handler, Functions.zip(files), b -> b.timeout(10));
    }

    @Test
    void anAsyncEsModuleHandlerAnswersAndLogsAsAwsDoes() throws Exception {
        String fn = node(Runtime.NODEJS20_X, "index.handler", Map.of("index.mjs", """
                export const handler = async (event, context) => {
                  console.log("x =", event.x, "\\nsecond line");
                  return {
                    result: event.x / event.y,
                    requestId: context.awsRequestId,
                    functionName: context.functionName,
                    memory: context.memoryLimitInMB,
                    remaining: context.getRemainingTimeInMillis(),
                    arn: context.invokedFunctionArn,
                    env: process.env.AWS_EXECUTION_ENV,
                    taskRoot: process.env.LAMBDA_TASK_ROOT,
                    cwd: process.cwd(),
                  };
                };
                """));

        InvokeResponse r = lambda.invoke(b -> b.functionName(fn).logType(LogType.TAIL).payload(json("{\"x\":10,\"y\":4}")));

        assertThat(r.functionError()).as(r.payload().asUtf8String()).isNull();
        JsonNode out = JSON.readTree(r.payload().asUtf8String());
        String id = r.responseMetadata().requestId();
        assertThat(out.path("result").asDouble()).isEqualTo(2.5);
        assertThat(out.path("requestId").asText()).isEqualTo(id);
        assertThat(out.path("functionName").asText()).isEqualTo(fn);
        assertThat(out.path("memory").asText()).isEqualTo("128");
        assertThat(out.path("remaining").asLong()).isBetween(1L, 10_000L);
        assertThat(out.path("arn").asText()).endsWith(":function:" + fn);
        assertThat(out.path("env").asText()).isEqualTo("AWS_Lambda_nodejs20.x");
        assertThat(out.path("cwd").asText()).isEqualTo(out.path("taskRoot").asText());
        String log = new String(Base64.getDecoder().decode(r.logResult()), StandardCharsets.UTF_8);
        assertThat(log).containsPattern("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\t" + id + "\tINFO\tx = 10 \rsecond line\n");
    }

    @Test
    void aCommonJsCallbackHandler() {
        String fn = node(Runtime.NODEJS20_X, "lib/app.handler", Map.of("lib/app.js", """
                exports.handler = function (event, context, callback) {
                  setTimeout(() => callback(null, "hello " + event.name), 10);
                };
                """));

        InvokeResponse r = lambda.invoke(b -> b.functionName(fn).payload(json("{\"name\":\"node\"}")));

        assertThat(r.functionError()).as(r.payload().asUtf8String()).isNull();
        assertThat(r.payload().asUtf8String()).isEqualTo("\"hello node\"");
    }

    @Test
    void aJsFileIsAnEsModuleWhenItsPackageSaysSo() {
        String fn = node(Runtime.NODEJS20_X, "index.handler", Map.of("package.json", "{\"type\": \"module\"}",
                "index.js", "export const handler = async () => import.meta.url.startsWith('file:');"));

        assertThat(lambda.invoke(b -> b.functionName(fn).payload(json("{}"))).payload().asUtf8String()).isEqualTo("true");
    }

    @Test
    void anErrorIsTheDocumentAwsReturnsAndIsLoggedInsideItsInvocation() throws Exception {
        String fn = node(Runtime.NODEJS20_X, "index.handler", Map.of("index.mjs", """
                export const handler = async (event) => {
                  console.log("about to fail");
                  throw new TypeError("no " + event.what);
                };
                """));

        InvokeResponse r = lambda.invoke(b -> b.functionName(fn).payload(json("{\"what\":\"luck\"}")));

        assertThat(r.functionError()).isEqualTo("Unhandled");
        JsonNode err = JSON.readTree(r.payload().asUtf8String());
        assertThat(err.path("errorType").asText()).isEqualTo("TypeError");
        assertThat(err.path("errorMessage").asText()).isEqualTo("no luck");
        assertThat(err.path("trace").get(0).asText()).isEqualTo("TypeError: no luck");
        assertThat(err.path("trace").get(1).asText()).contains("index.mjs:3");
        String id = r.responseMetadata().requestId();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Functions.logMessages(fn)).containsSubsequence(
                "START RequestId: " + id + " Version: $LATEST",
                "END RequestId: " + id));
        assertThat(String.join("\n", Functions.logMessages(fn)))
                .containsPattern("\t" + id + "\tINFO\tabout to fail\n[^\n]*\t" + id
                        + "\tERROR\tInvoke Error \t\\{\"errorType\":\"TypeError\",\"errorMessage\":\"no luck\",\"stack\":\\[\"TypeError: no luck\"")
                .containsPattern("Invoke Error [^\n]*\nEND RequestId: " + id);
    }

    @Test
    void loadFailuresAreTheRuntimesInitErrors() throws Exception {
        String missingModule = node(Runtime.NODEJS20_X, "nothere.handler", Map.of("index.js", "exports.handler = async () => 1;"));
        String missingHandler = node(Runtime.NODEJS20_X, "index.other", Map.of("index.js", "exports.handler = async () => 1;"));
        String syntax = node(Runtime.NODEJS20_X, "index.handler", Map.of("index.js", "exports.handler = async () => {;"));

        assertThat(errorType(missingModule)).isEqualTo("Runtime.ImportModuleError");
        assertThat(errorType(missingHandler)).isEqualTo("Runtime.HandlerNotFound");
        assertThat(errorType(syntax)).isEqualTo("Runtime.UserCodeSyntaxError");
    }

    private String errorType(String fn) throws Exception {
        InvokeResponse r = lambda.invoke(b -> b.functionName(fn).payload(json("{}")));
        assertThat(r.functionError()).isEqualTo("Unhandled");
        return JSON.readTree(r.payload().asUtf8String()).path("errorType").asText();
    }

    @Test
    void everyNodeRuntimeRunsOnTheNearestInstalledNode() {
        for (Runtime runtime : new Runtime[] {Runtime.NODEJS18_X, Runtime.NODEJS22_X}) {
            String fn = node(runtime, "index.handler", Map.of("index.js",
                    "exports.handler = async () => process.versions.node;"));
            InvokeResponse r = lambda.invoke(b -> b.functionName(fn).logType(LogType.TAIL).payload(json("{}")));
            String version = r.payload().asUtf8String().replace("\"", "");
            String wanted = runtime.toString().replaceAll("\\D", "");
            String log = new String(Base64.getDecoder().decode(r.logResult()), StandardCharsets.UTF_8);
            if (version.startsWith(wanted + ".")) {
                assertThat(log).doesNotContain("Event Harness: runtime");
            } else {
                assertThat(log).contains("Event Harness: runtime " + runtime + " runs on Node.js " + version.split("\\.")[0]);
            }
        }
    }

    @Test
    void aFunctionBringsItsOwnPackagesInNodeModules() {
        SdkBytes zip = Functions.zip(Map.of("node_modules/greeting/index.js", "module.exports = (n) => 'hi ' + n;",
                "index.js", "const greet = require('greeting'); exports.handler = async (e) => greet(e.name);"));
        String fn = Functions.create(lambda, Runtime.NODEJS20_X, "index.handler", zip, b -> { });

        assertThat(lambda.invoke(b -> b.functionName(fn).payload(json("{\"name\":\"you\"}"))).payload().asUtf8String())
                .isEqualTo("\"hi you\"");
    }
}
