package io.eventharness.harness.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A deployment package ready to upload: its bytes (held, or read from the file they are in) and their SHA-256,
 * which is exactly what Lambda reports as {@code CodeSha256}. Made by {@link Packages}, once per content.
 *
 * <pre>{@code
 * CodePackage p = Packages.ofFile(Path.of("target/orders-1.0.jar"));
 * p.sha256Base64();   // what GetFunction's CodeSha256 will say
 * }</pre>
 */
public final class CodePackage {
    private final byte[] sha256;
    private final long size;
    private final byte[] bytes;
    private final Path file;

    private CodePackage(byte[] sha256, long size, byte[] bytes, Path file) {
        this.sha256 = sha256;
        this.size = size;
        this.bytes = bytes;
        this.file = file;
    }

    static CodePackage held(byte[] sha256, byte[] bytes) {
        return new CodePackage(sha256, bytes.length, bytes, null);
    }

    static CodePackage inFile(byte[] sha256, long size, Path file) {
        return new CodePackage(sha256, size, null, file);
    }

    /** Its SHA-256, base64: Lambda's {@code CodeSha256}, S3's {@code x-amz-checksum-sha256}. */
    public String sha256Base64() {
        return Base64.getEncoder().encodeToString(sha256);
    }

    /** Its SHA-256 in hex, for names (an S3 key). */
    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256);
    }

    public long size() {
        return size;
    }

    /** How many bytes this package holds in memory (none when it is read from its file). */
    long heldBytes() {
        return bytes == null ? 0 : bytes.length;
    }

    /** The zip's bytes (read from its file when it is one). */
    public byte[] bytes() {
        if (bytes != null) {
            return bytes;
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the deployment package " + file.toAbsolutePath(), e);
        }
    }
}
