package io.eventharness.emulator.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.delivery.Message;
import io.eventharness.emulator.delivery.TrailEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Targets as AWS delivers to them: SQS only when the queue policy allows EventBridge, Lambda only when the function's
 * resource policy does, a FIFO queue with the target's message group, an SNS topic, another bus; a refused delivery
 * goes to the target's dead-letter queue with AWS's attributes (not retried, as the guide says), or is dropped, and
 * the trail says so. Events other services put on a bus (S3, Lambda destinations) are matched like any other.
 */
class EventBridgeTargetsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFAULT_BUS = "arn:aws:events:us-east-1:000000000000:event-bus/default";
    private static EventsFixture f;
    private static String role;

    @BeforeAll
    static void start() {
        f = new EventsFixture();
        IamClient iam = f.client(IamClient.builder().httpClientBuilder(ApacheHttpClient.builder())
                .region(software.amazon.awssdk.regions.Region.AWS_GLOBAL));
        role = iam.createRole(b -> b.roleName("fn").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}")).role().arn();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new AssertionError(s, e);
        }
    }

    private static String rule(String name, String source, java.util.function.Consumer<software.amazon.awssdk.services.eventbridge.model.Target.Builder> t) {
        String arn = f.events.putRule(b -> b.name(name).eventPattern("{\"source\":[\"" + source + "\"]}")).ruleArn();
        f.events.putTargets(b -> b.rule(name).targets(x -> {
            x.id("t");
            t.accept(x);
        }));
        return arn;
    }

    private static void put(String source, String detail) {
        assertThat(f.events.putEvents(b -> b.entries(e -> e.source(source).detailType("Test").detail(detail))).failedEntryCount()).isZero();
    }

    @Test
    void aQueueWhosePolicyDoesNotAllowEventBridgeGetsNothingAndTheDeadLetterQueueGetsTheEventAtOnce() {
        EventsFixture.Queue target = f.bareQueue("no-policy");
        EventsFixture.Queue dlq = f.queue("no-policy-dlq");
        String ruleArn = rule("denied", "denied", t -> t.arn(target.arn()).deadLetterConfig(d -> d.arn(dlq.arn())));
        put("denied", "{\"n\":1}");

        assertThat(f.drain(target)).isEmpty();
        List<software.amazon.awssdk.services.sqs.model.Message> dead = f.drain(dlq);
        assertThat(dead).hasSize(1);
        assertThat(json(dead.get(0).body()).get("detail").get("n").asInt()).isEqualTo(1);
        Map<String, String> attrs = new java.util.TreeMap<>();
        dead.get(0).messageAttributes().forEach((k, v) -> attrs.put(k, v.dataType() + ":" + v.stringValue()));
        assertThat(attrs).containsEntry("RULE_ARN", "String:" + ruleArn).containsEntry("TARGET_ARN", "String:" + target.arn())
                .containsEntry("ERROR_CODE", "String:NO_PERMISSIONS").containsEntry("RETRY_ATTEMPTS", "String:0")
                .doesNotContainKey("EXHAUSTED_RETRY_CONDITION");
        assertThat(attrs.get("ERROR_MESSAGE")).contains("does not allow events.amazonaws.com");
        assertThat(f.emulator.trail().matching(e -> e.source().equals(ruleArn))).extracting(TrailEntry::kind, TrailEntry::outcome)
                .first().satisfies(t -> assertThat(t.toList().get(1).toString()).startsWith("failed: the policy of queue"));
    }

    @Test
    void withoutADeadLetterQueueARefusedEventIsDroppedAndTheTrailSaysSo() {
        String ruleArn = rule("missing", "missing", t -> t.arn("arn:aws:sqs:us-east-1:000000000000:no-such-queue"));
        put("missing", "{}");
        assertThat(f.emulator.trail().matching(e -> e.source().equals(ruleArn))).extracting(TrailEntry::outcome)
                .anySatisfy(o -> assertThat(o).startsWith("failed: "))
                .anySatisfy(o -> assertThat(o).startsWith("dropped: ").contains("no dead-letter queue"));
    }

    @Test
    void aFifoQueueGetsTheTargetsMessageGroup() {
        EventsFixture.Queue fifo = f.queue("orders.fifo");
        rule("fifo", "fifo", t -> t.arn(fifo.arn()).sqsParameters(p -> p.messageGroupId("group-1")));
        put("fifo", "{\"n\":1}");
        put("fifo", "{\"n\":2}");
        List<software.amazon.awssdk.services.sqs.model.Message> got = f.drain(fifo);
        assertThat(got).extracting(m -> json(m.body()).get("detail").get("n").asInt()).containsExactly(1, 2);
        assertThat(got).allSatisfy(m -> assertThat(m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID)).isEqualTo("group-1"));
    }

    @Test
    void anSnsTopicAndAnotherBusAreTargetsToo() {
        EventsFixture.Queue viaTopic = f.queue("via-topic");
        String topic = f.sns.createTopic(b -> b.name("events")).topicArn();
        f.sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(viaTopic.arn()).attributes(Map.of("RawMessageDelivery", "true")));
        rule("topic", "topic", t -> t.arn(topic));
        put("topic", "{\"via\":\"sns\"}");
        assertThat(f.drain(viaTopic)).singleElement().satisfies(m -> assertThat(json(m.body()).get("detail").get("via").asText()).isEqualTo("sns"));

        String bus = f.events.createEventBus(b -> b.name("other")).eventBusArn();
        EventsFixture.Queue onOther = f.queue("on-other-bus");
        f.events.putRule(b -> b.name("there").eventBusName("other").eventPattern("{\"source\":[\"hop\"]}"));
        f.events.putTargets(b -> b.rule("there").eventBusName("other").targets(t -> t.id("q").arn(onOther.arn())));
        rule("hop", "hop", t -> t.arn(bus));
        put("hop", "{\"hops\":2}");
        assertThat(f.drain(onOther)).singleElement().satisfies(m -> {
            JsonNode e = json(m.body());
            assertThat(e.get("source").asText()).isEqualTo("hop");
            assertThat(e.get("detail").get("hops").asInt()).isEqualTo(2);
        });
    }

    @Test
    void anS3EventPutOnTheDefaultBusThroughDeliveryMatchesS3Patterns() {
        EventsFixture.Queue q = f.queue("s3-events");
        f.events.putRule(b -> b.name("s3").eventPattern("{\"source\":[\"aws.s3\"],\"detail-type\":[\"Object Created\"],"
                + "\"detail\":{\"object\":{\"key\":[{\"prefix\":\"in/\"}]}}}"));
        f.events.putTargets(b -> b.rule("s3").targets(t -> t.id("q").arn(q.arn())));
        String entry = "{\"source\":\"aws.s3\",\"detail-type\":\"Object Created\",\"resources\":[\"arn:aws:s3:::photos\"],"
                + "\"detail\":{\"version\":\"0\",\"bucket\":{\"name\":\"photos\"},\"object\":{\"key\":\"in/a.jpg\",\"size\":4},"
                + "\"reason\":\"PutObject\"}}";
        f.emulator.delivery().send("arn:aws:s3:::photos", DEFAULT_BUS, "s3:EventBridge", Message.of(entry));
        f.emulator.delivery().send("arn:aws:s3:::photos", DEFAULT_BUS, "s3:EventBridge", Message.of(entry.replace("in/a.jpg", "out/a.jpg")));
        assertThat(f.drain(q)).singleElement().satisfies(m -> {
            JsonNode e = json(m.body());
            assertThat(List.of(JSON.convertValue(e, Map.class).keySet().toArray())).containsExactly("version", "id", "detail-type",
                    "source", "account", "time", "region", "resources", "detail");
            assertThat(e.get("account").asText()).isEqualTo("000000000000");
            assertThat(e.get("region").asText()).isEqualTo("us-east-1");
            assertThat(e.get("detail").get("object").get("key").asText()).isEqualTo("in/a.jpg");
        });
    }

    private static SdkBytes zip(String module, String source) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(module + ".py"));
            z.write(source.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return SdkBytes.fromByteArray(out.toByteArray());
    }

    private static List<String> logs(String fn) {
        CloudWatchLogsClient logs = f.client(CloudWatchLogsClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
        try {
            return logs.filterLogEventsPaginator(b -> b.logGroupName("/aws/lambda/" + fn)).events().stream()
                    .map(FilteredLogEvent::message).toList();
        } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException notYet) {
            return List.of();
        }
    }

    @Test
    void aLambdaTargetRunsOnlyWithAResourcePolicyForTheRule() {
        String fn = "printer";
        String fnArn = f.lambda.createFunction(b -> b.functionName(fn).runtime(Runtime.PYTHON3_12).handler("printer.handler").role(role)
                .code(c -> c.zipFile(zip("printer", "def handler(event, context):\n    print('got ' + event['detail']['word'] + ' at ' + event['time'])\n"))))
                .functionArn();
        f.lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(fn));
        EventsFixture.Queue dlq = f.queue("fn-dlq");
        String ruleArn = rule("fn", "fn", t -> t.arn(fnArn).deadLetterConfig(d -> d.arn(dlq.arn())));

        put("fn", "{\"word\":\"refused\"}");
        assertThat(f.drain(dlq)).singleElement().satisfies(m -> {
            assertThat(m.messageAttributes().get("ERROR_CODE").stringValue()).isEqualTo("NO_PERMISSIONS");
            assertThat(m.messageAttributes().get("ERROR_MESSAGE").stringValue()).contains("events.amazonaws.com").contains("AddPermission");
        });

        f.lambda.addPermission(b -> b.functionName(fn).statementId("events").action("lambda:InvokeFunction")
                .principal("events.amazonaws.com").sourceArn(ruleArn));
        put("fn", "{\"word\":\"hello\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(logs(fn)).anySatisfy(l -> assertThat(l).startsWith("got hello at ")));
        assertThat(logs(fn)).noneSatisfy(l -> assertThat(l).contains("refused"));
    }

    @Test
    void aRuleWhoseTargetLeadsBackToItsOwnBusEndsInTheTrail() {
        String ruleArn = rule("loop", "loop", t -> t.arn(DEFAULT_BUS));
        put("loop", "{}");
        assertThat(f.emulator.trail().matching(e -> e.source().equals(ruleArn))).extracting(TrailEntry::outcome)
                .anySatisfy(o -> assertThat(o).startsWith("dropped: ").contains("passed through 5 event buses"));
        f.events.removeTargets(b -> b.rule("loop").ids("t"));
    }

    @Test
    void aLambdaDestinationOnABusArrivesAsAwsShapesIt() {
        String fn = "succeeds";
        String fnArn = f.lambda.createFunction(b -> b.functionName(fn).runtime(Runtime.PYTHON3_12).handler("ok.handler").role(role)
                .code(c -> c.zipFile(zip("ok", "def handler(event, context):\n    return {'ok': True}\n")))).functionArn();
        f.lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(fn));
        f.lambda.putFunctionEventInvokeConfig(b -> b.functionName(fn).destinationConfig(d -> d.onSuccess(o -> o.destination(DEFAULT_BUS))));
        EventsFixture.Queue q = f.queue("destinations");
        f.events.putRule(b -> b.name("results").eventPattern("{\"source\":[\"lambda\"],\"detail-type\":[{\"prefix\":\"Lambda Function Invocation Result\"}]}"));
        f.events.putTargets(b -> b.rule("results").targets(t -> t.id("q").arn(q.arn())));
        f.lambda.invoke(b -> b.functionName(fn).invocationType("Event").payload(SdkBytes.fromUtf8String("{\"mode\":\"success\"}")));
        f.emulator.clock().advance(Duration.ZERO);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(f.drain(q)).singleElement().satisfies(m -> {
            JsonNode e = json(m.body());
            assertThat(e.get("detail-type").asText()).isEqualTo("Lambda Function Invocation Result - Success");
            assertThat(e.get("source").asText()).isEqualTo("lambda");
            assertThat(e.get("resources").get(0).asText()).isEqualTo(DEFAULT_BUS);
            assertThat(e.get("resources").get(1).asText()).isEqualTo(fnArn + ":$LATEST");
            assertThat(e.get("detail").get("requestPayload").get("mode").asText()).isEqualTo("success");
            assertThat(e.get("detail").get("responsePayload").get("ok").asBoolean()).isTrue();
        }));
    }
}
