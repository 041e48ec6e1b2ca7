package io.eventharness.emulator.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.Emulator;
import io.eventharness.emulator.delivery.TrailEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.SchedulerException;
import software.amazon.awssdk.services.scheduler.model.ValidationException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * EventBridge Scheduler through the unmodified SDK, on an emulator of the test's own whose clock the tests move:
 * schedules and groups, expressions refused as AWS words it, occurrences exactly when due (in a time zone, across a
 * daylight-saving change), flexible windows, retries and the dead-letter queue with AWS's attributes, deletion after
 * completion.
 */
class SchedulerTest {
    private static final String ROLE = "arn:aws:iam::000000000000:role/scheduler";
    private static Emulator emulator;
    private static SchedulerClient scheduler;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().withDynamicPort().build().start();
        ClientOverrideConfiguration timeout = ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(60)).build();
        scheduler = SchedulerClient.builder().endpointOverride(emulator.endpoint()).region(emulator.region())
                .credentialsProvider(emulator.credentials()).httpClientBuilder(ApacheHttpClient.builder()).overrideConfiguration(timeout).build();
        sqs = SqsClient.builder().endpointOverride(emulator.endpoint()).region(emulator.region())
                .credentialsProvider(emulator.credentials()).httpClientBuilder(ApacheHttpClient.builder()).overrideConfiguration(timeout).build();
    }

    @AfterAll
    static void stop() {
        scheduler.close();
        sqs.close();
        emulator.close();
    }

    private record Queue(String url, String arn) {
    }

    private static Queue queue(String name) {
        String url = sqs.createQueue(b -> b.queueName(name)).queueUrl();
        return new Queue(url, sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN));
    }

    private static List<Message> drain(Queue q) {
        List<Message> out = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(q.url()).maxNumberOfMessages(10).messageAttributeNames("All")).messages();
            if (batch.isEmpty()) {
                return out;
            }
            for (Message m : batch) {
                out.add(m);
                sqs.deleteMessage(b -> b.queueUrl(q.url()).receiptHandle(m.receiptHandle()));
            }
        }
    }

    private static String create(String name, String expression, Queue q, java.util.function.Consumer<CreateScheduleRequest.Builder> more) {
        return scheduler.createSchedule(b -> {
            b.name(name).scheduleExpression(expression).flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                    .target(t -> t.arn(q.arn()).roleArn(ROLE).input("{\"at\":\"<aws.scheduler.scheduled-time>\"}"));
            more.accept(b);
        }).scheduleArn();
    }

    private static void advance(Duration d) {
        emulator.clock().advance(d);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cron(0 1 * * * *)", "cron(7 20 * * NOT *)", "cron(INVALID)", "cron()", "rate(10 seconds)",
            "rate(10 years)", "rate()", "rate( 10 minutes )", " rate(10 minutes)", "at(2021-12-31T23:59:59Z)", "at(2021-12-31)"})
    void invalidExpressionsAreRefusedAsAwsWordsThem(String expression) {
        assertThatThrownBy(() -> scheduler.createSchedule(b -> b.name("bad").scheduleExpression(expression)
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.FLEXIBLE).maximumWindowInMinutes(4))
                .target(t -> t.arn("arn:aws:lambda:us-east-1:000000000000:function:dummy").roleArn(ROLE))))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((SchedulerException) e).awsErrorDetails().errorMessage())
                        .isEqualTo("Invalid Schedule Expression " + expression + "."));
    }

    @Test
    void schedulesAndGroupsAreCreatedReadListedUpdatedAndDeleted() {
        String group = scheduler.createScheduleGroup(b -> b.name("reports").tags(t -> t.key("team").value("a"))).scheduleGroupArn();
        assertThat(group).isEqualTo("arn:aws:scheduler:us-east-1:000000000000:schedule-group/reports");
        assertThat(scheduler.listTagsForResource(b -> b.resourceArn(group)).tags()).extracting(t -> t.key() + "=" + t.value())
                .containsExactly("team=a");
        assertThat(scheduler.getScheduleGroup(b -> b.name("reports")).stateAsString()).isEqualTo("ACTIVE");
        Queue q = queue("crud");
        String arn = create("nightly", "cron(0 2 * * ? *)", q, b -> b.groupName("reports").scheduleExpressionTimezone("Europe/Paris")
                .description("d"));
        assertThat(arn).isEqualTo("arn:aws:scheduler:us-east-1:000000000000:schedule/reports/nightly");
        GetScheduleResponse got = scheduler.getSchedule(b -> b.name("nightly").groupName("reports"));
        assertThat(got.scheduleExpression()).isEqualTo("cron(0 2 * * ? *)");
        assertThat(got.scheduleExpressionTimezone()).isEqualTo("Europe/Paris");
        assertThat(got.state()).isEqualTo(ScheduleState.ENABLED);
        assertThat(got.target().arn()).isEqualTo(q.arn());
        assertThat(got.flexibleTimeWindow().mode()).isEqualTo(FlexibleTimeWindowMode.OFF);
        assertThatThrownBy(() -> create("nightly", "cron(0 2 * * ? *)", q, b -> b.groupName("reports")))
                .isInstanceOf(ConflictException.class);
        scheduler.updateSchedule(b -> b.name("nightly").groupName("reports").scheduleExpression("rate(1 hour)").state(ScheduleState.DISABLED)
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF)).target(t -> t.arn(q.arn()).roleArn(ROLE)));
        got = scheduler.getSchedule(b -> b.name("nightly").groupName("reports"));
        assertThat(got.scheduleExpression()).isEqualTo("rate(1 hour)");
        assertThat(got.scheduleExpressionTimezone()).as("an update replaces everything").isNull();
        assertThat(scheduler.listSchedules(b -> b.groupName("reports")).schedules()).singleElement()
                .satisfies(s -> assertThat(s.state()).isEqualTo(ScheduleState.DISABLED));
        scheduler.deleteScheduleGroup(b -> b.name("reports"));
        assertThatThrownBy(() -> scheduler.getSchedule(b -> b.name("nightly").groupName("reports"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> scheduler.createSchedule(b -> b.name("u").scheduleExpression("rate(1 hour)")
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn("arn:aws:scheduler:::aws-sdk:sqs:sendMessage").roleArn(ROLE))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("universal target");
    }

    @Test
    void aRateStartsAtOnceAndEachInvocationSeesItsOwnTime() {
        Queue q = queue("rate");
        Instant created = emulator.clock().now();
        create("every5", "rate(5 minutes)", q, b -> { });
        try {
            advance(Duration.ofMinutes(11));
            List<Instant> times = drain(q).stream().map(m -> Instant.parse(m.body().substring(7, m.body().length() - 2))).toList();
            assertThat(times).hasSize(3);
            assertThat(times.get(0)).isBetween(created.truncatedTo(ChronoUnit.SECONDS), created);
            assertThat(Duration.between(times.get(0), times.get(2))).isEqualTo(Duration.ofMinutes(10));
        } finally {
            scheduler.deleteSchedule(b -> b.name("every5"));
        }
    }

    @Test
    void anAtInAZoneFiresAtThatLocalTimeAcrossADaylightSavingChangeAndIsDeletedAfter() {
        Queue q = queue("at-paris");
        ZoneId paris = ZoneId.of("Europe/Paris");
        Instant now = emulator.clock().now();
        // a local time in the middle of the next change of offset in Paris, days after it
        java.time.zone.ZoneOffsetTransition change = paris.getRules().nextTransition(now);
        LocalDateTime local = change.getDateTimeAfter().plusDays(1).withHour(10).withMinute(0).withSecond(0);
        Instant due = local.atZone(paris).toInstant();
        assertThat(paris.getRules().getOffset(due)).as("after the change").isNotEqualTo(paris.getRules().getOffset(now));
        create("once", "at(" + local.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")) + ")", q,
                b -> b.scheduleExpressionTimezone("Europe/Paris").actionAfterCompletion(ActionAfterCompletion.DELETE));
        emulator.clock().freeze(); // 23:59:59 must stay 23:59:59 while the test looks, however slow the machine
        try {
            advance(Duration.between(emulator.clock().now(), due.minusSeconds(1)));
            assertThat(drain(q)).isEmpty();
            advance(Duration.ofSeconds(1));
        } finally {
            emulator.clock().unfreeze();
        }
        assertThat(drain(q)).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("{\"at\":\"" + due + "\"}"));
        assertThatThrownBy(() -> scheduler.getSchedule(b -> b.name("once"))).as("ActionAfterCompletion DELETE")
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aFlexibleWindowInvokesWithinTheWindow() {
        Queue q = queue("flexible");
        String arn = scheduler.createSchedule(b -> b.name("flex").scheduleExpression("rate(1 hour)")
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.FLEXIBLE).maximumWindowInMinutes(15))
                .target(t -> t.arn(q.arn()).roleArn(ROLE).input("{}"))).scheduleArn();
        try {
            long before = emulator.trail().lastSeq();
            advance(Duration.ofHours(3));
            List<TrailEntry> hops = emulator.trail().matching(e -> e.seq() > before && e.source().equals(arn));
            assertThat(hops).hasSize(3);
            Instant first = hops.get(0).at();
            for (int i = 1; i < 3; i++) {
                Duration late = Duration.between(first.plus(Duration.ofHours(i)), hops.get(i).at());
                assertThat(late).isBetween(Duration.ofMinutes(-15), Duration.ofMinutes(15));
            }
        } finally {
            scheduler.deleteSchedule(b -> b.name("flex"));
        }
    }

    @Test
    void aFailingTargetIsRetriedOnTheClockThenTheDeadLetterQueueGetsTheInputWithAwsAttributes() {
        Queue dlq = queue("scheduler-dlq");
        String target = "arn:aws:sqs:us-east-1:000000000000:does-not-exist";
        String arn = scheduler.createSchedule(b -> b.name("failing").scheduleExpression("rate(1 day)")
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn(target).roleArn(ROLE).input("{\"n\":1}").retryPolicy(r -> r.maximumRetryAttempts(2))
                        .deadLetterConfig(d -> d.arn(dlq.arn())))).scheduleArn();
        try {
            advance(Duration.ofSeconds(2));
            assertThat(drain(dlq)).as("1 s, then 2 s after the second attempt").isEmpty();
            advance(Duration.ofSeconds(1));
            List<Message> dead = drain(dlq);
            assertThat(dead).singleElement().satisfies(m -> {
                assertThat(m.body()).isEqualTo("{\"n\":1}");
                Map<String, String> a = new java.util.TreeMap<>();
                m.messageAttributes().forEach((k, v) -> a.put(k, v.stringValue()));
                assertThat(a).containsOnlyKeys("ERROR_CODE", "ERROR_MESSAGE", "EXECUTION_ID", "SCHEDULE_ARN", "SCHEDULED_TIME", "TARGET_ARN");
                assertThat(a).containsEntry("ERROR_CODE", "AWS.SimpleQueueService.NonExistentQueue").containsEntry("SCHEDULE_ARN", arn)
                        .containsEntry("TARGET_ARN", target).containsEntry("ERROR_MESSAGE", "The specified queue does not exist.");
            });
            assertThat(emulator.trail().matching(e -> e.source().equals(arn) && e.kind().equals("scheduler:Invoke"))).hasSize(3);
        } finally {
            scheduler.deleteSchedule(b -> b.name("failing"));
        }
    }

    @Test
    void theDefaultRetryPolicyMakes185RetriesWithinADayThenDrops() {
        String target = "arn:aws:sqs:us-east-1:000000000000:nobody-home";
        String arn = scheduler.createSchedule(b -> b.name("stubborn").scheduleExpression("rate(2 days)")
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF)).target(t -> t.arn(target).roleArn(ROLE))).scheduleArn();
        try {
            advance(Duration.ofHours(24));
            List<TrailEntry> hops = emulator.trail().matching(e -> e.source().equals(arn));
            assertThat(hops.stream().filter(e -> e.kind().equals("scheduler:Invoke") && e.outcome().startsWith("failed"))).hasSize(186);
            assertThat(hops.get(hops.size() - 1).outcome()).startsWith("dropped: ").contains("after 185 retries");
            assertThat(Duration.between(hops.get(0).at(), hops.get(hops.size() - 1).at())).isLessThan(Duration.ofHours(24));
        } finally {
            scheduler.deleteSchedule(b -> b.name("stubborn"));
        }
    }

    /** Without a move of the clock, the occurrence fires when real time reaches it (how soon: the scheduler bench). */
    @Test
    void inRealTimeAnOccurrenceFiresOnceItsTimeComesAndNotBefore() {
        Queue q = queue("real-time");
        Instant due = emulator.clock().now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
        String local = LocalDateTime.ofInstant(due, java.time.ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
        String arn = create("soon", "at(" + local + ")", q, b -> { });
        TrailEntry hop = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> emulator.trail().matching(e -> e.source().equals(arn)), l -> !l.isEmpty()).get(0);
        assertThat(hop.outcome()).isEqualTo("delivered");
        assertThat(hop.at()).isAfterOrEqualTo(due);
    }

    @Test
    void anEventBusTargetGetsAnEventWithTheInputAsDetail() {
        Queue q = queue("from-scheduler");
        software.amazon.awssdk.services.eventbridge.EventBridgeClient events = software.amazon.awssdk.services.eventbridge.EventBridgeClient
                .builder().endpointOverride(emulator.endpoint()).region(emulator.region()).credentialsProvider(emulator.credentials())
                .httpClientBuilder(ApacheHttpClient.builder()).build();
        events.putRule(b -> b.name("from-scheduler").eventPattern("{\"source\":[\"my.scheduler\"]}"));
        sqs.setQueueAttributes(b -> b.queueUrl(q.url()).attributes(Map.of(QueueAttributeName.POLICY, "{\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"events.amazonaws.com\"},\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + q.arn() + "\"}]}")));
        events.putTargets(b -> b.rule("from-scheduler").targets(t -> t.id("q").arn(q.arn())));
        String arn = scheduler.createSchedule(b -> b.name("to-bus").scheduleExpression("rate(1 hour)")
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn("arn:aws:events:us-east-1:000000000000:event-bus/default").roleArn(ROLE).input("{\"job\":\"report\"}")
                        .eventBridgeParameters(p -> p.source("my.scheduler").detailType("Report Due")))).scheduleArn();
        try {
            advance(Duration.ofSeconds(1));
            assertThat(drain(q)).singleElement().satisfies(m -> {
                assertThat(m.body()).contains("\"detail-type\":\"Report Due\"").contains("\"source\":\"my.scheduler\"")
                        .contains("\"resources\":[\"" + arn + "\"]").contains("\"detail\":{\"job\":\"report\"}");
            });
        } finally {
            scheduler.deleteSchedule(b -> b.name("to-bus"));
            events.close();
        }
    }
}
