package io.eventharness.emulator.cli;

import static io.eventharness.emulator.cli.Cli.aws;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SNS → SQS fan-out through Debian's AWS CLI v2 and boto3: the notification envelope a subscribed
 * queue receives (see "Amazon SNS message and JSON formats", notification JSON), raw delivery, filter
 * policies, errors.
 */
class SnsCliIT {
    private static final int SERVICE_ERROR = 254;
    private Path aws;

    @BeforeEach
    void tool() {
        aws = Cli.systemAws();
    }

    @Test
    void publishReachesASubscribedQueueInTheNotificationEnvelope() {
        String topicArn = aws(aws, "sns", "create-topic", "--name", Cli.unique("cli-topic")).json().path("TopicArn").asText();
        assertThat(topicArn).startsWith("arn:aws:sns:us-east-1:000000000000:cli-topic-");
        String queueUrl = aws(aws, "sqs", "create-queue", "--queue-name", Cli.unique("cli-sub")).json().path("QueueUrl").asText();
        String queueArn = queueArn(queueUrl);
        String subArn = aws(aws, "sns", "subscribe", "--topic-arn", topicArn, "--protocol", "sqs",
                "--notification-endpoint", queueArn).json().path("SubscriptionArn").asText();
        assertThat(subArn).startsWith(topicArn + ":");
        assertThat(aws(aws, "sns", "list-subscriptions-by-topic", "--topic-arn", topicArn).json().path("Subscriptions"))
                .singleElement().satisfies(s -> {
                    assertThat(s.path("Protocol").asText()).isEqualTo("sqs");
                    assertThat(s.path("Endpoint").asText()).isEqualTo(queueArn);
                });

        String messageId = aws(aws, "sns", "publish", "--topic-arn", topicArn, "--subject", "greeting", "--message", "hello subscribers",
                "--message-attributes", Cli.toJson(Map.of("kind", Map.of("DataType", "String", "StringValue", "greeting"))))
                .json().path("MessageId").asText();

        JsonNode m = receiveOne(queueUrl);
        JsonNode envelope = Cli.parse(m.path("Body").asText());
        assertThat(envelope.path("Type").asText()).isEqualTo("Notification");
        assertThat(envelope.path("MessageId").asText()).isEqualTo(messageId);
        assertThat(envelope.path("TopicArn").asText()).isEqualTo(topicArn);
        assertThat(envelope.path("Subject").asText()).isEqualTo("greeting");
        assertThat(envelope.path("Message").asText()).isEqualTo("hello subscribers");
        assertThat(envelope.path("Timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(envelope.path("SignatureVersion").asText()).isEqualTo("1");
        assertThat(envelope.path("Signature").asText()).isNotEmpty();
        assertThat(envelope.path("SigningCertURL").asText()).isNotEmpty();
        assertThat(envelope.path("UnsubscribeURL").asText()).contains(subArn);
        assertThat(envelope.path("MessageAttributes").path("kind").path("Type").asText()).isEqualTo("String");
        assertThat(envelope.path("MessageAttributes").path("kind").path("Value").asText()).isEqualTo("greeting");
    }

    @Test
    void rawMessageDeliveryAndErrors() {
        String topicArn = aws(aws, "sns", "create-topic", "--name", Cli.unique("cli-raw")).json().path("TopicArn").asText();
        String queueUrl = aws(aws, "sqs", "create-queue", "--queue-name", Cli.unique("cli-raw-sub")).json().path("QueueUrl").asText();
        String subArn = aws(aws, "sns", "subscribe", "--topic-arn", topicArn, "--protocol", "sqs",
                "--notification-endpoint", queueArn(queueUrl), "--attributes", "RawMessageDelivery=true").json()
                .path("SubscriptionArn").asText();
        assertThat(aws(aws, "sns", "get-subscription-attributes", "--subscription-arn", subArn).json()
                .path("Attributes").path("RawMessageDelivery").asText()).isEqualTo("true");
        aws(aws, "sns", "publish", "--topic-arn", topicArn, "--message", "{\"raw\":true}").json();
        assertThat(receiveOne(queueUrl).path("Body").asText()).isEqualTo("{\"raw\":true}");

        aws(aws, "sns", "publish", "--topic-arn", topicArn + "-absent", "--message", "x").failsWith(SERVICE_ERROR, "NotFound");
        aws(aws, "sns", "create-topic", "--name", "bad name!").failsWith(SERVICE_ERROR, "InvalidParameter");
    }

    @Test
    void filterPolicyLetsOnlyMatchingMessagesThrough() {
        String topicArn = aws(aws, "sns", "create-topic", "--name", Cli.unique("cli-filter")).json().path("TopicArn").asText();
        String queueUrl = aws(aws, "sqs", "create-queue", "--queue-name", Cli.unique("cli-filter-sub")).json().path("QueueUrl").asText();
        String policy = Cli.toJson(Map.of("kind", List.of("order")));
        String subArn = aws(aws, "sns", "subscribe", "--topic-arn", topicArn, "--protocol", "sqs", "--notification-endpoint",
                queueArn(queueUrl), "--attributes", Cli.toJson(Map.of("FilterPolicy", policy, "RawMessageDelivery", "true")))
                .json().path("SubscriptionArn").asText();
        assertThat(Cli.parse(aws(aws, "sns", "get-subscription-attributes", "--subscription-arn", subArn).json()
                .path("Attributes").path("FilterPolicy").asText())).isEqualTo(Cli.parse(policy));

        for (String kind : List.of("refund", "order")) {
            aws(aws, "sns", "publish", "--topic-arn", topicArn, "--message", "a " + kind, "--message-attributes",
                    Cli.toJson(Map.of("kind", Map.of("DataType", "String", "StringValue", kind)))).json();
        }
        assertThat(receiveOne(queueUrl).path("Body").asText()).isEqualTo("a order");
        // The refund was decided against, not lost: the event trail (GET /_harness/trail) says so.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Cli.jar().trail())
                .filteredOn(e -> e.path("source").asText().equals(topicArn))
                .extracting(e -> e.path("outcome").asText()).containsExactlyInAnyOrder("filtered", "delivered"));
        assertThat(aws(aws, "sqs", "get-queue-attributes", "--queue-url", queueUrl, "--attribute-names", "ApproximateNumberOfMessages")
                .json().path("Attributes").path("ApproximateNumberOfMessages").asText()).isEqualTo("0");
    }

    @Test
    void boto3FanOut() {
        JsonNode r = Boto3.run("""
                sns, sqs = client("sns"), client("sqs")
                topic = sns.create_topic(Name="%s")["TopicArn"]
                url = sqs.create_queue(QueueName="%s")["QueueUrl"]
                arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
                sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=arn)
                mid = sns.publish(TopicArn=topic, Message="from boto3")["MessageId"]
                got = sqs.receive_message(QueueUrl=url, WaitTimeSeconds=10)["Messages"]
                envelope = json.loads(got[0]["Body"])
                out({"mid": mid, "envelope": envelope,
                     "missing": error_of(lambda: sns.publish(TopicArn=topic + "-absent", Message="x"))})
                """.formatted(Cli.unique("boto-topic"), Cli.unique("boto-sub")));
        assertThat(r.path("envelope").path("MessageId").asText()).isEqualTo(r.path("mid").asText());
        assertThat(r.path("envelope").path("Message").asText()).isEqualTo("from boto3");
        assertThat(r.path("missing").path("type").asText()).isEqualTo("NotFoundException");
    }

    private String queueArn(String queueUrl) {
        return aws(aws, "sqs", "get-queue-attributes", "--queue-url", queueUrl, "--attribute-names", "QueueArn").json()
                .path("Attributes").path("QueueArn").asText();
    }

    /** Long-polls, as a consumer would: SNS delivery may finish just after Publish answers. */
    private JsonNode receiveOne(String queueUrl) {
        JsonNode messages = aws(aws, "sqs", "receive-message", "--queue-url", queueUrl, "--wait-time-seconds", "10")
                .json().path("Messages");
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }
}
