package example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.harness.Cloud;
import io.eventharness.harness.DeployedFunction;
import io.eventharness.harness.EventHarness;
import io.eventharness.harness.FunctionSpec;
import io.eventharness.harness.InvokeResult;
import io.eventharness.harness.JavaFunction;
import io.eventharness.harness.PythonFunction;
import io.eventharness.harness.observe.Invocation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;

/** The Lambda container of the book's chapter 3-2: context, environment, timeout, reuse and /tmp. */
@EventHarness
class ContainerIT {
    /**
     * The book's 3-2-1 table as AWS names the variables today ("Defined runtime environment variables" in
     * the Lambda developer guide): all of them are set for a Python function. Renamed since the book:
     * AWS_LAMBDA_FUNCTION_MEMORY is AWS_LAMBDA_FUNCTION_MEMORY_SIZE, AWS_SECRET_TOKEN is AWS_SESSION_TOKEN,
     * PYTHON_PATH is PYTHONPATH. AWS_ACCESS_KEY is still listed next to AWS_ACCESS_KEY_ID.
     */
    static final List<String> SET_TODAY = List.of(
            "LAMBDA_TASK_ROOT", "AWS_EXECUTION_ENV", "LAMBDA_RUNTIME_DIR", "AWS_REGION", "AWS_DEFAULT_REGION",
            "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_LAMBDA_FUNCTION_NAME",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "PATH", "LANG", "LD_LIBRARY_PATH", "PYTHONPATH");

    /** Names in the book's table that a Python function no longer sees, and why. */
    static final Map<String, String> NOT_SET = new LinkedHashMap<>();

    static {
        NOT_SET.put("AWS_SECRET_KEY", "an old alias of AWS_SECRET_ACCESS_KEY; AWS's list has dropped it");
        NOT_SET.put("AWS_SECURITY_TOKEN", "an old alias of AWS_SESSION_TOKEN (early SDKs read it); dropped likewise");
        NOT_SET.put("AWS_SECRET_TOKEN", "the book's name for AWS_SESSION_TOKEN");
        NOT_SET.put("AWS_LAMBDA_FUNCTION_MEMORY", "now AWS_LAMBDA_FUNCTION_MEMORY_SIZE");
        NOT_SET.put("PYTHON_PATH", "the variable is PYTHONPATH");
        NOT_SET.put("NODE_PATH", "set for Node.js runtimes only");
    }

    Cloud cloud;

    static Stream<Named<FunctionSpec<?>>> contextProbes() {
        // configured as the book's HelloLambda is: 128 MB, 3 s
        return Stream.of(
                Named.of("python", PythonFunction.from("src/main/python").handler("container.context_handler").named("context")
                        .memoryMb(128).timeout(Duration.ofSeconds(3))),
                Named.of("java", JavaFunction.fromModule().handler("example.ContextProbe::handleRequest").named("context")
                        .memoryMb(128).timeout(Duration.ofSeconds(3))));
    }

    @ParameterizedTest
    @MethodSource("contextProbes")
    void theContextDescribesTheInvocation(FunctionSpec<?> spec) {
        DeployedFunction fn = cloud.deploy(spec);

        InvokeResult r = fn.invoke("{}");

        GetFunctionConfigurationResponse config = cloud.lambda().getFunctionConfiguration(b -> b.functionName(fn.name()));
        assertThat(config.memorySize()).isEqualTo(128);
        assertThat(config.timeout()).isEqualTo(3);
        JsonNode ctx = r.json();
        assertThat(ctx.path("function_name").asText()).isEqualTo(fn.name());
        assertThat(ctx.path("function_version").asText()).isEqualTo("$LATEST");
        assertThat(ctx.path("invoked_function_arn").asText()).isEqualTo(fn.arn());
        assertThat(ctx.path("memory_limit_in_mb").asInt()).isEqualTo(128);
        assertThat(ctx.path("aws_request_id").asText()).isEqualTo(r.requestId());
        assertThat(ctx.path("remaining_time_in_millis").asLong()).isBetween(1L, 3000L);
        assertThat(ctx.path("log_group_name").asText()).isEqualTo("/aws/lambda/" + fn.name());
        assertThat(ctx.path("log_stream_name").asText()).matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST\\][0-9a-f]{32}");
    }

    @Test
    void theEnvironmentHoldsTheBooksVariablesByTodaysNames() {
        DeployedFunction fn = cloud.deploy(PythonFunction.from("src/main/python").handler("container.environment_handler")
                .named("env").env("GREETING", "hello"));
        List<String> names = new ArrayList<>(SET_TODAY);
        names.addAll(NOT_SET.keySet());
        names.add("GREETING");

        JsonNode env = fn.invoke(new ObjectMapper().createObjectNode().set("names", new ObjectMapper().valueToTree(names))
                .toString()).json();

        List<String> missing = SET_TODAY.stream().filter(n -> env.path(n).isNull()).toList();
        assertThat(missing).as("variables AWS sets that the function did not see").isEmpty();
        List<String> present = NOT_SET.keySet().stream().filter(n -> !env.path(n).isNull()).toList();
        assertThat(present).as("the book's old names, which AWS no longer sets: " + NOT_SET).isEmpty();
        assertThat(env.path("AWS_LAMBDA_FUNCTION_NAME").asText()).isEqualTo(fn.name());
        assertThat(env.path("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText()).isEqualTo("128");
        assertThat(env.path("AWS_LAMBDA_FUNCTION_VERSION").asText()).isEqualTo("$LATEST");
        assertThat(env.path("AWS_EXECUTION_ENV").asText()).isEqualTo("AWS_Lambda_python3.12");
        assertThat(env.path("AWS_REGION").asText()).isEqualTo(cloud.backend().region().id());
        assertThat(env.path("AWS_DEFAULT_REGION").asText()).isEqualTo(cloud.backend().region().id());
        assertThat(env.path("AWS_LAMBDA_LOG_GROUP_NAME").asText()).isEqualTo("/aws/lambda/" + fn.name());
        assertThat(env.path("AWS_ACCESS_KEY").asText()).isEqualTo(env.path("AWS_ACCESS_KEY_ID").asText());
        assertThat(env.path("PYTHONPATH").asText()).contains(env.path("LAMBDA_RUNTIME_DIR").asText());
        assertThat(env.path("LANG").asText()).isEqualTo("en_US.UTF-8");
        assertThat(env.path("GREETING").asText()).isEqualTo("hello");
    }

    @Test
    void aFunctionThatRunsTooLongIsStopped() {
        DeployedFunction fn = cloud.deploy(PythonFunction.from("src/main/python").handler("container.sleep_handler")
                .named("sleeper").timeout(Duration.ofSeconds(1)));

        InvokeResult r = fn.invoke("{\"seconds\": 30}");

        assertThat(r.functionError()).isEqualTo("Unhandled");
        assertThat(r.json().path("errorMessage").asText()).contains("Task timed out after 1.00 seconds");
        cloud.logsOf(fn).await().contains("Task timed out after 1.00 seconds");
    }

    /**
     * 3-2-2: a container may be reused, and then its /tmp still holds what earlier invocations left; a new
     * container starts with an empty one. Each invocation reports its container (its log stream: one per
     * execution environment) and what it found, so every invocation is checked whether it ran cold or warm.
     */
    @Test
    void aReusedContainerStillHoldsTmpFilesAndANewOneStartsClean() {
        DeployedFunction fn = cloud.deploy(PythonFunction.from("src/main/python").handler("container.tmp_handler").named("tmp"));
        List<JsonNode> runs = new ArrayList<>();

        runs.add(fn.invoke("{}").json());
        runs.add(fn.invoke("{}").json());
        // a configuration change retires the containers: the next invocation starts in a new, clean one
        cloud.lambda().updateFunctionConfiguration(b -> b.functionName(fn.name())
                .environment(e -> e.variables(Map.of("GENERATION", "2"))));
        cloud.lambda().waiter().waitUntilFunctionUpdatedV2(b -> b.functionName(fn.name()));
        runs.add(fn.invoke("{}").json());

        for (int i = 0; i < runs.size(); i++) {
            JsonNode run = runs.get(i);
            List<String> leftBySameContainer = new ArrayList<>();
            for (JsonNode earlier : runs.subList(0, i)) {
                if (earlier.path("stream").asText().equals(run.path("stream").asText())) {
                    leftBySameContainer.add("left-by-" + earlier.path("request_id").asText());
                }
            }
            Invocation inv = invocation(fn, run.path("request_id").asText());
            assertThat(inv.cold()).as("invocation %d is cold exactly when its container is new", i + 1)
                    .isEqualTo(leftBySameContainer.isEmpty());
            assertThat(texts(run.path("before"))).as("what invocation %d found in %s", i + 1, run.path("tmp").asText())
                    .containsExactlyElementsOf(leftBySameContainer);
        }
        assertThat(runs.get(2).path("stream").asText()).as("after the update, a new container")
                .isNotIn(runs.get(0).path("stream").asText(), runs.get(1).path("stream").asText());
        if ("embedded".equals(cloud.backend().name())) {
            // the emulator always reuses an idle container, so the warm case above is not left to chance
            assertThat(runs.get(1).path("stream").asText()).isEqualTo(runs.get(0).path("stream").asText());
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private Invocation invocation(DeployedFunction fn, String requestId) {
        return cloud.await().until("the REPORT line of " + requestId, () -> cloud.logsOf(fn).invocations(),
                l -> l.stream().anyMatch(i -> i.requestId().equals(requestId)), Object::toString)
                .stream().filter(i -> i.requestId().equals(requestId)).findFirst().orElseThrow();
    }
}
