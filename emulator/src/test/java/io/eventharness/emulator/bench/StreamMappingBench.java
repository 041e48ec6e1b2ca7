package io.eventharness.emulator.bench;

import io.eventharness.emulator.Emulator;
import io.eventharness.emulator.lambda.runtime.fixtures.DynamoDbHandler;
import io.eventharness.emulator.lambda.runtime.fixtures.KinesisHandler;
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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * Stream event source mappings' benchmark (not a test: run by hand, numbers go to docs/benchmarks.md).
 *
 * <pre>
 * java -cp "$(cat emulator/target/cp.txt):emulator/target/test-classes:emulator/target/classes" \
 *     io.eventharness.emulator.bench.StreamMappingBench [all|latency|ddb-latency|throughput] [records] [shards]
 * </pre>
 * <ul>
 *   <li>{@code latency}: one record at a time through the SDK's PutRecord (CBOR, as the SDK sends it) to a mapped
 *       Java function ({@code KinesisHandler::report}, batch size 100, no batching window, warm): from just before
 *       PutRecord to the handler's {@code System.nanoTime()} as it prints the record (the monotonic clock is the
 *       machine's, shared by the processes); 300 warm-up records, then 2,000 measured; p50, p90, p99;</li>
 *   <li>{@code throughput}: a stream of one shard (or the count given) filled with 100,000 records (or the count given)
 *       while its mapping is disabled, then enabled: records per second until the emulator is settled (every record
 *       processed), batch size 100, a no-op Java handler ({@code KinesisHandler::noop}); a first round of 20,000
 *       records warms the sandboxes and the JIT;</li>
 *   <li>{@code ddb-latency}: one item at a time through the SDK's PutItem (a new item each time: an INSERT) to a Java
 *       function mapped from the table's stream ({@code DynamoDbHandler::report}, view type NEW_IMAGE, batch size 100,
 *       no batching window, warm), measured as {@code latency} is; 300 warm-up items, then 2,000 measured.</li>
 * </ul>
 */
public final class StreamMappingBench {
    private static final Pattern RECEIVED = Pattern.compile("received m(\\d+) .* at (\\d+)");

    private StreamMappingBench() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "all";
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int shards = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        try (Emulator aws = Emulator.builder().withDynamicPort().build().start()) {
            Clients c = new Clients(aws);
            switch (what) {
                case "latency" -> latency(aws, c);
                case "ddb-latency" -> ddbLatency(aws, c);
                case "throughput" -> throughput(aws, c, records, shards);
                case "all" -> {
                    latency(aws, c);
                    ddbLatency(aws, c);
                    throughput(aws, c, records, shards);
                }
                default -> throw new IllegalArgumentException("unknown benchmark " + what);
            }
        }
    }

    private record Clients(KinesisClient kinesis, DynamoDbClient ddb, LambdaClient lambda, CloudWatchLogsClient logs, String role) {
        Clients(Emulator aws) {
            this(client(aws, KinesisClient.builder()), client(aws, DynamoDbClient.builder()), client(aws, LambdaClient.builder()),
                    client(aws, CloudWatchLogsClient.builder()),
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

    /** A Java function of {@code KinesisHandler} mapped from a new stream (batch size 100, TRIM_HORIZON); the mapping's UUID. */
    private static String mappedStream(Clients c, String name, String method, int shards, boolean enabled) throws IOException {
        Path root = io.eventharness.emulator.lambda.runtime.Functions.javaTaskRoot(Files.createTempDirectory("bench"), KinesisHandler.class);
        c.lambda().createFunction(b -> b.functionName(name).runtime(Runtime.JAVA17).role(c.role())
                .handler(KinesisHandler.class.getName() + "::" + method).memorySize(512).timeout(30).code(x -> x.zipFile(zip(root))));
        c.lambda().waiter().waitUntilFunctionActiveV2(b -> b.functionName(name));
        c.kinesis().createStream(b -> b.streamName(name).shardCount(shards));
        String arn = c.kinesis().describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamARN();
        return c.lambda().createEventSourceMapping(b -> b.eventSourceArn(arn).functionName(name).batchSize(100)
                .startingPosition("TRIM_HORIZON").enabled(enabled)).uuid();
    }

    private static void latency(Emulator aws, Clients c) throws Exception {
        mappedStream(c, "latency", "report", 1, true);
        int warm = 300;
        int measured = 2_000;
        long[] sent = new long[warm + measured];
        for (int i = 0; i < sent.length; i++) {
            int n = i;
            sent[i] = System.nanoTime();
            c.kinesis().putRecord(b -> b.streamName("latency").partitionKey("k").data(SdkBytes.fromUtf8String("m" + n)));
            aws.settle(Duration.ofSeconds(30)); // handled before the next one
        }
        report("PutRecord", "/aws/lambda/latency", c, sent, warm);
    }

    /** PutItem → a Java function mapped from the table's stream, one item at a time, as {@link #latency}. */
    private static void ddbLatency(Emulator aws, Clients c) throws Exception {
        String name = "ddb-latency";
        Path root = io.eventharness.emulator.lambda.runtime.Functions.javaTaskRoot(Files.createTempDirectory("bench"), DynamoDbHandler.class);
        c.lambda().createFunction(b -> b.functionName(name).runtime(Runtime.JAVA17).role(c.role())
                .handler(DynamoDbHandler.class.getName() + "::report").memorySize(512).timeout(30).code(x -> x.zipFile(zip(root))));
        c.lambda().waiter().waitUntilFunctionActiveV2(b -> b.functionName(name));
        String stream = c.ddb().createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE))).tableDescription().latestStreamArn();
        c.lambda().createEventSourceMapping(b -> b.eventSourceArn(stream).functionName(name).batchSize(100).startingPosition("LATEST"));
        int warm = 300;
        int measured = 2_000;
        long[] sent = new long[warm + measured];
        for (int i = 0; i < sent.length; i++) {
            String v = "m" + i;
            sent[i] = System.nanoTime();
            c.ddb().putItem(b -> b.tableName(name).item(Map.of("pk", AttributeValue.fromS("item-" + v), "v", AttributeValue.fromS(v))));
            aws.settle(Duration.ofSeconds(30)); // handled before the next one
        }
        report("PutItem", "/aws/lambda/" + name, c, sent, warm);
    }

    /** Reads when the handler printed each record ({@code received m<n> ... at <nanos>}) and prints the percentiles. */
    private static void report(String call, String logGroup, Clients c, long[] sent, int warm) {
        int measured = sent.length - warm;
        Map<Integer, Long> received = new HashMap<>();
        for (FilteredLogEvent e : c.logs().filterLogEventsPaginator(b -> b.logGroupName(logGroup)).events()) {
            Matcher m = RECEIVED.matcher(e.message());
            if (m.find()) {
                received.put(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
            }
        }
        double[] ms = new double[measured];
        for (int i = 0; i < measured; i++) {
            Long at = received.get(warm + i);
            if (at == null) {
                throw new IllegalStateException("record m" + (warm + i) + " was not received");
            }
            ms[i] = (at - sent[warm + i]) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "latency %s -> handler, %d records: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                call, measured, ms[measured / 2], ms[measured * 9 / 10], ms[measured * 99 / 100], ms[measured - 1]);
    }

    private static void throughput(Emulator aws, Clients c, int records, int shards) throws Exception {
        String uuid = mappedStream(c, "throughput", "noop", shards, false);
        drain(aws, c, uuid, Math.min(records, 20_000)); // warms the sandbox and the JIT
        double seconds = drain(aws, c, uuid, records);
        System.out.printf(Locale.ROOT, "throughput, %d shard(s), batch size 100, no-op Java handler: %d records in %.2f s = %.0f records/s%n",
                shards, records, seconds, records / seconds);
    }

    /**
     * Fills the stream while the mapping is disabled, enables it and waits until the emulator settled (every record
     * processed), then disables it again; returns the seconds from enabling to settled.
     */
    private static double drain(Emulator aws, Clients c, String uuid, int records) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            entries.add(PutRecordsRequestEntry.builder().partitionKey("key-" + i)
                    .data(SdkBytes.fromUtf8String("{\"n\": " + i + ", \"payload\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}")).build());
        }
        for (int i = 0; i < records / 500; i++) {
            c.kinesis().putRecords(b -> b.streamName("throughput").records(entries));
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
