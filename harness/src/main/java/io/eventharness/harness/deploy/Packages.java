package io.eventharness.harness.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Deployment packages made once per content, for the whole JVM: what a package is made of is recognised by the
 * files' paths, sizes and modification times (a stat each, no reading), so deploying unchanged code again neither
 * re-zips nor re-hashes it, whatever its size; a changed file (a new build) makes a new package.
 *
 * <ul>
 *   <li>{@link #ofFile}: a zip or a shaded jar as it is (hashed once);</li>
 *   <li>{@link #ofFolder}: a folder's files (a Python source folder, a task root laid out by hand), without
 *       {@code __pycache__};</li>
 *   <li>{@link #ofClasses}: compiled classes at the root and jars in {@code lib/}, the layout Lambda's Java runtime
 *       puts on its class path.</li>
 * </ul>
 * Zips are reproducible: entries sorted, every time stamp the same, so the same files give the same
 * {@code CodeSha256}. Jars go in stored-deflate (level 0): they are compressed already. Packages made here are kept
 * in memory, the most recently used first, up to {@link #KEEP_BYTES}.
 */
public final class Packages {
    /** How many bytes of zipped packages the JVM keeps for redeploys. */
    static final long KEEP_BYTES = 512L * 1024 * 1024;
    /** 1980-01-01, the zip format's first day: every entry's time, so that a package's bytes depend on its files only. */
    private static final long FIXED_TIME = 315_532_800_000L;

    private static final Map<String, CodePackage> MADE = new LinkedHashMap<>(16, 0.75f, true);
    private static long madeBytes;

    private Packages() {
    }

    /** A zip or jar file as it is: hashed the first time, and again only when the file changes. */
    public static CodePackage ofFile(Path file) {
        Path f = file.toAbsolutePath().normalize();
        String key = "file " + stamp(f);
        synchronized (MADE) {
            CodePackage known = MADE.get(key);
            if (known != null) {
                return known;
            }
        }
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(f), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the deployment package " + f, e);
        }
        return remember(key, CodePackage.inFile(sha.digest(), size(f), f), 0);
    }

    /** The folder's files, paths relative to it, without {@code __pycache__}. */
    public static CodePackage ofFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new UncheckedIOException(new IOException("not a folder: " + folder.toAbsolutePath()));
        }
        return ofClasses(folder, List.of());
    }

    /** Classes (and resources) of {@code classes} at the root, each of {@code jars} in {@code lib/}. */
    public static CodePackage ofClasses(Path classes, List<Path> jars) {
        Map<String, Path> entries = new LinkedHashMap<>();
        StringBuilder key = new StringBuilder("zip\n");
        for (Path f : files(classes)) {
            String name = classes.relativize(f).toString().replace('\\', '/');
            entries.put(name, f);
            key.append(name).append(' ').append(stamp(f)).append('\n');
        }
        for (Path jar : jars) {
            String name = "lib/" + jar.getFileName();
            if (entries.putIfAbsent(name, jar) == null) {
                key.append(name).append(' ').append(stamp(jar.toAbsolutePath())).append('\n');
            }
        }
        String k = key.toString();
        synchronized (MADE) {
            CodePackage known = MADE.get(k);
            if (known != null) {
                return known;
            }
        }
        byte[] zip = zip(entries);
        CodePackage made = CodePackage.held(sha256().digest(zip), zip);
        return remember(k, made, zip.length);
    }

    private static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(p -> !p.toString().contains("__pycache__")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zip(Map<String, Path> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> names = new ArrayList<>(entries.keySet());
        names.sort(null);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : names) {
                zip.setLevel(name.startsWith("lib/") && name.endsWith(".jar") ? Deflater.NO_COMPRESSION : Deflater.DEFAULT_COMPRESSION);
                ZipEntry e = new ZipEntry(name);
                e.setTime(FIXED_TIME);
                zip.putNextEntry(e);
                Files.copy(entries.get(name), zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static CodePackage remember(String key, CodePackage p, long heldBytes) {
        synchronized (MADE) {
            MADE.put(key, p);
            madeBytes += heldBytes;
            var oldest = MADE.entrySet().iterator();
            while (madeBytes > KEEP_BYTES && oldest.hasNext()) {
                CodePackage gone = oldest.next().getValue();
                if (gone == p) {
                    break;
                }
                oldest.remove();
                madeBytes -= gone.heldBytes();
            }
        }
        return p;
    }

    /** A file's identity for the cache: path, size, modification time. */
    private static String stamp(Path f) {
        try {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            return f + " " + a.size() + " " + a.lastModifiedTime().toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
