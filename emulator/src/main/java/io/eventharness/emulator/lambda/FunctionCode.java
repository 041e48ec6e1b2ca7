package io.eventharness.emulator.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One function version's deployment package: a handle on the package unpacked once per content by the
 * {@link CodeCache} (its task root, and the zip as uploaded for {@code GetFunction}'s {@code Code.Location}).
 * Each version's code is a handle of its own, compared by identity; {@link #delete()} releases it. Lambda's limits:
 * 50 MB zipped for a direct upload, 250 MB unzipped; the SHA-256 is reported base64 as {@code CodeSha256}.
 */
public final class FunctionCode {
    static final long MAX_ZIPPED = 50L * 1024 * 1024;
    static final long MAX_UNZIPPED = 262_144_000L;

    final Path root;
    final String sha256;
    final long size;
    private final Unpacked unpacked;
    private final CodeCache cache;
    private boolean released;

    FunctionCode(Unpacked unpacked, CodeCache cache) {
        this.unpacked = unpacked;
        this.cache = cache;
        this.root = unpacked.root();
        this.sha256 = unpacked.sha256;
        this.size = unpacked.size;
    }

    /** The deployment package exactly as it was uploaded. */
    byte[] zipBytes() {
        try {
            return Files.readAllBytes(unpacked.zip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] data) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This version no longer needs its code (the version or function is gone); releasing twice releases once. */
    void delete() {
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
        }
        cache.release(unpacked);
    }

    /** Deletes a directory tree, quietly. */
    public static void deleteTree(Path root) {
        delete(root);
    }

    static void delete(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
