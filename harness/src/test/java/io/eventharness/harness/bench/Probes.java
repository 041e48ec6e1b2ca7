package io.eventharness.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.OperatingSystemMXBean;
import io.eventharness.harness.Cloud;
import io.eventharness.harness.DeployedFunction;
import io.eventharness.harness.EventHarness;
import io.eventharness.harness.PythonFunction;
import io.eventharness.harness.junit.Example;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tiny test classes {@link HarnessBench} runs through the JUnit Platform launcher. Their names do not
 * end in {@code Test}, so the build never runs them (and, as {@link Example}s, a {@code -Dtest} pattern that
 * matches them only skips them); they only print or count.
 */
final class Probes {
    /** The line a first test prints: epoch millis, JVM uptime and process CPU time at its first statement. */
    static final String MARK = "EH-BENCH-FIRST-TEST";

    private Probes() {
    }

    static String mark(String kind) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return MARK + " " + kind + " epochMs=" + System.currentTimeMillis() + " uptimeMs="
                + ManagementFactory.getRuntimeMXBean().getUptime() + " cpuMs=" + os.getProcessCpuTime() / 1_000_000;
    }

    /** The first scenario test of a JVM: the harness starts the embedded backend before it runs. */
    @Example
    @EventHarness
    static class FirstScenarioTest {
        @Test
        void first(Cloud cloud) {
            System.out.println(mark("harness"));
            assertThat(cloud.name("x")).endsWith("-x");
        }
    }

    /** The same without the harness: what JUnit alone costs. */
    @Example
    static class FirstPlainTest {
        @Test
        void first() {
            System.out.println(mark("plain"));
            assertThat("x").endsWith("x");
        }
    }

    static IntStream runs() {
        return IntStream.range(0, Integer.getInteger("bench.n", 200));
    }

    /** A trivial test, N times, with no extension. */
    @Example
    static class PlainRepeated {
        @ParameterizedTest
        @MethodSource("io.eventharness.harness.bench.Probes#runs")
        void trivial(int i) {
            assertThat(i).isNotNegative();
        }
    }

    /** The same trivial test under the harness: extension, Cloud, a unique name, teardown of nothing. */
    @Example
    @EventHarness
    static class HarnessRepeated {
        @ParameterizedTest
        @MethodSource("io.eventharness.harness.bench.Probes#runs")
        void trivial(int i, Cloud cloud) {
            assertThat(cloud.name("q" + i)).endsWith("-q" + i);
        }
    }

    /** Under the harness, creating one queue: what a test's first resource and its teardown add. */
    @Example
    @EventHarness
    static class HarnessWithAQueue {
        @ParameterizedTest
        @MethodSource("io.eventharness.harness.bench.Probes#runs")
        void oneQueue(int i, Cloud cloud) {
            assertThat(cloud.sqs().createQueue(b -> b.queueName(cloud.name("q"))).queueUrl()).endsWith("-q");
        }
    }

    /**
     * Under the harness, invoking a function its class deployed once: what a test's report reads (the trail, the
     * function's log since the test started) when a function ran.
     */
    @Example
    @EventHarness
    static class HarnessInvokingAFunction {
        static DeployedFunction fn;

        @BeforeAll
        static void deploy(Cloud shared) throws URISyntaxException {
            Path echo = Path.of(Probes.class.getResource("/functions/echo").toURI()); // wherever the bench runs from
            fn = shared.deploy(PythonFunction.from(echo).handler("handler.handle").named("echo"));
        }

        @ParameterizedTest
        @MethodSource("io.eventharness.harness.bench.Probes#runs")
        void invokesIt(int i, Cloud cloud) {
            assertThat(fn.invoke("{\"i\": " + i + "}").payload()).isEqualTo("{\"i\": " + i + "}");
        }
    }
}
