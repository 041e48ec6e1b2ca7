package io.eventharness.harness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.eventharness.harness.Cloud;
import io.eventharness.harness.DeployedFunction;
import io.eventharness.harness.EventHarness;
import io.eventharness.harness.PythonFunction;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A deliberately broken scenario, kept as a test of what a failing await tells: the function fails,
 * the awaited output never comes, and the failure shows the event trail, the invocations with their
 * errors and the function's last log lines.
 */
class FailureStoryTest {

    @EventHarness
    static class BrokenThumbnailer {
        @Test
        void thumbnailNeverArrives(Cloud cloud) {
            DeployedFunction fn = cloud.deploy(PythonFunction.from("src/test/resources/functions/thumbnailer")
                    .handler("handler.handle").named("thumbnailer"));
            String out = cloud.sqs().createQueue(b -> b.queueName(cloud.name("thumbnails"))).queueUrl();
            fn.invokeAsync("{\"key\": \"cat.png\"}");
            cloud.logsOf(fn).await().invocations(1);
            cloud.queue(out).await().atMost(Duration.ofMillis(500)).message();
        }
    }

    @Test
    void theFailureTellsTheTrailTheInvocationsAndTheLog() {
        Throwable t = EngineTestKit.engine("junit-jupiter").selectors(selectClass(BrokenThumbnailer.class)).execute()
                .testEvents().failed().list().get(0).getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable).orElseThrow();
        assertThat(t).isInstanceOf(AssertionError.class);
        assertThat(t.getMessage())
                .contains("Timed out after 500 ms waiting for 1 message(s) in")
                .contains("Event trail of thumbnailNeverArrives(Cloud):")
                .contains("lambda:InvokeAsync  Invoke API -> arn:aws:lambda:")
                .contains("[error ValueError")
                .contains("Invocations of")
                .contains("cold")
                .contains("FAILED")
                .contains("Last log lines of")
                .contains("making a thumbnail of cat.png")
                .contains("no thumbnail for cat.png");
    }
}
