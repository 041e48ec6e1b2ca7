package io.eventharness.emulator.s3;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import software.amazon.awssdk.core.SdkPojo;

/**
 * S3's integrity checks: {@code Content-MD5} and the flexible checksums {@code x-amz-checksum-<alg>}
 * (header, or aws-chunked trailer that the codec turned into a header). See "Checking object
 * integrity" in the S3 user guide. The XXHASH algorithms are not supported: their values are ignored.
 */
final class Checksums {
    /** The algorithms S3 verifies, by the name the API uses. */
    static final List<String> ALGORITHMS = List.of("CRC32", "CRC32C", "CRC64NVME", "SHA1", "SHA256", "SHA512", "MD5");

    private Checksums() {
    }

    static boolean supported(String algorithm) {
        return algorithm != null && ALGORITHMS.contains(algorithm.toUpperCase(Locale.ROOT));
    }

    /** The raw digest of {@code data}. */
    static byte[] digest(String algorithm, byte[] data) {
        switch (algorithm) {
            case "CRC32" -> {
                CRC32 c = new CRC32();
                c.update(data);
                return ByteBuffer.allocate(4).putInt((int) c.getValue()).array();
            }
            case "CRC32C" -> {
                CRC32C c = new CRC32C();
                c.update(data);
                return ByteBuffer.allocate(4).putInt((int) c.getValue()).array();
            }
            case "CRC64NVME" -> {
                return ByteBuffer.allocate(8).putLong(Crc64Nvme.of(data)).array();
            }
            default -> {
                return message(algorithm).digest(data);
            }
        }
    }

    static String base64(String algorithm, byte[] data) {
        return Base64.getEncoder().encodeToString(digest(algorithm, data));
    }

    static String md5Hex(byte[] data) {
        return java.util.HexFormat.of().formatHex(message("MD5").digest(data));
    }

    /** An ETag of bytes stored in one piece: their MD5, hex, quoted as on the wire. */
    static String quotedMd5(byte[] data) {
        return "\"" + md5Hex(data) + "\"";
    }

    private static MessageDigest message(String algorithm) {
        String jdk = switch (algorithm) {
            case "SHA1" -> "SHA-1";
            case "SHA256" -> "SHA-256";
            case "SHA512" -> "SHA-512";
            case "MD5" -> "MD5";
            default -> throw new IllegalArgumentException(algorithm);
        };
        try {
            return MessageDigest.getInstance(jdk);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Verifies {@code Content-MD5} (base64 of the 16-byte MD5) when the request carries one. */
    static void verifyContentMd5(String contentMd5, byte[] data) {
        if (contentMd5 == null) {
            return;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(contentMd5.trim());
        } catch (IllegalArgumentException e) {
            throw S3Errors.invalidDigest();
        }
        if (given.length != 16) {
            throw S3Errors.invalidDigest();
        }
        if (!MessageDigest.isEqual(given, message("MD5").digest(data))) {
            throw S3Errors.contentMd5Mismatch();
        }
    }

    /**
     * The checksums a request states ({@code ChecksumCRC32} … members of the SDK request), by
     * algorithm; S3 accepts one at most.
     */
    static Map<String, String> stated(SdkPojo request) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String alg : ALGORITHMS) {
            Object v = Members.get(request, "Checksum" + alg);
            if (v != null) {
                out.put(alg, (String) v);
            }
        }
        if (out.size() > 1) {
            throw S3Errors.invalidRequest("Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.");
        }
        return out;
    }

    /**
     * Verifies the checksum a request states for {@code data}; returns it as a full-object checksum,
     * or null when the request states none.
     */
    static StoredChecksum verifyStated(SdkPojo request, byte[] data) {
        Map<String, String> stated = stated(request);
        if (stated.isEmpty()) {
            return null;
        }
        Map.Entry<String, String> e = stated.entrySet().iterator().next();
        verify(e.getKey(), e.getValue(), data);
        return new StoredChecksum(e.getKey(), e.getValue().trim(), StoredChecksum.FULL_OBJECT);
    }

    /** Throws InvalidRequest for a malformed value, BadDigest for a wrong one. */
    static void verify(String algorithm, String value, byte[] data) {
        byte[] given;
        try {
            given = Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            given = null;
        }
        byte[] actual = digest(algorithm, data);
        if (given == null || given.length != actual.length) {
            throw S3Errors.invalidRequest("Value for x-amz-checksum-" + algorithm.toLowerCase(Locale.ROOT)
                    + " header is invalid.");
        }
        if (!MessageDigest.isEqual(given, actual)) {
            throw S3Errors.badDigest(algorithm.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Verifies the integrity headers of a request whose SDK shape does not carry them (DeleteObjects):
     * {@code Content-MD5} and {@code x-amz-checksum-<alg>}. Returns whether there was one.
     */
    static boolean verifyHeaders(Function<String, String> header, byte[] data) {
        boolean found = false;
        String md5 = header.apply("Content-MD5");
        if (md5 != null) {
            verifyContentMd5(md5, data);
            found = true;
        }
        for (String alg : ALGORITHMS) {
            String v = header.apply("x-amz-checksum-" + alg.toLowerCase(Locale.ROOT));
            if (v != null) {
                verify(alg, v, data);
                found = true;
            }
        }
        return found;
    }

    /** The checksum of a multipart object made of parts with these base64 checksums ({@code <b64>-N}). */
    static String composite(String algorithm, List<String> partChecksums) {
        ByteBuffer all = ByteBuffer.allocate(partChecksums.size() * 64);
        for (String p : partChecksums) {
            all.put(Base64.getDecoder().decode(p));
        }
        byte[] concat = new byte[all.position()];
        all.flip().get(concat);
        return base64(algorithm, concat) + "-" + partChecksums.size();
    }

    /** Sets {@code ChecksumXxx} and {@code ChecksumType} on an SDK response builder. */
    static void apply(SdkPojo builder, StoredChecksum c) {
        if (c != null) {
            Members.set(builder, c.member(), c.value());
            Members.set(builder, "ChecksumType", c.type());
        }
    }
}
