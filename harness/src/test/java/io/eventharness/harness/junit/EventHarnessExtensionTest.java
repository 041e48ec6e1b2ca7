package io.eventharness.harness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventharness.harness.Cloud;
import io.eventharness.harness.EventHarness;
import io.eventharness.harness.NeedsClock;
import io.eventharness.harness.observe.AwaitTimeout;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * The extension, run through the JUnit Platform test kit on small example classes (on the embedded backend). This
 * class is an {@code @EventHarness} one too: its run holds the shared harness, which the nested runs share.
 */
@EventHarness
class EventHarnessExtensionTest {
    static final List<String> createdQueues = new ArrayList<>();

    private static EngineExecutionResults run(Class<?> c) {
        return TestKit.run(c);
    }

    @Example
    @EventHarness
    static class InjectsAndCleansUp {
        Cloud cloud;
        SqsClient sqsField;

        @Test
        void parametersAndFields(Cloud param, SqsClient sqs) {
            assertThat(param).isSameAs(cloud);
            assertThat(sqsField).isSameAs(sqs);
            String url = sqs.createQueue(b -> b.queueName(cloud.name("orders"))).queueUrl();
            createdQueues.add(url);
        }

        @Test
        void namesAreUniquePerTest() {
            String url = cloud.sqs().createQueue(b -> b.queueName(cloud.name("orders"))).queueUrl();
            createdQueues.add(url);
        }
    }

    @Test
    void injectsParametersAndFieldsAndDeletesWhatEachTestCreated(SqsClient sqs) {
        createdQueues.clear();
        run(InjectsAndCleansUp.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        assertThat(createdQueues).hasSize(2).doesNotHaveDuplicates();
        for (String url : createdQueues) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> sqs.getQueueAttributes(b -> b.queueUrl(url)))
                    .isInstanceOf(QueueDoesNotExistException.class);
        }
    }

    /** A deliberately broken scenario: its await must fail with the story of what happened. */
    @Example
    @EventHarness
    static class BrokenScenario {
        @Test
        void awaitsAMessageThatNeverArrives(Cloud cloud) {
            SqsClient sqs = cloud.sqs();
            String dlq = sqs.createQueue(b -> b.queueName(cloud.name("dlq"))).queueUrl();
            String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            String work = sqs.createQueue(b -> b.queueName(cloud.name("work")).attributes(Map.of(
                    QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"1\"}",
                    QueueAttributeName.VISIBILITY_TIMEOUT, "0"))).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(work).messageBody("{\"order\":42}"));
            sqs.receiveMessage(b -> b.queueUrl(work));
            sqs.receiveMessage(b -> b.queueUrl(work)); // the second receive moves it to the DLQ
            String elsewhere = sqs.createQueue(b -> b.queueName(cloud.name("results"))).queueUrl();
            cloud.queue(elsewhere).await().atMost(Duration.ofMillis(300)).message();
        }
    }

    @Test
    void aFailedAwaitTellsTheEventTrail() {
        List<Event> failures = run(BrokenScenario.class).testEvents().failed().list();
        assertThat(failures).hasSize(1);
        Throwable t = TestKit.failureOf(failures.get(0));
        assertThat(t).isInstanceOfSatisfying(AwaitTimeout.class, timeout -> {
            assertThat(timeout.awaited()).startsWith("1 message(s) in http").endsWith("-results");
            assertThat(timeout.atMost()).hasMillis(300);
            assertThat(timeout.lastSeen()).hasValue("0 message(s)");
            assertThat(timeout.getStory()).startsWith("Event trail of awaitsAMessageThatNeverArrives(Cloud):").contains("sqs:redrive");
        });
        assertThat(t.getMessage())
                .contains("Timed out after 300 ms waiting for 1 message(s) in")
                .contains("Last seen: 0 message(s)")
                .contains("Event trail of awaitsAMessageThatNeverArrives(Cloud)")
                .contains("sqs:redrive")
                .contains("{\"order\":42}")
                .contains("moved after 1 receives");
    }

    @Example
    @EventHarness
    static class MovesTheClock {
        @Test
        @NeedsClock("a 15-minute delay")
        void delayedMessageAppearsAfterAdvancing(Cloud cloud) {
            SqsClient sqs = cloud.sqs();
            String q = sqs.createQueue(b -> b.queueName(cloud.name("delayed"))).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(q).messageBody("later").delaySeconds(900));
            assertThat(sqs.receiveMessage(b -> b.queueUrl(q)).messages()).isEmpty();
            cloud.advance(Duration.ofMinutes(15));
            assertThat(cloud.queue(q).await().message().body()).isEqualTo("later");
        }
    }

    @Test
    void advanceMovesTheEmbeddedClock() {
        run(MovesTheClock.class).testEvents().assertStatistics(s -> s.succeeded(1));
    }

    @Example
    @EventHarness
    static class FreezesTheClock {
        @Test
        @NeedsClock("stops the clock")
        void theClockStandsStillUntilMoved(Cloud cloud) {
            cloud.freezeClock();
            Instant frozen = cloud.now();
            long wall = System.nanoTime();
            await().atMost(Duration.ofSeconds(5)).until(() -> System.nanoTime() - wall > Duration.ofMillis(50).toNanos());
            assertThat(cloud.now()).as("50 ms of real time later").isEqualTo(frozen);
            cloud.advance(Duration.ofSeconds(7));
            assertThat(cloud.now()).isEqualTo(frozen.plusSeconds(7));
        }
    }

    @Test
    void aFrozenClockStandsStillUntilMovedAndFollowsRealTimeAgainAfterTheTest(Cloud cloud) {
        run(FreezesTheClock.class).testEvents().assertStatistics(s -> s.succeeded(1));

        Instant after = cloud.now();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(cloud.now()).isAfter(after));
    }
}
