package io.eventharness.harness.deploy;

import java.nio.file.Path;

/** Deployment packages from folders, as bytes (for tests that call {@code CreateFunction} themselves). */
public final class Zips {
    private Zips() {
    }

    /** The folder's files, relative paths, sorted, without {@code __pycache__} (see {@link Packages#ofFolder}). */
    public static byte[] ofFolder(Path folder) {
        return Packages.ofFolder(folder).bytes();
    }
}
