package io.eventharness.harness.backend;

import static io.eventharness.harness.backend.LocalStackSettingsTest.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The LocalStack backend's failure messages, checked without Docker. */
class LocalStackBackendTest {
    private static final String NO_TOKEN_LOG = "LocalStack version: 2026.3.0\n"
            + "ERROR: LOCALSTACK_AUTH_TOKEN is required to start LocalStack\nLocalStack exited\n";

    private static LocalStackSettings settings(Map<String, String> props, Map<String, String> env) {
        return LocalStackSettings.from(config(props, env));
    }

    @Test
    void withoutDockerTheMessageSaysDockerIsNeeded() {
        assertThatThrownBy(() -> LocalStackBackend.requireDocker(() -> false))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("needs Docker")
                .hasMessageContaining("embedded");
    }

    @Test
    void aContainerThatExitsForLackOfATokenSaysWhatToDoAndQuotesItsLastLines() {
        LocalStackSettings s = settings(Map.of("harness.localstack.image", "localstack/localstack:latest"), Map.of());
        String msg = LocalStackBackend.explain(s, new StartupWatch.Outcome(StartupWatch.State.EXITED, NO_TOKEN_LOG, 55L));
        assertThat(msg).startsWith("LocalStack exited (exit code 55): it needs LOCALSTACK_AUTH_TOKEN for image "
                        + "localstack/localstack:latest; set it, or use image localstack/localstack:4.14.0")
                .contains("Last container output:\n  LocalStack version: 2026.3.0\n  ERROR: LOCALSTACK_AUTH_TOKEN is required");
    }

    @Test
    void aNewerImageThatExitsWithoutATokenIsAssumedToNeedOne() {
        LocalStackSettings s = settings(Map.of("harness.localstack.image", "localstack/localstack:2026.4"), Map.of());
        String msg = LocalStackBackend.explain(s, new StartupWatch.Outcome(StartupWatch.State.EXITED, "bye\n", 1L));
        assertThat(msg).contains("it needs LOCALSTACK_AUTH_TOKEN for image localstack/localstack:2026.4");
    }

    @Test
    void aRefusedTokenIsNotReportedAsAMissingOne() {
        LocalStackSettings s = settings(Map.of("harness.localstack.image", "localstack/localstack-pro:2026.3"),
                Map.of("LOCALSTACK_AUTH_TOKEN", "ls-wrong"));
        String msg = LocalStackBackend.explain(s, new StartupWatch.Outcome(StartupWatch.State.EXITED,
                "ERROR: license activation failed for auth token\n", 55L));
        assertThat(msg).contains("did not accept LOCALSTACK_AUTH_TOKEN").doesNotContain("ls-wrong");
    }

    @Test
    void theDefaultImageExitingForAnotherReasonIsNotBlamedOnTheToken() {
        LocalStackSettings s = settings(Map.of(), Map.of());
        String msg = LocalStackBackend.explain(s, new StartupWatch.Outcome(StartupWatch.State.EXITED, "OSError: no space left\n", 1L));
        assertThat(msg).startsWith("LocalStack (localstack/localstack:4.14.0) exited during start-up (exit code 1).")
                .contains("no space left").doesNotContain("AUTH_TOKEN");
    }

    @Test
    void aStartThatNeverGetsReadySaysHowLongItWaited() {
        String msg = LocalStackBackend.explain(settings(Map.of(), Map.of()),
                new StartupWatch.Outcome(StartupWatch.State.TIMED_OUT, "Starting...\n", null));
        assertThat(msg).contains("did not print 'Ready.' within 120 s").contains("Starting...");
    }

    @Test
    void aFailureInsideTestcontainersNamesItsRootCause() {
        RuntimeException e = new RuntimeException("Container startup failed", new IllegalStateException("pull access denied"));
        String msg = LocalStackBackend.explainFailure(settings(Map.of(), Map.of()), "", e);
        assertThat(msg).contains("did not start: Container startup failed").contains("pull access denied");
        assertThat(LocalStackBackend.explainFailure(settings(Map.of(), Map.of()), NO_TOKEN_LOG, e))
                .contains("needs LOCALSTACK_AUTH_TOKEN");
    }

    @Test
    void onThisMachineTheBackendFailsFastWithADockerMessage() {
        // CI machines here have no Docker daemon: the backend must say so at once, not hang.
        BackendConfig cfg = config(Map.of("harness.backend", "localstack"), Map.of());
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try {
                Backend b = cfg.create();
                b.close(); // Docker exists here after all: nothing to check
            } catch (BackendUnavailableException e) {
                assertThat(e.getMessage()).contains("Docker");
                assertThat(e.getStackTrace()).isEmpty();
            }
        });
    }

    @Test
    void unknownBackendIsRejectedWithTheChoices() {
        assertThatThrownBy(() -> config(Map.of("harness.backend", "gcp"), Map.of()).create())
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("embedded, localstack, aws or endpoint");
    }
}
