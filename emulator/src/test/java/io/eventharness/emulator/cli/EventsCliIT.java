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
 * EventBridge and EventBridge Scheduler through Debian's AWS CLI v2 and boto3, against the standalone jar: a rule
 * with a schedule and an SQS target fires when the clock is moved with {@code POST /_harness/clock/advance}, and
 * a Scheduler schedule the same.
 */
class EventsCliIT {
    private Path aws;

    @BeforeEach
    void tool() {
        aws = Cli.systemAws();
    }

    @Test
    void aScheduledRuleWithAnSqsTargetDeliversWhenTheClockIsMoved() {
        String name = Cli.unique("cli-rule");
        String url = aws(aws, "sqs", "create-queue", "--queue-name", name).json().path("QueueUrl").asText();
        String queueArn = "arn:aws:sqs:us-east-1:000000000000:" + name;
        String ruleArn = aws(aws, "events", "put-rule", "--name", name, "--schedule-expression", "rate(5 minutes)").json()
                .path("RuleArn").asText();
        assertThat(ruleArn).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/" + name);
        String policy = Cli.toJson(Map.of("Version", "2012-10-17", "Statement", java.util.List.of(Map.of("Effect", "Allow",
                "Principal", Map.of("Service", "events.amazonaws.com"), "Action", "sqs:SendMessage", "Resource", queueArn,
                "Condition", Map.of("ArnEquals", Map.of("aws:SourceArn", ruleArn))))));
        aws(aws, "sqs", "set-queue-attributes", "--queue-url", url, "--attributes", Cli.toJson(Map.of("Policy", policy))).json();
        JsonNode put = aws(aws, "events", "put-targets", "--rule", name, "--targets", "Id=queue,Arn=" + queueArn).json();
        assertThat(put.path("FailedEntryCount").asInt()).isZero();
        try {
            assertThat(aws(aws, "sqs", "receive-message", "--queue-url", url).json().path("Messages")).isEmpty();
            Cli.jar().advance(Duration.ofMinutes(5));
            JsonNode m = aws(aws, "sqs", "receive-message", "--queue-url", url).json().path("Messages");
            assertThat(m).hasSize(1);
            JsonNode event = Cli.parse(m.get(0).path("Body").asText());
            assertThat(event.path("detail-type").asText()).isEqualTo("Scheduled Event");
            assertThat(event.path("source").asText()).isEqualTo("aws.events");
            assertThat(event.path("resources").get(0).asText()).isEqualTo(ruleArn);
            assertThat(event.path("detail").isObject()).isTrue();
        } finally {
            aws(aws, "events", "remove-targets", "--rule", name, "--ids", "queue").json();
            aws(aws, "events", "delete-rule", "--name", name).json();
        }
    }

    @Test
    void aSchedulerScheduleThroughBoto3DeliversItsInputWhenTheClockIsMoved() {
        String name = Cli.unique("boto-schedule");
        JsonNode setup = Boto3.run("""
                sqs = client("sqs")
                url = sqs.create_queue(QueueName="%s")["QueueUrl"]
                arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
                s = client("scheduler").create_schedule(Name="%s", ScheduleExpression="rate(1 hour)",
                    FlexibleTimeWindow={"Mode": "OFF"}, StartDate=datetime.datetime.fromtimestamp(%d / 1000, datetime.timezone.utc),
                    Target={"Arn": arn, "RoleArn": "arn:aws:iam::000000000000:role/scheduler", "Input": "{\\"hello\\": \\"<aws.scheduler.schedule-arn>\\"}"})
                out({"url": url, "arn": s["ScheduleArn"], "first": sqs.receive_message(QueueUrl=url).get("Messages", [])})
                """.replace("datetime.datetime", "__import__('datetime').datetime").replace("datetime.timezone", "__import__('datetime').timezone")
                .formatted(name, name, Cli.jar().clockMillis() + 60_000));
        assertThat(setup.path("first")).as("the StartDate is a minute away").isEmpty();
        Cli.jar().advance(Duration.ofMinutes(2));
        JsonNode got = Boto3.run("""
                sqs = client("sqs")
                msgs = sqs.receive_message(QueueUrl="%s").get("Messages", [])
                client("scheduler").delete_schedule(Name="%s")
                out([m["Body"] for m in msgs])
                """.formatted(setup.path("url").asText(), name));
        assertThat(got).hasSize(1);
        assertThat(Cli.parse(got.get(0).asText()).path("hello").asText()).isEqualTo(setup.path("arn").asText());
    }
}
