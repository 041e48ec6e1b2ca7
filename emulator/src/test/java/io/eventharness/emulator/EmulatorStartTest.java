package io.eventharness.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, and failing to start, leaves nothing behind. */
class EmulatorStartTest {
    @TempDir
    Path work;

    @Test
    void aPortInUseFailsStartAndWhatWasBeingBuiltIsClosed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Emulator aws = Emulator.builder().withPort(taken.getLocalPort()).withLambdaWorkDirectory(work).build();

            assertThatThrownBy(aws::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot start the emulator on 127.0.0.1:" + taken.getLocalPort());

            // the Lambda engine the services made had its directory here: closed with them
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(work).isEmptyDirectory());
        }
    }
}
