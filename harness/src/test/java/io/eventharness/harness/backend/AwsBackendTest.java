package io.eventharness.harness.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;

/** The real-AWS backend says what is missing, as the other backends do. */
class AwsBackendTest {
    private static final StaticCredentialsProvider SOME = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIA", "x"));

    @Test
    void withoutARegionItIsUnavailableWithWhatToSet() {
        assertThatThrownBy(() -> new AwsBackend(() -> {
            throw SdkClientException.create("Unable to load region");
        }, SOME)).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("needs a region").hasMessageContaining("AWS_REGION")
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    }

    @Test
    void withoutCredentialsItIsUnavailableWithWhatToSet() {
        assertThatThrownBy(() -> new AwsBackend(() -> Region.EU_WEST_1, () -> {
            throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
        })).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("needs AWS credentials").hasMessageContaining("AWS_PROFILE");
    }

    @Test
    void withBothItTalksToAwsItself() {
        AwsBackend b = new AwsBackend(() -> Region.EU_WEST_1, SOME);
        assertThat(b.endpoint()).isEmpty();
        assertThat(b.region()).isEqualTo(Region.EU_WEST_1);
        assertThat(b.pathStyleS3()).isFalse();
        assertThat(b.hasMovableClock()).isFalse();
        assertThat(b.hasTrail()).isFalse();
    }
}
