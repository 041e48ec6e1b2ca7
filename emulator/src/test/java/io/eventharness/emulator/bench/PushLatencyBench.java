package io.eventharness.emulator.bench;

import io.eventharness.emulator.Emulator;
import io.eventharness.emulator.lambda.runtime.Functions;
import io.eventharness.emulator.lambda.runtime.fixtures.PushHandler;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Push sources' event-to-handler latency (not a test: run by hand, numbers go to docs/benchmarks.md).
 *
 * <pre>
 * java -cp "$(cat emulator/target/cp.txt):emulator/target/test-classes:emulator/target/classes" \
 *     io.eventharness.emulator.bench.PushLatencyBench [all|s3|sns] [measured]
 * </pre>
 * One event at a time to a warm Java function ({@code PushHandler}, 512 MB): from just before the SDK's
 * {@code PutObject} (a 1 KiB object into a bucket notifying the function) or {@code Publish} (to a topic the function
 * is subscribed to) to the handler's {@code System.nanoTime()} as it prints the event (the monotonic clock is the
 * machine's, shared by the processes); the emulator settles before the next event. 300 warm-up events, then 2,000
 * measured (or the count given); p50, p90, p99, max.
 */
public final class PushLatencyBench {
    private static final Pattern RECEIVED = Pattern.compile("received m(\\d+) at (\\d+)");
    private static final int WARM = 300;

    private PushLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "all";
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        try (Emulator aws = Emulator.builder().withDynamicPort().build().start()) {
            if (what.equals("s3") || what.equals("all")) {
                s3(aws, measured);
            }
            if (what.equals("sns") || what.equals("all")) {
                sns(aws, measured);
            }
        }
    }

    private static void s3(Emulator aws, int measured) throws Exception {
        S3Client s3 = client(aws, S3Client.builder().forcePathStyle(true));
        LambdaClient lambda = client(aws, LambdaClient.builder());
        String fn = function(aws, lambda, "s3-latency", "s3");
        s3.createBucket(b -> b.bucket("latency"));
        lambda.addPermission(b -> b.functionName(fn).statementId("s3").action("lambda:InvokeFunction")
                .principal("s3.amazonaws.com").sourceArn("arn:aws:s3:::latency"));
        String fnArn = lambda.getFunction(b -> b.functionName(fn)).configuration().functionArn();
        s3.putBucketNotificationConfiguration(b -> b.bucket("latency").notificationConfiguration(n -> n
                .lambdaFunctionConfigurations(l -> l.lambdaFunctionArn(fnArn).eventsWithStrings("s3:ObjectCreated:*"))));
        byte[] kib = new byte[1024];
        report(aws, "S3 PutObject (1 KiB) -> handler", fn, measured,
                i -> s3.putObject(b -> b.bucket("latency").key("m" + i), RequestBody.fromBytes(kib)));
    }

    private static void sns(Emulator aws, int measured) throws Exception {
        SnsClient sns = client(aws, SnsClient.builder());
        LambdaClient lambda = client(aws, LambdaClient.builder());
        String fn = function(aws, lambda, "sns-latency", "sns");
        String topic = sns.createTopic(b -> b.name("latency")).topicArn();
        lambda.addPermission(b -> b.functionName(fn).statementId("sns").action("lambda:InvokeFunction")
                .principal("sns.amazonaws.com").sourceArn(topic));
        String fnArn = lambda.getFunction(b -> b.functionName(fn)).configuration().functionArn();
        sns.subscribe(b -> b.topicArn(topic).protocol("lambda").endpoint(fnArn));
        report(aws, "SNS Publish -> handler", fn, measured, i -> sns.publish(b -> b.topicArn(topic).message("m" + i)));
    }

    /** Sends WARM + measured events one at a time (settled in between) and prints the latency percentiles. */
    private static void report(Emulator aws, String what, String fn, int measured, IntConsumer send) {
        long[] sent = new long[WARM + measured];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = System.nanoTime();
            send.accept(i);
            aws.settle(Duration.ofSeconds(30)); // handled before the next one
        }
        Map<Integer, Long> received = new HashMap<>();
        CloudWatchLogsClient logs = client(aws, CloudWatchLogsClient.builder());
        for (FilteredLogEvent e : logs.filterLogEventsPaginator(b -> b.logGroupName("/aws/lambda/" + fn)).events()) {
            Matcher m = RECEIVED.matcher(e.message());
            if (m.find()) {
                received.put(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
            }
        }
        double[] ms = new double[measured];
        for (int i = 0; i < measured; i++) {
            Long at = received.get(WARM + i);
            if (at == null) {
                throw new IllegalStateException("event m" + (WARM + i) + " did not reach the handler");
            }
            ms[i] = (at - sent[WARM + i]) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "latency %s, %d events: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                what, measured, ms[measured / 2], ms[measured * 9 / 10], ms[measured * 99 / 100], ms[measured - 1]);
    }

    private static String function(Emulator aws, LambdaClient lambda, String name, String method) throws Exception {
        String role = client(aws, IamClient.builder()).createRole(b -> b.roleName(name)
                .assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}")).role().arn();
        Path root = Functions.javaTaskRoot(Files.createTempDirectory("bench"), PushHandler.class);
        SdkBytes code = zip(root);
        lambda.createFunction(b -> b.functionName(name).runtime(Runtime.JAVA17).role(role)
                .handler(PushHandler.class.getName() + "::" + method).memorySize(512).timeout(30).code(c -> c.zipFile(code)));
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(name));
        return name;
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(Emulator aws, B builder) {
        builder.httpClientBuilder(ApacheHttpClient.builder().maxConnections(16));
        return builder.endpointOverride(aws.endpoint()).credentialsProvider(aws.credentials()).region(aws.region()).build();
    }

    private static SdkBytes zip(Path root) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                z.putNextEntry(new ZipEntry(root.relativize(f).toString()));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }
        return SdkBytes.fromByteArray(bytes.toByteArray());
    }
}
