package io.eventharness.emulator.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The emulator beside a do-nothing server and its peers, each a process of its own started by this bench (not a
 * test: run by hand, numbers go to docs/benchmarks.md).
 *
 * <pre>
 * java -cp "$(cat emulator/target/cp.txt):emulator/target/test-classes:emulator/target/classes" \
 *     io.eventharness.emulator.bench.PeerBench [all|first-answer|cpu] [runs] [calls]
 * </pre>
 * <ul>
 *   <li>{@code first-answer}: spawn the server ({@code java -jar emulator/target/emulator.jar --port P}, default JVM
 *       flags), connect as soon as the port takes connections, send one SDK request; time from the spawn to the
 *       answer, median of {@code runs} fresh processes per service (the SDK client in this JVM is warm: one untimed
 *       round first). The do-nothing server ({@link DoNothingServer}, the JDK's HTTP server) and the peers the same
 *       way;</li>
 *   <li>{@code cpu}: per server, one process: after a set-up call and once it is idle, {@code calls} SDK calls per
 *       operation, the server's CPU (user + system, {@code /proc/<pid>/stat}) over them divided by their number — the
 *       JIT's compiling included — and their p50 latency; then the server's peak RSS ({@code VmHWM}). The emulator
 *       runs with {@code -Xmx256m};</li>
 *   <li>{@code emulator-cpu}: the same for the emulator alone; {@code -Dbench.emulator.flags="..."} adds JVM flags to
 *       the emulator's process (any mode), e.g. {@code -XX:StartFlightRecording=filename=/tmp/e.jfr,settings=profile}
 *       for a profile of the benchmark.</li>
 * </ul>
 * Peers, fetched when the bench runs (nothing of theirs is in the repository):
 * {@code emulator/src/test/peers/{s3proxy,elasticmq}/cp.txt} (their poms: {@code mvn -B -q -f <pom>
 * dependency:build-classpath -Dmdep.outputFile=cp.txt}) and {@code emulator/src/test/peers/node_modules}
 * ({@code npm install} there: kinesalite, dynalite); a missing peer is skipped with a note. Kinesis is spoken in JSON
 * everywhere ({@code aws.cborEnabled=false}): kinesalite answers the SDK's default CBOR with errors.
 */
public final class PeerBench {
    private static final Path PEERS = Path.of(System.getProperty("bench.peers", "emulator/src/test/peers"));
    private static final Path JAR = Path.of("emulator/target/emulator.jar");
    private static final byte[] KIB = "x".repeat(1024).getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private PeerBench() {
    }

    /** How to start one server on a port; null when it is not installed. */
    private interface Launcher {
        List<String> command(int port) throws IOException;
    }

    private record Server(String name, Launcher launcher, String note) {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("aws.cborEnabled", "false");
        String what = args.length > 0 ? args[0] : "all";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        if (what.equals("first-answer") || what.equals("all")) {
            firstAnswers(runs);
        }
        if (what.equals("cpu") || what.equals("all")) {
            cpu(calls);
        }
        if (what.equals("emulator-cpu")) {
            print(Map.of("emulator", measure(emulator("-Xmx256m"), calls, PeerBench::allOps)));
        }
    }

    // ---- the servers ------------------------------------------------------------------------------

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Server doNothing() {
        return new Server("do-nothing (JDK HttpServer)", p -> List.of(java(), "-Dsun.net.httpserver.nodelay=true", "-cp", testClasses(), DoNothingServer.class.getName(),
                String.valueOf(p)), "");
    }

    private static String testClasses() {
        return Path.of(DoNothingServer.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
    }

    private static Server emulator(String... jvmFlags) {
        return new Server("emulator", p -> {
            List<String> c = new ArrayList<>(List.of(java()));
            c.addAll(List.of(jvmFlags));
            String more = System.getProperty("bench.emulator.flags", "").trim(); // e.g. a flight recording for a profile
            if (!more.isEmpty()) {
                c.addAll(List.of(more.split("\\s+")));
            }
            c.addAll(List.of("-jar", JAR.toString(), "--port", String.valueOf(p)));
            return c;
        }, "");
    }

    private static Server s3proxy() throws IOException {
        Path cp = PEERS.resolve("s3proxy/cp.txt");
        return new Server("S3Proxy 4.1.0", !Files.exists(cp) ? null : p -> {
            // S3Proxy's jar has no logging configuration: logback's default logs at DEBUG, a line per request and more
            Path logback = Files.createTempFile("s3proxy-logback", ".xml");
            Files.writeString(logback, "<configuration><root level=\"WARN\"/></configuration>");
            logback.toFile().deleteOnExit();
            Path props = Files.createTempFile("s3proxy", ".properties");
            Files.writeString(props, "s3proxy.endpoint=http://127.0.0.1:" + p + "\ns3proxy.authorization=none\n"
                    + "jclouds.provider=transient\njclouds.identity=test\njclouds.credential=test\njclouds.regions=us-east-1\n");
            props.toFile().deleteOnExit();
            return List.of(java(), "-Dlogback.configurationFile=" + logback, "-cp", Files.readString(cp).trim(), "org.gaul.s3proxy.Main",
                    "--properties", props.toString());
        }, "in memory (jclouds transient)");
    }

    private static Server elasticmq() throws IOException {
        Path cp = PEERS.resolve("elasticmq/cp.txt");
        return new Server("ElasticMQ 1.7.1", !Files.exists(cp) ? null : p -> {
            Path conf = Files.createTempFile("elasticmq", ".conf");
            Files.writeString(conf, "include classpath(\"application.conf\")\nrest-sqs.bind-port = " + p
                    + "\nrest-sqs.bind-hostname = \"127.0.0.1\"\nnode-address.port = " + p + "\n");
            conf.toFile().deleteOnExit();
            return List.of(java(), "-Dconfig.file=" + conf, "-cp", Files.readString(cp).trim(), "org.elasticmq.server.Main");
        }, "in memory");
    }

    private static Server node(String name, String module, String... flags) {
        Path cli = PEERS.resolve("node_modules/" + module + "/cli.js");
        return new Server(name, !Files.exists(cli) ? null : p -> {
            List<String> c = new ArrayList<>(List.of("node", cli.toString(), "--port", String.valueOf(p)));
            c.addAll(List.of(flags));
            return c;
        }, "in memory, Node.js " + nodeVersion());
    }

    private static String nodeVersion() {
        try {
            Process p = new ProcessBuilder("node", "--version").start();
            return new String(p.getInputStream().readAllBytes()).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    private static final class Running implements AutoCloseable {
        final Process process;
        final int port;
        final URI endpoint;
        final Path log;

        Running(Server s, int port) throws IOException {
            this.port = port;
            this.endpoint = URI.create("http://127.0.0.1:" + port);
            this.log = Files.createTempFile("peerbench-" + s.name().replaceAll("[^a-zA-Z0-9]", ""), ".log");
            this.process = new ProcessBuilder(s.launcher().command(port)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        }

        /** Waits until the port takes connections (polling every millisecond or so). */
        void awaitPort(Duration limit) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (true) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 100);
                    return;
                } catch (IOException e) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        throw new IOException("the server did not listen on " + port + ": " + Files.readString(log), e);
                    }
                    Thread.sleep(1);
                }
            }
        }

        /** User + system CPU of the process so far, in milliseconds (clock ticks of 10 ms). */
        double cpuMillis() throws IOException {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0;
        }

        /** Peak resident set size, in MB. */
        double peakRssMb() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
            return Double.NaN;
        }

        /** Waits until the process has used no CPU for 300 ms (its start-up's background work done), at most 10 s. */
        void awaitIdle() throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            double before = cpuMillis();
            while (System.nanoTime() < deadline) {
                Thread.sleep(300);
                double now = cpuMillis();
                if (now - before <= 10) {
                    return;
                }
                before = now;
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            try {
                Files.deleteIfExists(log);
            } catch (IOException e) {
                // a temp file
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static <B extends AwsClientBuilder<B, C>, C> C client(B builder, URI endpoint) {
        return builder.endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
    }

    private static S3Client s3(URI e) {
        return client(S3Client.builder().forcePathStyle(true).httpClientBuilder(ApacheHttpClient.builder()), e);
    }

    private static SqsClient sqs(URI e) {
        return client(SqsClient.builder().checksumValidationEnabled(false).httpClientBuilder(ApacheHttpClient.builder()), e);
    }

    private static KinesisClient kinesis(URI e) {
        return client(KinesisClient.builder().httpClientBuilder(ApacheHttpClient.builder()), e);
    }

    private static DynamoDbClient dynamodb(URI e) {
        return client(DynamoDbClient.builder().httpClientBuilder(ApacheHttpClient.builder()), e);
    }

    // ---- first answers ------------------------------------------------------------------------------

    /** One service's first request: builds its client for the endpoint, returns the call to time. */
    private record FirstCall(String service, Function<URI, Runnable> call) {
    }

    private static List<FirstCall> firstCalls() {
        return List.of(
                new FirstCall("S3 CreateBucket", e -> {
                    S3Client c = s3(e);
                    return () -> c.createBucket(b -> b.bucket("first"));
                }),
                new FirstCall("SQS CreateQueue", e -> {
                    SqsClient c = sqs(e);
                    return () -> c.createQueue(b -> b.queueName("first"));
                }),
                new FirstCall("SNS CreateTopic", e -> {
                    SnsClient c = client(SnsClient.builder().httpClientBuilder(ApacheHttpClient.builder()), e);
                    return () -> c.createTopic(b -> b.name("first"));
                }),
                new FirstCall("DynamoDB CreateTable", e -> {
                    DynamoDbClient c = dynamodb(e);
                    return () -> createTable(c);
                }),
                new FirstCall("DynamoDB Streams ListStreams", e -> {
                    DynamoDbStreamsClient c = client(DynamoDbStreamsClient.builder().httpClientBuilder(ApacheHttpClient.builder()), e);
                    return () -> c.listStreams(b -> { });
                }),
                new FirstCall("Kinesis CreateStream (JSON)", e -> {
                    KinesisClient c = kinesis(e);
                    return () -> c.createStream(b -> b.streamName("first").shardCount(1));
                }),
                new FirstCall("Lambda ListFunctions", e -> {
                    LambdaClient c = client(LambdaClient.builder().httpClientBuilder(ApacheHttpClient.builder()), e);
                    return () -> c.listFunctions(b -> { });
                }),
                new FirstCall("Logs CreateLogGroup", e -> {
                    CloudWatchLogsClient c = client(CloudWatchLogsClient.builder().httpClientBuilder(ApacheHttpClient.builder()), e);
                    return () -> c.createLogGroup(b -> b.logGroupName("first"));
                }),
                new FirstCall("IAM ListRoles", e -> {
                    IamClient c = client(IamClient.builder().region(Region.AWS_GLOBAL).httpClientBuilder(ApacheHttpClient.builder()), e);
                    return () -> c.listRoles(b -> { });
                }),
                new FirstCall("STS GetCallerIdentity", e -> {
                    StsClient c = client(StsClient.builder().httpClientBuilder(ApacheHttpClient.builder()), e);
                    return () -> c.getCallerIdentity(b -> { });
                }),
                new FirstCall("EventBridge PutRule", e -> {
                    EventBridgeClient c = client(EventBridgeClient.builder().httpClientBuilder(ApacheHttpClient.builder()), e);
                    return () -> c.putRule(b -> b.name("first").scheduleExpression("rate(5 minutes)"));
                }),
                new FirstCall("Scheduler ListSchedules", e -> {
                    SchedulerClient c = client(SchedulerClient.builder().httpClientBuilder(ApacheHttpClient.builder()), e);
                    return () -> c.listSchedules(b -> { });
                }));
    }

    private static void createTable(DynamoDbClient c) {
        c.createTable(b -> b.tableName("first").billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE)));
    }

    private static void firstAnswers(int runs) throws Exception {
        System.out.printf(Locale.ROOT, "first answer: spawn -> the port takes connections -> one SDK request answered; median of %d "
                + "fresh processes (after one untimed round), load average %s%n", runs, loadAverage());
        Server dn = doNothing();
        FirstCall anyJson = new FirstCall("any (DynamoDB ListTables)", e -> {
            DynamoDbClient c = dynamodb(e);
            return () -> c.listTables(b -> { });
        });
        double floor = firstAnswer(dn, anyJson, runs);
        System.out.printf(Locale.ROOT, "%-44s %8.0f ms%n", "do-nothing server, any request", floor);
        for (FirstCall call : firstCalls()) {
            print("emulator: " + call.service(), firstAnswer(emulator(), call, runs), floor);
        }
        print("S3Proxy: S3 CreateBucket", firstAnswer(s3proxy(), firstCalls().get(0), runs), floor);
        print("ElasticMQ: SQS CreateQueue", firstAnswer(elasticmq(), firstCalls().get(1), runs), floor);
        print("dynalite: DynamoDB CreateTable", firstAnswer(node("dynalite", "dynalite", "--createTableMs", "0"), firstCalls().get(3), runs),
                floor);
        print("kinesalite: Kinesis CreateStream (JSON)", firstAnswer(node("kinesalite", "kinesalite", "--createStreamMs", "0"),
                firstCalls().get(5), runs), floor);
    }

    private static void print(String what, double ms, double floor) {
        System.out.printf(Locale.ROOT, "%-44s %8.0f ms  %.2fx the do-nothing server%n", what, ms, ms / floor);
    }

    /** Median spawn → answer of {@code call} in fresh processes of {@code server}; NaN when it is not installed. */
    private static double firstAnswer(Server server, FirstCall call, int runs) throws Exception {
        if (server.launcher() == null) {
            System.out.println(server.name() + ": not installed (see PeerBench's Javadoc), skipped");
            return Double.NaN;
        }
        List<Double> times = new ArrayList<>();
        for (int i = -1; i < runs; i++) {
            int port = freePort();
            Runnable c = call.call().apply(URI.create("http://127.0.0.1:" + port));
            long t0 = System.nanoTime();
            try (Running r = new Running(server, port)) {
                r.awaitPort(Duration.ofSeconds(60));
                c.run();
                long t = System.nanoTime() - t0;
                if (i >= 0) {
                    times.add(t / 1e6);
                }
            } catch (IOException | RuntimeException e) {
                System.out.println(server.name() + ": " + call.service() + " failed: " + e.getMessage().lines().findFirst().orElse(""));
                return Double.NaN;
            }
        }
        times.sort(null);
        return times.get(times.size() / 2);
    }

    // ---- CPU per request ------------------------------------------------------------------------------

    /** An operation measured: {@code setup} once, then {@code call} timed, {@code calls} times. */
    private record Op(String name, Runnable setup, Runnable call) {
    }

    private static void cpu(int calls) throws Exception {
        System.out.printf(Locale.ROOT, "server CPU per request: %d SDK calls per operation, one caller, Apache client, after a set-up "
                + "call and the server idle; the JIT's compiling counts; load average %s%n", calls, loadAverage());
        Map<String, Map<String, double[]>> results = new LinkedHashMap<>();
        results.put("do-nothing", measure(doNothing(), calls, PeerBench::allOps));
        results.put("emulator", measure(emulator("-Xmx256m"), calls, PeerBench::allOps));
        results.put("S3Proxy", measure(s3proxy(), calls, e -> s3Ops(e)));
        results.put("ElasticMQ", measure(elasticmq(), calls, e -> sqsOps(e)));
        results.put("kinesalite", measure(node("kinesalite", "kinesalite", "--createStreamMs", "0"), calls, e -> kinesisOps(e)));
        results.put("dynalite", measure(node("dynalite", "dynalite", "--createTableMs", "0"), calls, e -> dynamoOps(e)));
        print(results);
    }

    private static void print(Map<String, Map<String, double[]>> results) {
        System.out.printf(Locale.ROOT, "%-26s %-12s %10s %10s %10s%n", "operation", "server", "CPU/call", "p50", "peak RSS");
        for (Op op : allOps(URI.create("http://127.0.0.1:1"))) {
            for (var e : results.entrySet()) {
                double[] v = e.getValue().get(op.name());
                if (v != null) {
                    System.out.printf(Locale.ROOT, "%-26s %-12s %7.3f ms %7.3f ms %7.0f MB%n", op.name(), e.getKey(), v[0], v[1], v[2]);
                }
            }
        }
    }

    private static List<Op> allOps(URI e) {
        List<Op> ops = new ArrayList<>(s3Ops(e));
        ops.addAll(sqsOps(e));
        ops.addAll(kinesisOps(e));
        ops.addAll(dynamoOps(e));
        return ops;
    }

    private static List<Op> s3Ops(URI e) {
        S3Client c = s3(e);
        return List.of(
                new Op("S3 PutObject 1 KiB", () -> c.createBucket(b -> b.bucket("bench")),
                        () -> c.putObject(b -> b.bucket("bench").key("k"), RequestBody.fromBytes(KIB))),
                new Op("S3 GetObject 1 KiB", () -> { }, () -> c.getObjectAsBytes(b -> b.bucket("bench").key("k"))));
    }

    private static List<Op> sqsOps(URI e) {
        SqsClient c = sqs(e);
        String body = new String(KIB, java.nio.charset.StandardCharsets.US_ASCII);
        String[] url = new String[1];
        return List.of(
                new Op("SQS SendMessage 1 KiB", () -> url[0] = c.createQueue(b -> b.queueName("bench")).queueUrl(),
                        () -> c.sendMessage(b -> b.queueUrl(url[0]).messageBody(body))),
                // each receive takes one of the messages sent above; they stay in flight, none is received twice
                new Op("SQS ReceiveMessage", () -> { }, () -> c.receiveMessage(b -> b.queueUrl(url[0]).maxNumberOfMessages(1))));
    }

    private static List<Op> kinesisOps(URI e) {
        KinesisClient c = kinesis(e);
        SdkBytes data = SdkBytes.fromByteArray(KIB);
        String[] iterator = new String[1];
        return List.of(
                new Op("Kinesis PutRecord 1 KiB", () -> {
                    c.createStream(b -> b.streamName("bench").shardCount(1));
                    while (!"ACTIVE".equals(c.describeStreamSummary(b -> b.streamName("bench")).streamDescriptionSummary()
                            .streamStatusAsString())) {
                        Thread.onSpinWait();
                    }
                }, () -> c.putRecord(b -> b.streamName("bench").partitionKey("p").data(data))),
                new Op("Kinesis GetRecords", () -> {
                    String shard = c.listShards(b -> b.streamName("bench")).shards().get(0).shardId();
                    iterator[0] = c.getShardIterator(b -> b.streamName("bench").shardId(shard)
                            .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                }, () -> {
                    String next = c.getRecords(b -> b.shardIterator(iterator[0]).limit(1)).nextShardIterator();
                    if (next != null) {
                        iterator[0] = next;
                    }
                }));
    }

    private static List<Op> dynamoOps(URI e) {
        DynamoDbClient c = dynamodb(e);
        int[] n = new int[1];
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("p"), "sk", AttributeValue.fromS("s"),
                "data", AttributeValue.fromS(new String(KIB, java.nio.charset.StandardCharsets.US_ASCII)));
        return List.of(
                new Op("DynamoDB PutItem 1 KiB", () -> {
                    createTable(c);
                    while (!"ACTIVE".equals(c.describeTable(b -> b.tableName("first")).table().tableStatusAsString())) {
                        Thread.onSpinWait();
                    }
                }, () -> {
                    Map<String, AttributeValue> i = new java.util.HashMap<>(item);
                    i.put("sk", AttributeValue.fromS("s" + (n[0]++ % 100)));
                    c.putItem(b -> b.tableName("first").item(i));
                }),
                new Op("DynamoDB GetItem", () -> { },
                        () -> c.getItem(b -> b.tableName("first").key(Map.of("pk", AttributeValue.fromS("p"), "sk", AttributeValue.fromS("s7"))))),
                new Op("DynamoDB Query (10 items)", () -> { },
                        () -> c.query(b -> b.tableName("first").keyConditionExpression("pk = :p")
                                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p"))).limit(10))));
    }

    /** Per operation: server CPU per call (ms), p50 latency (ms), the server's peak RSS (MB) after all. */
    private static Map<String, double[]> measure(Server server, int calls, Function<URI, List<Op>> opsFor) throws Exception {
        Map<String, double[]> out = new LinkedHashMap<>();
        if (server.launcher() == null) {
            System.out.println(server.name() + ": not installed (see PeerBench's Javadoc), skipped");
            return out;
        }
        int port = freePort();
        List<Op> ops = opsFor.apply(URI.create("http://127.0.0.1:" + port));
        try (Running r = new Running(server, port)) {
            try {
                r.awaitPort(Duration.ofSeconds(60));
            } catch (IOException e) {
                System.out.println(server.name() + " did not start: " + e.getMessage().lines().findFirst().orElse(""));
                return out;
            }
            for (Op op : ops) {
                try {
                    op.setup().run();
                } catch (RuntimeException e) {
                    System.out.println(server.name() + ": " + op.name() + " set-up failed: " + e);
                    continue;
                }
                r.awaitIdle();
                long[] nanos = new long[calls];
                double cpu0 = r.cpuMillis();
                try {
                    for (int i = 0; i < calls; i++) {
                        long t = System.nanoTime();
                        op.call().run();
                        nanos[i] = System.nanoTime() - t;
                    }
                } catch (RuntimeException e) {
                    System.out.println(server.name() + ": " + op.name() + " failed: " + e);
                    continue;
                }
                double cpu = r.cpuMillis() - cpu0;
                Arrays.sort(nanos);
                out.put(op.name(), new double[] {cpu / calls, nanos[calls / 2] / 1e6, Double.NaN});
            }
            double rss = r.peakRssMb();
            out.values().forEach(v -> v[2] = rss);
        }
        return out;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
