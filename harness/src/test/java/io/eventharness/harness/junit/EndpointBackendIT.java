package io.eventharness.harness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.eventharness.harness.Cloud;
import io.eventharness.harness.DeployedFunction;
import io.eventharness.harness.EventHarness;
import io.eventharness.harness.Needs;
import io.eventharness.harness.NeedsClock;
import io.eventharness.harness.PythonFunction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The harness against the standalone emulator jar ({@code java -jar emulator.jar --port 0}, as a user keeps one
 * running across IDE test runs) through {@code -Dharness.backend=endpoint}: functions deploy and run there, its clock
 * moves, its trail tells a failure's story, and what it lacks is skipped with the reason.
 */
class EndpointBackendIT {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private static Process emulator;
    private static URI endpoint;

    @BeforeAll
    static void startTheJar() throws Exception {
        Path jar = Path.of(System.getProperty("eventharness.emulatorJar", "../emulator/target/emulator.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar + " does not exist: build it with `mvn -B -pl emulator,harness -am verify` (the "
                    + "emulator's package runs before these integration tests)");
        }
        emulator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "--port", "0").redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
        endpoint = CompletableFuture.supplyAsync(() -> {
            URI found = null;
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        found = URI.create(m.group(1));
                    }
                    if (line.equals("Ready.")) {
                        return found;
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("the emulator ended before it was ready");
        }).get(60, TimeUnit.SECONDS);
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "emulator-output");
        drain.setDaemon(true);
        drain.start();
        System.setProperty("harness.endpoint", endpoint.toString());
    }

    @AfterAll
    static void stopTheJar() throws Exception {
        System.clearProperty("harness.endpoint");
        if (emulator != null) {
            emulator.toHandle().destroy();
            assertThat(emulator.waitFor(20, TimeUnit.SECONDS)).as("the emulator stops on SIGTERM").isTrue();
        }
    }

    @Example
    @EventHarness
    static class OnAStandaloneEmulator {
        @Test
        void aFunctionDeploysRunsAndLogs(Cloud cloud) {
            assertThat(cloud.backend().name()).isEqualTo("endpoint");
            DeployedFunction fn = cloud.deploy(PythonFunction.from("src/test/resources/functions/thumbnailer")
                    .handler("handler.handle").named("thumbnailer"));
            fn.invokeAsync("{\"key\": \"cat.png\"}");
            assertThat(cloud.logsOf(fn).await().invocations(1)).singleElement()
                    .satisfies(i -> assertThat(i.error()).isEqualTo("ValueError: no thumbnail for cat.png"));
        }

        @Test
        @NeedsClock("a delayed message shows after the delay")
        void itsClockMoves(Cloud cloud) {
            String q = cloud.sqs().createQueue(b -> b.queueName(cloud.name("later"))
                    .attributes(Map.of(QueueAttributeName.DELAY_SECONDS, "900"))).queueUrl();
            cloud.sqs().sendMessage(b -> b.queueUrl(q).messageBody("after the delay"));
            cloud.advance(Duration.ofMinutes(16));
            assertThat(cloud.queue(q).await().atMost(Duration.ofSeconds(5)).message().body()).isEqualTo("after the delay");
        }

        @Test
        @Needs(services = "ec2")
        void needsWhatItLacks(Cloud cloud) {
            throw new AssertionError("the emulator does not serve EC2: this must be skipped");
        }

        @Test
        void failsWithItsTrail(Cloud cloud) {
            String dlq = cloud.sqs().createQueue(b -> b.queueName(cloud.name("dlq"))).queueUrl();
            String dlqArn = cloud.sqs().getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            String work = cloud.sqs().createQueue(b -> b.queueName(cloud.name("work")).attributes(Map.of(
                    QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"1\"}",
                    QueueAttributeName.VISIBILITY_TIMEOUT, "0"))).queueUrl();
            cloud.sqs().sendMessage(b -> b.queueUrl(work).messageBody("{\"remote\": true}"));
            cloud.sqs().receiveMessage(b -> b.queueUrl(work));
            cloud.sqs().receiveMessage(b -> b.queueUrl(work));
            String results = cloud.sqs().createQueue(b -> b.queueName(cloud.name("results"))).queueUrl();
            cloud.queue(results).await().atMost(Duration.ofMillis(300)).message();
        }
    }

    @Test
    void theHarnessRunsAgainstTheStandaloneJar() {
        EngineExecutionResults r = TestKit.on("endpoint").selectors(selectClass(OnAStandaloneEmulator.class)).execute();

        assertThat(r.testEvents().succeeded().list()).extracting(e -> e.getTestDescriptor().getDisplayName())
                .containsExactlyInAnyOrder("aFunctionDeploysRunsAndLogs(Cloud)", "itsClockMoves(Cloud)");
        assertThat(r.testEvents().skipped().list()).singleElement().satisfies(e -> assertThat(e.getPayload(String.class))
                .hasValueSatisfying(why -> assertThat(why).contains("the service ec2").contains("endpoint backend")));
        List<Throwable> failures = r.testEvents().failed().list().stream().map(TestKit::failureOf).toList();
        assertThat(failures).singleElement().satisfies(t -> assertThat(t.getMessage())
                .contains("Event trail of failsWithItsTrail(Cloud):")
                .contains("sqs:redrive")
                .contains("{\"remote\": true}"));
    }
}
