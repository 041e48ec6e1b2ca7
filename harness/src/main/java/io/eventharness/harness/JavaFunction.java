package io.eventharness.harness;

import io.eventharness.harness.deploy.CodePackage;
import io.eventharness.harness.deploy.ModuleClasspath;
import io.eventharness.harness.deploy.Packages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A Java function, from any of the ways users build one:
 * <ul>
 *   <li>{@link #fromModuleClasses()} — the module's compiled classes ({@code target/classes}) and its runtime jars
 *       (the test class path's, less the test-only libraries: see {@link ModuleClasspath}). Needs nothing but
 *       {@code compile}, so it works in a Surefire test ({@code *Test}) and from an IDE, and is never stale;</li>
 *   <li>{@link #fromJar(String)} — a shaded (uber) jar, as the {@code maven-shade-plugin} builds it;</li>
 *   <li>{@link #fromZip(String)} / {@link #fromModule()} — a zip with classes at the root and jars in {@code lib/}
 *       (the {@code maven-assembly-plugin} layout);</li>
 *   <li>{@link #fromFolder(Path)} — a folder laid out like a task root.</li>
 * </ul>
 * Jars and zips exist only after {@code package}: tests deploying them are integration tests ({@code *IT}, Failsafe).
 * Each package is zipped and hashed once per content ({@link Packages}); deploying it again costs neither.
 *
 * <pre>{@code
 * cloud.deploy(JavaFunction.fromModuleClasses().handler("example.Orders::handleRequest"));      // in a *Test
 * cloud.deploy(JavaFunction.fromJar("target/orders-1.0.jar").handler("example.Orders::handleRequest")); // in a *IT
 * }</pre>
 */
public final class JavaFunction extends FunctionSpec<JavaFunction> {
    private final Supplier<CodePackage> code;

    private JavaFunction(Supplier<CodePackage> code) {
        super("java17");
        this.code = code;
    }

    /** A deployment zip (classes at the root, jars in {@code lib/}) or any other package file. */
    public static JavaFunction fromZip(String path) {
        return fromZip(Path.of(path));
    }

    /** A deployment zip (classes at the root, jars in {@code lib/}) or any other package file. */
    public static JavaFunction fromZip(Path path) {
        return new JavaFunction(() -> Packages.ofFile(requireFile(path)));
    }

    /** A shaded jar: every class of the function and its dependencies at the root, deployed as it is. */
    public static JavaFunction fromJar(String path) {
        return fromZip(Path.of(path));
    }

    /** A shaded jar: every class of the function and its dependencies at the root, deployed as it is. */
    public static JavaFunction fromJar(Path path) {
        return fromZip(path);
    }

    /** A folder laid out like a task root: classes at the root, jars in {@code lib/}. */
    public static JavaFunction fromFolder(Path folder) {
        return new JavaFunction(() -> Packages.ofFolder(folder));
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
            return fromZip(zips.get(0));
        } catch (IOException e) {
            throw new UncheckedIOException("no target folder: run mvn package first", e);
        }
    }

    /**
     * The current module's compiled classes ({@code target/classes}) at the root and its runtime jars in {@code lib/}:
     * what {@code mvn package} would zip, without packaging. The jars are those of the test class path less the
     * test-only libraries ({@link ModuleClasspath}).
     */
    public static JavaFunction fromModuleClasses() {
        return fromClasses(Path.of("target", "classes"), ModuleClasspath.runtimeJars());
    }

    /** Classes (and resources) of a folder at the root, these jars in {@code lib/}. */
    public static JavaFunction fromClasses(Path classes, List<Path> jars) {
        List<Path> libs = List.copyOf(jars);
        return new JavaFunction(() -> {
            if (!Files.isDirectory(classes)) {
                throw new IllegalStateException("no compiled classes in " + classes.toAbsolutePath() + ": run mvn compile "
                        + "(or test) first");
            }
            return Packages.ofClasses(classes, libs);
        });
    }

    private static Path requireFile(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("no deployment package at " + path.toAbsolutePath() + ": it exists after mvn package, "
                    + "so deploy it from an integration test (*IT, run by the maven-failsafe-plugin), or deploy "
                    + "JavaFunction.fromModuleClasses() from a unit test");
        }
        return path;
    }

    @Override
    CodePackage code() {
        return code.get();
    }
}
