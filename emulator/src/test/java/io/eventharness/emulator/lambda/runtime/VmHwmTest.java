package io.eventharness.emulator.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The runtime's peak, part of Max Memory Used, comes from {@code VmHWM} in {@code /proc/<pid>/status}, scanned as bytes. */
class VmHwmTest {
    private static long hwm(String status) {
        return ProcFs.vmHwmKb(status.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void readsTheValueOfTheVmHwmLine() {
        assertThat(hwm("Name:\tjava\nVmPeak:\t 4000 kB\nVmHWM:\t   53124 kB\nVmRSS:\t 50000 kB\n")).isEqualTo(53124);
    }

    @Test
    void ignoresTheKeyInsideAnotherLine() {
        assertThat(hwm("Name:\tVmHWM:\nVmHWM:\t12 kB\n")).isEqualTo(12);
        assertThat(hwm("Name:\tx VmHWM: 99 kB\n")).isEqualTo(-1);
    }

    @Test
    void answersMinusOneWithoutAValue() {
        assertThat(hwm("")).isEqualTo(-1);
        assertThat(hwm("VmHWM:")).isEqualTo(-1);
        assertThat(hwm("VmHWM:\t kB\n")).isEqualTo(-1);
    }

    @Test
    void readsThisProcessesOwnStatus() throws Exception {
        byte[] status = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/self/status"));
        assertThat(ProcFs.vmHwmKb(status)).isPositive();
    }
}
