package io.eventharness.emulator.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.core.EmulatorClock;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The seed book's chapter 2: {@code lambda_function.myfunc01_handler} run as AWS runs it. */
class PythonBookFunctionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmulatorClock clock;
    private static Functions.RecordingSink sink;
    private static LambdaEngine engine;
    private static FunctionRunner book;

    @BeforeAll
    static void start() {
        clock = new EmulatorClock();
        sink = new Functions.RecordingSink();
        engine = LambdaEngine.builder(clock).logSink(sink).build();
        book = engine.runner(FunctionConfig.builder("HelloLambda").runtime("python3.11")
                .handler("lambda_function.myfunc01_handler").codeDirectory(Functions.python("python-book")).build());
    }

    @AfterAll
    static void stop() {
        engine.close();
        clock.close();
    }

    @Test
    void dividesAndLogsAsTheBookShows() {
        InvocationResult r = book.invoke(Invocation.of("{\"x\":10,\"y\":2}"));

        assertThat(r.isError()).isFalse();
        assertThat(r.payloadUtf8()).isEqualTo("\"{\\\"result\\\": 5.0}\"");
        String id = r.requestId();
        assertThat(r.logLines()).contains("START RequestId: " + id + " Version: $LATEST", "x = 10", "y = 2",
                "END RequestId: " + id);
        assertThat(r.logLines().indexOf("x = 10")).isGreaterThan(r.logLines().indexOf("START RequestId: " + id + " Version: $LATEST"));
        assertThat(r.logLines().indexOf("y = 2")).isLessThan(r.logLines().indexOf("END RequestId: " + id));
        String report = r.logLines().get(r.logLines().size() - 1);
        assertThat(report).matches("REPORT RequestId: " + id + "\tDuration: \\d+\\.\\d\\d ms\tBilled Duration: \\d+ ms"
                + "\tMemory Size: 128 MB\tMax Memory Used: \\d+ MB(\tInit Duration: \\d+\\.\\d\\d ms)?");
        assertThat(sink.messages(r.logStreamName())).containsSubsequence("x = 10", "y = 2", "END RequestId: " + id);
        String tail = new String(Base64.getDecoder().decode(r.logResult()), StandardCharsets.UTF_8);
        assertThat(tail).contains("x = 10\ny = 2\nEND RequestId: " + id + "\nREPORT RequestId: " + id);
    }

    @Test
    void divisionByZeroIsAnUnhandledZeroDivisionError() throws Exception {
        InvocationResult r = book.invoke(Invocation.of("{\"x\":10,\"y\":0}"));

        assertThat(r.functionError()).isEqualTo("Unhandled");
        assertThat(r.errorType()).isEqualTo("ZeroDivisionError");
        JsonNode doc = JSON.readTree(r.payload());
        assertThat(doc.path("errorMessage").asText()).isEqualTo("division by zero");
        assertThat(doc.path("errorType").asText()).isEqualTo("ZeroDivisionError");
        assertThat(doc.path("requestId").asText()).isEqualTo(r.requestId());
        assertThat(doc.path("stackTrace").get(0).asText()).contains("lambda_function.py\", line 9, in myfunc01_handler")
                .contains("retval = {'result' : x / y}");
        assertThat(r.logLines()).anyMatch(l -> l.startsWith("[ERROR] ZeroDivisionError: division by zero\rTraceback"));
    }

    /** Every Python runtime id runs here: on its own version when installed, else on the nearest, saying so. */
    @ParameterizedTest
    @ValueSource(strings = {"python3.9", "python3.10", "python3.11", "python3.12", "python3.13", "python3.14"})
    void everyPythonRuntimeRunsTheBookOnTheVersionItResolvesTo(String runtime) throws Exception {
        RuntimeResolver.Resolved resolved = engine.runtimes().resolve(runtime);
        FunctionConfig.Builder b = FunctionConfig.builder("Book-" + runtime.replace('.', '-')).runtime(runtime);
        FunctionRunner fn = engine.runner(b.handler("lambda_function.myfunc01_handler").codeDirectory(Functions.python("python-book")).build());
        FunctionRunner probe = engine.runner(FunctionConfig.builder("Version-" + runtime.replace('.', '-')).runtime(runtime)
                .handler("probe.python_version").codeDirectory(Functions.python("python-probe")).build());

        InvocationResult r = fn.invoke(Invocation.of("{\"x\":10,\"y\":2}"));
        assertThat(r.payloadUtf8()).isEqualTo("\"{\\\"result\\\": 5.0}\"");
        JsonNode version = JSON.readTree(probe.invoke(Invocation.of("{}")).payload());
        int wanted = Integer.parseInt(runtime.substring("python3.".length()));
        if (resolved.warning() == null) {
            assertThat(version.path("minor").asInt()).isEqualTo(wanted);
            assertThat(r.logLines()).noneMatch(l -> l.startsWith("Event Harness: runtime"));
        } else {
            assertThat(version.path("minor").asInt()).isNotEqualTo(wanted);
            assertThat(r.logLines()).contains(resolved.warning());
        }
        fn.close();
        probe.close();
    }
}
