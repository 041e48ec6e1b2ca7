package io.eventharness.emulator.cli;

import static io.eventharness.emulator.cli.Cli.aws;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * SQS through whichever {@code aws} comes first on PATH when it is not Debian's: on a developer
 * machine that is often a newer CLI (v1 from pip, or a newer v2) that speaks SQS's JSON protocol.
 * Skipped, saying so, when PATH leads to {@code /usr/bin/aws} itself.
 */
class SqsPathCliIT {

    @Test
    void theAwsOnPathWorksToo() throws IOException {
        Path onPath = Cli.awsOnPath();
        Assumptions.assumeTrue(onPath != null, "no aws on PATH");
        Assumptions.assumeFalse(Files.exists(Cli.SYSTEM_AWS) && Files.isSameFile(onPath.toRealPath(), Cli.SYSTEM_AWS.toRealPath()),
                "the aws on PATH is " + Cli.SYSTEM_AWS + ", which SqsCliIT covers");
        Cli.Result v = Cli.run(List.of(onPath.toString(), "--version"), null);
        String version = v.stdout() + v.stderr(); // v1 printed it on stderr
        // v1 exits 255 on a service error, v2 254.
        int serviceError = version.startsWith("aws-cli/1.") ? 255 : 254;

        String name = Cli.unique("path-cli");
        String url = aws(onPath, "sqs", "create-queue", "--queue-name", name).json().path("QueueUrl").asText();
        aws(onPath, "sqs", "send-message", "--queue-url", url, "--message-body", "from " + version.trim(),
                "--message-attributes", Cli.toJson(Map.of("k", Map.of("DataType", "String", "StringValue", "v")))).json();
        JsonNode m = aws(onPath, "sqs", "receive-message", "--queue-url", url, "--message-attribute-names", "All")
                .json().path("Messages").get(0);
        assertThat(m.path("Body").asText()).startsWith("from aws-cli/");
        assertThat(m.path("MessageAttributes").path("k").path("StringValue").asText()).isEqualTo("v");
        aws(onPath, "sqs", "delete-message", "--queue-url", url, "--receipt-handle", m.path("ReceiptHandle").asText()).json();
        aws(onPath, "sqs", "get-queue-url", "--queue-name", name + "-absent")
                .failsWith(serviceError, "AWS.SimpleQueueService.NonExistentQueue");
    }
}
