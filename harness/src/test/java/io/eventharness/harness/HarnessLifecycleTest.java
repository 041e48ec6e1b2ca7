package io.eventharness.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.eventharness.harness.junit.Example;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * JUnit owns the shared harness: a run holds it in its launcher session's store from the first test that needs it
 * until the session closes — across every execution of the session, as Surefire runs one per class with
 * {@code forkCount > 1} — and a run nested in a test (the test kit's) holds it only while it runs.
 */
@EventHarness
class HarnessLifecycleTest {
    static final List<Harness> harnesses = new CopyOnWriteArrayList<>();
    static final List<Integer> holders = new CopyOnWriteArrayList<>();

    @Example
    @EventHarness
    static class First {
        @Test
        void records(Harness harness) {
            harnesses.add(harness);
            holders.add(Harness.holders("embedded"));
        }
    }

    @Example
    @EventHarness
    static class Second extends First {
    }

    @Test
    void aSessionHoldsTheHarnessAcrossItsExecutionsAndJUnitLetsGoWhenItCloses(Harness harness) {
        harnesses.clear();
        holders.clear();
        int before = Harness.holders("embedded");
        assertThat(before).as("this run holds it").isPositive();

        try (LauncherSession session = LauncherFactory.openSession()) {
            for (Class<?> c : List.of(First.class, Second.class)) {
                SummaryGeneratingListener summary = new SummaryGeneratingListener();
                session.getLauncher().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(c))
                        .configurationParameter("harness.backend", "embedded")
                        .configurationParameter(Example.PARAMETER, "true").build(), summary);
                assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(1);
                assertThat(Harness.holders("embedded")).as("still held between the session's executions").isEqualTo(before + 1);
            }
        }

        assertThat(Harness.holders("embedded")).as("JUnit closed the session's hold").isEqualTo(before);
        assertThat(holders).containsExactly(before + 1, before + 1);
        assertThat(harnesses).hasSize(2).allSatisfy(h -> assertThat(h).as("one harness per JVM").isSameAs(harness));
    }

    @Test
    void aNestedRunHoldsTheHarnessWhileItRuns(Harness harness) {
        harnesses.clear();
        holders.clear();
        int before = Harness.holders("embedded");
        EngineTestKit.engine("junit-jupiter").configurationParameter("harness.backend", "embedded")
                .configurationParameter(Example.PARAMETER, "true").selectors(selectClass(First.class))
                .execute().testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(holders).containsExactly(before + 1);
        assertThat(Harness.holders("embedded")).isEqualTo(before);
        assertThat(harnesses).containsExactly(harness);
    }
}
