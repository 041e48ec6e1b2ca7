package io.eventharness.emulator.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/** Test functions' code directories (also for the Lambda API's tests), and a log sink that records. */
public final class Functions {
    private Functions() {
    }

    /** {@code src/test/resources/lambda/functions/<name>} as built into {@code target/test-classes}. */
    public static Path python(String name) {
        try {
            return Path.of(Functions.class.getClassLoader().getResource("lambda/functions/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A task root holding the compiled classes of {@code handlers} (and their nested classes), laid out as
     * a Java deployment package is unpacked: {@code <task root>/<package>/<Class>.class}.
     */
    public static Path javaTaskRoot(Path parent, Class<?>... handlers) {
        try {
            Path root = Files.createTempDirectory(parent, "java-task-");
            for (Class<?> c : handlers) {
                Path classes = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
                Path pkg = classes.resolve(c.getPackageName().replace('.', '/'));
                Path target = Files.createDirectories(root.resolve(c.getPackageName().replace('.', '/')));
                try (var files = Files.list(pkg)) {
                    for (Path f : files.toList()) {
                        String n = f.getFileName().toString();
                        if (n.equals(c.getSimpleName() + ".class") || n.startsWith(c.getSimpleName() + "$")) {
                            Files.copy(f, target.resolve(n));
                        }
                    }
                }
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Asserts that {@code seen} is how a sandbox of {@code engine} sees the task root {@code code}: {@code /var/task}
     * where the engine can mount it there; else the same path, or, for code under {@code /tmp} (which the sandbox
     * covers with its own), the same path below the engine's {@code task-root} mount points (see {@code PrivateTmp}).
     */
    public static void assertSeenAsTaskRoot(String seen, Path code, LambdaEngine engine) {
        if (engine.taskRootAtVarTask()) {
            assertThat(seen).isEqualTo("/var/task");
            return;
        }
        if (!engine.privateTmp() || !PrivateTmp.underTmp(code)) {
            assertThat(seen).isEqualTo(code.toString());
            return;
        }
        try {
            assertThat(seen).doesNotStartWith("/tmp/")
                    .endsWith("/task-root/" + PrivateTmp.TMP.toRealPath().relativize(code.toRealPath()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * For {@code @TempDir(factory = Functions.SharedWithSandboxes.class)}: a directory a test and its sandboxes
     * both see (to hand files to a function or wait for one). Every sandbox covers {@code /tmp} with its own, so
     * not under {@code /tmp}: the module's {@code target/}, or {@code /var/tmp} when the checkout itself is under
     * {@code /tmp} (a clean clone in CI may well be).
     */
    public static final class SharedWithSandboxes implements TempDirFactory {
        @Override
        public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws IOException {
            Path target = Path.of("target").toAbsolutePath();
            Path parent = Files.createDirectories(PrivateTmp.underTmp(target)
                    ? Path.of("/var/tmp", "event-harness-tests") : target.resolve("shared-with-sandboxes"));
            return Files.createTempDirectory(parent, "junit-");
        }
    }

    /**
     * For the benchmark: prepares a spare sandbox for {@code fn} (unless it has one) and waits until it is booted;
     * its process id.
     */
    public static long readySpare(FunctionRunner fn, Duration atMost) throws Exception {
        fn.prepareSpare();
        Long pid = fn.spareReady().get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        if (pid == null) {
            throw new IllegalStateException("no spare sandbox for " + fn.config().functionName() + " (are spares turned off?)");
        }
        return pid;
    }

    /** For the benchmark: how many cold starts of {@code fn} took a spare sandbox. */
    public static int sparesTaken(FunctionRunner fn) {
        return fn.sparesTaken();
    }

    /** One log event as the sink saw it. */
    record Line(String group, String stream, long timestamp, String message) {
    }

    /** Records every line. */
    static final class RecordingSink implements LogSink {
        final ConcurrentLinkedQueue<Line> lines = new ConcurrentLinkedQueue<>();

        @Override
        public void accept(String group, String stream, long timestampMillis, String message) {
            lines.add(new Line(group, stream, timestampMillis, message));
        }

        List<String> messages(String stream) {
            return lines.stream().filter(l -> l.stream().equals(stream)).map(Line::message).toList();
        }
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
