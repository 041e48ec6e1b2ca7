package io.eventharness.emulator.lambda.runtime.bench;

import io.eventharness.emulator.Emulator;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.lambda.runtime.FunctionConfig;
import io.eventharness.emulator.lambda.runtime.FunctionRunner;
import io.eventharness.emulator.lambda.runtime.Functions;
import io.eventharness.emulator.lambda.runtime.Invocation;
import io.eventharness.emulator.lambda.runtime.InvocationResult;
import io.eventharness.emulator.lambda.runtime.LambdaEngine;
import io.eventharness.emulator.lambda.runtime.RuntimeResolver;
import io.eventharness.emulator.lambda.runtime.fixtures.ProbeHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Lambda sandboxes' costs, for an empty handler (not a test: run by hand, numbers go to docs/benchmarks.md).
 * From the repository root:
 *
 * <pre>
 * mvn -B -q -pl emulator test-compile exec:exec@cold-start-bench [-Dbench.args="--runtimes java17,python3.12 --rounds 15"]
 * </pre>
 *
 * For each runtime (default {@code java17}, {@code java25} when a JDK 25 is installed, {@code python3.12}):
 * <ul>
 *   <li>cold start against a bare start of the same interpreter ({@code python -c pass}, {@code java -version}
 *       with the sandbox's JVM options): wall time and CPU time (user + system, of the process and what it
 *       waited for), medians; the cold start with and without the sandbox's own /tmp (mount namespace), and
 *       from a spare sandbox (prepared and booted beforehand, untimed; its CPU time counted from activation,
 *       its boot's CPU time and its idle resident memory shown apart). Before each cold start the previous
 *       sandbox is gone (retired, its processes dead);</li>
 *   <li>warm invoke overhead, p50 and p99, at the engine ({@code FunctionRunner.invoke}) and through the SDK's
 *       {@code Invoke} against an in-JVM emulator (Apache HTTP client, loopback);</li>
 *   <li>sustained warm invocations per second with 1 and 2 concurrent callers, both ways, and the CPU time
 *       (emulator JVM + sandboxes) each invocation costs.</li>
 * </ul>
 * CPU times are the numbers to compare on a loaded machine; wall times depend on what else runs.
 */
public final class ColdStartBench {
    private static final Path EMPTY_PY = Functions.python("python-empty");

    private final int rounds;
    private final int warm;
    private final double seconds;
    private final Path work;

    private ColdStartBench(int rounds, int warm, double seconds, Path work) {
        this.rounds = rounds;
        this.warm = warm;
        this.seconds = seconds;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        List<String> runtimes = new ArrayList<>(List.of("java17", "java25", "python3.12"));
        int rounds = 15;
        int warm = 2000;
        double seconds = 5;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--runtimes" -> runtimes = List.of(args[i + 1].split(","));
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--warm" -> warm = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "cold-start-bench-");
        System.out.printf(Locale.ROOT, "cores %d, load average %s, %d rounds, %d warm calls, %.0f s per throughput run%n",
                Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).trim(), rounds, warm, seconds);
        ColdStartBench bench = new ColdStartBench(rounds, warm, seconds, work);
        try (EmulatorClock clock = new EmulatorClock();
                LambdaEngine engine = LambdaEngine.builder(clock).cacheDirectory(work.resolve("cache")).spareSandboxes(false).build();
                LambdaEngine shared = LambdaEngine.builder(clock).cacheDirectory(work.resolve("cache")).privateTmp(false)
                        .spareSandboxes(false).build();
                LambdaEngine spares = LambdaEngine.builder(clock).cacheDirectory(work.resolve("cache")).build();
                Emulator aws = Emulator.builder().withDynamicPort().build().start()) {
            LambdaClient lambda = LambdaClient.builder().endpointOverride(aws.endpoint()).region(aws.region())
                    .credentialsProvider(aws.credentials()).httpClientBuilder(ApacheHttpClient.builder()).build();
            String role = role(aws);
            for (String runtime : runtimes) {
                RuntimeResolver.Resolved r = engine.runtimes().resolve(runtime);
                if (runtime.equals("java25") && r.warning() != null) {
                    System.out.println("java25: no JDK 25 installed, skipped");
                    continue;
                }
                System.out.printf("%n== %s on %s (%s)%n", runtime, r.executable(), engine.privateTmp() ? "own /tmp" : "shared /tmp");
                bench.engineLevel(engine, shared, spares, r);
                bench.sdkLevel(lambda, role, r);
            }
        }
    }

    private FunctionConfig config(RuntimeResolver.Resolved r, String name) {
        boolean java = r.family() == RuntimeResolver.Family.JAVA;
        Path root = java ? Functions.javaTaskRoot(work, ProbeHandler.class) : EMPTY_PY;
        return FunctionConfig.builder(name).runtime(r.runtime()).handler(java ? ProbeHandler.class.getName() + "::empty" : "empty.handler")
                .codeDirectory(root).memoryMb(512).timeoutSeconds(60).build();
    }

    private void engineLevel(LambdaEngine engine, LambdaEngine shared, LambdaEngine spares, RuntimeResolver.Resolved r)
            throws Exception {
        String name = "bench-" + r.runtime().replace('.', '-');
        FunctionRunner fn = engine.runner(config(r, name));
        FunctionRunner noNs = shared.runner(config(r, name + "-shared-tmp"));
        FunctionRunner spared = spares.runner(config(r, name + "-spare"));
        long archives = classDataArchives();
        fn.invoke(Invocation.of("{}")); // unpacks the runtime files; for Java, sets off the class-data archive
        noNs.invoke(Invocation.of("{}"));
        if (r.family() == RuntimeResolver.Family.JAVA) {
            awaitClassDataArchive(archives);
        }
        spared.invoke(Invocation.of("{}")); // the spare made with the runner, booted before the archive was there
        fn.retireIdle().get(30, TimeUnit.SECONDS);
        noNs.retireIdle().get(30, TimeUnit.SECONDS);
        spared.retireIdle().get(30, TimeUnit.SECONDS);

        Samples bare = new Samples();
        Samples cold = new Samples();
        Samples coldShared = new Samples();
        Samples fromSpare = new Samples();
        List<String> bareCommand = r.family() == RuntimeResolver.Family.JAVA
                ? List.of(r.executable().toString(), "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                        "-Xmx435m", "-XX:-UsePerfData", "-version")
                : List.of(r.executable().toString(), "-c", "pass");
        long bareCpu = 0;
        for (int i = 0; i < rounds; i++) { // interleaved, so that the machine's load hits all three alike
            long cpu0 = Proc.reapedChildrenCpuMillis();
            long t0 = System.nanoTime();
            new ProcessBuilder(bareCommand).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            bare.add((System.nanoTime() - t0) / 1e6, Double.NaN);
            bareCpu += Proc.reapedChildrenCpuMillis() - cpu0;
            coldStart(fn, r, cold);
            coldStart(noNs, r, coldShared);
            spareColdStart(spared, fromSpare);
        }
        // an exited child's CPU time is only known in clock ticks (10 ms): the mean over the rounds is finer
        double bareCpuMean = (double) bareCpu / rounds;
        System.out.printf(Locale.ROOT, "cold start        wall: bare %6.1f ms | cold %6.1f ms (x%.2f) | cold, shared /tmp %6.1f ms -> own /tmp costs %+.1f ms%n",
                bare.wall(), cold.wall(), cold.wall() / bare.wall(), coldShared.wall(), cold.wall() - coldShared.wall());
        System.out.printf(Locale.ROOT, "                  cpu:  bare %6.1f ms | cold %6.1f ms (x%.2f) | cold, shared /tmp %6.1f ms (sandbox; engine %.1f ms)%n",
                bareCpuMean, cold.cpu(), cold.cpu() / bareCpuMean, coldShared.cpu(), cold.engineCpu());
        System.out.printf(Locale.ROOT, "from a spare      wall: %6.1f ms (x%.2f of bare) | cpu from activation %6.1f ms (x%.2f of bare; engine %.1f ms)%n",
                fromSpare.wall(), fromSpare.wall() / bare.wall(), fromSpare.cpu(), fromSpare.cpu() / bareCpuMean, fromSpare.engineCpu());
        System.out.printf(Locale.ROOT, "                  the spare, prepared ahead: boot cpu %6.1f ms, idle RSS %5.1f MB%n",
                fromSpare.bootCpu(), fromSpare.rssMb());
        noNs.close();
        spared.close();

        fn.invoke(Invocation.of("{}"));
        latency("engine", () -> fn.invoke(Invocation.of("{}")).isError());
        for (int callers = 1; callers <= 2; callers++) {
            throughput("engine", callers, () -> fn.invoke(Invocation.of("{}")).isError(), r);
        }
        fn.close();
    }

    /**
     * One cold start, with no other sandbox alive (the previous one retired, its processes dead): wall time to
     * the result, the new sandbox's CPU time then; the sandbox is retired again afterwards.
     */
    private static void coldStart(FunctionRunner fn, RuntimeResolver.Resolved r, Samples into) throws Exception {
        fn.retireIdle().get(30, TimeUnit.SECONDS);
        double engineCpu0 = Proc.threadsCpuMillis(ProcessHandle.current().pid());
        long t0 = System.nanoTime();
        InvocationResult res = fn.invoke(Invocation.of("{}"));
        double wall = (System.nanoTime() - t0) / 1e6;
        double cpu = Proc.newestSandboxCpuMillis(r.executable());
        double engineCpu = Proc.threadsCpuMillis(ProcessHandle.current().pid()) - engineCpu0;
        if (res.isError() || !res.coldStart()) {
            throw new IllegalStateException("not a clean cold start: " + res.payloadUtf8());
        }
        into.add(wall, cpu);
        into.engineCpu.add(engineCpu);
        fn.retireIdle().get(30, TimeUnit.SECONDS);
    }

    /**
     * One cold start from a spare that was prepared and booted beforehand (untimed): wall time to the result, the
     * spare's CPU time from activation; its boot's CPU time and idle resident memory apart.
     */
    private static void spareColdStart(FunctionRunner fn, Samples into) throws Exception {
        fn.retireIdle().get(30, TimeUnit.SECONDS);
        long pid = Functions.readySpare(fn, Duration.ofSeconds(60));
        ProcessHandle spare = ProcessHandle.of(pid).orElseThrow();
        int taken = Functions.sparesTaken(fn);
        double boot = Proc.cpuMillis(spare);
        double rssMb = Proc.rssKb(pid) / 1024.0;
        double engineCpu0 = Proc.threadsCpuMillis(ProcessHandle.current().pid());
        long t0 = System.nanoTime();
        InvocationResult res = fn.invoke(Invocation.of("{}"));
        double wall = (System.nanoTime() - t0) / 1e6;
        double cpu = Proc.cpuMillis(spare) - boot;
        double engineCpu = Proc.threadsCpuMillis(ProcessHandle.current().pid()) - engineCpu0;
        if (res.isError() || !res.coldStart() || Functions.sparesTaken(fn) != taken + 1) {
            throw new IllegalStateException("not a cold start from the spare: " + res.payloadUtf8());
        }
        into.add(wall, cpu);
        into.engineCpu.add(engineCpu);
        into.bootCpu.add(boot);
        into.rssMb.add(rssMb);
        fn.retireIdle().get(30, TimeUnit.SECONDS);
    }

    private void sdkLevel(LambdaClient lambda, String role, RuntimeResolver.Resolved r) throws Exception {
        boolean java = r.family() == RuntimeResolver.Family.JAVA;
        Path root = java ? Functions.javaTaskRoot(work, ProbeHandler.class) : EMPTY_PY;
        String name = "bench-sdk-" + r.runtime().replace('.', '-');
        SdkBytes code = zip(root);
        lambda.createFunction(b -> b.functionName(name).runtime(r.runtime()).role(role).memorySize(512).timeout(60)
                .handler(java ? ProbeHandler.class.getName() + "::empty" : "empty.handler").code(c -> c.zipFile(code)));
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(name));
        Supplier<Boolean> invoke = () -> {
            InvokeResponse res = lambda.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String("{}")));
            return res.functionError() != null;
        };
        invoke.get();
        latency("SDK Invoke", invoke);
        for (int callers = 1; callers <= 2; callers++) {
            throughput("SDK Invoke", callers, invoke, r);
        }
        lambda.deleteFunction(b -> b.functionName(name));
    }

    /** Sequential warm invocations: p50 and p99 of the round trip. */
    private void latency(String what, Supplier<Boolean> call) {
        for (int i = 0; i < warm / 4; i++) {
            call.get(); // JIT, connection pool
        }
        double[] ms = new double[warm];
        for (int i = 0; i < warm; i++) {
            long t0 = System.nanoTime();
            if (call.get()) {
                throw new IllegalStateException("the empty handler failed");
            }
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        System.out.printf(Locale.ROOT, "warm %-11s  p50 %6.2f ms  p99 %6.2f ms%n", what, percentile(ms, 0.5), percentile(ms, 0.99));
    }

    /** Invocations per second with {@code callers} threads for {@code seconds}, and the CPU time each costs. */
    private void throughput(String what, int callers, Supplier<Boolean> call, RuntimeResolver.Resolved r) throws Exception {
        AtomicLong done = new AtomicLong();
        runFor(callers, 1.0, call, done); // warm-up: a second sandbox when there are two callers
        done.set(0);
        long cpu0 = Proc.jvmCpuMillis() + (long) Proc.sandboxCpuMillis(r.executable());
        long t0 = System.nanoTime();
        runFor(callers, seconds, call, done);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long cpu = Proc.jvmCpuMillis() + (long) Proc.sandboxCpuMillis(r.executable()) - cpu0;
        System.out.printf(Locale.ROOT, "sustained %-11s %d caller%s: %7.0f invocations/s, %.3f ms CPU each%n", what, callers,
                callers == 1 ? " " : "s", done.get() / elapsed, (double) cpu / Math.max(1, done.get()));
    }

    /** {@code threads} callers invoke until {@code seconds} have passed, counting the invocations in {@code done}. */
    private static void runFor(int threads, double seconds, Supplier<Boolean> call, AtomicLong done) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        Runnable loop = () -> {
            while (System.nanoTime() < deadline) {
                if (call.get()) {
                    throw new IllegalStateException("the empty handler failed");
                }
                done.incrementAndGet();
            }
        };
        List<Thread> ts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(loop, "bench-caller-" + i);
            t.start();
            ts.add(t);
        }
        for (Thread t : ts) {
            t.join();
        }
    }

    /** The training sandbox writes the JDK's class-data archive in the background: cold starts are measured with it. */
    private void awaitClassDataArchive(long before) {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                    .until(() -> classDataArchives() > before);
        } catch (ConditionTimeoutException e) {
            System.out.println("no class-data archive after 120 s: Java cold starts are measured without it");
        }
    }

    private long classDataArchives() throws IOException {
        Path cache = work.resolve("cache");
        if (!Files.isDirectory(cache)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(cache)) {
            return s.filter(p -> p.getFileName().toString().matches("cds-[0-9a-f]+\\.jsa")).count();
        }
    }

    private static String role(Emulator aws) {
        try (IamClient iam = IamClient.builder().endpointOverride(aws.endpoint()).region(aws.region())
                .credentialsProvider(aws.credentials()).httpClientBuilder(ApacheHttpClient.builder()).build()) {
            return iam.createRole(b -> b.roleName("bench-role").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":"
                    + "[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"))
                    .role().arn();
        }
    }

    private static SdkBytes zip(Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out); Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry(dir.relativize(f).toString()));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }
        return SdkBytes.fromByteArray(out.toByteArray());
    }

    static double percentile(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.floor(p * s.length))];
    }

    /** Wall and CPU times of repeated runs; medians. */
    private static final class Samples {
        final List<Double> wall = new ArrayList<>();
        final List<Double> cpu = new ArrayList<>();
        final List<Double> engineCpu = new ArrayList<>();
        final List<Double> bootCpu = new ArrayList<>();
        final List<Double> rssMb = new ArrayList<>();

        void add(double wallMs, double cpuMs) {
            wall.add(wallMs);
            cpu.add(cpuMs);
        }

        double wall() {
            return median(wall);
        }

        double cpu() {
            return median(cpu);
        }

        double engineCpu() {
            return median(engineCpu);
        }

        double bootCpu() {
            return median(bootCpu);
        }

        double rssMb() {
            return median(rssMb);
        }

        private static double median(List<Double> v) {
            return v.isEmpty() ? Double.NaN : percentile(v.stream().mapToDouble(Double::doubleValue).toArray(), 0.5);
        }
    }

    /** CPU times from /proc, in ms (clock ticks of 10 ms). */
    private static final class Proc {
        /** This JVM's CPU time, in clock ticks (10 ms): for runs of seconds. */
        static long jvmCpuMillis() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
        }

        /** This JVM's children that exited and were waited for: cutime + cstime. */
        static long reapedChildrenCpuMillis() throws IOException {
            String[] f = stat(ProcessHandle.current().pid());
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10;
        }

        /** The live sandboxes running {@code executable}: utime + stime + cutime + cstime (their reaped helpers). */
        static double sandboxCpuMillis(Path executable) throws IOException {
            double ms = 0;
            for (ProcessHandle h : sandboxes(executable)) {
                ms += cpuMillis(h);
            }
            return ms;
        }

        /** The same, of the sandbox started last. */
        static double newestSandboxCpuMillis(Path executable) throws IOException {
            List<ProcessHandle> all = sandboxes(executable);
            ProcessHandle newest = all.stream().max(java.util.Comparator.comparing(h -> h.info().startInstant()
                    .orElse(java.time.Instant.EPOCH))).orElseThrow(() -> new IllegalStateException("no sandbox process"));
            return cpuMillis(newest);
        }

        private static List<ProcessHandle> sandboxes(Path executable) throws IOException {
            String real = executable.toRealPath().toString();
            return ProcessHandle.current().children()
                    .filter(h -> h.info().command().map(c -> c.equals(real) || c.equals(executable.toString())).orElse(false)).toList();
        }

        /**
         * A live process's CPU time: its threads' run time (schedstat, in ns), plus the children it waited for
         * (cutime + cstime, in clock ticks: the shell's {@code mount} of a sandbox with its own /tmp).
         */
        static double cpuMillis(ProcessHandle h) throws IOException {
            String[] f = stat(h.pid());
            return threadsCpuMillis(h.pid()) + (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10.0;
        }

        /** The run time of a process's live threads (schedstat, in ns). */
        static double threadsCpuMillis(long pid) throws IOException {
            long nanos = 0;
            try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        nanos += Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
                    } catch (IOException e) {
                        // the thread ended
                    }
                }
            }
            return nanos / 1e6;
        }

        /** A process's resident memory (VmRSS), in kB. */
        static long rssKb(long pid) throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return 0;
        }

        static String[] stat(long pid) throws IOException {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        }
    }
}
