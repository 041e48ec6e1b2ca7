package example.schedule.bench;

import io.eventharness.harness.Cloud;
import io.eventharness.harness.DeployedFunction;
import io.eventharness.harness.Harness;
import io.eventharness.harness.JavaFunction;
import io.eventharness.harness.observe.Invocation;
import io.eventharness.harness.wire.Rule;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The daily scenario's benchmark (not a test: run by hand, numbers go to docs/benchmarks.md): 30 simulated days of
 * {@code DailyReportIT}'s scenario — each day 0 to 3 uploads, then the clock moved to midnight, where the nightly rule
 * invokes {@code DailyReport}, which writes the day's report — on the embedded backend, through the harness as a test
 * would. It prints the wall time of the 30 days, the time the 30 invocations took themselves (each one's
 * {@code Init Duration} and {@code Duration} from its REPORT line: the sandbox's start, the handler's init and its
 * run), and the difference: what the emulator, the clock and the harness cost beyond the invocations.
 *
 * <pre>
 * cd scenarios/schedule &amp;&amp; java -cp "$(cat target/cp.txt):target/test-classes" example.schedule.bench.DailyReportBench [rounds]
 * </pre>
 */
public final class DailyReportBench {
    private DailyReportBench() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        try (Harness harness = Harness.start()) {
            for (int round = 1; round <= rounds; round++) {
                try (Cloud cloud = harness.newCloud("bench " + round)) {
                    run(cloud, round);
                }
            }
        }
    }

    private static void run(Cloud cloud, int round) {
        String uploads = cloud.name("uploads");
        String reports = cloud.name("reports");
        cloud.s3().createBucket(b -> b.bucket(uploads));
        cloud.s3().createBucket(b -> b.bucket(reports));
        DeployedFunction report = cloud.deploy(JavaFunction.fromModule().handler("example.schedule.DailyReport::handleRequest")
                .named("daily-report").memoryMb(512).timeout(Duration.ofSeconds(30)).env("UPLOAD_BUCKET", uploads).env("REPORT_BUCKET", reports));
        Rule nightly = cloud.wire().rule(r -> r.name(cloud.name("nightly")).scheduleExpression("cron(0 0 * * ? *)")).toLambda(report);
        Instant start = cloud.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        cloud.advanceTo(start);
        int before = cloud.trigger(nightly.arn(), report).await().invocations(1).size();
        LocalDate first = start.atZone(ZoneOffset.UTC).toLocalDate();

        long cpu0 = cpu();
        long t0 = System.nanoTime();
        for (int d = 0; d < 30; d++) {
            LocalDate day = first.plusDays(d);
            for (int i = 0; i < d % 4; i++) {
                String key = day + "/upload-" + i + ".csv";
                cloud.s3().putObject(b -> b.bucket(uploads).key(key), RequestBody.fromString("x".repeat(1 + d + i)));
            }
            cloud.advanceTo(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        long wallNanos = System.nanoTime() - t0;
        long cpuNanos = cpu() - cpu0;

        List<Invocation> all = cloud.trigger(nightly.arn(), report).await().invocations(before + 30);
        List<Invocation> days = all.subList(before, all.size());
        double[] each = days.stream().mapToDouble(i -> i.durationMs() + (i.initDurationMs() == null ? 0 : i.initDurationMs())).toArray();
        double invocations = Arrays.stream(each).sum();
        double wall = wallNanos / 1e6;
        long cold = days.stream().filter(Invocation::cold).count();
        if (Boolean.getBoolean("bench.verbose")) {
            days.forEach(i -> System.out.println("    " + i));
        }
        Arrays.sort(each);
        System.out.printf(Locale.ROOT, "round %d: 30 days in %.0f ms of wall time; the 30 invocations (%d cold) took %.0f ms themselves "
                        + "(median %.0f ms, max %.0f ms); beyond them: %.0f ms (%.1f ms a day); this JVM's CPU meanwhile %.0f ms; %d reports%n",
                round, wall, cold, invocations, each[15], each[29], wall - invocations, (wall - invocations) / 30, cpuNanos / 1e6,
                cloud.bucket(reports).keys("reports/").size());
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
