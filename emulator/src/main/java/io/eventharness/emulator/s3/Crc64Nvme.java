package io.eventharness.emulator.s3;

/**
 * CRC-64/NVME (reflected polynomial {@code 0x9A6C9329AC4BC9B5}, initial value and final XOR all
 * ones), S3's {@code CRC64NVME} checksum algorithm. The JDK has no implementation of it.
 */
final class Crc64Nvme {
    private static final long POLY = 0x9A6C9329AC4BC9B5L;
    private static final long[] TABLE = new long[256];

    static {
        for (int i = 0; i < 256; i++) {
            long c = i;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ POLY : c >>> 1;
            }
            TABLE[i] = c;
        }
    }

    private Crc64Nvme() {
    }

    static long of(byte[] data) {
        long crc = ~0L;
        for (byte b : data) {
            crc = TABLE[(int) ((crc ^ b) & 0xff)] ^ (crc >>> 8);
        }
        return ~crc;
    }
}
