package example.schedule;

import static example.schedule.DailyReportIT.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.harness.Cloud;
import io.eventharness.harness.DeployedFunction;
import io.eventharness.harness.EventHarness;
import io.eventharness.harness.JavaFunction;
import io.eventharness.harness.NeedsClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * One-off runs of the report through EventBridge Scheduler: a catch-up report of a given day at 09:00 Berlin time on
 * the day the clocks change, and a run whose function is gone, retried under the schedule's retry policy and then
 * put in its dead-letter queue with the error.
 */
@EventHarness
@NeedsClock("one-off schedules days or months ahead, and retries with back-off: the tests move the clock")
class CatchUpScheduleIT {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** An {@code at()} expression's time: {@code yyyy-mm-ddThh:mm:ss}, seconds always written. */
    static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    /** The Scheduler Input: a Scheduled Event shaped for the handler, its time and resource filled in by Scheduler. */
    static final String CATCH_UP = "{\"detail-type\": \"Catch-up Report\", \"source\": \"example.catch-up\", "
            + "\"time\": \"<aws.scheduler.scheduled-time>\", \"resources\": [\"<aws.scheduler.schedule-arn>\"], \"detail\": {\"day\": \"%s\"}}";

    static Cloud shared;
    static DeployedFunction report;
    static String uploads;
    static String reports;

    @BeforeAll
    static void deploy() {
        uploads = shared.name("uploads");
        reports = shared.name("reports");
        shared.s3().createBucket(b -> b.bucket(uploads));
        shared.s3().createBucket(b -> b.bucket(reports));
        report = shared.deploy(JavaFunction.fromModule().handler("example.schedule.DailyReport::handleRequest").named("catch-up")
                .memoryMb(512).timeout(Duration.ofSeconds(30)).env("UPLOAD_BUCKET", uploads).env("REPORT_BUCKET", reports));
    }

    @Test
    void aRunAtNineInBerlinOnTheDayTheClocksChangeFiresAtNineLocalTimeNotAnHourOff(Cloud cloud) {
        cloud.freezeClock(); // "a second early" stays a second early however slow the machine
        ZoneOffsetTransition change = BERLIN.getRules().nextTransition(cloud.now().plus(Duration.ofDays(2)));
        Instant dayBefore = change.getInstant().minus(Duration.ofDays(1));
        cloud.advanceTo(dayBefore);                                 // the day before the change, before 02:00 Berlin
        LocalDate reported = dayBefore.atZone(ZoneOffset.UTC).toLocalDate();
        cloud.s3().putObject(b -> b.bucket(uploads).key("late-reading.csv"), RequestBody.fromString("12345"));
        LocalDateTime nine = change.getDateTimeAfter().toLocalDate().atTime(9, 0);
        Instant expected = nine.atZone(BERLIN).toInstant();          // with the offset after the change
        Instant withTheOldOffset = nine.toInstant(change.getOffsetBefore());

        String arn = cloud.wire().schedule(s -> s.name(cloud.name("catch-up")).scheduleExpression("at(" + SECONDS.format(nine) + ")")
                .scheduleExpressionTimezone(BERLIN.getId()).actionAfterCompletion(ActionAfterCompletion.DELETE))
                .toLambda(report, t -> t.input(CATCH_UP.formatted(reported)));

        if (withTheOldOffset.isBefore(expected)) {                // the clocks go back: the old offset would fire an hour early
            cloud.advanceTo(withTheOldOffset);
            assertThat(cloud.trigger(arn, report).invocations()).as("at 09:00 with the offset before the change").isEmpty();
        }
        cloud.advanceTo(expected.minusSeconds(1));
        assertThat(cloud.trigger(arn, report).invocations()).as("a second early").isEmpty();
        cloud.advanceTo(expected);                                   // forward: the old offset would fire an hour late

        assertThat(cloud.trigger(arn, report).await().invocations(1)).hasSize(1);
        JsonNode r = json(cloud.bucket(reports).await().object("reports/" + reported + ".json").asUtf8String());
        assertThat(r.path("keys")).extracting(JsonNode::asText).containsExactly("late-reading.csv");
        assertThat(r.path("bytes").asInt()).isEqualTo(5);
        assertThatThrownBy(() -> cloud.scheduler().getSchedule(b -> b.name(cloud.name("catch-up"))))
                .as("ActionAfterCompletion DELETE").isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aRunWhoseFunctionIsGoneIsRetriedThenLandsInTheDeadLetterQueueWithTheError(Cloud cloud) {
        DeployedFunction doomed = cloud.deploy(JavaFunction.fromModule().handler("example.schedule.DailyReport::handleRequest")
                .named("doomed").env("UPLOAD_BUCKET", uploads).env("REPORT_BUCKET", reports));
        String dlq = cloud.sqs().createQueue(b -> b.queueName(cloud.name("catch-up-dlq"))).queueUrl();
        String dlqArn = cloud.wire().queueArn(dlq);
        LocalDateTime at = LocalDateTime.ofInstant(cloud.now(), ZoneOffset.UTC).withNano(0).plusHours(1);
        String when = SECONDS.format(at);
        String input = CATCH_UP.formatted(at.toLocalDate());
        String arn = cloud.wire().schedule(s -> s.name(cloud.name("doomed")).scheduleExpression("at(" + when + ")"))
                .toLambda(doomed, t -> t.input(input).retryPolicy(p -> p.maximumRetryAttempts(2).maximumEventAgeInSeconds(3600))
                        .deadLetterConfig(d -> d.arn(dlqArn)));
        cloud.lambda().deleteFunction(b -> b.functionName(doomed.name()));  // a broken deploy removed it

        cloud.advanceTo(at.toInstant(ZoneOffset.UTC).plus(Duration.ofMinutes(1)));

        Message dead = cloud.queue(dlq).await().message();
        assertThat(dead.body()).contains("\"resources\": [\"" + arn + "\"]").contains("\"time\": \"" + when + "Z\"");
        Map<String, MessageAttributeValue> a = dead.messageAttributes();
        assertThat(a.get("SCHEDULE_ARN").stringValue()).isEqualTo(arn);
        assertThat(a.get("TARGET_ARN").stringValue()).isEqualTo(doomed.arn());
        assertThat(a.get("SCHEDULED_TIME").stringValue()).isEqualTo(when + "Z");
        assertThat(a.get("ERROR_CODE").stringValue()).contains("ResourceNotFoundException");
        assertThat(a.get("ERROR_MESSAGE").stringValue()).contains(doomed.name());
        List<String> attempts = cloud.trigger(arn, doomed).hops().stream().filter(h -> h.contains("scheduler:Invoke")).toList();
        assertThat(attempts).as("the first attempt and two retries").hasSize(3).allSatisfy(h -> assertThat(h).contains("[failed: "));
    }
}
