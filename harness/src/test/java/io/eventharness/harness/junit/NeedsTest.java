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

/** {@code @Needs}: a test that needs what the backend lacks is skipped before it starts, with the reason. */
@EventHarness
class NeedsTest {

    @Example
    @EventHarness
    static class NeedsThings {
        @Test
        @Needs(services = {"ec2", "sqs"})
        void ec2(Cloud cloud) {
            throw new AssertionError("must not run on the embedded backend");
        }

        @Test
        @Needs({Feature.SNS_TO_SQS, Feature.CLOCK, Feature.TRAIL, Feature.S3_NOTIFICATIONS, Feature.SQS_EVENT_SOURCE})
        void whatTheEmulatorHas(Cloud cloud) {
            assertThat(cloud.backend().name()).isEqualTo("embedded");
        }
    }

    /** Run on the localstack backend, which has no movable clock and no trail: skipped without starting it. */
    @Example
    @EventHarness
    static class NeedsTheClock {
        @Test
        @Needs(value = Feature.CLOCK, reason = "a retry falls due a minute later")
        void retries(Cloud cloud) {
            throw new AssertionError("must not run on the localstack backend");
        }
    }

    @Example
    @EventHarness
    @Needs(Feature.TRAIL)
    static class WholeClassNeedsTheTrail {
        @Test
        void readsTheTrail() {
            throw new AssertionError("must not run on the localstack backend");
        }
    }

    @Test
    void skippedWithTheReasonOrRun() {
        EngineExecutionResults r = TestKit.embedded().selectors(selectClass(NeedsThings.class)).execute();

        assertThat(r.testEvents().succeeded().count()).isEqualTo(1);
        assertThat(r.testEvents().failed().count()).isZero();
        assertThat(skipped(r)).containsExactly(Map.entry("ec2(Cloud)",
                "@Needs: this test needs the service ec2, which the embedded backend does not have"));
    }

    @Test
    void aFeatureTheBackendLacksSkipsBeforeTheBackendStarts() {
        EngineExecutionResults r = TestKit.on("localstack")
                .selectors(selectClass(NeedsTheClock.class), selectClass(WholeClassNeedsTheTrail.class)).execute();

        assertThat(r.testEvents().failed().count()).as("LocalStack (no Docker here) was never started").isZero();
        assertThat(skipped(r)).containsEntry("retries(Cloud)", "@Needs: this test needs a movable clock (cloud.advance), which "
                        + "the localstack backend does not have (a retry falls due a minute later)")
                .containsEntry("NeedsTest$WholeClassNeedsTheTrail", "@Needs: the tests of this class need the event trail, "
                        + "which the localstack backend does not have")
                .hasSize(2);
    }

    private static Map<String, String> skipped(EngineExecutionResults r) {
        return r.allEvents().skipped().stream().collect(Collectors.toMap(
                e -> e.getTestDescriptor().getDisplayName(), e -> e.getPayload(String.class).orElse("")));
    }
}
