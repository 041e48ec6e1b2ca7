package io.eventharness.harness.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.harness.Cloud;
import io.eventharness.harness.DeployedFunction;
import io.eventharness.harness.EventHarness;
import io.eventharness.harness.Harness;
import io.eventharness.harness.backend.Capabilities;
import io.eventharness.harness.backend.Feature;
import io.eventharness.harness.backend.MissingFeatureException;
import io.eventharness.harness.PythonFunction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Each trigger wired as AWS requires it (the permissions merged, not replaced), its options honoured, and told in the story. */
@EventHarness
class WiringTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PythonFunction RECORDER = PythonFunction.from("src/test/resources/functions/recorder")
            .handler("handler.handle").named("recorder");

    @Test
    void policyStatementsAreMergedOncePerSender() throws Exception {
        String q = "arn:aws:sqs:us-east-1:000000000000:out";
        String one = ResourcePolicies.allowSend(null, q, "sns.amazonaws.com", "arn:aws:sns:us-east-1:000000000000:a");
        String two = ResourcePolicies.allowSend(one, q, "s3.amazonaws.com", "arn:aws:s3:::b");
        String again = ResourcePolicies.allowSend(two, q, "sns.amazonaws.com", "arn:aws:sns:us-east-1:000000000000:a");

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
        JsonNode merged = JSON.readTree(ResourcePolicies.allowSend(mine, "arn:q", "sns.amazonaws.com", "arn:t"));
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

        Wiring snsOnly = new Wiring(cloud.clients(), () -> "arn:aws:iam::000000000000:role/unused", () -> "arn:aws:iam::000000000000:role/unused", cloud.await(), new io.eventharness.harness.wire.Wires(),
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
    void aTopicKeepsItsDefaultStatementAndVersionWhenS3MayPublish() throws Exception {
        String topicDefault = "{\"Version\":\"2008-10-17\",\"Id\":\"__default_policy_ID\",\"Statement\":[{\"Sid\":"
                + "\"__default_statement_ID\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":[\"SNS:Publish\"],"
                + "\"Resource\":\"arn:t\"}]}";
        JsonNode merged = JSON.readTree(ResourcePolicies.allowPublish(topicDefault, "arn:t", "s3.amazonaws.com", "arn:aws:s3:::b"));
        assertThat(merged.path("Version").asText()).isEqualTo("2008-10-17");
        assertThat(merged.get("Statement").findValuesAsText("Sid")).hasSize(2).contains("__default_statement_ID");
        assertThat(merged.get("Statement").get(1).path("Action").asText()).isEqualTo("sns:Publish");
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
    void s3ToSqsHonoursPrefixAndSuffixAndANonMatchingKeySendsNothing(Cloud cloud) {
        String bucket = cloud.name("uploads");
        cloud.s3().createBucket(b -> b.bucket(bucket));
        String queue = cloud.sqs().createQueue(b -> b.queueName(cloud.name("events"))).queueUrl();
        cloud.wire().s3ToSqs(bucket, queue, S3Events.created().prefix("in/").suffix(".txt").id("texts"));
        assertThat(cloud.queue(queue).await().message().body()).contains("s3:TestEvent");

        put(cloud, bucket, "in/a.jpg");
        put(cloud, bucket, "out/b.txt");
        put(cloud, bucket, "in/c.txt");

        JsonNode record = json(cloud.queue(queue).await().message().body()).path("Records").get(0);
        assertThat(record.path("s3").path("object").path("key").asText()).as("URL-encoded, as AWS sends keys").isEqualTo("in%2Fc.txt");
        assertThat(record.path("s3").path("configurationId").asText()).isEqualTo("texts");
        cloud.settle();
        assertThat(cloud.sqs().receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(0)).messages()).as("in/a.jpg, out/b.txt").isEmpty();
    }

    @Test
    void s3ToSnsLetsTheBucketPublishAndSubscribersGetS3sSubject(Cloud cloud) {
        String bucket = cloud.name("uploads");
        cloud.s3().createBucket(b -> b.bucket(bucket));
        String topic = cloud.sns().createTopic(b -> b.name(cloud.name("uploads"))).topicArn();
        String queue = cloud.sqs().createQueue(b -> b.queueName(cloud.name("subscriber"))).queueUrl();
        cloud.wire().snsToSqs(topic, queue, false);

        cloud.wire().s3ToSns(bucket, topic, S3Events.created());
        put(cloud, bucket, "photo.jpg");

        List<Message> got = cloud.queue(queue).await().messages(2); // the test event, then the record
        JsonNode n = json(got.get(1).body());
        assertThat(n.path("Subject").asText()).isEqualTo("Amazon S3 Notification");
        assertThat(json(n.path("Message").asText()).path("Records").get(0).path("s3").path("object").path("key").asText())
                .isEqualTo("photo.jpg");
        assertThat(cloud.sns().getTopicAttributes(b -> b.topicArn(topic)).attributes().get("Policy"))
                .contains("__default_statement_ID").contains("arn:aws:s3:::" + bucket);
    }

    @Test
    void s3ToLambdaWithoutThePermissionFailsAsAwsDoes(Cloud cloud) {
        DeployedFunction fn = cloud.deploy(RECORDER);
        String allowed = cloud.name("allowed");
        String other = cloud.name("other");
        cloud.s3().createBucket(b -> b.bucket(allowed));
        cloud.s3().createBucket(b -> b.bucket(other));
        cloud.wire().s3ToLambda(allowed, fn, S3Events.created().suffix(".jpg"));

        // the function allows the first bucket only: S3 refuses a configuration for the second
        assertThatThrownBy(() -> cloud.s3().putBucketNotificationConfiguration(b -> b.bucket(other).notificationConfiguration(n -> n
                .lambdaFunctionConfigurations(l -> l.lambdaFunctionArn(fn.arn()).eventsWithStrings("s3:ObjectCreated:*")))))
                .isInstanceOf(S3Exception.class).hasMessageContaining("Unable to validate the following destination configurations");

        put(cloud, allowed, "a.png");
        put(cloud, allowed, "b.jpg");
        cloud.logsOf(fn).await().contains("s3 b.jpg");
        cloud.settle();
        assertThat(cloud.logsOf(fn).invocations()).hasSize(1);
        assertThat(cloud.story()).contains("Wiring of").contains("s3 " + allowed + " -> function " + fn.name())
                .contains("s3:ObjectCreated:*, suffix .jpg");
    }

    @Test
    void snsToSqsWithABodyFilterAndADeadLetterQueue(Cloud cloud) throws Exception {
        String topic = cloud.sns().createTopic(b -> b.name(cloud.name("orders"))).topicArn();
        String queue = cloud.sqs().createQueue(b -> b.queueName(cloud.name("big"))).queueUrl();
        String dlq = cloud.sqs().createQueue(b -> b.queueName(cloud.name("undelivered"))).queueUrl();
        cloud.wire().snsToSqs(topic, queue, SubscriptionAttributes.raw().filterPolicy("{\"total\": [{\"numeric\": [\">\", 100]}]}")
                .onMessageBody().deadLetterQueue(dlq));

        cloud.sns().publish(b -> b.topicArn(topic).message("{\"total\": 5}"));
        cloud.sns().publish(b -> b.topicArn(topic).message("{\"total\": 500}").messageAttributes(Map.of("kind",
                software.amazon.awssdk.services.sns.model.MessageAttributeValue.builder().dataType("String").stringValue("order").build())));
        Message m = cloud.queue(queue).await().message();
        assertThat(m.body()).isEqualTo("{\"total\": 500}");
        cloud.settle();
        assertThat(cloud.sqs().receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(0)).messages()).as("the small one").isEmpty();

        cloud.sqs().deleteQueue(b -> b.queueUrl(queue));
        cloud.sns().publish(b -> b.topicArn(topic).message("{\"total\": 900}"));
        assertThat(cloud.queue(dlq).await().message().body()).isEqualTo("{\"total\": 900}");
        String dlqPolicy = cloud.sqs().getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.POLICY))
                .attributes().get(QueueAttributeName.POLICY);
        assertThat(JSON.readTree(dlqPolicy).get("Statement").findValuesAsText("aws:SourceArn")).containsExactly(topic);
        assertThat(cloud.story()).contains("topic " + cloud.name("orders") + " -> queue " + cloud.name("big"))
                .contains("dead-letter queue " + cloud.name("undelivered") + " holds 0 message(s)");
    }

    @Test
    void sqsToLambdaWaitsUntilEnabledHonoursTheFilterAndIsToldInTheStory(Cloud cloud) {
        DeployedFunction fn = cloud.deploy(RECORDER);
        String queue = cloud.sqs().createQueue(b -> b.queueName(cloud.name("orders"))).queueUrl();

        Mapping m = cloud.wire().sqsToLambda(queue, fn, SqsMapping.batchSize(5).filter("{\"body\": {\"kind\": [\"order\"]}}")
                .reportBatchItemFailures().maximumConcurrency(2));

        assertThat(m.state()).isEqualTo("Enabled");
        assertThat(m.describe().scalingConfig().maximumConcurrency()).isEqualTo(2);
        cloud.sqs().sendMessage(b -> b.queueUrl(queue).messageBody("{\"kind\": \"spam\"}"));
        cloud.sqs().sendMessage(b -> b.queueUrl(queue).messageBody("{\"kind\": \"order\"}")
                .messageAttributes(Map.of("a", MessageAttributeValue.builder().dataType("String").stringValue("b").build())));
        cloud.logsOf(fn).await().contains("sqs {\"kind\": \"order\"}");
        cloud.settle();
        assertThat(cloud.logsOf(fn).lines()).noneMatch(l -> l.message().contains("spam"));
        m.disable();
        assertThat(m.state()).isEqualTo("Disabled");
        assertThat(cloud.story()).contains("queue " + cloud.name("orders") + " -> function " + fn.name())
                .contains("batch 5, filter {\"body\": {\"kind\": [\"order\"]}}, ReportBatchItemFailures, maximum concurrency 2")
                .contains("now: Disabled");
    }

    @Test
    void onlyTheFreshRolePermissionErrorIsRetriedForMappings() {
        assertThat(EventSourceMappings.rolePermissionsNotSeenYet(InvalidParameterValueException.builder()
                .message("The provided execution role does not have permissions to call ReceiveMessage on SQS").build())).isTrue();
        assertThat(EventSourceMappings.rolePermissionsNotSeenYet(InvalidParameterValueException.builder()
                .message("Invalid batch size").build())).isFalse();
    }

    private static void put(Cloud cloud, String bucket, String key) {
        cloud.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("x"));
    }

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }
}
