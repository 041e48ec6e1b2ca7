package io.eventharness.emulator.lambda;

import static io.eventharness.emulator.lambda.Functions.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.lambda.runtime.fixtures.BookHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * Java functions through the Lambda API: a deployment package built from the compiled test classes
 * (as {@code mvn package} would lay it out), run by the official runtime interface client.
 */
class LambdaJavaFunctionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOOK_HANDLER = BookHandler.class.getName() + "::handleRequest";
    @TempDir
    static Path dir;
    private static SdkBytes zip;
    private final LambdaClient lambda = Functions.lambda();

    @BeforeAll
    static void deploymentPackage() {
        zip = Functions.zip(io.eventharness.emulator.lambda.runtime.Functions.javaTaskRoot(dir, BookHandler.class));
    }

    private String java(String handler) {
        return Functions.create(lambda, Runtime.JAVA17, handler, zip, b -> b.memorySize(256).timeout(30));
    }

    @Test
    void theBooksDividerInJava() throws Exception {
        String fn = java(BOOK_HANDLER);

        InvokeResponse ok = lambda.invoke(b -> b.functionName(fn).logType(LogType.TAIL).payload(json("{\"x\":10,\"y\":2}")));
        assertThat(ok.functionError()).as(ok.payload().asUtf8String()).isNull();
        assertThat(ok.payload().asUtf8String()).isEqualTo("\"{\\\"result\\\": 5}\"");
        String id = ok.responseMetadata().requestId();
        assertThat(new String(Base64.getDecoder().decode(ok.logResult()), StandardCharsets.UTF_8))
                .contains("START RequestId: " + id + " Version: $LATEST", "x = 10", "y = 2", "END RequestId: " + id)
                .containsPattern("REPORT RequestId: " + id + "\tDuration: .*\tInit Duration: ");

        InvokeResponse failed = lambda.invoke(b -> b.functionName(fn).payload(json("{\"x\":10,\"y\":0}")));
        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(failed.functionError()).isEqualTo("Unhandled");
        JsonNode err = JSON.readTree(failed.payload().asUtf8String());
        assertThat(err.path("errorType").asText()).isEqualTo("java.lang.ArithmeticException");
        assertThat(err.path("errorMessage").asText()).isEqualTo("/ by zero");
        assertThat(err.path("stackTrace").get(0).asText()).contains("BookHandler.handleRequest");

        String failedId = failed.responseMetadata().requestId();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Functions.logMessages(fn)).containsSubsequence(
                "START RequestId: " + id + " Version: $LATEST", "x = 10", "y = 2", "END RequestId: " + id,
                "START RequestId: " + failedId + " Version: $LATEST", "x = 10", "y = 0", "END RequestId: " + failedId));
    }

    @Test
    void aMissingClassIsTheRuntimeClientsClassNotFoundError() throws Exception {
        String fn = java("example.DoesNotExist::handleRequest");

        InvokeResponse r = lambda.invoke(b -> b.functionName(fn).payload(json("{}")));
        assertThat(r.functionError()).isEqualTo("Unhandled");
        JsonNode err = JSON.readTree(r.payload().asUtf8String());
        assertThat(err.path("errorType").asText()).isEqualTo("java.lang.ClassNotFoundException");
        assertThat(err.path("errorMessage").asText()).contains("example.DoesNotExist");
    }
}
