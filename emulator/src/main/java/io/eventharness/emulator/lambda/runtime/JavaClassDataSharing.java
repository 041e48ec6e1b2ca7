package io.eventharness.emulator.lambda.runtime;

import io.eventharness.emulator.core.Ids;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * Application class-data sharing for Java sandboxes, as AWS's Java runtimes use it
 * ({@code -XX:SharedArchiveFile}): the classes of the runtime interface client, loaded and verified once,
 * mapped by every later JVM. Without it a Java cold start spends most of its time loading those classes.
 *
 * <p>One archive per JDK, next to the RIC's jars in the shared cache. The first Java sandbox of a JDK
 * starts without one and sets off, in the background, a training sandbox that runs {@link CdsWarmUp} with
 * {@code -XX:ArchiveClassesAtExit} and is then stopped with SIGTERM so the JVM writes the archive. The
 * class path is the same in every sandbox (only the RIC: the function is loaded by the RIC's own class
 * loader), which is what lets one archive serve every function. A stale or foreign archive is ignored by
 * the JVM ({@code -Xshare:auto}).
 */
final class JavaClassDataSharing {
    private final RuntimeFiles files;
    private final Executor executor;
    /** Runs a training sandbox for a JDK, writing the archive to the given path. */
    private final BiConsumer<RuntimeResolver.Resolved, Path> trainer;
    private final Set<Path> training = new HashSet<>();

    JavaClassDataSharing(RuntimeFiles files, Executor executor, BiConsumer<RuntimeResolver.Resolved, Path> trainer) {
        this.files = files;
        this.executor = executor;
        this.trainer = trainer;
    }

    /** The JVM options for a sandbox of {@code runtime}: the archive's, or none while it is being made. */
    List<String> options(RuntimeResolver.Resolved runtime) {
        Path archive = archive(runtime.executable());
        if (Files.isRegularFile(archive)) {
            return aotCache(runtime.executable()) ? List.of("-XX:AOTCache=" + archive)
                    : List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
        }
        synchronized (this) {
            if (training.add(archive)) {
                executor.execute(() -> train(runtime, archive));
            }
        }
        return List.of();
    }

    private void train(RuntimeResolver.Resolved runtime, Path archive) {
        Path partial = archive.resolveSibling(archive.getFileName() + ".partial-" + Ids.hex(4));
        try {
            trainer.accept(runtime, partial);
            if (Files.isRegularFile(partial)) {
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (java.util.concurrent.CancellationException e) {
            // the engine closed: the archive is made next time
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(JavaClassDataSharing.class).info("no class-data archive for {}: {}",
                    runtime.executable(), e.toString());
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // left in the cache
            }
        }
    }

    /** The JVM options of a training sandbox that writes {@code archive} at exit. */
    static List<String> trainingOptions(Path java, Path archive) {
        return aotCache(java) ? List.of("-XX:AOTCacheOutput=" + archive) : List.of("-XX:ArchiveClassesAtExit=" + archive);
    }

    /**
     * JDK 25 and later: the AOT cache (JEP 483, JEP 514), which also keeps classes linked and some of them
     * initialized; before that, a dynamic CDS archive.
     */
    private static boolean aotCache(Path java) {
        return RuntimeResolver.javaFeature(java) >= 25;
    }

    /** The archive's path for a JDK: named after the JDK (its location and modules file) and the JVM options. */
    private Path archive(Path java) {
        String key;
        try {
            Path home = java.toRealPath().getParent().getParent();
            Path modules = home.resolve("lib/modules");
            key = home + ":" + Files.size(modules) + ":" + Files.getLastModifiedTime(modules).toMillis() + ":"
                    + SandboxLaunch.javaOptions(java);
        } catch (IOException e) {
            key = java.toString();
        }
        return files.java().directory().resolve("cds-" + Integer.toHexString(key.hashCode()) + ".jsa");
    }

    /** A task root holding {@link CdsWarmUp}, in the shared cache. */
    Path warmUpTaskRoot() throws IOException {
        Path root = files.java().directory().resolve("warm-up");
        String name = CdsWarmUp.class.getName().replace('.', '/') + ".class";
        Path target = root.resolve(name);
        if (!Files.isRegularFile(target)) {
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling("CdsWarmUp.class.partial-" + Ids.hex(4));
            try (InputStream in = CdsWarmUp.class.getClassLoader().getResourceAsStream(name)) {
                Files.copy(in, partial);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return root;
    }
}
