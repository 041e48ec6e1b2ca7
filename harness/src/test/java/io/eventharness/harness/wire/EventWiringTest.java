package io.eventharness.harness.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.harness.Cloud;
import io.eventharness.harness.DeployedFunction;
import io.eventharness.harness.EventHarness;
import io.eventharness.harness.Harness;
import io.eventharness.harness.PythonFunction;
import io.eventharness.harness.observe.Invocation;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * EventBridge and Scheduler wiring: each grants what AWS checks (a function's resource policy for
 * {@code events.amazonaws.com} on the rule, a queue policy for the rule — on its dead-letter queue too —, the
 * Scheduler role on the schedule's target), and what it creates goes with the test.
 */
@EventHarness
class EventWiringTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DeployedFunction recorder(Cloud cloud) {
        return cloud.deploy(PythonFunction.from("src/test/resources/functions/event-printer").handler("handler.handle").named("recorder"));
    }

    @Test
    void aScheduledRuleInvokesItsFunctionWhenTheClockReachesItWithThePermissionAwsChecks(Cloud cloud) throws Exception {
        DeployedFunction fn = recorder(cloud);
        Rule hourly = cloud.wire().rule(r -> r.name(cloud.name("hourly")).scheduleExpression("cron(0 * * * ? *)")).toLambda(fn);
        fn.invoke("{\"by\": \"hand\"}"); // an invocation of another source: not the rule's

        cloud.advanceTo(cloud.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)));

        List<Invocation> fired = cloud.trigger(hourly.arn(), fn).await().invocations(1);
        assertThat(fired).hasSize(1);
        assertThat(cloud.logsOf(fn).invocations()).hasSize(2);
        assertThat(cloud.logsOf(fn).await().contains("Scheduled Event").message()).contains(hourly.arn());
        JsonNode policy = JSON.readTree(cloud.lambda().getPolicy(b -> b.functionName(fn.name())).policy());
        assertThat(policy.get("Statement").findValuesAsText("Service")).contains("events.amazonaws.com");
        assertThat(policy.toString()).contains(hourly.arn());
        assertThat(cloud.events().listTargetsByRule(b -> b.rule(hourly.name())).targets()).singleElement()
                .satisfies(t -> assertThat(t.arn()).isEqualTo(fn.arn()));
    }

    @Test
    void aPatternRuleSendsTheEventsItMatchesToAQueueWhosePolicyAndDeadLetterQueuesPolicyLetItSend(Cloud cloud) throws Exception {
        String queue = cloud.sqs().createQueue(b -> b.queueName(cloud.name("orders"))).queueUrl();
        String dlq = cloud.sqs().createQueue(b -> b.queueName(cloud.name("orders-dlq"))).queueUrl();
        String dlqArn = cloud.wire().queueArn(dlq);
        Rule orders = cloud.wire().rule(r -> r.name(cloud.name("orders")).eventPattern("{\"source\": [\"shop\"]}"))
                .toSqs(queue, t -> t.deadLetterConfig(d -> d.arn(dlqArn)));

        cloud.wire().putEvent(e -> e.source("elsewhere").detailType("Order Placed").detail("{\"order\": 1}"));
        String id = cloud.wire().putEvent(e -> e.source("shop").detailType("Order Placed").detail("{\"order\": 2}"));

        JsonNode event = JSON.readTree(cloud.queue(queue).await().message().body());
        assertThat(event.path("id").asText()).isEqualTo(id);
        assertThat(event.path("detail").path("order").asInt()).isEqualTo(2);
        assertThat(cloud.queue(queue).drain()).as("the other source matched nothing").isEmpty();
        for (String q : List.of(queue, dlq)) {
            String policy = cloud.sqs().getQueueAttributes(b -> b.queueUrl(q).attributeNames(QueueAttributeName.POLICY))
                    .attributes().get(QueueAttributeName.POLICY);
            assertThat(JSON.readTree(policy).get("Statement").findValuesAsText("aws:SourceArn")).as(q).containsExactly(orders.arn());
        }
    }

    @Test
    void aScheduleReachesItsFunctionWithTheSchedulerRoleInItsTimeZone(Cloud cloud) throws Exception {
        cloud.freezeClock(); // a second before nine stays so however slow the machine
        DeployedFunction fn = recorder(cloud);
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        LocalDateTime nineTomorrow = LocalDateTime.ofInstant(cloud.now(), berlin).toLocalDate().plusDays(1).atTime(9, 0);
        String arn = cloud.wire().schedule(s -> s.name(cloud.name("nine")).scheduleExpression("at(" + nineTomorrow + ":00)")
                .scheduleExpressionTimezone(berlin.getId())).toLambda(fn, t -> t.input("{\"schedule\": \"<aws.scheduler.schedule-arn>\"}"));

        GetScheduleResponse s = cloud.scheduler().getSchedule(b -> b.name(cloud.name("nine")));
        assertThat(s.flexibleTimeWindow().mode()).isEqualTo(FlexibleTimeWindowMode.OFF);
        String role = s.target().roleArn();
        String roleName = role.substring(role.lastIndexOf('/') + 1);
        String trust = URLDecoder.decode(cloud.iam().getRole(b -> b.roleName(roleName)).role().assumeRolePolicyDocument(), StandardCharsets.UTF_8);
        assertThat(trust).contains("scheduler.amazonaws.com");

        cloud.advanceTo(nineTomorrow.atZone(berlin).toInstant().minusSeconds(1));
        assertThat(cloud.trigger(arn, fn).invocations()).isEmpty();
        cloud.advanceTo(nineTomorrow.atZone(berlin).toInstant());

        assertThat(cloud.trigger(arn, fn).await().invocations(1)).hasSize(1);
        assertThat(cloud.logsOf(fn).await().contains("\"schedule\": \"" + arn + "\"")).isNotNull();
    }

    @Test
    void aScheduleSendsItsInputToAQueue(Cloud cloud) {
        String queue = cloud.sqs().createQueue(b -> b.queueName(cloud.name("ticks"))).queueUrl();
        Instant start = cloud.now().plus(Duration.ofMinutes(5));
        cloud.wire().schedule(s -> s.name(cloud.name("ticks")).scheduleExpression("rate(5 minutes)").startDate(start))
                .toSqs(queue, t -> t.input("tick"));

        cloud.advance(Duration.ofMinutes(11)); // at the start, and five minutes later

        assertThat(cloud.queue(queue).await().messages(2)).extracting(Message::body).containsExactly("tick", "tick");
        assertThat(cloud.queue(queue).drain()).isEmpty();
    }

    @Test
    void s3ToEventBridgeKeepsWhatTheBucketNotifiedBeforeAndARuleOnTheKeyRoutesTheUpload(Cloud cloud) throws Exception {
        String bucket = cloud.name("uploads");
        cloud.s3().createBucket(b -> b.bucket(bucket));
        String direct = cloud.sqs().createQueue(b -> b.queueName(cloud.name("direct"))).queueUrl();
        String routed = cloud.sqs().createQueue(b -> b.queueName(cloud.name("routed"))).queueUrl();
        cloud.wire().s3ToSqs(bucket, direct, "s3:ObjectCreated:*");
        cloud.wire().s3ToEventBridge(bucket);
        cloud.wire().rule(r -> r.name(cloud.name("incoming")).eventPattern("{\"source\": [\"aws.s3\"], \"detail\": {\"bucket\": "
                + "{\"name\": [\"" + bucket + "\"]}, \"object\": {\"key\": [{\"prefix\": \"in/\"}]}}}")).toSqs(routed);

        cloud.s3().putObject(b -> b.bucket(bucket).key("in/a.txt"), RequestBody.fromString("a"));

        GetBucketNotificationConfigurationResponse config = cloud.s3().getBucketNotificationConfiguration(b -> b.bucket(bucket));
        assertThat(config.eventBridgeConfiguration()).isNotNull();
        assertThat(config.queueConfigurations()).singleElement().satisfies(q -> assertThat(q.events()).containsExactly(Event.S3_OBJECT_CREATED));
        assertThat(JSON.readTree(cloud.queue(routed).await().message().body()).path("detail").path("object").path("key").asText())
                .isEqualTo("in/a.txt");
    }

    @Test
    void anEventThatEventBridgeRefusesThrowsNamingItsError(Cloud cloud) {
        assertThatThrownBy(() -> cloud.wire().putEvent(e -> e.source("aws.mine").detailType("x").detail("{}")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("NotAuthorizedForSourceException");
    }

    @Test
    void busesRulesWithTargetsScheduleGroupsAndSchedulesGoWithTheTest(Harness harness) {
        String bus;
        String group;
        String rule;
        try (Cloud cloud = harness.newCloud("event teardown")) {
            bus = cloud.name("bus");
            group = cloud.name("group");
            rule = cloud.name("rule");
            String queue = cloud.sqs().createQueue(b -> b.queueName(cloud.name("q"))).queueUrl();
            cloud.events().createEventBus(b -> b.name(bus));
            cloud.wire().rule(r -> r.name(rule).eventBusName(bus).eventPattern("{\"source\": [\"x\"]}")).toSqs(queue);
            cloud.wire().rule(r -> r.name(rule).eventPattern("{\"source\": [\"x\"]}")).toSqs(queue); // the same name, on the default bus
            cloud.scheduler().createScheduleGroup(b -> b.name(group));
            cloud.wire().schedule(s -> s.name(cloud.name("s")).groupName(group).scheduleExpression("rate(1 day)")).toSqs(queue);
        }
        var events = harness.newCloud("after").events();
        assertThatThrownBy(() -> events.describeEventBus(b -> b.name(bus))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> events.describeRule(b -> b.name(rule))).isInstanceOf(ResourceNotFoundException.class);
        assertThat(harness.newCloud("after").scheduler().listScheduleGroups(b -> b.namePrefix(group)).scheduleGroups()).isEmpty();
    }

    @Test
    void targetIdsAreMadeOfWhatAwsAllows() {
        assertThat(EventBridgeTargets.targetId("eh1x2-3-orders.fifo")).isEqualTo("eh1x2-3-orders.fifo");
        assertThat(EventBridgeTargets.targetId("a b:c")).isEqualTo("a-b-c");
        assertThat(EventBridgeTargets.targetId("x".repeat(70))).hasSize(64);
    }

    @Test
    void onlyTheFreshSchedulerRoleErrorIsRetried() {
        assertThat(EventBridgeTargets.schedulerRoleNotAssumableYet(software.amazon.awssdk.services.scheduler.model.ValidationException.builder()
                .message("The execution role you provide must allow AWS EventBridge Scheduler to assume the role.").build())).isTrue();
        assertThat(EventBridgeTargets.schedulerRoleNotAssumableYet(software.amazon.awssdk.services.scheduler.model.ValidationException.builder()
                .message("Invalid Schedule Expression rate(0 minutes).").build())).isFalse();
    }
}
