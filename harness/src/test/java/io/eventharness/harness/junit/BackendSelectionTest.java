package io.eventharness.harness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;

import io.eventharness.harness.Cloud;
import io.eventharness.harness.EventHarness;
import io.eventharness.harness.NeedsClock;
import io.eventharness.harness.backend.BackendUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.TestAbortedException;

/** Which backend a test runs on, and what happens when it cannot. */
@EventHarness
class BackendSelectionTest {
    static final AtomicInteger reached = new AtomicInteger();

    @Example
    @EventHarness
    static class MovesTime {
        @Test
        @NeedsClock("a two-minute retry")
        void advances(Cloud cloud) {
            reached.incrementAndGet();
            cloud.advance(Duration.ofMinutes(2));
        }

    }

    @Example
    @EventHarness
    @NeedsClock
    static class AllMoveTime {
        @Test
        void one(Cloud cloud) {
            reached.incrementAndGet();
        }

        @Test
        void two(Cloud cloud) {
            reached.incrementAndGet();
        }
    }

    @Test
    void needsClockSkipsUpFrontOnBackendsWithoutAMovableClock() {
        reached.set(0);
        // "aws" would need credentials to start: the skip must come before anything starts
        EngineExecutionResults r = TestKit.on("aws").selectors(selectClass(MovesTime.class), selectClass(AllMoveTime.class))
                .execute();
        r.testEvents().assertThatEvents().haveExactly(1, event(test("advances"),
                skippedWithReason(reason -> reason.contains("@NeedsClock") && reason.contains("only the emulator can do")
                        && reason.contains("backend is aws") && reason.contains("a two-minute retry"))));
        r.containerEvents().assertThatEvents().haveExactly(1, event(
                skippedWithReason(reason -> reason.contains("@NeedsClock") && reason.contains("backend is aws"))));
        r.testEvents().assertStatistics(s -> s.skipped(1).started(0).failed(0));
        assertThat(reached).as("the skipped tests never ran").hasValue(0);
    }

    @Test
    void needsClockRunsOnTheEmbeddedBackend() {
        reached.set(0);
        TestKit.run(MovesTime.class, AllMoveTime.class).testEvents().assertStatistics(s -> s.succeeded(3).skipped(0));
        assertThat(reached).hasValue(3);
    }

    @Example
    @EventHarness
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class OnAMissingBackend {
        @Test
        void a(Cloud cloud) {
        }

        @Test
        void b(Cloud cloud) {
        }

        @Test
        void c() {
        }
    }

    @Test
    void aBackendThatCannotStartFailsTheFirstTestAndSkipsTheRest() {
        // an unknown name is a backend that cannot start anywhere, with or without Docker or credentials
        EngineExecutionResults r = TestKit.on("nowhere-for-this-test").selectors(selectClass(OnAMissingBackend.class)).execute();
        List<Event> failed = r.testEvents().failed().list();
        assertThat(failed).hasSize(1);
        Throwable first = TestKit.failureOf(failed.get(0));
        assertThat(first).isInstanceOf(BackendUnavailableException.class).hasMessageContaining("unknown harness.backend");
        assertThat(first.getStackTrace()).as("one clear message, no stack trace").isEmpty();
        List<Event> aborted = r.testEvents().aborted().list();
        assertThat(aborted).hasSize(2);
        assertThat(TestKit.failureOf(aborted.get(0))).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("see the first test that needed it");
    }
}
