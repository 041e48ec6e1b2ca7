package io.eventharness.harness.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The LocalStack backend's configuration and failure messages, checked without Docker. */
class LocalStackBackendTest {

    private static BackendConfig config(Map<String, String> props, Map<String, String> env) {
        return BackendConfig.from(props::get, env);
    }

    @Test
    void defaultImageIsThePinnedCommunityRelease() {
        LocalStackSettings s = LocalStackSettings.from(config(Map.of("harness.backend", "localstack"), Map.of()));
        assertThat(s.image()).isEqualTo("localstack/localstack:4.14.0");
        assertThat(s.environment()).doesNotContainKey("LOCALSTACK_AUTH_TOKEN");
    }

    @Test
    void imageIsConfigurableAndTheTokenIsPassedThrough() {
        BackendConfig cfg = config(Map.of("harness.localstack.image", "localstack/localstack-pro:2026.3"),
                Map.of("LOCALSTACK_AUTH_TOKEN", "ls-secret"));
        LocalStackSettings s = LocalStackSettings.from(cfg);
        assertThat(s.image()).isEqualTo("localstack/localstack-pro:2026.3");
        assertThat(s.environment()).containsEntry("LOCALSTACK_AUTH_TOKEN", "ls-secret");
    }

    @Test
    void imageAndBackendAlsoComeFromTheEnvironment() {
        BackendConfig cfg = config(Map.of(), Map.of("HARNESS_BACKEND", "localstack", "HARNESS_LOCALSTACK_IMAGE", "mirror/ls:4.14.0"));
        assertThat(cfg.backend()).isEqualTo("localstack");
        assertThat(LocalStackSettings.from(cfg).image()).isEqualTo("mirror/ls:4.14.0");
    }

    @Test
    void clientsUseTheContainersCredentialsRegionAndMappedPort() {
        LocalStackSettings s = LocalStackSettings.from(config(Map.of(), Map.of()));
        // the container's LocalStack reads these variables; the clients use the same values
        assertThat(s.environment()).containsEntry("AWS_ACCESS_KEY_ID", s.accessKey())
                .containsEntry("AWS_SECRET_ACCESS_KEY", s.secretKey()).containsEntry("DEFAULT_REGION", s.region());
        assertThat(s.accessKey()).isEqualTo("test");
        assertThat(s.region()).isEqualTo("us-east-1");
        assertThat(LocalStackSettings.endpoint("localhost", 32768)).hasToString("http://localhost:32768");
        assertThat(LocalStackSettings.EDGE_PORT).isEqualTo(4566);
    }

    @Test
    void withoutDockerTheMessageSaysDockerIsNeeded() {
        assertThatThrownBy(() -> LocalStackBackend.requireDocker(() -> false))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("needs Docker")
                .hasMessageContaining("embedded");
    }

    @Test
    void aContainerThatExitsForLackOfATokenIsExplained() {
        String logs = "LocalStack version: 4.15\nERROR: LOCALSTACK_AUTH_TOKEN is required to start LocalStack\n";
        String msg = LocalStackBackend.explainFailure(config(Map.of(), Map.of()), logs, new RuntimeException("exited"));
        assertThat(msg).contains("needs an account token").contains("LOCALSTACK_AUTH_TOKEN").contains("4.14.0");
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
                .hasMessageContaining("embedded, localstack or aws");
    }

    @Test
    void systemPropertiesWinOverEnvironment() {
        BackendConfig c = config(Map.of("harness.backend", "AWS"), Map.of("HARNESS_BACKEND", "localstack"));
        assertThat(c.backend()).isEqualTo("aws");
        assertThat(config(Map.of(), Map.of("HARNESS_BACKEND", "localstack")).backend()).isEqualTo("localstack");
        assertThat(config(Map.of(), Map.of()).backend()).isEqualTo("embedded");
    }
}
