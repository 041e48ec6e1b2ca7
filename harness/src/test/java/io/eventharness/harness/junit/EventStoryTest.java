package io.eventharness.harness.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.harness.Cloud;
import io.eventharness.harness.DeployedFunction;
import io.eventharness.harness.EventHarness;
import io.eventharness.harness.PythonFunction;
import io.eventharness.harness.observe.AwaitTimeout;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Event;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The hops of EventBridge and Scheduler in a failing test's story: an upload whose event no rule matched, an event
 * the test put that no rule matched, a schedule whose target is gone retried into its dead-letter queue, and a wait
 * on what a rule caused that names the rule's hops.
 */
@EventHarness
class EventStoryTest {
    static volatile String bucket;
    static volatile String eventId;
    static volatile String scheduleArn;

    @Example
    @EventHarness
    static class MisroutedUpload {
        @Test
        void theRoutedUploadNeverArrives(Cloud cloud) {
            bucket = cloud.name("uploads");
            cloud.s3().createBucket(b -> b.bucket(bucket));
            String routed = cloud.sqs().createQueue(b -> b.queueName(cloud.name("routed"))).queueUrl();
            cloud.wire().s3ToEventBridge(bucket);
            cloud.wire().rule(r -> r.name(cloud.name("incoming")).eventPattern("{\"source\": [\"aws.s3\"], \"detail\": "
                    + "{\"object\": {\"key\": [{\"prefix\": \"incoming/\"}]}}}")).toSqs(routed);
            cloud.s3().putObject(b -> b.bucket(bucket).key("in/a.txt"), RequestBody.fromString("a")); // not incoming/
            eventId = cloud.wire().putEvent(e -> e.source("shop").detailType("Order Placed").detail("{\"order\": 7}"));
            cloud.queue(routed).await().atMost(Duration.ofMillis(300)).message();
        }
    }

    @Test
    void theStoryTellsThatNoRuleMatchedTheUploadNorThePutEvent() {
        Throwable t = onlyFailure(MisroutedUpload.class);
        assertThat(t).isInstanceOf(AwaitTimeout.class);
        assertThat(t.getMessage())
                .contains("events:Event  arn:aws:s3:::" + bucket + " -> arn:aws:events:us-east-1:000000000000:event-bus/default  [matched no enabled rule]")
                .contains("\"id\":\"" + eventId + "\"")
                .contains("Order Placed");
    }

    @Example
    @EventHarness
    static class ScheduleOfAGoneFunction {
        @Test
        void theReportNeverComes(Cloud cloud) {
            DeployedFunction fn = cloud.deploy(PythonFunction.from("src/test/resources/functions/event-printer").handler("handler.handle"));
            String dlq = cloud.sqs().createQueue(b -> b.queueName(cloud.name("dlq"))).queueUrl();
            String dlqArn = cloud.wire().queueArn(dlq);
            java.time.Instant start = cloud.now().plus(Duration.ofHours(1));
            scheduleArn = cloud.wire().schedule(s -> s.name(cloud.name("hourly")).scheduleExpression("rate(1 hour)").startDate(start))
                    .toLambda(fn, t -> t.retryPolicy(r -> r.maximumRetryAttempts(1)).deadLetterConfig(d -> d.arn(dlqArn)));
            cloud.lambda().deleteFunction(b -> b.functionName(fn.name()));
            cloud.advance(Duration.ofHours(1).plusMinutes(1));
            cloud.trigger(scheduleArn, fn).await().atMost(Duration.ofMillis(300)).invocations(1);
        }
    }

    @Test
    void theStoryTellsTheFailedAttemptsAndTheDeadLetterAndTheWaitNamesTheSchedulesHops() {
        Throwable t = onlyFailure(ScheduleOfAGoneFunction.class);
        assertThat(t).isInstanceOf(AwaitTimeout.class);
        assertThat(((AwaitTimeout) t).lastSeen()).hasValueSatisfying(seen -> assertThat(seen)
                .contains("0 invocation(s)", "hops of " + scheduleArn + ":", "scheduler:Invoke", "scheduler:DeadLetter"));
        assertThat(((AwaitTimeout) t).getStory())
                .contains("scheduler:Invoke  " + scheduleArn + " -> arn:aws:lambda:")
                .contains("[failed: ")
                .contains("scheduler:DeadLetter  " + scheduleArn + " -> arn:aws:sqs:");
    }

    private static Throwable onlyFailure(Class<?> c) {
        List<Event> failed = TestKit.run(c).testEvents().failed().list();
        assertThat(failed).hasSize(1);
        return TestKit.failureOf(failed.get(0));
    }
}
