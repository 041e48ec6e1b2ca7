package io.eventharness.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.TestAws;
import io.eventharness.emulator.core.Json;
import io.eventharness.emulator.delivery.TrailEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An SNS topic with a Lambda subscription, as AWS wires it: the function's resource policy must let
 * {@code sns.amazonaws.com} invoke it for that topic ({@code AddPermission}), and the function gets
 * the {@code Records[].Sns} event asynchronously.
 */
class SnsToLambdaTest {
    private static final String PRINTS_THE_MESSAGE = """
            def handler(event, context):
                print("got " + event["Records"][0]["Sns"]["Message"])
            """;
    private final LambdaClient lambda = Functions.lambda();
    private final SnsClient sns = TestAws.sns();

    private String subscribed(String fn) {
        String topic = sns.createTopic(b -> b.name(TestAws.unique("topic"))).topicArn();
        String fnArn = lambda.getFunction(b -> b.functionName(fn)).configuration().functionArn();
        sns.subscribe(b -> b.topicArn(topic).protocol("lambda").endpoint(fnArn));
        return topic;
    }

    private static List<TrailEntry> deliveries(String topic) {
        return TestAws.emulator().trail().matching(e -> e.kind().equals("sns:Notification") && e.source().equals(topic));
    }

    @Test
    void aPermittedTopicInvokesTheFunctionWithTheSnsEvent() {
        String fn = Functions.python(lambda, "printer.handler", "printer", PRINTS_THE_MESSAGE);
        String topic = subscribed(fn);
        lambda.addPermission(b -> b.functionName(fn).statementId("sns-invoke").action("lambda:InvokeFunction")
                .principal("sns.amazonaws.com").sourceArn(topic));

        sns.publish(b -> b.topicArn(topic).message("hello from SNS"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Functions.logMessages(fn)).contains("got hello from SNS"));
        assertThat(deliveries(topic)).singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo("delivered"));
    }

    @Test
    void withoutPermissionTheDeliveryFailsAndTheTrailSaysWhy() {
        String fn = Functions.python(lambda, "printer.handler", "printer", PRINTS_THE_MESSAGE);
        String topic = subscribed(fn);
        String otherTopic = "arn:aws:sns:us-east-1:000000000000:" + TestAws.unique("other");
        lambda.addPermission(b -> b.functionName(fn).statementId("another-topic").action("lambda:InvokeFunction")
                .principal("sns.amazonaws.com").sourceArn(otherTopic));

        sns.publish(b -> b.topicArn(topic).message("nobody hears this"));

        TrailEntry failed = await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(topic), l -> !l.isEmpty()).get(0);
        assertThat(failed.outcome()).startsWith("failed: ").contains("does not allow sns.amazonaws.com").contains(topic)
                .contains("AddPermission");
        assertThat(TestAws.emulator().trail().matching(e -> e.kind().equals("lambda:InvokeAsync") && e.target().contains(":" + fn + ":")))
                .as("the function never ran").isEmpty();
    }

    @Test
    void aDeliveryTheFunctionRefusesGoesToTheSubscriptionsDeadLetterQueueAsAnEnvelope() {
        String fn = Functions.python(lambda, "printer.handler", "printer", PRINTS_THE_MESSAGE);
        String topic = sns.createTopic(b -> b.name(TestAws.unique("topic"))).topicArn();
        String fnArn = lambda.getFunction(b -> b.functionName(fn)).configuration().functionArn();
        SqsClient sqs = TestAws.sqs();
        String dlq = sqs.createQueue(b -> b.queueName(TestAws.unique("sub-dlq"))).queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNamesWithStrings("QueueArn")).attributesAsStrings()
                .get("QueueArn");
        sns.subscribe(b -> b.topicArn(topic).protocol("lambda").endpoint(fnArn)
                .attributes(Map.of("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + dlqArn + "\"}")));

        sns.publish(b -> b.topicArn(topic).message("no permission").subject("why")
                .messageAttributes(Map.of("attr1", MessageAttributeValue.builder().dataType("Number").stringValue("1").build())));

        // AWS's recording (test_redrive_policy_lambda_subscription): the envelope an SQS subscriber would get
        List<software.amazon.awssdk.services.sqs.model.Message> dead = sqs.receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(0)).messages();
        assertThat(dead).singleElement().satisfies(m -> {
            JsonNode n = Json.MAPPER.readTree(m.body());
            assertThat(n.path("Type").asText()).isEqualTo("Notification");
            assertThat(n.path("TopicArn").asText()).isEqualTo(topic);
            assertThat(n.path("Message").asText()).isEqualTo("no permission");
            assertThat(n.path("Subject").asText()).isEqualTo("why");
            assertThat(n.path("MessageAttributes").path("attr1").path("Type").asText()).isEqualTo("Number");
            assertThat(n.path("MessageAttributes").path("attr1").path("Value").asText()).isEqualTo("1");
        });
    }
}
