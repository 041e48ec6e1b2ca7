package io.eventharness.harness.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The embedded emulator shares no library with the test: it runs in a class loader of its own. */
class IsolationTest {

    @Test
    void theEmulatorSeesTheJdkAndNothingOfTheTestClassPath() throws Exception {
        try (EmbeddedBackend b = new EmbeddedBackend()) {
            IsolatedEmulator e = b.emulator();
            ClassLoader emulators = e.bridgeClass().getClassLoader();
            assertThat(emulators).isNotSameAs(getClass().getClassLoader());
            assertThat(emulators.getParent()).isSameAs(ClassLoader.getPlatformClassLoader());
            // its own AWS SDK, not the test's
            Class<?> itsSdkBytes = emulators.loadClass(SdkBytes.class.getName());
            assertThat(itsSdkBytes).isNotSameAs(SdkBytes.class);
            assertThat(e.loaded(itsSdkBytes)).isTrue();
            // and none of the harness
            assertThatThrownBy(() -> emulators.loadClass(EmbeddedBackend.class.getName())).isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void theTestsClientsReachItOverHttpAndItsClockMoves() {
        try (EmbeddedBackend b = new EmbeddedBackend();
             SqsClient sqs = SqsClient.builder().endpointOverride(b.endpoint().orElseThrow()).region(b.region())
                     .credentialsProvider(b.credentials()).build()) {
            String url = sqs.createQueue(r -> r.queueName("isolated")).queueUrl();
            assertThat(url).endsWith("/isolated");
            long mark = b.trailMark();
            java.time.Instant before = b.now();
            b.advance(Duration.ofMinutes(1));
            assertThat(b.now()).isAfterOrEqualTo(before.plus(Duration.ofMinutes(1)));
            assertThat(b.trailSince(mark, x -> true)).isEmpty();
            assertThat(b.hopsSince(mark)).isEmpty();
        }
    }

    @Test
    void theJarTheHarnessCarriesIsCopiedOutOnceAndReused(@TempDir Path dir) throws Exception {
        Path harnessJar = dir.resolve("harness.jar");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(harnessJar))) {
            z.putNextEntry(new ZipEntry("io/eventharness/harness/backend/emulator.jar"));
            z.write("the emulator".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        URL carried = new URL("jar:" + harnessJar.toUri() + "!/io/eventharness/harness/backend/emulator.jar");
        Path copy = IsolatedEmulator.extracted(carried);
        try {
            assertThat(copy).hasContent("the emulator");
            assertThat(IsolatedEmulator.extracted(carried)).isEqualTo(copy);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    @Test
    void withoutTestcontainersTheLocalStackBackendSaysWhatToAdd() {
        assertThatThrownBy(() -> BackendConfig.requireTestcontainers(ClassLoader.getPlatformClassLoader()))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("org.testcontainers:testcontainers-localstack:2.")
                .hasMessageContaining("embedded");
    }
}
