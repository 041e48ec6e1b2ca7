package io.eventharness.emulator.lambda;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deployment packages unpacked once per content: {@link #acquire} keys a package by its SHA-256 (Lambda's
 * {@code CodeSha256}), so a function created, deleted and created again with the same code — or two functions with
 * the same code — unpack it once. A shaded Java function of 20 MB is some 14,000 files: unpacking them is seconds on
 * a busy disk, finding them again is nothing.
 *
 * <p>Each {@code acquire} returns a {@link FunctionCode} of its own (a function version's code is compared by
 * identity), all of the same content sharing one task root, which is read-only in AWS ({@code /var/task}).
 * {@link FunctionCode#delete()} releases it; a package no function uses any more stays unpacked for a redeploy
 * until more than {@link #KEEP_UNUSED_BYTES} of such packages wait, then the least recently released goes. Everything
 * goes with the emulator's code directory when it closes.
 */
final class CodeCache {
    /** How much unpacked code no function uses may stay on disk for a redeploy. */
    static final long KEEP_UNUSED_BYTES = 1L << 30;

    private final Path parent;
    private final long keepUnusedBytes;
    private final Map<String, Unpacked> bySha = new HashMap<>();
    /** Packages no function uses, least recently released first. */
    private final LinkedHashMap<String, Unpacked> unused = new LinkedHashMap<>();
    private long unusedBytes;

    CodeCache(Path parent) {
        this(parent, KEEP_UNUSED_BYTES);
    }

    /** A cache keeping at most {@code keepUnusedBytes} of unpacked code that no function uses (a test's budget). */
    CodeCache(Path parent, long keepUnusedBytes) {
        this.parent = parent;
        this.keepUnusedBytes = keepUnusedBytes;
    }

    /**
     * The package with this content, unpacked now unless it already is.
     *
     * @param sha256 the package's SHA-256, base64, when the caller knows it (S3 kept it as the object's checksum);
     *               null to compute it
     */
    FunctionCode acquire(byte[] zip, String sha256, String functionName) {
        String sha = sha256 != null ? sha256 : FunctionCode.sha256(zip);
        Unpacked u;
        synchronized (this) {
            u = bySha.computeIfAbsent(sha, s -> new Unpacked(s, zip.length));
            u.users++;
            if (unused.remove(sha) != null) {
                unusedBytes -= u.unzippedBytes;
            }
        }
        try {
            u.unpackOnce(zip, parent, functionName);
        } catch (RuntimeException e) {
            release(u);
            throw e;
        }
        return new FunctionCode(u, this);
    }

    /** One user fewer; a package nobody uses waits for a redeploy, within {@link #KEEP_UNUSED_BYTES}. */
    synchronized void release(Unpacked u) {
        if (--u.users > 0) {
            return;
        }
        if (!u.unpacked()) { // its unpacking failed: nothing to keep
            bySha.remove(u.sha256);
            return;
        }
        unused.put(u.sha256, u);
        unusedBytes += u.unzippedBytes;
        var oldest = unused.values().iterator();
        while (unusedBytes > keepUnusedBytes && oldest.hasNext()) {
            Unpacked gone = oldest.next();
            oldest.remove();
            unusedBytes -= gone.unzippedBytes;
            bySha.remove(gone.sha256);
            gone.delete();
        }
    }

    /** How many packages are unpacked (used or waiting for a redeploy); for tests. */
    synchronized int unpackedCount() {
        return bySha.size();
    }
}
