package io.eventharness.harness.deploy;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The runtime jars of the module under test, read from the test JVM's class path: Surefire's and Failsafe's
 * ({@code surefire.test.class.path}), an IDE's ({@code java.class.path}). A test class path holds the module's
 * runtime dependencies and the test's own; the test-only ones are told apart by what they are — the harness itself,
 * the JUnit Platform, opentest4j, apiguardian, AssertJ (and Byte Buddy), Awaitility, Hamcrest, Mockito — found by a
 * class each and left out. Whatever else the test scope adds is shipped too: harmless to the function, a few bytes
 * more to zip once.
 *
 * <pre>{@code
 * List<Path> jars = ModuleClasspath.runtimeJars();
 * }</pre>
 */
public final class ModuleClasspath {
    /** One class of each test-only library, whose jar is left out of the function's. */
    static final List<String> TEST_ONLY = List.of(
            "io.eventharness.harness.deploy.ModuleClasspath",   // the harness (and the emulator it carries)
            "org.junit.platform.commons.annotation.Testable", "org.junit.platform.engine.TestEngine",
            "org.junit.platform.launcher.Launcher", "org.junit.platform.testkit.engine.EngineTestKit",
            "org.junit.platform.suite.api.Suite", "org.junit.jupiter.api.Test", "org.junit.jupiter.engine.JupiterTestEngine",
            "org.junit.jupiter.params.ParameterizedTest", "org.junit.vintage.engine.VintageTestEngine", "org.junit.Test",
            "org.opentest4j.AssertionFailedError", "org.apiguardian.api.API", "org.assertj.core.api.Assertions",
            "net.bytebuddy.ByteBuddy", "org.awaitility.Awaitility", "org.hamcrest.Matcher", "org.mockito.Mockito",
            "org.objenesis.Objenesis");

    private ModuleClasspath() {
    }

    /** The jars of the test class path, in its order, less the test-only ones. */
    public static List<Path> runtimeJars() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path", "");
        }
        Set<Path> testOnly = testOnlyJars();
        List<Path> jars = new ArrayList<>();
        for (String entry : cp.split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                Path jar = Path.of(entry).toAbsolutePath().normalize();
                if (Files.isRegularFile(jar) && !testOnly.contains(jar) && !jar.getFileName().toString().startsWith("surefire")) {
                    jars.add(jar);
                }
            }
        }
        return jars;
    }

    private static Set<Path> testOnlyJars() {
        Set<Path> out = new HashSet<>();
        ClassLoader loader = ModuleClasspath.class.getClassLoader();
        for (String name : TEST_ONLY) {
            try {
                CodeSource source = Class.forName(name, false, loader).getProtectionDomain().getCodeSource();
                if (source != null && source.getLocation() != null) {
                    out.add(Path.of(source.getLocation().toURI()).toAbsolutePath().normalize());
                }
            } catch (ClassNotFoundException | LinkageError | URISyntaxException | IllegalArgumentException absent) {
                // not on this class path
            }
        }
        return out;
    }
}
