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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;

/**
 * The seed book's chapter 2: the function {@code HelloLambda} (128 MB, 3 s) logs x and y and returns
 * x / y — in Python, as the book writes it, and its Java twin.
 */
@EventHarness
class HelloLambdaIT {
    Cloud cloud;

    static Stream<Named<FunctionSpec<?>>> twins() {
        return Stream.of(
                Named.of("python", PythonFunction.from("src/main/python").handler("lambda_function.myfunc01_handler")
                        .named("HelloLambda")),
                Named.of("java", JavaFunction.fromModule().handler("example.HelloLambda::handleRequest")
                        .named("HelloLambda")));
    }

    @ParameterizedTest
    @MethodSource("twins")
    void returnsTheQuotientAsAJsonString(FunctionSpec<?> spec) {
        DeployedFunction fn = cloud.deploy(spec);

        InvokeResult r = fn.invoke("{\"x\":10,\"y\":2}");

        assertThat(r.failed()).as("function error").isFalse();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.payload()).isEqualTo("\"{\\\"result\\\": 5.0}\"");
    }

    /** Each twin with the error type its runtime reports for a division by zero. */
    static Stream<Arguments> twinsAndTheirDivisionError() {
        List<Named<FunctionSpec<?>>> twins = twins().toList();
        return Stream.of(Arguments.of(twins.get(0), "ZeroDivisionError"),
                Arguments.of(twins.get(1), "java.lang.ArithmeticException"));
    }

    @ParameterizedTest
    @MethodSource("twins")
    void isConfiguredAsTheBookSays128MbAnd3Seconds(FunctionSpec<?> spec) {
        DeployedFunction fn = cloud.deploy(spec);

        GetFunctionConfigurationResponse config = cloud.lambda().getFunctionConfiguration(b -> b.functionName(fn.name()));
        InvokeResult r = fn.invoke("{\"x\":10,\"y\":2}");

        assertThat(config.memorySize()).isEqualTo(128);
        assertThat(config.timeout()).isEqualTo(3);
        assertThat(config.runtimeAsString()).isEqualTo(spec.runtimeId());
        assertThat(config.handler()).isEqualTo(spec.handlerName());
        assertThat(r.logTail()).contains("Memory Size: 128 MB");
    }

    @ParameterizedTest
    @MethodSource("twinsAndTheirDivisionError")
    void dividingByZeroFailsWithTheErrorJson(FunctionSpec<?> spec, String errorType) {
        DeployedFunction fn = cloud.deploy(spec);

        InvokeResult r = fn.invoke("{\"x\":10,\"y\":0}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.functionError()).isEqualTo("Unhandled");
        JsonNode error = r.json();
        assertThat(error.path("errorMessage").asText()).isEqualTo("division by zero");
        assertThat(error.path("errorType").asText()).isEqualTo(errorType);
        assertThat(error.path("stackTrace").isArray()).isTrue();
        assertThat(error.path("stackTrace")).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("twins")
    void logsXAndYBetweenStartEndAndReport(FunctionSpec<?> spec) {
        DeployedFunction fn = cloud.deploy(spec);
        InvokeResult r = fn.invoke("{\"x\":10,\"y\":2}");

        cloud.logsOf(fn).await().containsAll("x = 10", "y = 2",
                "START RequestId: " + r.requestId() + " Version: $LATEST",
                "END RequestId: " + r.requestId(),
                "REPORT RequestId: " + r.requestId());
        assertThat(r.logTail()).contains("x = 10").contains("y = 2").contains("REPORT RequestId: " + r.requestId());
        assertThat(cloud.logsOf(fn).invocations()).singleElement().satisfies(i -> {
            assertThat(i.requestId()).isEqualTo(r.requestId());
            assertThat(i.cold()).isTrue();
            assertThat(i.lines()).containsSubsequence("x = 10", "y = 2");
        });
    }
}
