package io.eventharness.harness.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/** Everything the LocalStack backend configures, checked without Docker. */
class LocalStackSettingsTest {

    static BackendConfig config(Map<String, String> props, Map<String, String> env) {
        return BackendConfig.from(props::get, env);
    }

    private static LocalStackSettings settings(Map<String, String> props, Map<String, String> env) {
        return LocalStackSettings.from(config(props, env));
    }

    @Test
    void defaultImageIsThePinnedCommunityReleaseWithoutAToken() {
        LocalStackSettings s = settings(Map.of("harness.backend", "localstack"), Map.of());
        assertThat(s.image()).isEqualTo("localstack/localstack:4.14.0");
        assertThat(s.imageName().asCanonicalNameString()).isEqualTo("localstack/localstack:4.14.0");
        assertThat(s.environment()).doesNotContainKey("LOCALSTACK_AUTH_TOKEN");
        assertThat(s.hasAuthToken()).isFalse();
    }

    @Test
    void anyConfiguredImageIsAcceptedAsALocalStackImageAndTheTokenIsPassedThrough() {
        LocalStackSettings s = settings(Map.of("harness.localstack.image", "mirror.example/localstack-pro:2026.3"),
                Map.of("LOCALSTACK_AUTH_TOKEN", "ls-secret"));
        DockerImageName image = s.imageName();
        assertThat(image.asCanonicalNameString()).isEqualTo("mirror.example/localstack-pro:2026.3");
        assertThat(image.isCompatibleWith(DockerImageName.parse("localstack/localstack")))
                .as("Testcontainers' LocalStackContainer checks this").isTrue();
        assertThat(s.environment()).containsEntry("LOCALSTACK_AUTH_TOKEN", "ls-secret");
        assertThat(s.hasAuthToken()).isTrue();
    }

    @Test
    void aBlankTokenIsNoToken() {
        assertThat(settings(Map.of(), Map.of("LOCALSTACK_AUTH_TOKEN", "  ")).environment()).doesNotContainKey("LOCALSTACK_AUTH_TOKEN");
    }

    @Test
    void imageAndBackendAlsoComeFromTheEnvironment() {
        BackendConfig cfg = config(Map.of(), Map.of("HARNESS_BACKEND", "localstack", "HARNESS_LOCALSTACK_IMAGE", "mirror/ls:4.14.0"));
        assertThat(cfg.backend()).isEqualTo("localstack");
        assertThat(LocalStackSettings.from(cfg).image()).isEqualTo("mirror/ls:4.14.0");
    }

    @Test
    void theContainerRunsTheServicesTheHarnessUsesOnTheEdgePort() {
        LocalStackSettings s = settings(Map.of(), Map.of());
        assertThat(s.services()).containsExactly("s3", "sqs", "sns", "logs", "lambda", "iam", "sts");
        assertThat(s.exposedPort()).isEqualTo(4566).isEqualTo(LocalStackSettings.EDGE_PORT);
        assertThat(s.environment()).containsEntry("LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT", "60");
    }

    @Test
    void startUpWaitsForReadyWithinTwoMinutesPollingFourTimesASecond() {
        LocalStackSettings s = settings(Map.of(), Map.of());
        assertThat(s.startupTimeout()).isEqualTo(Duration.ofMinutes(2));
        StartupWatch w = s.startupWatch();
        assertThat(w.timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(w.pollInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat("LocalStack version: 4.14.0\nReady.\n").containsPattern(LocalStackSettings.READY_LINE);
        assertThat("Not Ready.\n").doesNotContainPattern(LocalStackSettings.READY_LINE);
    }

    @Test
    void clientsUseTheContainersCredentialsRegionAndMappedPort() {
        LocalStackSettings s = settings(Map.of(), Map.of());
        // LocalStack in the container reads these variables; the clients use the same values
        assertThat(s.environment()).containsEntry("AWS_ACCESS_KEY_ID", "test").containsEntry("AWS_SECRET_ACCESS_KEY", "test")
                .containsEntry("DEFAULT_REGION", "us-east-1");

        LocalStackSettings.Connection c = s.connection("docker.example", 32768);

        assertThat(c.endpoint()).hasToString("http://docker.example:32768");
        assertThat(c.region().id()).isEqualTo("us-east-1");
        AwsCredentials creds = c.credentials().resolveCredentials();
        assertThat(creds.accessKeyId()).isEqualTo("test");
        assertThat(creds.secretAccessKey()).isEqualTo("test");
    }

    @Test
    void systemPropertiesWinOverEnvironmentAndUnsetBuildPropertiesAreIgnored() {
        assertThat(config(Map.of("harness.backend", "AWS"), Map.of("HARNESS_BACKEND", "localstack")).backend()).isEqualTo("aws");
        assertThat(config(Map.of(), Map.of("HARNESS_BACKEND", "localstack")).backend()).isEqualTo("localstack");
        assertThat(config(Map.of(), Map.of()).backend()).isEqualTo("embedded");
        assertThat(config(Map.of("harness.backend", "${harness.backend}"), Map.of()).backend()).isEqualTo("embedded");
        assertThat(config(Map.of(), Map.of()).withBackend(" LocalStack ").backend()).isEqualTo("localstack");
    }

    @Test
    void onlyTheEmulatorHasAMovableClockAndATrailKnownWithoutStartingIt() {
        BackendConfig c = config(Map.of(), Map.of());
        Capabilities embedded = c.withBackend("embedded").capabilities().orElseThrow();
        assertThat(embedded.supports(Feature.CLOCK)).isTrue();
        assertThat(embedded.supports(Feature.TRAIL)).isTrue();
        assertThat(embedded.supports(Feature.S3_NOTIFICATIONS)).isTrue();
        assertThat(embedded.supports(Feature.SQS_EVENT_SOURCE)).isTrue();
        assertThat(embedded.serves("sqs")).isTrue();
        assertThat(embedded.serves("ec2")).isFalse();
        for (String remote : new String[] {"localstack", "aws"}) {
            Capabilities r = c.withBackend(remote).capabilities().orElseThrow();
            assertThat(r.supports(Feature.CLOCK)).isFalse();
            assertThat(r.supports(Feature.TRAIL)).isFalse();
            assertThat(r.supports(Feature.S3_NOTIFICATIONS)).isTrue();
            assertThat(r.serves("dynamodb")).isTrue();
        }
        assertThat(c.withBackend("nonsense").capabilities()).isEmpty();
    }

    @Test
    void theEndpointIsAPropertyOrAVariableAndDefaultsToPort4566() {
        assertThat(config(Map.of(), Map.of()).endpoint()).isEqualTo("http://127.0.0.1:4566");
        assertThat(config(Map.of("harness.endpoint", "http://ci-emulator:4566"), Map.of("HARNESS_ENDPOINT", "http://x:1"))
                .endpoint()).isEqualTo("http://ci-emulator:4566");
        assertThat(config(Map.of(), Map.of("HARNESS_ENDPOINT", "http://x:1")).endpoint()).isEqualTo("http://x:1");
    }
}
