package io.eventharness.emulator.bench;

import io.eventharness.emulator.Emulator;
import io.eventharness.emulator.delivery.TrailEntry;
import io.eventharness.emulator.lambda.runtime.Functions;
import io.eventharness.emulator.lambda.runtime.fixtures.EventHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * EventBridge's and Scheduler's benchmark (not a test: run by hand, numbers go to docs/benchmarks.md).
 *
 * <pre>
 * java -cp "$(cat emulator/target/cp.txt):emulator/target/test-classes:emulator/target/classes" \
 *     io.eventharness.emulator.bench.EventsBench [all|put-events|firing] [schedules]
 * </pre>
 * <ul>
 *   <li>{@code put-events}: PutEvents through the SDK, one event at a time, a rule matching it with a warm Java function
 *       ({@code EventHandler}, 512 MB) as its target: from just before PutEvents to the handler's wall clock as it prints
 *       the event (the machine's clock, shared by the processes); 300 warm-up events, then 2,000 measured, each after
 *       the emulator settled; p50, p90, p99;</li>
 *   <li>{@code firing}: EventBridge Scheduler {@code at()} schedules in real time (the clock is never moved), one due
 *       every second for {@code schedules} seconds (default 120), alternately to an SQS queue and to the warm function:
 *       the delay from each one's due time to its delivery as the trail records it (the clock's timer waking, the
 *       schedule's target called), and for the function to its handler running; p50, p90, p99.</li>
 * </ul>
 */
public final class EventsBench {
    private static final Pattern EVENT = Pattern.compile("event (\\d+) at (\\d+)");
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final String ROLE = "arn:aws:iam::000000000000:role/scheduler";

    private EventsBench() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "all";
        int schedules = args.length > 1 ? Integer.parseInt(args[1]) : 120;
        try (Emulator aws = Emulator.builder().withDynamicPort().build().start()) {
            Clients c = new Clients(aws);
            Fn fn = function(c, "events-bench");
            switch (what) {
                case "put-events" -> putEvents(aws, c, fn);
                case "firing" -> firing(aws, c, fn, schedules);
                case "all" -> {
                    putEvents(aws, c, fn);
                    firing(aws, c, fn, schedules);
                }
                default -> throw new IllegalArgumentException("unknown benchmark " + what);
            }
        }
    }

    private record Clients(EventBridgeClient events, SchedulerClient scheduler, SqsClient sqs, LambdaClient lambda,
                           CloudWatchLogsClient logs, IamClient iam) {
        Clients(Emulator aws) {
            this(client(aws, EventBridgeClient.builder()), client(aws, SchedulerClient.builder()), client(aws, SqsClient.builder()),
                    client(aws, LambdaClient.builder()), client(aws, CloudWatchLogsClient.builder()), client(aws, IamClient.builder()));
        }
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(Emulator aws, B builder) {
        builder.httpClientBuilder(ApacheHttpClient.builder().maxConnections(16));
        return builder.endpointOverride(aws.endpoint()).credentialsProvider(aws.credentials()).region(aws.region()).build();
    }

    /** A function of the bench: its name and ARN. */
    private record Fn(String name, String arn) {
    }

    /** The Java function {@code EventHandler::handle}. */
    private static Fn function(Clients c, String name) throws IOException {
        String role = c.iam().createRole(b -> b.roleName("bench").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}")).role().arn();
        Path root = Functions.javaTaskRoot(Files.createTempDirectory("bench"), EventHandler.class);
        String arn = c.lambda().createFunction(b -> b.functionName(name).runtime(Runtime.JAVA17).role(role)
                .handler(EventHandler.class.getName() + "::handle").memorySize(512).timeout(30).code(x -> x.zipFile(zip(root))))
                .functionArn();
        c.lambda().waiter().waitUntilFunctionActiveV2(b -> b.functionName(name));
        return new Fn(name, arn);
    }

    private static void putEvents(Emulator aws, Clients c, Fn fn) {
        String rule = c.events().putRule(b -> b.name("bench").eventPattern("{\"source\": [\"bench\"]}")).ruleArn();
        c.lambda().addPermission(b -> b.functionName(fn.name()).statementId("events").action("lambda:InvokeFunction")
                .principal("events.amazonaws.com").sourceArn(rule));
        c.events().putTargets(b -> b.rule("bench").targets(t -> t.id("fn").arn(fn.arn())));
        int warm = 300;
        int measured = 2_000;
        long[] sent = new long[warm + measured];
        for (int i = 0; i < sent.length; i++) {
            int n = i;
            sent[i] = micros();
            c.events().putEvents(b -> b.entries(e -> e.source("bench").detailType("Bench").detail("{\"n\": " + n + "}")));
            aws.settle(Duration.ofSeconds(30)); // handled before the next one
        }
        Map<Integer, Long> handled = handled(c, fn);
        double[] ms = new double[measured];
        for (int i = 0; i < measured; i++) {
            ms[i] = (at(handled, warm + i) - sent[warm + i]) / 1e3;
        }
        print("PutEvents -> handler (warm Java function), " + measured + " events", ms);
    }

    private static void firing(Emulator aws, Clients c, Fn fn, int schedules) throws InterruptedException {
        String queue = c.sqs().createQueue(b -> b.queueName("firing")).queueUrl();
        String queueArn = c.sqs().getQueueAttributes(b -> b.queueUrl(queue).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        c.lambda().invoke(b -> b.functionName(fn.name()).payload(SdkBytes.fromUtf8String("{\"n\": -1}"))); // warm
        long mark = aws.trail().lastSeq();
        Instant first = aws.clock().now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(5);
        Map<String, Instant> due = new HashMap<>();
        Map<Integer, Instant> dueOf = new HashMap<>();
        for (int i = 0; i < schedules; i++) {
            int n = i;
            Instant when = first.plusSeconds(i);
            String target = i % 2 == 0 ? queueArn : fn.arn();
            String arn = c.scheduler().createSchedule(b -> b.name("at-" + n).scheduleExpression("at(" + AT.format(LocalDateTime.ofInstant(when, ZoneOffset.UTC)) + ")")
                    .flexibleTimeWindow(w -> w.mode("OFF")).target(t -> t.arn(target).roleArn(ROLE).input("{\"n\": " + n + "}"))).scheduleArn();
            due.put(arn, when);
            dueOf.put(n, when);
        }
        CountDownLatch past = new CountDownLatch(1);
        aws.clock().schedule(first.plusSeconds(schedules + 1), past::countDown); // the clock's signal: the last one is due by then
        if (!past.await(schedules + 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the clock did not reach the last schedule's time");
        }
        aws.settle(Duration.ofSeconds(60));
        List<Double> toQueue = new ArrayList<>();
        List<Double> toFunction = new ArrayList<>();
        for (TrailEntry e : aws.trail().since(mark)) {
            Instant d = due.get(e.source());
            if (d != null && e.kind().equals("scheduler:Invoke") && e.outcome().equals("delivered")) {
                double ms = Duration.between(d, e.at()).toNanos() / 1e6;
                (e.target().equals(queueArn) ? toQueue : toFunction).add(ms);
            }
        }
        Map<Integer, Long> handled = handled(c, fn);
        double[] handler = dueOf.entrySet().stream().filter(x -> x.getKey() % 2 == 1)
                .mapToDouble(x -> (at(handled, x.getKey()) - ChronoUnit.MICROS.between(Instant.EPOCH, x.getValue())) / 1e3).toArray();
        print("schedule due -> delivered to its SQS queue (trail), " + toQueue.size() + " at() schedules", toArray(toQueue));
        print("schedule due -> delivered to its function (trail), " + toFunction.size() + " at() schedules", toArray(toFunction));
        print("schedule due -> the function's handler running, " + handler.length + " at() schedules", handler);
    }

    /** The handler's wall clock (epoch microseconds) per event number, from the function's log. */
    private static Map<Integer, Long> handled(Clients c, Fn fn) {
        Map<Integer, Long> out = new HashMap<>();
        for (FilteredLogEvent e : c.logs().filterLogEventsPaginator(b -> b.logGroupName("/aws/lambda/" + fn.name())).events()) {
            Matcher m = EVENT.matcher(e.message());
            if (m.find()) {
                out.put(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
            }
        }
        return out;
    }

    private static long at(Map<Integer, Long> handled, int n) {
        Long at = handled.get(n);
        if (at == null) {
            throw new IllegalStateException("event " + n + " was not handled");
        }
        return at;
    }

    private static long micros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    private static double[] toArray(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void print(String what, double[] ms) {
        if (ms.length == 0) {
            System.out.println(what + ": no samples");
            return;
        }
        Arrays.sort(ms);
        int n = ms.length;
        System.out.printf(Locale.ROOT, "%s: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, ms[n / 2], ms[n * 9 / 10],
                ms[Math.min(n - 1, n * 99 / 100)], ms[n - 1]);
    }

    private static SdkBytes zip(Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out); Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry(dir.relativize(f).toString()));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SdkBytes.fromByteArray(out.toByteArray());
    }
}
