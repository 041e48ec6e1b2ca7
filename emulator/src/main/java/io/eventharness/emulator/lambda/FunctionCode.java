package io.eventharness.emulator.lambda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A deployment package, unpacked into its own task root, with the original zip kept beside it for
 * {@code GetFunction}'s {@code Code.Location}. Lambda's limits: 50 MB zipped for a direct upload,
 * 250 MB unzipped; the SHA-256 is reported base64 as {@code CodeSha256}.
 */
public final class FunctionCode {
    static final long MAX_ZIPPED = 50L * 1024 * 1024;
    static final long MAX_UNZIPPED = 262_144_000L;

    final Path root;
    final String sha256;
    final long size;
    private final Path zip;

    private FunctionCode(Path root, Path zip, String sha256, long size) {
        this.root = root;
        this.zip = zip;
        this.sha256 = sha256;
        this.size = size;
    }

    /** Unpacks {@code zip} under {@code parent}; a file that is not a zip is InvalidParameterValueException. */
    static FunctionCode unpack(byte[] zip, Path parent, String functionName) {
        String sha = sha256(zip);
        Path root;
        try {
            Files.createDirectories(parent);
            root = Files.createTempDirectory(parent, functionName + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries++;
                Path target = root.resolve(e.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw LambdaErrors.invalidParameter("Could not unzip uploaded file. Please check your file, then try to upload again.");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                total += copy(in, target, MAX_UNZIPPED - total);
                makeExecutable(target);
            }
        } catch (IOException e) {
            delete(root);
            throw LambdaErrors.invalidParameter("Could not unzip uploaded file. Please check your file, then try to upload again.");
        } catch (RuntimeException e) {
            delete(root);
            throw e;
        }
        if (entries == 0) {
            delete(root);
            throw LambdaErrors.invalidParameter("Could not unzip uploaded file. Please check your file, then try to upload again.");
        }
        Path kept = root.resolveSibling(root.getFileName() + ".zip");
        try {
            Files.write(kept, zip);
        } catch (IOException e) {
            delete(root);
            throw new UncheckedIOException(e);
        }
        return new FunctionCode(root, kept, sha, zip.length);
    }

    /** The deployment package exactly as it was uploaded. */
    byte[] zipBytes() {
        try {
            return Files.readAllBytes(zip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long copy(InputStream in, Path target, long budget) throws IOException {
        long n = 0;
        byte[] buf = new byte[64 * 1024];
        try (var out = Files.newOutputStream(target)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                n += r;
                if (n > budget) {
                    throw LambdaErrors.invalidParameter("Unzipped size must be smaller than " + MAX_UNZIPPED + " bytes");
                }
                out.write(buf, 0, r);
            }
        }
        return n;
    }

    /** Zip entries carry no Unix mode here; Lambda keeps it, and a {@code bootstrap} must be executable. */
    private static void makeExecutable(Path p) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException | UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
    }

    static String sha256(byte[] data) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void delete() {
        delete(root);
        delete(zip);
    }

    /** Deletes a directory tree, quietly. */
    public static void deleteTree(Path root) {
        delete(root);
    }

    static void delete(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
