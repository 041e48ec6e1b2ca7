package io.eventharness.harness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.eventharness.harness.Cloud;
import io.eventharness.harness.EventHarness;
import io.eventharness.harness.Needs;
import io.eventharness.harness.backend.Feature;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/** {@code @Needs}: a test that needs what the backend lacks is skipped before it starts, with the reason. */
@EventHarness
class NeedsTest {

    @Example
    @EventHarness
    static class NeedsThings {
        @Test
        @Needs(value = Feature.S3_NOTIFICATIONS, reason = "uploads trigger the thumbnailer")
        void s3Notifications(Cloud cloud) {
            throw new AssertionError("must not run on the embedded backend");
        }

        @Test
        @Needs(services = {"dynamodb", "sqs"})
        void dynamo(Cloud cloud) {
            throw new AssertionError("must not run on the embedded backend");
        }

        @Test
        @Needs({Feature.SNS_TO_SQS, Feature.CLOCK, Feature.TRAIL})
        void whatTheEmulatorHas(Cloud cloud) {
            assertThat(cloud.backend().name()).isEqualTo("embedded");
        }
    }

    @Example
    @EventHarness
    @Needs(Feature.SQS_EVENT_SOURCE)
    static class WholeClassNeedsPolling {
        @Test
        void polls() {
            throw new AssertionError("must not run on the embedded backend");
        }
    }

    @Test
    void skippedWithTheReasonOrRun() {
        EngineExecutionResults r = TestKit.embedded().selectors(selectClass(NeedsThings.class), selectClass(WholeClassNeedsPolling.class))
                .execute();

        assertThat(r.testEvents().succeeded().count()).isEqualTo(1);
        assertThat(r.testEvents().failed().count()).isZero();
        Map<String, String> skipped = r.allEvents().skipped().stream().collect(Collectors.toMap(
                e -> e.getTestDescriptor().getDisplayName(), e -> e.getPayload(String.class).orElse("")));
        assertThat(skipped).containsEntry("s3Notifications(Cloud)", "@Needs: this test needs S3 event notifications delivered "
                        + "to SQS, SNS and Lambda, which the embedded backend does not have (uploads trigger the thumbnailer)")
                .containsEntry("dynamo(Cloud)", "@Needs: this test needs the service dynamodb, which the embedded backend does not have")
                .containsEntry("NeedsTest$WholeClassNeedsPolling", "@Needs: the tests of this class need Lambda polling SQS "
                        + "queues (event source mappings), which the embedded backend does not have");
        assertThat(r.allEvents().filter(e -> e.getType() == EventType.SKIPPED).map(Event::getTestDescriptor)).hasSize(3);
    }
}
