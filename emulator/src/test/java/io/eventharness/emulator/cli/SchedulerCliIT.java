package io.eventharness.emulator.cli;

import static io.eventharness.emulator.cli.Cli.aws;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * EventBridge Scheduler through Debian's AWS CLI v2, and EventBridge rules through boto3, against the standalone jar:
 * a cron schedule in a time zone fires at its local time when the clock is moved with
 * {@code POST /_harness/clock/advance}, and a rule with a pattern and a cron rule deliver to their queues.
 * ({@code EventsCliIT} has the other pair: a rule through the CLI, a schedule through boto3.)
 */
class SchedulerCliIT {

    @Test
    void aCronScheduleInNewYorkThroughTheCliFiresAtHalfPastNineLocalTimeWhenTheClockIsMovedThere() {
        Path cli = Cli.systemAws();
        String name = Cli.unique("cli-schedule");
        String group = Cli.unique("cli-group");
        String url = aws(cli, "sqs", "create-queue", "--queue-name", name).json().path("QueueUrl").asText();
        String queueArn = "arn:aws:sqs:us-east-1:000000000000:" + name;
        String groupArn = aws(cli, "scheduler", "create-schedule-group", "--name", group).json().path("ScheduleGroupArn").asText();
        assertThat(groupArn).isEqualTo("arn:aws:scheduler:us-east-1:000000000000:schedule-group/" + group);
        ZoneId newYork = ZoneId.of("America/New_York");
        ZonedDateTime next = halfPastNineAfter(Instant.ofEpochMilli(Cli.jar().clockMillis()).atZone(newYork));
        if (next.toInstant().toEpochMilli() - Cli.jar().clockMillis() < Duration.ofHours(1).toMillis()) {
            // the CLI's calls take seconds of real time, which the clock follows: no 09:30 may come while they run
            Cli.jar().advance(Duration.ofHours(2));
            next = halfPastNineAfter(Instant.ofEpochMilli(Cli.jar().clockMillis()).atZone(newYork));
        }
        ZonedDateTime due = next;
        String arn = aws(cli, "scheduler", "create-schedule", "--name", name, "--group-name", group,
                "--schedule-expression", "cron(30 9 * * ? *)", "--schedule-expression-timezone", newYork.getId(),
                "--flexible-time-window", "Mode=OFF",
                "--target", Cli.toJson(java.util.Map.of("Arn", queueArn, "RoleArn", "arn:aws:iam::000000000000:role/scheduler",
                        "Input", "{\"at\": \"<aws.scheduler.scheduled-time>\"}"))).json().path("ScheduleArn").asText();
        assertThat(arn).isEqualTo("arn:aws:scheduler:us-east-1:000000000000:schedule/" + group + "/" + name);
        JsonNode got = aws(cli, "scheduler", "get-schedule", "--name", name, "--group-name", group).json();
        assertThat(got.path("ScheduleExpressionTimezone").asText()).isEqualTo("America/New_York");
        assertThat(got.path("State").asText()).isEqualTo("ENABLED");
        try {
            // a minute early: the CLI takes seconds of real time to start, which the clock follows meanwhile
            Cli.jar().advance(Duration.ofMillis(due.toInstant().toEpochMilli() - Cli.jar().clockMillis()).minusMinutes(1));
            assertThat(aws(cli, "sqs", "receive-message", "--queue-url", url).json().path("Messages")).as("a minute early").isEmpty();
            Cli.jar().advance(Duration.ofMinutes(2));

            JsonNode m = aws(cli, "sqs", "receive-message", "--queue-url", url).json().path("Messages");
            assertThat(m).hasSize(1);
            assertThat(Cli.parse(m.get(0).path("Body").asText()).path("at").asText())
                    .isEqualTo(due.toInstant().toString()); // 09:30 New York, in UTC
        } finally {
            aws(cli, "scheduler", "delete-schedule", "--name", name, "--group-name", group).json();
            aws(cli, "scheduler", "delete-schedule-group", "--name", group).json();
        }
        JsonNode groups = aws(cli, "scheduler", "list-schedule-groups", "--name-prefix", group).json();
        assertThat(groups.path("ScheduleGroups")).isEmpty();
    }

    /** Milliseconds from the jar's clock to the next midnight UTC. */
    private static long untilMidnight() {
        long now = Cli.jar().clockMillis();
        return Instant.ofEpochMilli(now).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)).toEpochMilli() - now;
    }

    /** The first 09:30 after {@code t}, in {@code t}'s zone. */
    private static ZonedDateTime halfPastNineAfter(ZonedDateTime t) {
        ZonedDateTime today = t.truncatedTo(ChronoUnit.DAYS).withHour(9).withMinute(30);
        return today.isAfter(t) ? today : today.plusDays(1).withHour(9).withMinute(30);
    }

    @Test
    void aPatternRuleAndACronRuleThroughBoto3DeliverToTheirQueues() {
        String name = Cli.unique("boto-rules");
        if (untilMidnight() < Duration.ofHours(1).toMillis()) { // no midnight may come in real time while boto3 sets up
            Cli.jar().advance(Duration.ofHours(2));
        }
        long untilMidnight = untilMidnight();
        JsonNode setup = Boto3.run("""
                sqs = client("sqs")
                events = client("events")
                url = sqs.create_queue(QueueName="%1$s")["QueueUrl"]
                arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
                pattern = events.put_rule(Name="%1$s-orders", EventPattern=json.dumps({"source": ["shop"], "detail": {"total": [{"numeric": [">", 100]}]}}))
                nightly = events.put_rule(Name="%1$s-nightly", ScheduleExpression="cron(0 0 * * ? *)")
                policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"},
                    "Action": "sqs:SendMessage", "Resource": arn}]}
                sqs.set_queue_attributes(QueueUrl=url, Attributes={"Policy": json.dumps(policy)})
                for rule in ["%1$s-orders", "%1$s-nightly"]:
                    assert events.put_targets(Rule=rule, Targets=[{"Id": "q", "Arn": arn}])["FailedEntryCount"] == 0
                put = events.put_events(Entries=[
                    {"Source": "shop", "DetailType": "Order", "Detail": json.dumps({"total": 250})},
                    {"Source": "shop", "DetailType": "Order", "Detail": json.dumps({"total": 5})}])
                messages = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", [])
                for m in messages:
                    sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
                bodies = [json.loads(m["Body"]) for m in messages]
                out({"url": url, "failed": put["FailedEntryCount"], "ids": [e["EventId"] for e in put["Entries"]],
                     "received": bodies, "nightly": nightly["RuleArn"]})
                """.formatted(name));
        assertThat(setup.path("failed").asInt()).isZero();
        assertThat(setup.path("received")).singleElement().satisfies(e -> {
            assertThat(e.path("id").asText()).isEqualTo(setup.path("ids").get(0).asText());
            assertThat(e.path("detail").path("total").asInt()).isEqualTo(250);
        });

        Cli.jar().advance(Duration.ofMillis(untilMidnight));

        JsonNode got = Boto3.run("""
                sqs = client("sqs")
                events = client("events")
                bodies = [json.loads(m["Body"]) for m in sqs.receive_message(QueueUrl="%1$s", MaxNumberOfMessages=10).get("Messages", [])]
                for rule in ["%2$s-orders", "%2$s-nightly"]:
                    events.remove_targets(Rule=rule, Ids=["q"])
                    events.delete_rule(Name=rule)
                out(bodies)
                """.formatted(setup.path("url").asText(), name));
        assertThat(got).singleElement().satisfies(e -> {
            assertThat(e.path("detail-type").asText()).isEqualTo("Scheduled Event");
            assertThat(e.path("resources").get(0).asText()).isEqualTo(setup.path("nightly").asText());
            assertThat(e.path("time").asText()).endsWith("T00:00:00Z");
        });
    }
}
