package io.eventharness.harness.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import io.eventharness.harness.junit.Example;
import io.eventharness.harness.report.ReportMode;
import io.eventharness.harness.report.Reports;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * How long a scenario suite waits for its first test, and what the harness costs per test. A main in
 * the test sources, not a timed test (timing assertions on a shared CI machine would only flake). From
 * the repository root:
 *
 * <pre>{@code
 * mvn -B -q -pl harness -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
 *   && java -Deventharness.emulator.classes=emulator/target/classes \
 *        -cp "$(cat harness/target/cp.txt):harness/target/test-classes:harness/target/classes" \
 *        io.eventharness.harness.bench.HarnessBench all      # or: first-test [runs] | overhead [n] | report [n]
 * }</pre>
 *
 * <ul>
 *   <li>{@code first-test}: spawns fresh JVMs (this class path) that run one test through the JUnit
 *       Platform launcher and print, at the test's first statement, the time, the JVM's uptime and its
 *       CPU time: once an {@code @EventHarness} test (the embedded backend starts first), once a plain
 *       JUnit test. Medians; the spawn→test wall time includes JVM boot before uptime starts.</li>
 *   <li>{@code overhead}: in this JVM, a trivial test N times plain, under {@code @EventHarness}, and
 *       under it creating one queue (deleted by the teardown, then once more kept with {@code harness.keep});
 *       after a warm-up round, the wall and CPU time per test of each, and the differences (reports off).</li>
 *   <li>{@code report}: in this JVM, what the per-test HTML report costs: two kinds of test N times each with
 *       {@code harness.report} off, on-failure (they pass: a line in the index) and always (a page each) — one creating
 *       a queue, one invoking a function its class deployed (the page then reads the function's log) — the wall and
 *       CPU time per test, the differences, and the pages' size. Reports go to a temporary folder, deleted after.</li>
 * </ul>
 */
public final class HarnessBench {
    private static final Pattern MARK = Pattern.compile(Probes.MARK + " (\\w+) epochMs=(\\d+) uptimeMs=(\\d+) cpuMs=(\\d+)");

    private HarnessBench() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "all";
        if (what.equals("child")) {
            runChild(args[1]);
            return;
        }
        int count = args.length > 1 ? Integer.parseInt(args[1]) : -1;
        System.out.printf(Locale.ROOT, "%d cores, load average %.2f, %s %s%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"));
        if (what.equals("all") || what.equals("first-test")) {
            firstTest(count > 0 ? count : 5);
        }
        Path reports = Files.createTempDirectory("eventharness-bench-reports");
        System.setProperty(Reports.DIR_PROPERTY, reports.toString()); // the bench's reports never land in a module's target/
        if (what.equals("all") || what.equals("overhead")) {
            overhead(count > 0 ? count : 300);
        }
        if (what.equals("all") || what.equals("report")) {
            report(count > 0 ? count : 300, reports);
        }
        deleteTree(reports);
        System.out.printf(Locale.ROOT, "load average at the end %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        SESSION.close(); // JUnit closes the shared harness with the session: the emulator stops
        System.exit(0);
    }

    // ---- first test ---------------------------------------------------------------------------------

    private static void firstTest(int runs) throws IOException, InterruptedException {
        for (String kind : List.of("harness", "plain")) {
            List<Long> wall = new ArrayList<>();
            List<Long> uptime = new ArrayList<>();
            List<Long> cpu = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long[] m = spawn(kind);
                wall.add(m[0]);
                uptime.add(m[1]);
                cpu.add(m[2]);
            }
            System.out.printf(Locale.ROOT, "first-test %-7s (median of %d JVMs): spawn -> first test %5d ms, JVM uptime %5d ms, "
                    + "process CPU %5d ms   (all spawn->test: %s)%n", kind, runs, median(wall), median(uptime), median(cpu), wall);
        }
    }

    /** Spawns a JVM running one probe; returns spawn→test wall ms, the child's uptime and CPU ms at the test. */
    private static long[] spawn(String kind) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long spawned = System.currentTimeMillis();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        String emulatorClasses = System.getProperty("eventharness.emulator.classes");
        if (emulatorClasses != null) {
            command.add("-Deventharness.emulator.classes=" + emulatorClasses);
        }
        command.addAll(List.of(HarnessBench.class.getName(), "child", kind));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        long[] result = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                Matcher m = MARK.matcher(line);
                if (m.find()) {
                    result = new long[]{Long.parseLong(m.group(2)) - spawned, Long.parseLong(m.group(3)), Long.parseLong(m.group(4))};
                }
            }
        }
        if (p.waitFor() != 0 || result == null) {
            throw new IllegalStateException("the " + kind + " probe JVM failed (exit " + p.exitValue() + ")");
        }
        return result;
    }

    private static void runChild(String kind) {
        Class<?> probe = kind.equals("harness") ? Probes.FirstScenarioTest.class : Probes.FirstPlainTest.class;
        TestExecutionSummary s = run(probe, "off");
        SESSION.close();
        System.exit(s.getTestsSucceededCount() == 1 ? 0 : 1);
    }

    // ---- per-test overhead --------------------------------------------------------------------------

    private static void overhead(int n) {
        System.setProperty("bench.n", "50");
        run(Probes.PlainRepeated.class, "off");
        run(Probes.HarnessRepeated.class, "off");
        run(Probes.HarnessWithAQueue.class, "off"); // warm-up: JIT, the emulator, the SDK clients
        System.setProperty("bench.n", Integer.toString(n));
        double[] plain = timed(Probes.PlainRepeated.class, n, "off");
        double[] harness = timed(Probes.HarnessRepeated.class, n, "off");
        double[] queue = timed(Probes.HarnessWithAQueue.class, n, "off");
        System.setProperty("harness.keep", "true"); // the same, without the teardown's DeleteQueue
        double[] kept = timed(Probes.HarnessWithAQueue.class, n, "off");
        System.clearProperty("harness.keep");
        System.out.printf(Locale.ROOT, "overhead (%d tests each)     wall ms/test   CPU ms/test%n", n);
        System.out.printf(Locale.ROOT, "  plain JUnit test             %8.3f      %8.3f%n", plain[0], plain[1]);
        System.out.printf(Locale.ROOT, "  @EventHarness, Cloud, name   %8.3f      %8.3f%n", harness[0], harness[1]);
        System.out.printf(Locale.ROOT, "  ... and one queue created    %8.3f      %8.3f%n", queue[0], queue[1]);
        System.out.printf(Locale.ROOT, "  ... the same, kept (no teardown) %4.3f      %8.3f%n", kept[0], kept[1]);
        System.out.printf(Locale.ROOT, "  harness overhead per test    %8.3f      %8.3f   (with a queue and its teardown: %.3f / %.3f)%n",
                harness[0] - plain[0], harness[1] - plain[1], queue[0] - plain[0], queue[1] - plain[1]);
    }

    // ---- the per-test report -----------------------------------------------------------------------

    private static void report(int n, Path reports) throws IOException {
        List<Class<?>> kinds = List.of(Probes.HarnessWithAQueue.class, Probes.HarnessInvokingAFunction.class);
        List<String> modes = List.of("off", "on-failure", "always");
        System.setProperty("bench.n", "50");
        for (Class<?> c : kinds) {
            modes.forEach(m -> run(c, m)); // warm-up: JIT, the emulator, the function's sandbox, the pages' code
        }
        System.setProperty("bench.n", Integer.toString(n));
        int rounds = 5;
        System.out.printf(Locale.ROOT, "report (%d tests each, median of %d rounds)  wall ms/test   CPU ms/test%n", n, rounds);
        for (Class<?> c : kinds) {
            Map<String, List<double[]>> times = new LinkedHashMap<>();
            for (int r = 0; r < rounds; r++) {
                modes.forEach(m -> times.computeIfAbsent(m, k -> new ArrayList<>()).add(timed(c, n, m))); // interleaved
            }
            double[] off = medians(times.get("off"));
            for (String m : modes) {
                double[] t = medians(times.get(m));
                System.out.printf(Locale.ROOT, "  %-24s %-10s  %8.3f      %8.3f%s%n", m.equals("off") ? c.getSimpleName() : "", m, t[0], t[1],
                        m.equals("off") ? "" : String.format(Locale.ROOT, "   (%+.3f / %+.3f: %s)", t[0] - off[0], t[1] - off[1],
                                m.equals("always") ? "a page and a line" : "a line in the index"));
            }
        }
        try (Stream<Path> files = Files.walk(reports)) {
            List<Path> pages = files.filter(p -> p.toString().endsWith(".html") && !p.endsWith("index.html")).toList();
            long bytes = 0;
            for (Path p : pages) {
                bytes += Files.size(p);
            }
            System.out.printf(Locale.ROOT, "  %d pages, %.1f KB each on average%n", pages.size(), bytes / 1024.0 / Math.max(1, pages.size()));
        }
    }

    /** The median wall and the median CPU time of several rounds. */
    private static double[] medians(List<double[]> rounds) {
        double[] wall = rounds.stream().mapToDouble(t -> t[0]).sorted().toArray();
        double[] cpu = rounds.stream().mapToDouble(t -> t[1]).sorted().toArray();
        return new double[]{wall[wall.length / 2], cpu[cpu.length / 2]};
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Wall and process CPU milliseconds per test of one run of {@code c} with this report mode. */
    private static double[] timed(Class<?> c, int n, String reportMode) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        TestExecutionSummary s = run(c, reportMode);
        long wall = System.nanoTime() - t0;
        long cpu = os.getProcessCpuTime() - cpu0;
        if (s.getTestsSucceededCount() != n) {
            throw new IllegalStateException(c.getSimpleName() + ": " + s.getTestsSucceededCount() + " of " + n + " succeeded");
        }
        return new double[]{wall / 1e6 / n, cpu / 1e6 / n};
    }

    /**
     * One launcher session for the whole bench, as Surefire keeps one for a fork: the harness lives as long as the
     * session (its store holds it), so the timed runs do not each start the emulator again.
     */
    private static final LauncherSession SESSION = LauncherFactory.openSession();

    private static TestExecutionSummary run(Class<?> c, String reportMode) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(c))
                .configurationParameter("harness.backend", "embedded").configurationParameter(Example.PARAMETER, "true")
                .configurationParameter(ReportMode.PROPERTY, reportMode).build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        SESSION.getLauncher().execute(request, summary);
        return summary.getSummary();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
