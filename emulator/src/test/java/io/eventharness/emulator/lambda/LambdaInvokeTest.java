package io.eventharness.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** Invoke through the unmodified SDK: the seed book's chapter 2 example and AWS's error answers. */
class LambdaInvokeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LambdaClient lambda = Functions.lambda();

    @Test
    void theBooksFunctionDividesAndLogs() throws Exception {
        String fn = Functions.python(lambda, "lambda_function.myfunc01_handler", "lambda_function", Functions.BOOK);

        InvokeResponse r = lambda.invoke(b -> b.functionName(fn).logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"x\":10,\"y\":2}")));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.functionError()).isNull();
        assertThat(r.executedVersion()).isEqualTo("$LATEST");
        assertThat(r.payload().asUtf8String()).isEqualTo("\"{\\\"result\\\": 5.0}\"");
        String tail = new String(Base64.getDecoder().decode(r.logResult()), StandardCharsets.UTF_8);
        String id = r.responseMetadata().requestId();
        assertThat(tail).contains("START RequestId: " + id + " Version: $LATEST", "x = 10", "y = 2",
                "END RequestId: " + id, "REPORT RequestId: " + id);
    }

    @Test
    void dividingByZeroIsAnUnhandledFunctionError() throws Exception {
        String fn = Functions.python(lambda, "lambda_function.myfunc01_handler", "lambda_function", Functions.BOOK);

        InvokeResponse r = lambda.invoke(b -> b.functionName(fn).payload(SdkBytes.fromUtf8String("{\"x\":10,\"y\":0}")));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.functionError()).isEqualTo("Unhandled");
        JsonNode err = JSON.readTree(r.payload().asUtf8String());
        assertThat(err.path("errorType").asText()).isEqualTo("ZeroDivisionError");
        assertThat(err.path("errorMessage").asText()).isEqualTo("division by zero");
        assertThat(err.path("stackTrace").isArray()).isTrue();
    }

    @Test
    void dryRunAndEventAnswerWithoutRunning() {
        String fn = Functions.python(lambda, "lambda_function.myfunc01_handler", "lambda_function", Functions.BOOK);
        assertThat(lambda.invoke(b -> b.functionName(fn).invocationType(InvocationType.DRY_RUN)).statusCode()).isEqualTo(204);
        InvokeResponse event = lambda.invoke(b -> b.functionName(fn).invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"x\":1,\"y\":1}")));
        assertThat(event.statusCode()).isEqualTo(202);
        assertThat(event.payload().asByteArray()).isEmpty();
    }

    @Test
    void payloadThatIsNotJsonIsRefused() {
        String fn = Functions.python(lambda, "lambda_function.myfunc01_handler", "lambda_function", Functions.BOOK);
        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName(fn).payload(SdkBytes.fromUtf8String("{not json"))))
                .isInstanceOfSatisfying(LambdaException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRequestContentException");
                });
    }

    @Test
    void payloadOverSixMegabytesIsTooLarge() {
        String fn = Functions.python(lambda, "lambda_function.myfunc01_handler", "lambda_function", Functions.BOOK);
        String big = "\"" + "a".repeat(6 * 1024 * 1024) + "\"";
        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName(fn).payload(SdkBytes.fromUtf8String(big))))
                .isInstanceOfSatisfying(LambdaException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(413);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestEntityTooLargeException");
                });
    }

    @Test
    void unknownFunctionIsNotFound() {
        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("no-such-function")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Function not found");
    }

    @Test
    void reservedConcurrencyOfZeroThrottles() {
        String fn = Functions.python(lambda, "lambda_function.myfunc01_handler", "lambda_function", Functions.BOOK);
        lambda.putFunctionConcurrency(b -> b.functionName(fn).reservedConcurrentExecutions(0));
        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName(fn).payload(SdkBytes.fromUtf8String("{\"x\":1,\"y\":1}"))))
                .isInstanceOf(TooManyRequestsException.class);
        lambda.deleteFunctionConcurrency(b -> b.functionName(fn));
        assertThat(lambda.invoke(b -> b.functionName(fn).payload(SdkBytes.fromUtf8String("{\"x\":1,\"y\":1}"))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aTimeoutAnswersAwsTimeoutErrorLogsItAndTheNextInvocationStartsAFreshSandbox() throws Exception {
        String fn = Functions.probe(lambda, "probe.sleep", b -> b.timeout(1));

        InvokeResponse r = lambda.invoke(b -> b.functionName(fn).logType(LogType.TAIL).payload(SdkBytes.fromUtf8String("{\"seconds\":30}")));

        String id = r.responseMetadata().requestId();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.functionError()).isEqualTo("Unhandled");
        JsonNode err = JSON.readTree(r.payload().asUtf8String());
        assertThat(err.path("errorMessage").asText()).isEqualTo("RequestId: " + id + " Error: Task timed out after 1.00 seconds");
        assertThat(err.path("errorType").asText()).isEqualTo("Sandbox.Timedout");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Functions.logMessages(fn))
                .anyMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+Z " + id + " Task timed out after 1\\.00 seconds"))
                .anyMatch(l -> l.startsWith("REPORT RequestId: " + id)));

        InvokeResponse next = lambda.invoke(b -> b.functionName(fn).logType(LogType.TAIL).payload(SdkBytes.fromUtf8String("{\"seconds\":0}")));
        assertThat(next.functionError()).as(next.payload().asUtf8String()).isNull();
        assertThat(next.payload().asUtf8String()).isEqualTo("\"woke up\"");
        assertThat(new String(Base64.getDecoder().decode(next.logResult()), StandardCharsets.UTF_8)).as("a cold start")
                .contains("\tInit Duration: ");
    }
}
