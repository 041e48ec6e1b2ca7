package example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Lambda container of the book's chapter 3-2: context, environment, timeout, reuse and /tmp. */
@EventHarness
class ContainerIT {
    Cloud cloud;

    static Stream<Named<FunctionSpec<?>>> contextProbes() {
        return Stream.of(
                Named.of("python", PythonFunction.from("src/main/python").handler("container.context_handler").named("context")),
                Named.of("java", JavaFunction.fromModule().handler("example.ContextProbe::handleRequest").named("context")));
    }

    @ParameterizedTest
    @MethodSource("contextProbes")
    void theContextDescribesTheInvocation(FunctionSpec<?> spec) {
        DeployedFunction fn = cloud.deploy(spec);

        InvokeResult r = fn.invoke("{}");

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
    void theEnvironmentHoldsTheVariablesTheBookLists() {
        DeployedFunction fn = cloud.deploy(PythonFunction.from("src/main/python").handler("container.environment_handler")
                .named("env").env("GREETING", "hello"));

        JsonNode env = fn.invoke("{\"extra\": [\"GREETING\"]}").json();

        List<String> missing = new ArrayList<>();
        env.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                missing.add(e.getKey());
            }
        });
        assertThat(missing).as("variables the function did not see").isEmpty();
        assertThat(env.path("AWS_LAMBDA_FUNCTION_NAME").asText()).isEqualTo(fn.name());
        assertThat(env.path("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText()).isEqualTo("128");
        assertThat(env.path("AWS_LAMBDA_FUNCTION_VERSION").asText()).isEqualTo("$LATEST");
        assertThat(env.path("AWS_EXECUTION_ENV").asText()).isEqualTo("AWS_Lambda_python3.12");
        assertThat(env.path("AWS_REGION").asText()).isEqualTo(cloud.backend().region().id());
        assertThat(env.path("AWS_LAMBDA_LOG_GROUP_NAME").asText()).isEqualTo("/aws/lambda/" + fn.name());
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

    @Test
    void aWarmContainerMayStillHoldTmpFilesAndANewOneStartsClean() {
        DeployedFunction fn = cloud.deploy(PythonFunction.from("src/main/python").handler("container.tmp_handler").named("tmp"));

        InvokeResult first = fn.invoke("{}");
        assertThat(leftovers(first)).as("a new container's temporary directory").isEmpty();
        InvokeResult second = fn.invoke("{}");
        Invocation secondRun = invocation(fn, second.requestId());
        if (!secondRun.cold()) {
            assertThat(leftovers(second)).as("a reused container keeps /tmp").containsExactly("left-by-" + first.requestId());
        }

        // a configuration change retires the containers: the next invocation starts in a new, clean one
        cloud.lambda().updateFunctionConfiguration(b -> b.functionName(fn.name())
                .environment(e -> e.variables(Map.of("GENERATION", "2"))));
        cloud.lambda().waiter().waitUntilFunctionUpdatedV2(b -> b.functionName(fn.name()));
        InvokeResult third = fn.invoke("{}");
        assertThat(invocation(fn, third.requestId()).cold()).isTrue();
        assertThat(leftovers(third)).isEmpty();
    }

    private static List<String> leftovers(InvokeResult r) {
        List<String> out = new ArrayList<>();
        r.json().path("before").forEach(n -> {
            if (n.asText().startsWith("left-by-")) {
                out.add(n.asText());
            }
        });
        return out;
    }

    private Invocation invocation(DeployedFunction fn, String requestId) {
        return cloud.await().until("the REPORT line of " + requestId, () -> cloud.logsOf(fn).invocations(),
                l -> l.stream().anyMatch(i -> i.requestId().equals(requestId)), Object::toString)
                .stream().filter(i -> i.requestId().equals(requestId)).findFirst().orElseThrow();
    }
}
