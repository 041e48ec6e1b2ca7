package io.eventharness.harness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.harness.Cloud;
import io.eventharness.harness.EventHarness;
import io.eventharness.harness.observe.AwaitTimeout;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Static fields and {@code @BeforeAll}/{@code @AfterAll} parameters get a Cloud for the whole class (deploy once,
 * torn down after the class); instance fields and test parameters keep a Cloud per test; a test may use both.
 */
@EventHarness
class ClassScopedCloudTest {
    static final Map<String, String> seen = new ConcurrentHashMap<>();
    static final List<String> order = new CopyOnWriteArrayList<>();

    @Example
    @EventHarness
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class CreatesOncePerClass {
        static Cloud shared;
        static SqsClient sharedSqs;
        static String orders;
        Cloud cloud;

        @BeforeAll
        static void createOnce(Cloud classCloud) {
            assertThat(classCloud).isSameAs(shared);
            assertThat(sharedSqs).isSameAs(shared.sqs());
            orders = sharedSqs.createQueue(b -> b.queueName(classCloud.name("orders"))).queueUrl();
            seen.put("orders", orders);
            seen.put("class", classCloud.namePrefix());
            order.add("beforeAll");
        }

        @BeforeEach
        void eachTest(Cloud param) {
            assertThat(param).isSameAs(cloud).isNotSameAs(shared);
        }

        @Test
        @Order(1)
        void first() {
            assertThat(orders).endsWith("/" + shared.name("orders"));
            seen.put("first", cloud.namePrefix());
            seen.put("firstOwn", cloud.sqs().createQueue(b -> b.queueName(cloud.name("mine"))).queueUrl());
            cloud.sqs().sendMessage(b -> b.queueUrl(orders).messageBody("from the first test")); // a test may use both
            order.add("first");
        }

        @Test
        @Order(2)
        void second(SqsClient sqs) {
            assertThat(shared.queue(orders).await().message().body()).as("the class's queue outlives each test")
                    .isEqualTo("from the first test");
            assertThat(orders).as("the class's names are the same in each test").endsWith("/" + shared.name("orders"));
            assertThatThrownBy(() -> sqs.getQueueAttributes(b -> b.queueUrl(seen.get("firstOwn"))))
                    .as("the first test's own queue went with it").isInstanceOf(QueueDoesNotExistException.class);
            seen.put("second", cloud.namePrefix());
            order.add("second");
        }

        @AfterAll
        static void stillThere(Cloud classCloud, SqsClient sqs) {
            assertThat(classCloud).isSameAs(shared);
            assertThat(sqs.getQueueAttributes(b -> b.queueUrl(orders)).attributes()).isNotNull();
            order.add("afterAll");
        }
    }

    @Test
    void aClassCloudLivesForTheWholeClassAndIsTornDownAfterIt(SqsClient sqs) {
        seen.clear();
        order.clear();
        EngineExecutionResults r = TestKit.run(CreatesOncePerClass.class);

        r.allEvents().assertStatistics(s -> s.failed(0));
        r.testEvents().assertStatistics(s -> s.succeeded(2));
        assertThat(order).containsExactly("beforeAll", "first", "second", "afterAll");
        assertThat(List.of(seen.get("class"), seen.get("first"), seen.get("second")))
                .as("names unique per class, per test").doesNotHaveDuplicates();
        assertThatThrownBy(() -> sqs.getQueueAttributes(b -> b.queueUrl(seen.get("orders"))))
                .as("torn down after the class").isInstanceOf(QueueDoesNotExistException.class);
        assertThat(CreatesOncePerClass.shared).as("the static fields are reset after the class").isNull();
        assertThat(CreatesOncePerClass.sharedSqs).isNull();
    }

    @Test
    void eachRunOfAClassGetsAClassCloudOfItsOwn() {
        seen.clear();
        TestKit.run(CreatesOncePerClass.class).allEvents().assertStatistics(s -> s.failed(0));
        String first = seen.get("class");
        TestKit.run(CreatesOncePerClass.class).allEvents().assertStatistics(s -> s.failed(0));
        assertThat(seen.get("class")).isNotEqualTo(first);
    }

    /** Broken on purpose: the class wires a dead-letter queue, a test moves a message into it and waits elsewhere. */
    @Example
    @EventHarness
    static class FailsOnTheClassesQueues {
        static String work;

        @BeforeAll
        static void queues(Cloud shared) {
            SqsClient sqs = shared.sqs();
            String dlq = sqs.createQueue(b -> b.queueName(shared.name("dlq"))).queueUrl();
            String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            work = sqs.createQueue(b -> b.queueName(shared.name("work")).attributes(Map.of(
                    QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"1\"}",
                    QueueAttributeName.VISIBILITY_TIMEOUT, "0"))).queueUrl();
        }

        @Test
        void resultNeverArrives(Cloud cloud) {
            SqsClient sqs = cloud.sqs();
            sqs.sendMessage(b -> b.queueUrl(work).messageBody("{\"order\":7}"));
            sqs.receiveMessage(b -> b.queueUrl(work));
            sqs.receiveMessage(b -> b.queueUrl(work)); // the second receive moves it to the class's DLQ
            String results = sqs.createQueue(b -> b.queueName(cloud.name("results"))).queueUrl();
            cloud.queue(results).await().atMost(Duration.ofMillis(300)).message();
        }
    }

    @Test
    void aTestsStoryTellsTheHopsOfItsClassesResourcesToo() {
        List<Event> failed = TestKit.run(FailsOnTheClassesQueues.class).testEvents().failed().list();
        assertThat(failed).hasSize(1);
        assertThat(TestKit.failureOf(failed.get(0))).isInstanceOfSatisfying(AwaitTimeout.class, t -> assertThat(t.getStory())
                .startsWith("Event trail of resultNeverArrives(Cloud):")
                .contains("sqs:redrive")
                .contains("{\"order\":7}"));
    }
}
