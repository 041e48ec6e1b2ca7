package io.eventharness.emulator.bench;

import io.eventharness.emulator.Emulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The emulator's benchmarks (not a test: run by hand, numbers go to docs/benchmarks.md).
 *
 * <pre>
 * java -cp "$(cat emulator/target/cp.txt):emulator/target/test-classes:emulator/target/classes" \
 *     io.eventharness.emulator.bench.EmulatorBench [all|first-request|standalone|sdk] [runs]
 * </pre>
 * <ul>
 *   <li>{@code first-request}: fresh JVMs, each starting the emulator in-process and sending one raw
 *       HTTP request (SQS ListQueues); time from {@code main} to the answer, and the JVM's uptime then;</li>
 *   <li>{@code standalone}: spawns {@code java -jar emulator/target/emulator.jar --port 0}; time to {@code Ready.};</li>
 *   <li>{@code sdk}: SQS SendMessage / ReceiveMessage and S3 PutObject / GetObject (1 KiB) through the SDK over
 *       loopback, one caller: 2,000 warm-up calls, then 10,000 measured; p50, p99, ops/s.</li>
 * </ul>
 */
public final class EmulatorBench {
    private static final int WARMUP = 2_000;
    private static final int MEASURED = 10_000;

    private EmulatorBench() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "all";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        switch (what) {
            case "first-request-child" -> firstRequestChild();
            case "first-request" -> firstRequest(runs);
            case "standalone" -> standalone(runs);
            case "sdk" -> sdk();
            case "all" -> {
                firstRequest(runs);
                standalone(runs);
                sdk();
            }
            default -> throw new IllegalArgumentException("unknown benchmark " + what);
        }
    }

    // ---- start-up ---------------------------------------------------------------------------

    /** In a fresh JVM: start, one raw request, print {@code <ms from main> <ms JVM uptime> <ms to start()>}. */
    private static void firstRequestChild() throws IOException {
        long t0 = System.nanoTime();
        Emulator aws = Emulator.builder().withDynamicPort().build().start();
        long started = System.nanoTime();
        String status = rawListQueues(aws.endpoint());
        long answered = System.nanoTime();
        long uptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        if (!status.startsWith("HTTP/1.1 200")) {
            throw new IllegalStateException("unexpected answer " + status);
        }
        aws.close();
        // A second emulator in the same JVM: what a test pays once the classes are loaded and initialised.
        long t1 = System.nanoTime();
        try (Emulator again = Emulator.builder().withDynamicPort().build().start()) {
            rawListQueues(again.endpoint());
        }
        long againAnswered = System.nanoTime();
        System.out.println(ms(answered - t0) + " " + uptime + " " + ms(started - t0) + " " + ms(againAnswered - t1));
    }

    private static void firstRequest(int runs) throws Exception {
        List<Double> fromMain = new ArrayList<>();
        List<Double> uptime = new ArrayList<>();
        List<Double> toStart = new ArrayList<>();
        List<Double> second = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Process p = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), EmulatorBench.class.getName(),
                    "first-request-child").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            String[] f = out.substring(out.lastIndexOf('\n') + 1).split(" ");
            fromMain.add(Double.parseDouble(f[0]));
            uptime.add(Double.parseDouble(f[1]));
            toStart.add(Double.parseDouble(f[2]));
            second.add(Double.parseDouble(f[3]));
        }
        System.out.printf(Locale.ROOT, "first request, in-JVM (%d fresh JVMs): main -> answered median %.0f ms (runs %s); "
                        + "main -> start() returned median %.0f ms; JVM uptime at answer median %.0f ms; "
                        + "a second emulator in the same JVM, start -> answered median %.0f ms%n",
                runs, median(fromMain), rounded(fromMain), median(toStart), median(uptime), median(second));
    }

    private static void standalone(int runs) throws Exception {
        Path jar = Path.of("emulator/target/emulator.jar");
        if (!Files.exists(jar)) {
            System.out.println("standalone: " + jar + " missing (mvn -B -q -pl emulator -am package -DskipTests)");
            return;
        }
        List<Double> ready = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(java(), "-jar", jar.toString(), "--port", "0").redirectErrorStream(true).start();
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null && !line.equals("Ready."); line = r.readLine()) {
                // the endpoint line
            }
            ready.add((System.nanoTime() - t0) / 1e6);
            p.toHandle().destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        System.out.printf(Locale.ROOT, "standalone, spawn -> Ready. (%d runs): median %.0f ms (runs %s)%n", runs, median(ready), rounded(ready));
    }

    // ---- throughput and latency ---------------------------------------------------------------

    private static void sdk() {
        try (Emulator aws = Emulator.builder().withDynamicPort().build().start();
             SqsClient sqs = SqsClient.builder().endpointOverride(aws.endpoint()).region(aws.region())
                     .credentialsProvider(aws.credentials()).httpClientBuilder(ApacheHttpClient.builder()).build()) {
            String url = sqs.createQueue(b -> b.queueName("bench")).queueUrl();
            String body = "x".repeat(1024);
            report("SQS SendMessage (1 KiB)", () -> {
                sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
                return null;
            });
            List<Message> got = new ArrayList<>(1);
            report("SQS ReceiveMessage (1 message)", () -> {
                got.clear();
                got.addAll(sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(1)).messages());
                return got;
            }, () -> got.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()))));
            s3(aws);
        }
    }

    private static void s3(Emulator aws) {
        try (S3Client s3 = S3Client.builder().endpointOverride(aws.endpoint()).region(aws.region()).forcePathStyle(true)
                .credentialsProvider(aws.credentials()).httpClientBuilder(ApacheHttpClient.builder()).build()) {
            try {
                s3.createBucket(b -> b.bucket("bench"));
            } catch (RuntimeException e) {
                System.out.println("S3: not available in this build (" + e.getMessage() + ")");
                return;
            }
            byte[] kib = new byte[1024];
            Arrays.fill(kib, (byte) 'x');
            report("S3 PutObject (1 KiB)", () -> s3.putObject(b -> b.bucket("bench").key("k"), RequestBody.fromBytes(kib)));
            report("S3 GetObject (1 KiB)", () -> s3.getObjectAsBytes(b -> b.bucket("bench").key("k")).asByteArray());
        }
    }

    private static void report(String name, Supplier<Object> call) {
        report(name, call, () -> { });
    }

    /** Warms up, then times {@code call} alone ({@code after} runs untimed after each call). */
    private static void report(String name, Supplier<Object> call, Runnable after) {
        for (int i = 0; i < WARMUP; i++) {
            call.get();
            after.run();
        }
        long[] nanos = new long[MEASURED];
        long total = 0;
        for (int i = 0; i < MEASURED; i++) {
            long t = System.nanoTime();
            call.get();
            nanos[i] = System.nanoTime() - t;
            total += nanos[i];
            after.run();
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-32s p50 %.2f ms  p99 %.2f ms  %.0f ops/s (%d calls after %d warm-up, one caller)%n", name,
                nanos[MEASURED / 2] / 1e6, nanos[MEASURED * 99 / 100] / 1e6, MEASURED / (total / 1e9), MEASURED, WARMUP);
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** One SQS ListQueues over a plain socket; returns the status line. */
    private static String rawListQueues(URI endpoint) throws IOException {
        String req = "POST / HTTP/1.1\r\nHost: " + endpoint.getHost() + ":" + endpoint.getPort() + "\r\n"
                + "Content-Type: application/x-amz-json-1.0\r\nX-Amz-Target: AmazonSQS.ListQueues\r\n"
                + "Connection: close\r\nContent-Length: 2\r\n\r\n{}";
        try (Socket s = new Socket(endpoint.getHost(), endpoint.getPort())) {
            OutputStream o = s.getOutputStream();
            o.write(req.getBytes(StandardCharsets.ISO_8859_1));
            o.flush();
            InputStream in = s.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return answer.substring(0, answer.indexOf("\r\n"));
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    private static List<Long> rounded(List<Double> xs) {
        return xs.stream().map(Math::round).toList();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
