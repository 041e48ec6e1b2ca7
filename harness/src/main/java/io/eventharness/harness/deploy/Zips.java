package io.eventharness.harness.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Deployment packages from folders. */
public final class Zips {
    private Zips() {
    }

    /** The folder's files, relative paths, sorted, without {@code __pycache__}. */
    public static byte[] ofFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new UncheckedIOException(new IOException("not a folder: " + folder.toAbsolutePath()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out); Stream<Path> walk = Files.walk(folder)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().contains("__pycache__")).sorted().toList();
            for (Path p : files) {
                ZipEntry e = new ZipEntry(folder.relativize(p).toString().replace('\\', '/'));
                zip.putNextEntry(e);
                Files.copy(p, zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
