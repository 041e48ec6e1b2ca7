package io.eventharness.harness;

import io.eventharness.harness.deploy.Zips;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Java function from the zip that {@code mvn package} of its module builds (classes at the root,
 * dependencies in {@code lib/}), or from a classes folder.
 *
 * <pre>{@code
 * cloud.deploy(JavaFunction.fromModule().handler("example.HelloLambda::handleRequest"));
 * }</pre>
 */
public final class JavaFunction extends FunctionSpec<JavaFunction> {
    private final Path zipOrFolder;

    private JavaFunction(Path zipOrFolder) {
        super("java17");
        this.zipOrFolder = zipOrFolder;
    }

    /** A deployment zip. */
    public static JavaFunction fromZip(String path) {
        return new JavaFunction(Path.of(path));
    }

    /** A folder laid out like a task root: classes at the root, jars in {@code lib/}. */
    public static JavaFunction fromFolder(Path folder) {
        return new JavaFunction(folder);
    }

    /** The single {@code target/*.zip} the current module's {@code mvn package} built. */
    public static JavaFunction fromModule() {
        Path target = Path.of("target");
        try (Stream<Path> s = Files.list(target)) {
            List<Path> zips = s.filter(p -> p.getFileName().toString().endsWith(".zip")).toList();
            if (zips.size() != 1) {
                throw new IllegalStateException("expected exactly one zip in " + target.toAbsolutePath() + " (run mvn package), found "
                        + zips);
            }
            return new JavaFunction(zips.get(0));
        } catch (IOException e) {
            throw new UncheckedIOException("no target folder: run mvn package first", e);
        }
    }

    @Override
    byte[] zip() {
        if (Files.isDirectory(zipOrFolder)) {
            return Zips.ofFolder(zipOrFolder);
        }
        try {
            return Files.readAllBytes(zipOrFolder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + zipOrFolder.toAbsolutePath(), e);
        }
    }
}
