package io.eventharness.emulator.lambda;

import static io.eventharness.emulator.lambda.Functions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.TestAws;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * Python functions import boto3 and botocore as on AWS, whose Python runtimes include them (the machine's, Debian's
 * {@code python3-boto3}, whichever interpreter runs the function), their clients reach the emulator, and the
 * packages a function brings in its zip come first.
 */
class LambdaPythonSdkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LambdaClient lambda = Functions.lambda();

    @Test
    void aFunctionsBoto3ReachesTheEmulator() throws Exception {
        String queue = TestAws.unique("boto3-fn");
        String url = TestAws.sqs().createQueue(b -> b.queueName(queue)).queueUrl();
        String fn = Functions.create(lambda, Runtime.PYTHON3_12, "handler.handle", Functions.zip(Map.of("handler.py", """
                import os, sys
                import boto3, botocore

                def handle(event, context):
                    urls = boto3.client("sqs").list_queues(QueueNamePrefix=event["prefix"]).get("QueueUrls", [])
                    return {"urls": urls, "path": sys.path, "root": os.environ["LAMBDA_TASK_ROOT"],
                            "botocore": botocore.__version__}
                """)), b -> b.timeout(60).memorySize(256));

        InvokeResponse r = lambda.invoke(b -> b.functionName(fn).payload(json("{\"prefix\": \"" + queue + "\"}")));

        assertThat(r.functionError()).as(r.payload().asUtf8String()).isNull();
        JsonNode out = JSON.readTree(r.payload().asUtf8String());
        assertThat(out.path("urls").get(0).asText()).isEqualTo(url);
        assertThat(out.path("path").get(0).asText()).as("the task root first, as on AWS").isEqualTo(out.path("root").asText());
    }

    @Test
    void packagesInTheZipComeFirst() throws Exception {
        String fn = Functions.create(lambda, Runtime.PYTHON3_12, "handler.handle", Functions.zip(Map.of(
                "handler.py", """
                        import mylib, boto3

                        def handle(event, context):
                            return {"mine": mylib.VALUE, "boto3": boto3.__version__}
                        """,
                "mylib/__init__.py", "VALUE = 42\n",
                "boto3/__init__.py", "__version__ = 'bundled'\n")), b -> { });

        JsonNode out = JSON.readTree(lambda.invoke(b -> b.functionName(fn).payload(json("{}"))).payload().asUtf8String());

        assertThat(out.path("mine").asInt()).isEqualTo(42);
        assertThat(out.path("boto3").asText()).isEqualTo("bundled");
    }
}
