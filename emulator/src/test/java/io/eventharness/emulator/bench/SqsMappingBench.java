package io.eventharness.emulator.bench;

import io.eventharness.emulator.Emulator;
import io.eventharness.emulator.lambda.runtime.fixtures.SqsHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * SQS event source mappings' benchmark (not a test: run by hand, numbers go to docs/benchmarks.md).
 *
 * <pre>
 * java -cp "$(cat emulator/target/cp.txt):emulator/target/test-classes:emulator/target/classes" \
 *     io.eventharness.emulator.bench.SqsMappingBench [all|latency|throughput] [messages]
 * </pre>
 * <ul>
 *   <li>{@code latency}: one message at a time through the SDK's SendMessage to a mapped Java function
 *       ({@code SqsHandler::report}, batch size 10, no batching window, warm): from just before SendMessage to the
 *       handler's {@code System.nanoTime()} as it prints the message (the monotonic clock is the machine's, shared by
 *       the processes); 300 warm-up messages, then 2,000 measured; p50, p90, p99;</li>
 *   <li>{@code throughput}: a queue filled with 20,000 messages (or the count given) while its mapping is disabled,
 *       then enabled: messages per second until the emulator is settled (every batch invoked and deleted), batch size
 *       10, a no-op Java handler ({@code SqsHandler::noop}), five batches at once (the default).</li>
 * </ul>
 */
public final class SqsMappingBench {
    private static final Pattern RECEIVED = Pattern.compile("received m(\\d+) at (\\d+)");

    private SqsMappingBench() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "all";
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        try (Emulator aws = Emulator.builder().withDynamicPort().build().start()) {
            Clients c = new Clients(aws);
            switch (what) {
                case "latency" -> latency(aws, c);
                case "throughput" -> throughput(aws, c, messages);
                case "all" -> {
                    latency(aws, c);
                    throughput(aws, c, messages);
                }
                default -> throw new IllegalArgumentException("unknown benchmark " + what);
            }
        }
    }

    private record Clients(SqsClient sqs, LambdaClient lambda, CloudWatchLogsClient logs, String role) {
        Clients(Emulator aws) {
            this(client(aws, SqsClient.builder()), client(aws, LambdaClient.builder()), client(aws, CloudWatchLogsClient.builder()),
                    client(aws, IamClient.builder()).createRole(b -> b.roleName("bench")
                            .assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                                    + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}")).role().arn());
        }
    }

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>
            & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, C>, C> C client(Emulator aws, B builder) {
        builder.httpClientBuilder(ApacheHttpClient.builder().maxConnections(16));
        return builder.endpointOverride(aws.endpoint()).credentialsProvider(aws.credentials()).region(aws.region()).build();
    }

    /** A Java function of {@code SqsHandler}, mapped from a new queue with batch size 10; the queue's URL. */
    private static String mappedQueue(Clients c, String name, String method, boolean enabled) throws IOException {
        Path root = io.eventharness.emulator.lambda.runtime.Functions.javaTaskRoot(Files.createTempDirectory("bench"), SqsHandler.class);
        c.lambda().createFunction(b -> b.functionName(name).runtime(Runtime.JAVA17).role(c.role())
                .handler(SqsHandler.class.getName() + "::" + method).memorySize(512).timeout(30).code(x -> x.zipFile(zip(root))));
        c.lambda().waiter().waitUntilFunctionActiveV2(b -> b.functionName(name));
        String url = c.sqs().createQueue(b -> b.queueName(name).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "60"))).queueUrl();
        String arn = c.sqs().getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN)).attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        c.lambda().createEventSourceMapping(b -> b.eventSourceArn(arn).functionName(name).batchSize(10).enabled(enabled));
        return url;
    }

    private static void latency(Emulator aws, Clients c) throws Exception {
        String url = mappedQueue(c, "latency", "report", true);
        int warm = 300;
        int measured = 2_000;
        long[] sent = new long[warm + measured];
        for (int i = 0; i < sent.length; i++) {
            int n = i;
            sent[i] = System.nanoTime();
            c.sqs().sendMessage(b -> b.queueUrl(url).messageBody("m" + n));
            aws.settle(Duration.ofSeconds(30)); // handled and deleted before the next one
        }
        Map<Integer, Long> received = new HashMap<>();
        for (FilteredLogEvent e : c.logs().filterLogEventsPaginator(b -> b.logGroupName("/aws/lambda/latency")).events()) {
            Matcher m = RECEIVED.matcher(e.message());
            if (m.find()) {
                received.put(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
            }
        }
        double[] ms = new double[measured];
        for (int i = 0; i < measured; i++) {
            Long at = received.get(warm + i);
            if (at == null) {
                throw new IllegalStateException("message m" + (warm + i) + " was not received");
            }
            ms[i] = (at - sent[warm + i]) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "latency SendMessage -> handler, %d messages: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                measured, ms[measured / 2], ms[measured * 9 / 10], ms[measured * 99 / 100], ms[measured - 1]);
    }

    private static void throughput(Emulator aws, Clients c, int messages) throws Exception {
        String url = mappedQueue(c, "throughput", "noop", false);
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody("{\"n\": " + i + ", \"payload\": \"x\"}").build());
        }
        String uuid = c.lambda().listEventSourceMappings(b -> b.functionName("throughput")).eventSourceMappings().get(0).uuid();
        // a first round, not measured, warms the five sandboxes and the JIT
        drain(aws, c, url, uuid, entries, 2_000);
        double seconds = drain(aws, c, url, uuid, entries, messages);
        String left = c.sqs().getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
        System.out.printf(Locale.ROOT, "throughput, batch size 10, no-op Java handler: %d messages in %.2f s = %.0f messages/s (%s left)%n",
                messages, seconds, messages / seconds, left);
    }

    /**
     * Fills the queue while the mapping is disabled, enables it and waits until the emulator settled (every message
     * invoked and deleted), then disables it again; returns the seconds from enabling to settled.
     */
    private static double drain(Emulator aws, Clients c, String url, String uuid, List<SendMessageBatchRequestEntry> entries,
                                int messages) {
        for (int i = 0; i < messages / 10; i++) {
            c.sqs().sendMessageBatch(b -> b.queueUrl(url).entries(entries));
        }
        long t0 = System.nanoTime();
        c.lambda().updateEventSourceMapping(b -> b.uuid(uuid).enabled(true));
        aws.settle(Duration.ofMinutes(10));
        double seconds = (System.nanoTime() - t0) / 1e9;
        c.lambda().updateEventSourceMapping(b -> b.uuid(uuid).enabled(false));
        return seconds;
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
            throw new java.io.UncheckedIOException(e);
        }
        return SdkBytes.fromByteArray(out.toByteArray());
    }
}
