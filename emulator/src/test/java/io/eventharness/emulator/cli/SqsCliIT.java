package io.eventharness.emulator.cli;

import static io.eventharness.emulator.cli.Cli.aws;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SQS through Debian's AWS CLI v2 ({@code /usr/bin/aws} 2.9), which speaks SQS's query protocol and
 * checks the MD5 digests of what it sends and receives.
 */
class SqsCliIT {
    /** The CLI v2's exit status for an error the service returned. */
    static final int SERVICE_ERROR = 254;
    private Path aws;

    @BeforeEach
    void tool() {
        aws = Cli.systemAws();
    }

    @Test
    void createSendWithAttributesReceiveDelete() {
        String name = Cli.unique("cli");
        String url = aws(aws, "sqs", "create-queue", "--queue-name", name,
                "--attributes", "VisibilityTimeout=45,DelaySeconds=0").json().path("QueueUrl").asText();
        assertThat(url).endsWith("/000000000000/" + name);
        assertThat(aws(aws, "sqs", "get-queue-url", "--queue-name", name).json().path("QueueUrl").asText()).isEqualTo(url);
        assertThat(aws(aws, "sqs", "list-queues", "--queue-name-prefix", name).json().path("QueueUrls"))
                .extracting(JsonNode::asText).containsExactly(url);

        JsonNode sent = aws(aws, "sqs", "send-message", "--queue-url", url, "--message-body", "héllo {\"json\": true}",
                "--message-attributes", Cli.toJson(Map.of(
                        "kind", Map.of("DataType", "String", "StringValue", "order"),
                        "count", Map.of("DataType", "Number", "StringValue", "3"),
                        "blob", Map.of("DataType", "Binary", "BinaryValue", "AAEC")))).json();
        assertThat(sent.path("MessageId").asText()).isNotEmpty();
        assertThat(sent.path("MD5OfMessageAttributes").asText()).hasSize(32);

        JsonNode received = aws(aws, "sqs", "receive-message", "--queue-url", url,
                "--attribute-names", "All", "--message-attribute-names", "All").json();
        JsonNode m = received.path("Messages").get(0);
        assertThat(received.path("Messages")).hasSize(1);
        assertThat(m.path("MessageId").asText()).isEqualTo(sent.path("MessageId").asText());
        assertThat(m.path("Body").asText()).isEqualTo("héllo {\"json\": true}");
        assertThat(m.path("MessageAttributes").path("kind").path("StringValue").asText()).isEqualTo("order");
        assertThat(m.path("MessageAttributes").path("count").path("DataType").asText()).isEqualTo("Number");
        assertThat(m.path("MessageAttributes").path("blob").path("BinaryValue").asText()).isEqualTo("AAEC");
        assertThat(m.path("Attributes").path("ApproximateReceiveCount").asText()).isEqualTo("1");

        // In flight for 45 s: invisible to a second receive.
        assertThat(aws(aws, "sqs", "receive-message", "--queue-url", url).json().path("Messages")).isEmpty();
        aws(aws, "sqs", "delete-message", "--queue-url", url, "--receipt-handle", m.path("ReceiptHandle").asText()).json();
        JsonNode attrs = aws(aws, "sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "All").json()
                .path("Attributes");
        assertThat(attrs.path("ApproximateNumberOfMessages").asText()).isEqualTo("0");
        assertThat(attrs.path("ApproximateNumberOfMessagesNotVisible").asText()).isEqualTo("0");
        assertThat(attrs.path("VisibilityTimeout").asText()).isEqualTo("45");
        assertThat(attrs.path("QueueArn").asText()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:" + name);

        aws(aws, "sqs", "delete-queue", "--queue-url", url).json();
        aws(aws, "sqs", "get-queue-url", "--queue-name", name).failsWith(SERVICE_ERROR, "AWS.SimpleQueueService.NonExistentQueue");
    }

    @Test
    void setAttributesAndBatches() {
        String url = aws(aws, "sqs", "create-queue", "--queue-name", Cli.unique("cli-batch")).json().path("QueueUrl").asText();
        aws(aws, "sqs", "set-queue-attributes", "--queue-url", url, "--attributes", "MessageRetentionPeriod=3600").json();
        assertThat(aws(aws, "sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "MessageRetentionPeriod")
                .json().path("Attributes").path("MessageRetentionPeriod").asText()).isEqualTo("3600");

        JsonNode batch = aws(aws, "sqs", "send-message-batch", "--queue-url", url, "--entries",
                "Id=a,MessageBody=one", "Id=b,MessageBody=two", "Id=c,MessageBody=three").json();
        assertThat(batch.path("Successful")).extracting(n -> n.path("Id").asText()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(batch.path("Failed")).isEmpty();

        JsonNode got = aws(aws, "sqs", "receive-message", "--queue-url", url, "--max-number-of-messages", "10").json();
        assertThat(got.path("Messages")).extracting(n -> n.path("Body").asText()).containsExactlyInAnyOrder("one", "two", "three");
        JsonNode deleted = aws(aws, "sqs", "delete-message-batch", "--queue-url", url, "--entries",
                "Id=x,ReceiptHandle=" + got.path("Messages").get(0).path("ReceiptHandle").asText(),
                "Id=y,ReceiptHandle=not-a-handle").json();
        assertThat(deleted.path("Successful")).extracting(n -> n.path("Id").asText()).containsExactly("x");
        assertThat(deleted.path("Failed")).singleElement().satisfies(f -> {
            assertThat(f.path("Id").asText()).isEqualTo("y");
            assertThat(f.path("Code").asText()).isEqualTo("ReceiptHandleIsInvalid");
            assertThat(f.path("SenderFault").asBoolean()).isTrue();
        });
    }

    @Test
    void redriveToDeadLetterQueueAfterMaxReceives() {
        String dlqUrl = aws(aws, "sqs", "create-queue", "--queue-name", Cli.unique("cli-dlq")).json().path("QueueUrl").asText();
        String dlqArn = aws(aws, "sqs", "get-queue-attributes", "--queue-url", dlqUrl, "--attribute-names", "QueueArn")
                .json().path("Attributes").path("QueueArn").asText();
        String redrive = Cli.toJson(Map.of("deadLetterTargetArn", dlqArn, "maxReceiveCount", "1"));
        String url = aws(aws, "sqs", "create-queue", "--queue-name", Cli.unique("cli-src"), "--attributes",
                Cli.toJson(Map.of("RedrivePolicy", redrive, "VisibilityTimeout", "30"))).json().path("QueueUrl").asText();
        assertThat(Cli.parse(aws(aws, "sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "RedrivePolicy")
                .json().path("Attributes").path("RedrivePolicy").asText()).path("deadLetterTargetArn").asText()).isEqualTo(dlqArn);

        aws(aws, "sqs", "send-message", "--queue-url", url, "--message-body", "poison").json();
        assertThat(aws(aws, "sqs", "receive-message", "--queue-url", url).json().path("Messages")).hasSize(1);
        Cli.jar().advance(Duration.ofSeconds(31)); // the visibility timeout runs out unprocessed

        assertThat(aws(aws, "sqs", "receive-message", "--queue-url", url).json().path("Messages"))
                .as("received once already: moved to the DLQ instead").isEmpty();
        JsonNode dead = aws(aws, "sqs", "receive-message", "--queue-url", dlqUrl, "--attribute-names", "All").json().path("Messages");
        assertThat(dead).singleElement().satisfies(m -> assertThat(m.path("Body").asText()).isEqualTo("poison"));
        assertThat(aws(aws, "sqs", "list-dead-letter-source-queues", "--queue-url", dlqUrl).json().path("queueUrls"))
                .extracting(JsonNode::asText).containsExactly(url);
    }

    @Test
    void errorsCarryTheQueryErrorCodeAndExitStatus() {
        String missing = Cli.endpoint() + "/000000000000/" + Cli.unique("absent");
        aws(aws, "sqs", "send-message", "--queue-url", missing, "--message-body", "x")
                .failsWith(SERVICE_ERROR, "AWS.SimpleQueueService.NonExistentQueue");
        aws(aws, "sqs", "create-queue", "--queue-name", "bad name!").failsWith(SERVICE_ERROR, "InvalidParameterValue");
        String url = aws(aws, "sqs", "create-queue", "--queue-name", Cli.unique("cli-err")).json().path("QueueUrl").asText();
        aws(aws, "sqs", "delete-message", "--queue-url", url, "--receipt-handle", "garbage")
                .failsWith(SERVICE_ERROR, "ReceiptHandleIsInvalid");
        aws(aws, "sqs", "set-queue-attributes", "--queue-url", url, "--attributes", "NoSuchAttribute=1")
                .failsWith(SERVICE_ERROR, "InvalidAttributeName");
        aws(aws, "sqs", "receive-message", "--queue-url", url, "--max-number-of-messages", "11")
                .failsWith(SERVICE_ERROR, "InvalidParameterValue");
    }
}
