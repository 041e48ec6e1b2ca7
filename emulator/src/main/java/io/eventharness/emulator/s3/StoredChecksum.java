package io.eventharness.emulator.s3;

/**
 * An object's (or a part's) flexible checksum as S3 keeps it: the algorithm ({@code CRC32},
 * {@code CRC32C}, {@code CRC64NVME}, {@code SHA1}, {@code SHA256}, ...), the base64 value, and the
 * checksum type: {@code FULL_OBJECT}, or {@code COMPOSITE} for the checksum of the parts' checksums of
 * a multipart upload (its value ends in {@code -N}, which clients do not verify against the bytes).
 */
record StoredChecksum(String algorithm, String value, String type) {
    static final String FULL_OBJECT = "FULL_OBJECT";
    static final String COMPOSITE = "COMPOSITE";

    /** The SDK model member carrying this algorithm's value ({@code ChecksumCRC32}). */
    String member() {
        return "Checksum" + algorithm;
    }
}
