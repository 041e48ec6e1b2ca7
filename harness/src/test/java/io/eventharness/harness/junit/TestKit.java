package io.eventharness.harness.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs example test classes through the JUnit Platform test kit, pinned to the embedded backend: these
 * self-tests assert what only the emulator has (its event trail, its clock), so they run on it whatever
 * {@code -Dharness.backend} selects for the scenarios. Each run takes a hold on the shared harness and lets go
 * when it ends; the classes that call these are {@code @EventHarness} ones themselves, so their own run holds it
 * meanwhile and the nested runs share one emulator.
 */
final class TestKit {
    private TestKit() {
    }

    static EngineTestKit.Builder embedded() {
        return on("embedded");
    }

    static EngineTestKit.Builder on(String backend) {
        return EngineTestKit.engine("junit-jupiter").configurationParameter("harness.backend", backend)
                .configurationParameter(Example.PARAMETER, "true");
    }

    static EngineExecutionResults run(Class<?>... classes) {
        EngineTestKit.Builder b = embedded();
        for (Class<?> c : classes) {
            b.selectors(selectClass(c));
        }
        return b.execute();
    }

    static Throwable failureOf(Event e) {
        return e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow();
    }
}
