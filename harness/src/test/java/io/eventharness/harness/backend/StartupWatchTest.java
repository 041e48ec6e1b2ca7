package io.eventharness.harness.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The start-up watch notices a container that exits, without waiting out the timeout. */
class StartupWatchTest {

    /** A container whose output grows with each look, and that stops after {@code runningPolls} polls. */
    static final class FakeContainer implements StartupWatch.Probe {
        private final String[] output;
        private final int runningPolls;
        private final AtomicInteger polls = new AtomicInteger();

        FakeContainer(int runningPolls, String... output) {
            this.runningPolls = runningPolls;
            this.output = output;
        }

        @Override
        public boolean running() {
            return polls.incrementAndGet() <= runningPolls;
        }

        @Override
        public String logs() {
            return String.join("\n", java.util.Arrays.copyOf(output, Math.min(output.length, polls.get() + 1))) + "\n";
        }

        @Override
        public Long exitCode() {
            return 55L;
        }
    }

    private static final StartupWatch WATCH = new StartupWatch(LocalStackSettings.READY_LINE, Duration.ofMinutes(2),
            Duration.ofMillis(1));

    @Test
    void aContainerThatExitsIsReportedAtTheNextPollWithItsOutputAndExitCode() {
        FakeContainer c = new FakeContainer(2, "LocalStack version: 2026.3", "ERROR: no license found", "exiting");
        long start = System.nanoTime();

        StartupWatch.Outcome o = WATCH.watch(c);

        assertThat(o.state()).isEqualTo(StartupWatch.State.EXITED);
        assertThat(o.logs()).contains("no license found");
        assertThat(o.exitCode()).isEqualTo(55L);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("not the 2-minute timeout").isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aContainerThatPrintsReadyIsReady() {
        StartupWatch.Outcome o = WATCH.watch(new FakeContainer(100, "LocalStack version: 4.14.0", "Starting...", "Ready."));
        assertThat(o.ready()).isTrue();
        assertThat(o.logs()).endsWith("Ready.\n");
    }

    @Test
    void aContainerThatNeitherExitsNorGetsReadyTimesOut() {
        StartupWatch shortWatch = new StartupWatch(LocalStackSettings.READY_LINE, Duration.ofMillis(20), Duration.ofMillis(1));
        StartupWatch.Outcome o = shortWatch.watch(new FakeContainer(Integer.MAX_VALUE, "Starting..."));
        assertThat(o.state()).isEqualTo(StartupWatch.State.TIMED_OUT);
        assertThat(o.logs()).contains("Starting...");
    }

    @Test
    void testcontainersMayChangeTheTimeoutOfTheSameWatch() {
        StartupWatch w = new StartupWatch(LocalStackSettings.READY_LINE, Duration.ofMinutes(2), Duration.ofMillis(250));
        assertThat(w.withStartupTimeout(Duration.ofSeconds(30))).isSameAs(w);
        assertThat(w.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(w.outcome().ready()).as("never ran").isFalse();
    }
}
