package io.eventharness.harness.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.harness.Cloud;
import io.eventharness.harness.EventHarness;
import io.eventharness.harness.Harness;
import io.eventharness.harness.backend.Capabilities;
import io.eventharness.harness.backend.Feature;
import io.eventharness.harness.backend.MissingFeatureException;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;

/** Wiring a second sender to a queue keeps the first one's permission. */
@EventHarness
class WiringTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void policyStatementsAreMergedOncePerSender() throws Exception {
        String q = "arn:aws:sqs:us-east-1:000000000000:out";
        String one = QueuePolicy.allowSend(null, q, "sns.amazonaws.com", "arn:aws:sns:us-east-1:000000000000:a");
        String two = QueuePolicy.allowSend(one, q, "s3.amazonaws.com", "arn:aws:s3:::b");
        String again = QueuePolicy.allowSend(two, q, "sns.amazonaws.com", "arn:aws:sns:us-east-1:000000000000:a");

        JsonNode statements = JSON.readTree(again).get("Statement");
        assertThat(statements).hasSize(2);
        assertThat(statements.findValuesAsText("aws:SourceArn"))
                .containsExactly("arn:aws:sns:us-east-1:000000000000:a", "arn:aws:s3:::b");
        assertThat(statements.get(0).path("Sid").asText()).matches("[A-Za-z0-9]+");
    }

    @Test
    void aPolicyWrittenByHandIsKept() throws Exception {
        String mine = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"Mine\",\"Effect\":\"Allow\","
                + "\"Principal\":\"*\",\"Action\":\"sqs:ReceiveMessage\",\"Resource\":\"*\"}}";
        JsonNode merged = JSON.readTree(QueuePolicy.allowSend(mine, "arn:q", "sns.amazonaws.com", "arn:t"));
        assertThat(merged.get("Statement").findValuesAsText("Sid")).hasSize(2).contains("Mine");
    }

    /**
     * A delivery the backend does not do fails at the wiring, before it creates anything, naming what to do (it used
     * to succeed, and the test's wait timed out 15 s later). The embedded emulator does every delivery now: the wiring
     * here is told of a backend that delivers only from SNS.
     */
    @Test
    void aWiringWhoseDeliveryTheBackendLacksFailsAtOnce(Cloud cloud) {
        String bucket = cloud.name("uploads");
        cloud.s3().createBucket(b -> b.bucket(bucket));
        String queue = cloud.sqs().createQueue(b -> b.queueName(cloud.name("events"))).queueUrl();
        FunctionTarget fn = new FunctionTarget() {
            @Override
            public String name() {
                return cloud.name("fn");
            }

            @Override
            public String arn() {
                return "arn:aws:lambda:us-east-1:000000000000:function:" + name();
            }
        };

        Wiring snsOnly = new Wiring(cloud.clients(), () -> "arn:aws:iam::000000000000:role/unused", cloud.await(),
                Capabilities.of(List.of("sns-to-sqs", "sns-to-lambda"), null), "sns-only");
        assertThatThrownBy(() -> snsOnly.s3ToLambda(bucket, fn, "s3:ObjectCreated:*"))
                .isInstanceOf(MissingFeatureException.class)
                .hasMessage("cloud.wire().s3ToLambda needs S3 event notifications delivered to SQS, SNS and Lambda, which the "
                        + "sns-only backend does not do: run this test where it does (-Dharness.backend=localstack or aws), "
                        + "or annotate it @Needs(Feature.S3_NOTIFICATIONS) to skip it, with the reason, on backends without it");
        assertThatThrownBy(() -> snsOnly.s3ToSqs(bucket, queue, "s3:ObjectCreated:*"))
                .isInstanceOfSatisfying(MissingFeatureException.class, e -> assertThat(e.feature()).isEqualTo(Feature.S3_NOTIFICATIONS));
        assertThatThrownBy(() -> snsOnly.sqsToLambda(queue, fn, 10))
                .isInstanceOfSatisfying(MissingFeatureException.class, e -> assertThat(e.feature()).isEqualTo(Feature.SQS_EVENT_SOURCE));
        assertThat(cloud.s3().getBucketNotificationConfiguration(b -> b.bucket(bucket)).hasQueueConfigurations())
                .as("nothing was configured").isFalse();
        assertThat(cloud.sqs().getQueueAttributes(b -> b.queueUrl(queue).attributeNames(QueueAttributeName.POLICY))
                .attributes()).as("no queue policy was written").doesNotContainKey(QueueAttributeName.POLICY);
    }

    @Test
    void twoTopicsWiredToOneQueueBothDeliver(Harness harness) throws Exception {
        try (Cloud cloud = harness.newCloud("two topics")) {
            String queue = cloud.sqs().createQueue(b -> b.queueName(cloud.name("out"))).queueUrl();
            String a = cloud.sns().createTopic(b -> b.name(cloud.name("a"))).topicArn();
            String b = cloud.sns().createTopic(r -> r.name(cloud.name("b"))).topicArn();

            cloud.wire().snsToSqs(a, queue, true);
            cloud.wire().snsToSqs(b, queue, true);

            String policy = cloud.sqs().getQueueAttributes(r -> r.queueUrl(queue).attributeNames(QueueAttributeName.POLICY))
                    .attributes().get(QueueAttributeName.POLICY);
            assertThat(JSON.readTree(policy).get("Statement").findValuesAsText("aws:SourceArn")).containsExactly(a, b);
            cloud.sns().publish(r -> r.topicArn(a).message("from a"));
            cloud.sns().publish(r -> r.topicArn(b).message("from b"));
            List<Message> got = cloud.queue(queue).await().messages(2);
            assertThat(got).extracting(Message::body).containsExactlyInAnyOrder("from a", "from b");
        }
    }

    @Test
    void onlyTheFreshRolePermissionErrorIsRetriedForMappings() {
        assertThat(Wiring.rolePermissionsNotSeenYet(InvalidParameterValueException.builder()
                .message("The provided execution role does not have permissions to call ReceiveMessage on SQS").build())).isTrue();
        assertThat(Wiring.rolePermissionsNotSeenYet(InvalidParameterValueException.builder()
                .message("Invalid batch size").build())).isFalse();
    }
}
