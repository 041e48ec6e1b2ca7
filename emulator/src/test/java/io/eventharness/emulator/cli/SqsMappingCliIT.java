package io.eventharness.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.standalone.StandaloneJar;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SQS event source mapping as a user types it with Debian's AWS CLI against the standalone jar: a queue, a Python
 * function, {@code create-event-source-mapping} with a filter, messages sent with the CLI, and the function's log
 * showing the one that passed the filter ({@code POST /_harness/settle} instead of a wait); then the mapping listed,
 * disabled and deleted.
 */
class SqsMappingCliIT {
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String HANDLER = """
            def handler(event, context):
                for r in event["Records"]:
                    print("got " + r["body"] + " from " + r["eventSourceARN"])
            """;
    @TempDir
    static Path dir;
    private static Path zip;

    @BeforeAll
    static void zipTheFunction() throws Exception {
        zip = dir.resolve("function.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("consumer.py"));
            z.write(HANDLER.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
    }

    @AfterAll
    static void noEmulatorBug() {
        StandaloneJar.ifStarted().ifPresent(jar -> assertThat(jar.log()).as("the emulator's log").doesNotContain("emulator bug"));
    }

    private static Cli.Result aws(String... args) {
        return Cli.aws(Cli.systemAws(), args);
    }

    @Test
    void aMappingCreatedWithTheCliInvokesTheFunction() {
        String queue = Cli.unique("orders");
        String url = aws("sqs", "create-queue", "--queue-name", queue).json().path("QueueUrl").asText();
        String queueArn = aws("sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "QueueArn").json()
                .path("Attributes").path("QueueArn").asText();
        String role = aws("iam", "create-role", "--role-name", Cli.unique("consumer-role"), "--assume-role-policy-document", TRUST)
                .json().path("Role").path("Arn").asText();
        String fn = Cli.unique("consumer");
        aws("lambda", "create-function", "--function-name", fn, "--runtime", "python3.12", "--handler", "consumer.handler",
                "--role", role, "--zip-file", "fileb://" + zip).json();
        aws("lambda", "wait", "function-active-v2", "--function-name", fn).json();

        JsonNode mapping = aws("lambda", "create-event-source-mapping", "--function-name", fn, "--event-source-arn", queueArn,
                "--batch-size", "5", "--filter-criteria", "{\"Filters\": [{\"Pattern\": \"{\\\"body\\\": {\\\"kind\\\": [\\\"order\\\"]}}\"}]}")
                .json();
        assertThat(mapping.path("State").asText()).isEqualTo("Creating");
        assertThat(mapping.path("BatchSize").asInt()).isEqualTo(5);
        String uuid = mapping.path("UUID").asText();

        aws("sqs", "send-message", "--queue-url", url, "--message-body", "{\"kind\": \"order\", \"id\": 7}").json();
        aws("sqs", "send-message", "--queue-url", url, "--message-body", "{\"kind\": \"noise\"}").json();
        Cli.jar().settle(Duration.ofSeconds(30));

        JsonNode events = aws("logs", "filter-log-events", "--log-group-name", "/aws/lambda/" + fn, "--filter-pattern", "got").json()
                .path("events");
        assertThat(events).extracting(e -> e.path("message").asText().trim())
                .containsExactly("got {\"kind\": \"order\", \"id\": 7} from " + queueArn);
        assertThat(aws("sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "All").json().path("Attributes")
                .path("ApproximateNumberOfMessages").asText()).as("the filtered message was deleted").isEqualTo("0");

        JsonNode listed = aws("lambda", "list-event-source-mappings", "--function-name", fn).json().path("EventSourceMappings");
        assertThat(listed).singleElement().satisfies(m -> assertThat(m.path("State").asText()).isEqualTo("Enabled"));
        assertThat(aws("lambda", "update-event-source-mapping", "--uuid", uuid, "--no-enabled").json().path("State").asText())
                .isEqualTo("Disabling");
        assertThat(aws("lambda", "delete-event-source-mapping", "--uuid", uuid).json().path("State").asText()).isEqualTo("Deleting");
        aws("lambda", "get-event-source-mapping", "--uuid", uuid).failsWith(254, "ResourceNotFoundException");
    }
}
