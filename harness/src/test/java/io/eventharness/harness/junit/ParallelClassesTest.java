package io.eventharness.harness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.eventharness.harness.Cloud;
import io.eventharness.harness.EventHarness;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Test classes running in parallel share the backend but never each other's names or resources. */
@EventHarness
class ParallelClassesTest {
    static final Set<String> names = ConcurrentHashMap.newKeySet();
    static final CountDownLatch bothRunning = new CountDownLatch(2);

    @Example
    abstract static class Base {
        @Test
        void ownsItsQueue(Cloud cloud) throws InterruptedException {
            String name = cloud.name("work");
            names.add(name);
            String url = cloud.sqs().createQueue(b -> b.queueName(name)).queueUrl();
            cloud.sqs().sendMessage(b -> b.queueUrl(url).messageBody(name));
            bothRunning.countDown();
            assertThat(bothRunning.await(30, TimeUnit.SECONDS)).as("the other class ran at the same time").isTrue();
            assertThat(cloud.queue(url).await().message().body()).isEqualTo(name);
        }
    }

    @EventHarness
    static class First extends Base {
    }

    @EventHarness
    static class Second extends Base {
    }

    @Test
    void twoClassesAtOnce() {
        TestKit.embedded()
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "same_thread")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .selectors(selectClass(First.class), selectClass(Second.class))
                .execute().testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        assertThat(names).hasSize(2);
        List<String> list = List.copyOf(names);
        assertThat(list.get(0)).isNotEqualTo(list.get(1));
    }
}
