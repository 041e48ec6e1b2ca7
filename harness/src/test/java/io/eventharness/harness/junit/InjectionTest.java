package io.eventharness.harness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.eventharness.harness.Cloud;
import io.eventharness.harness.EventHarness;
import io.eventharness.harness.Harness;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.testkit.engine.Event;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** What the extension injects, and what it leaves alone. */
@EventHarness
class InjectionTest {
    static final List<Object> seen = new CopyOnWriteArrayList<>();

    @Example
    @EventHarness
    static class WantsTheHarness {
        Harness field;

        @Test
        void harnessAsFieldAndParameter(Harness param, Cloud cloud) {
            seen.add(param);
            assertThat(field).isSameAs(param).isSameAs(cloud.harness());
            assertThat(param.backend().name()).isEqualTo("embedded");
        }
    }

    @Test
    void theHarnessItselfCanBeInjected(Harness harness) {
        seen.clear();
        TestKit.run(WantsTheHarness.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(seen).as("the harness this JVM shares: the nested run's is this run's").containsExactly(harness);
    }

    @Example
    @EventHarness
    static class SetsItsOwnClient {
        static final SqsClient MINE = SqsClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create()).build(); // never called: only compared
        SqsClient sqs = MINE;
        Cloud cloud;

        @Test
        void keepsIt() {
            assertThat(sqs).isSameAs(MINE);
            assertThat(cloud).isNotNull();
            assertThat(cloud.sqs()).isNotSameAs(MINE);
        }
    }

    @Test
    void aFieldTheClassSetIsNotOverwritten() {
        TestKit.run(SetsItsOwnClient.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Example
    @EventHarness
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class OneInstanceForAllTests {
        final Set<String> prefixes = ConcurrentHashMap.newKeySet();
        Cloud cloud;

        @Test
        @Order(1)
        void first() {
            assertThat(prefixes.add(cloud.namePrefix())).isTrue();
        }

        @Test
        @Order(2)
        void second() {
            assertThat(prefixes.add(cloud.namePrefix())).as("a Cloud of its own, not the first test's").isTrue();
            seen.add(prefixes.size());
        }
    }

    @Test
    void perClassInstancesGetAFreshCloudForEachTest() {
        seen.clear();
        TestKit.run(OneInstanceForAllTests.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        assertThat(seen).containsExactly(2);
    }

    @Example
    @EventHarness
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @Execution(ExecutionMode.CONCURRENT) // JUnit runs a PER_CLASS class's methods concurrently only when asked explicitly
    static class SharedInstanceConcurrentMethods {
        Cloud cloud;

        @BeforeAll
        void nothing() {
            // PER_CLASS: the instance, and its fields, are shared by every test method
        }

        @Test
        void a() {
            assertThat(cloud).isNotNull();
        }

        @Test
        void b(Cloud param) {
            assertThat(param).isNotNull();
        }
    }

    @Test
    void perClassWithConcurrentMethodsRejectsInjectedFieldsByName() {
        List<Event> failed = TestKit.embedded()
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .selectors(selectClass(SharedInstanceConcurrentMethods.class))
                .execute().testEvents().failed().list();
        assertThat(failed).hasSize(2);
        assertThat(TestKit.failureOf(failed.get(0)))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("SharedInstanceConcurrentMethods.cloud")
                .hasMessageContaining("PER_CLASS")
                .hasMessageContaining("method parameter");
    }

    @Example
    @EventHarness
    static class WantsACloudInItsConstructor {
        WantsACloudInItsConstructor(Cloud cloud) {
        }

        @Test
        void never() {
        }
    }

    @Test
    void aConstructorGetsNoCloudAndIsToldWhereToTakeOne() {
        List<Event> failed = TestKit.run(WantsACloudInItsConstructor.class).testEvents().failed().list();
        assertThat(failed).hasSize(1);
        assertThat(TestKit.failureOf(failed.get(0))).rootCause()
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("not into constructors")
                .hasMessageContaining("@BeforeAll parameter or static field");
    }
}
