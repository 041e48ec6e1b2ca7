package io.eventharness.emulator.lambda.runtime.bench;

import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.lambda.runtime.FunctionConfig;
import io.eventharness.emulator.lambda.runtime.FunctionRunner;
import io.eventharness.emulator.lambda.runtime.Invocation;
import io.eventharness.emulator.lambda.runtime.InvocationResult;
import io.eventharness.emulator.lambda.runtime.LambdaEngine;
import io.eventharness.emulator.lambda.runtime.RuntimeResolver;
import io.eventharness.emulator.lambda.runtime.fixtures.ProbeHandler;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Cold start against a bare process start of the same interpreter, and warm invoke overhead, for an
 * empty handler. Run from the emulator module after {@code mvn test-compile}:
 *
 * <pre>
 * java -cp "target/classes:target/test-classes:$(cat cp.txt)" io.eventharness.emulator.lambda.runtime.bench.ColdStartBench [rounds] [warm]
 * </pre>
 * (cp.txt from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}). Bare and cold runs are
 * measured back to back; medians are reported, as wall time and as CPU time (user + system), the latter
 * being what to compare on a loaded machine.
 */
public final class ColdStartBench {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int warm = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Path work = Files.createTempDirectory("bench");
        Path cache = work.resolve("cache"); // fresh: the class-data archives are made during the run
        try (EmulatorClock clock = new EmulatorClock(); LambdaEngine engine = LambdaEngine.builder(clock).cacheDirectory(cache).build()) {
            Path javaRoot = javaTaskRoot(work);
            Path pyRoot = Path.of(ColdStartBench.class.getClassLoader().getResource("lambda/functions/python-empty").toURI());
            for (String runtime : List.of("python3.11", "java17", "java25")) {
                RuntimeResolver.Resolved r = engine.runtimes().resolve(runtime);
                boolean java = r.family() == RuntimeResolver.Family.JAVA;
                FunctionConfig config = FunctionConfig.builder("bench-" + runtime.replace('.', '-')).runtime(runtime)
                        .handler(java ? ProbeHandler.class.getName() + "::empty" : "empty.handler")
                        .codeDirectory(java ? javaRoot : pyRoot).memoryMb(512).timeoutSeconds(60).build();
                List<String> bare = java
                        ? List.of(r.executable().toString(), "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                                "-XX:+UseSerialGC", "-Xmx435m", "-XX:-UsePerfData", "-version")
                        : List.of(r.executable().toString(), "-c", "pass");
                FunctionRunner fn = engine.runner(config);
                fn.invoke(Invocation.of("{}")); // first run unpacks the runtime files (and, for Java, trains CDS)
                fn.retireIdle();
                if (java) {
                    awaitClassDataArchives(cache, r);
                }
                double[] bareMs = new double[rounds];
                double[] bareCpu = new double[rounds];
                double[] coldMs = new double[rounds];
                double[] coldCpu = new double[rounds];
                double[] initMs = new double[rounds];
                for (int i = 0; i < rounds; i++) {
                    long cpu0 = reapedChildrenCpuMillis();
                    long t0 = System.nanoTime();
                    Process p = new ProcessBuilder(bare).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    p.waitFor();
                    bareMs[i] = (System.nanoTime() - t0) / 1e6;
                    bareCpu[i] = reapedChildrenCpuMillis() - cpu0;
                }
                for (int i = 0; i < rounds; i++) {
                    long t0 = System.nanoTime();
                    InvocationResult res = fn.invoke(Invocation.of("{}"));
                    coldMs[i] = (System.nanoTime() - t0) / 1e6;
                    coldCpu[i] = sandboxCpuMillis(r.executable());
                    initMs[i] = res.initDurationMs() == null ? Double.NaN : res.initDurationMs();
                    if (res.isError() || !res.coldStart()) {
                        throw new IllegalStateException(res.payloadUtf8());
                    }
                    fn.retireIdle();
                }
                fn.invoke(Invocation.of("{}"));
                double[] warmMs = new double[warm];
                for (int i = 0; i < warm; i++) {
                    long t0 = System.nanoTime();
                    fn.invoke(Invocation.of("{}"));
                    warmMs[i] = (System.nanoTime() - t0) / 1e6;
                }
                fn.close();
                System.out.printf("%-11s %-45s wall: bare %6.1f ms, cold invoke %6.1f ms (init %6.1f), ratio %.2f | "
                        + "cpu: bare %5.0f ms, cold %5.0f ms, ratio %.2f | warm p50 %.2f ms p90 %.2f ms%n",
                        runtime, r.executable(), median(bareMs), median(coldMs), median(initMs), median(coldMs) / median(bareMs),
                        median(bareCpu), median(coldCpu), median(coldCpu) / median(bareCpu), median(warmMs), percentile(warmMs, 0.9));
            }
        }
    }

    /** CPU time of this JVM's children that have exited and been waited for (cutime + cstime). */
    private static long reapedChildrenCpuMillis() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10; // fields 16 and 17, at 100 ticks per second
    }

    /** CPU time the live sandbox process (a child running {@code executable}) has used so far. */
    private static double sandboxCpuMillis(Path executable) throws Exception {
        String real = executable.toRealPath().toString();
        for (ProcessHandle h : ProcessHandle.current().children().toList()) {
            if (h.info().command().map(c -> c.equals(real) || c.equals(executable.toString())).orElse(false)) {
                String stat = Files.readString(Path.of("/proc", Long.toString(h.pid()), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0; // utime, stime
            }
        }
        return Double.NaN;
    }

    /** The training sandbox writes the JDK's archive in the background; measure once it is there. */
    private static void awaitClassDataArchives(Path cache, RuntimeResolver.Resolved r) throws Exception {
        for (int i = 0; i < 600; i++) {
            try (var s = Files.walk(cache)) {
                long n = s.filter(p -> p.getFileName().toString().matches("cds-[0-9a-f]+\\.jsa")).count();
                if (n >= (r.runtime().equals("java17") ? 1 : 2)) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        System.out.println("no class-data archive after 60 s");
    }

    private static Path javaTaskRoot(Path parent) throws Exception {
        Method m = Class.forName("io.eventharness.emulator.lambda.runtime.Functions").getDeclaredMethod("javaTaskRoot", Path.class, Class[].class);
        m.setAccessible(true);
        return (Path) m.invoke(null, parent, new Class<?>[] {ProbeHandler.class});
    }

    private static double median(double[] v) {
        return percentile(v, 0.5);
    }

    private static double percentile(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.floor(p * s.length))];
    }

    private ColdStartBench() {
    }
}
