package io.eventharness.emulator.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * One deployment package on disk, shared by every {@link FunctionCode} of its content ({@link CodeCache}): its task
 * root, the zip exactly as uploaded (for {@code GetFunction}'s {@code Code.Location}), its SHA-256 and sizes. It is
 * unpacked once, by the first user, while later ones wait; a failed unpacking leaves nothing and is tried again by
 * the next.
 */
final class Unpacked {
    final String sha256;
    final long size;
    /** Guarded by the {@link CodeCache}. */
    int users;
    /** Set once unpacked; guarded by this. */
    private Path root;
    private Path zip;
    volatile long unzippedBytes;

    Unpacked(String sha256, long size) {
        this.sha256 = sha256;
        this.size = size;
    }

    synchronized boolean unpacked() {
        return root != null;
    }

    synchronized Path root() {
        return root;
    }

    synchronized Path zip() {
        return zip;
    }

    /** Unpacks {@code bytes} under {@code parent} unless done; a file that is not a zip is InvalidParameterValueException. */
    synchronized void unpackOnce(byte[] bytes, Path parent, String functionName) {
        if (root != null) {
            return;
        }
        Path dir;
        try {
            Files.createDirectories(parent);
            dir = Files.createTempDirectory(parent, functionName + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries++;
                Path target = dir.resolve(e.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw notAZip();
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                total += copy(in, target, FunctionCode.MAX_UNZIPPED - total);
                makeExecutable(target);
            }
        } catch (IOException e) {
            FunctionCode.delete(dir);
            throw notAZip();
        } catch (RuntimeException e) {
            FunctionCode.delete(dir);
            throw e;
        }
        if (entries == 0) {
            FunctionCode.delete(dir);
            throw notAZip();
        }
        Path kept = dir.resolveSibling(dir.getFileName() + ".zip");
        try {
            Files.write(kept, bytes);
        } catch (IOException e) {
            FunctionCode.delete(dir);
            throw new UncheckedIOException(e);
        }
        unzippedBytes = total;
        zip = kept;
        root = dir;
    }

    synchronized void delete() {
        if (root != null) {
            FunctionCode.delete(root);
            FunctionCode.delete(zip);
            root = null;
            zip = null;
        }
    }

    private static RuntimeException notAZip() {
        return LambdaErrors.invalidParameter("Could not unzip uploaded file. Please check your file, then try to upload again.");
    }

    private static long copy(InputStream in, Path target, long budget) throws IOException {
        long n = 0;
        byte[] buf = new byte[64 * 1024];
        try (var out = Files.newOutputStream(target)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                n += r;
                if (n > budget) {
                    throw LambdaErrors.invalidParameter("Unzipped size must be smaller than " + FunctionCode.MAX_UNZIPPED + " bytes");
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
}
