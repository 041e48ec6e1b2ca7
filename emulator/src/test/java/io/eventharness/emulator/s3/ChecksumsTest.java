package io.eventharness.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChecksumsTest {
    private static final byte[] CHECK = "123456789".getBytes(StandardCharsets.US_ASCII);

    @Test
    void crcCheckValues() {
        // the catalogue check values of CRC-64/NVME, CRC-32 and CRC-32C over "123456789"
        assertThat(Crc64Nvme.of(CHECK)).isEqualTo(0xAE8B14860A799888L);
        assertThat(java.util.HexFormat.of().formatHex(Checksums.digest("CRC32", CHECK))).isEqualTo("cbf43926");
        assertThat(java.util.HexFormat.of().formatHex(Checksums.digest("CRC32C", CHECK))).isEqualTo("e3069283");
    }

    @Test
    void compositeIsTheChecksumOfPartChecksums() {
        String a = Checksums.base64("CRC32", "a".getBytes(StandardCharsets.US_ASCII));
        String b = Checksums.base64("CRC32", "b".getBytes(StandardCharsets.US_ASCII));
        byte[] concat = new byte[8];
        System.arraycopy(Checksums.digest("CRC32", "a".getBytes(StandardCharsets.US_ASCII)), 0, concat, 0, 4);
        System.arraycopy(Checksums.digest("CRC32", "b".getBytes(StandardCharsets.US_ASCII)), 0, concat, 4, 4);
        assertThat(Checksums.composite("CRC32", List.of(a, b))).isEqualTo(Checksums.base64("CRC32", concat) + "-2");
    }
}
