package io.eventharness.harness.bench;

import io.eventharness.harness.Cloud;
import io.eventharness.harness.DeployedFunction;
import io.eventharness.harness.Harness;
import io.eventharness.harness.JavaFunction;
import io.eventharness.harness.deploy.ModuleClasspath;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * What deploying a large Java function costs: a shaded jar of at least 20 MB (the harness's test fixture
 * {@code Greeter} and every class of the test class path's AWS SDK jars, as the shade plugin would merge them), deployed
 * the first time (the harness hashes and uploads it through the run's code bucket, the emulator unpacks it), then
 * again and again in fresh Clouds, as test after test deploys it (each time after the previous one was torn down).
 * Also a function from compiled classes plus the runtime jars ({@code JavaFunction.fromModuleClasses()}'s way).
 * A main, not a timed test. From the repository root:
 *
 * <pre>{@code
 * mvn -B -q -pl emulator,harness -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
 *   && java -Deventharness.emulator.classes=emulator/target/classes \
 *        -cp "$(cat harness/target/cp.txt):harness/target/test-classes:harness/target/classes" \
 *        io.eventharness.harness.bench.DeployBench [again-runs, default 10]
 * }</pre>
 */
public final class DeployBench {
    private static final String HANDLER = "io.eventharness.harness.fixtures.Greeter::handleRequest";
    private static final long SHADED_AT_LEAST = 20L * 1024 * 1024;

    private DeployBench() {
    }

    public static void main(String[] args) throws Exception {
        int again = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path jar = shadedJar(Path.of("harness/target/bench/shaded-function.jar"));
        System.out.printf("shaded jar: %.1f MB, %d entries%n", Files.size(jar) / 1e6, entries(jar));
        try (Harness h = Harness.start()) {
            report("shaded jar", h, JavaFunction.fromJar(jar), again);
            report("classes + runtime jars", h, JavaFunction.fromClasses(Path.of("harness/target/test-classes"),
                    ModuleClasspath.runtimeJars()), again);
        }
    }

    private static void report(String what, Harness h, JavaFunction fn, int again) {
        fn.handler(HANDLER).memoryMb(512).timeout(Duration.ofSeconds(30));
        long first = deployOnce(h, fn, true);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < again; i++) {
            times.add(deployOnce(h, fn, false));
        }
        Collections.sort(times);
        System.out.printf("%-24s first %6d ms   again: median %4d ms, max %4d ms (%d runs)%n", what, first,
                times.get(times.size() / 2), times.get(times.size() - 1), times.size());
    }

    /** One deploy in a fresh Cloud, timed; the first also invokes it, to show it runs. Torn down afterwards. */
    private static long deployOnce(Harness h, JavaFunction fn, boolean invoke) {
        try (Cloud cloud = h.newCloud("deploy bench")) {
            long t0 = System.nanoTime();
            DeployedFunction d = cloud.deploy(fn);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (invoke) {
                String out = d.invoke("{\"name\": \"bench\"}").payload();
                if (!out.equals("\"hello bench\"")) {
                    throw new IllegalStateException("the function answered " + out);
                }
            }
            return ms;
        }
    }

    /** The fixture's classes and the entries of the class path's AWS SDK jars, largest first, until 20 MB. */
    static Path shadedJar(Path out) throws IOException {
        if (Files.isRegularFile(out) && Files.size(out) >= SHADED_AT_LEAST) {
            return out;
        }
        Files.createDirectories(out.getParent());
        List<Path> jars = new ArrayList<>(ModuleClasspath.runtimeJars().stream()
                .filter(j -> j.toString().contains("awssdk") || j.toString().contains("netty") || j.toString().contains("jackson")).toList());
        jars.sort((a, b) -> Long.compare(b.toFile().length(), a.toFile().length()));
        Set<String> seen = new HashSet<>();
        try (OutputStream file = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(file)) {
            Path classes = Path.of("harness/target/test-classes");
            try (Stream<Path> walk = Files.walk(classes.resolve("io/eventharness/harness/fixtures"))) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    String name = classes.relativize(f).toString().replace('\\', '/');
                    seen.add(name);
                    zip.putNextEntry(new ZipEntry(name));
                    Files.copy(f, zip);
                    zip.closeEntry();
                }
            }
            for (Path jar : jars) {
                try (ZipFile z = new ZipFile(jar.toFile())) {
                    for (ZipEntry e : Collections.list(z.entries())) {
                        if (e.isDirectory() || !seen.add(e.getName()) || e.getName().startsWith("META-INF/")) {
                            continue;
                        }
                        zip.putNextEntry(new ZipEntry(e.getName()));
                        z.getInputStream(e).transferTo(zip);
                        zip.closeEntry();
                    }
                }
                zip.flush();
                if (Files.size(out) >= SHADED_AT_LEAST) {
                    break;
                }
            }
        }
        return out;
    }

    private static int entries(Path jar) throws IOException {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            return z.size();
        }
    }
}
