package io.eventharness.emulator.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.lambda.runtime.Functions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The standalone jar as a user runs it ({@code java -jar emulator.jar}), each test with an emulator of
 * its own: its output, its flags, the services it serves, its exit status, its stop on SIGTERM.
 */
class StandaloneJarIT {
    private static final Duration START = StandaloneJar.START;
    private static final Duration STOP = StandaloneJar.STOP;
    private static final String TRUST = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
            + "\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final int SIGTERM_STATUS = 128 + 15;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void servesEveryServiceThenStopsCleanlyOnSigterm() throws Exception {
        try (StandaloneProcess p = StandaloneProcess.start("--port", "0")) {
            URI endpoint = p.awaitReady(START);

            // 'Ready.' means serving: the very first request, sent without any retry, is answered.
            HttpResponse<String> health = get(endpoint.resolve("/_harness/health"));
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
            JsonNode h = JSON.readTree(health.body());
            assertThat(h.path("status").asText()).isEqualTo("running");
            assertThat(h.path("services").fieldNames()).toIterable()
                    .containsExactlyInAnyOrder("s3", "sqs", "sns", "logs", "iam", "sts", "lambda", "events", "scheduler", "kinesis", "dynamodb");
            assertThat(h.path("services")).allSatisfy(state -> assertThat(state.asText()).isEqualTo("running"));

            try (SqsClient sqs = client(SqsClient.builder(), endpoint)) {
                String url = sqs.createQueue(b -> b.queueName("standalone")).queueUrl();
                sqs.sendMessage(b -> b.queueUrl(url).messageBody("over the wire"));
                assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages())
                        .singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("over the wire"));
            }
            List<ProcessHandle> sandboxes = invokeAPythonFunction(endpoint, p);

            p.terminate();
            assertThat(p.awaitExit(STOP)).as("the JVM's status after SIGTERM").isEqualTo(SIGTERM_STATUS);
            assertThat(String.join("\n", p.stderr())).doesNotContain("Exception").doesNotContain("ERROR");
            assertThat(p.stdout()).as("stdout %s stderr %s", p.stdout(), p.stderr()).containsOnlyOnce("Ready.").last().isEqualTo("Stopped.");
            assertThat(portAcceptsConnections(endpoint)).as("port closed after stop").isFalse();
            await("the function's sandbox stopped with the emulator").atMost(STOP)
                    .untilAsserted(() -> assertThat(sandboxes).noneMatch(ProcessHandle::isAlive));
        }
    }

    /** Creates and invokes the book's function; returns the processes the emulator runs it in (kept warm). */
    private static List<ProcessHandle> invokeAPythonFunction(URI endpoint, StandaloneProcess p) throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("lambda_function.py"));
            z.write(Files.readAllBytes(Functions.python("python-book").resolve("lambda_function.py")));
        }
        try (IamClient iam = client(IamClient.builder(), endpoint);
             LambdaClient lambda = client(LambdaClient.builder(), endpoint)) {
            String role = iam.createRole(b -> b.roleName("standalone").assumeRolePolicyDocument(TRUST)).role().arn();
            lambda.createFunction(b -> b.functionName("standalone").runtime(Runtime.PYTHON3_12).role(role)
                    .handler("lambda_function.myfunc01_handler").code(c -> c.zipFile(SdkBytes.fromByteArray(zip.toByteArray()))));
            InvokeResponse r = lambda.invoke(b -> b.functionName("standalone").payload(SdkBytes.fromUtf8String("{\"x\":6,\"y\":3}")));
            assertThat(r.functionError()).isNull();
            assertThat(r.payload().asUtf8String()).isEqualTo("\"{\\\"result\\\": 2.0}\"");
        }
        List<ProcessHandle> sandboxes = p.handle().descendants().toList();
        assertThat(sandboxes).as("the warm sandbox").anySatisfy(s -> assertThat(s.info().command()).hasValueSatisfying(
                c -> assertThat(c).contains("python")));
        return sandboxes;
    }

    @Test
    void theBannerSaysWhatItServesAndTheRequestLogEachRequest() throws Exception {
        try (StandaloneProcess p = StandaloneProcess.start("--port", "0", "--request-log")) {
            URI endpoint = p.awaitReady(START);
            assertThat(p.stdout()).contains("  region       us-east-1", "  account      000000000000",
                    "  services     " + String.join(", ", io.eventharness.emulator.Emulator.SERVICES), "  request log  on (one line per request below)");

            try (SqsClient sqs = client(SqsClient.builder(), endpoint)) {
                sqs.createQueue(b -> b.queueName("logged"));
            }
            get(endpoint.resolve("/_harness/health?verbose=1"));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(p.stdout())
                    .anySatisfy(l -> assertThat(l).matches("POST /  sqs CreateQueue  200  \\d+\\.\\d ms"))
                    .anySatisfy(l -> assertThat(l).matches("GET /_harness/health  admin health  200  \\d+\\.\\d ms")));
        }
    }

    /**
     * A synchronous invocation, asynchronous ones and their sandboxes busy for a minute, and SIGTERM: the emulator
     * stops within a second or two (it took 22 s: Jetty waited for the request, the engine for its background work).
     */
    @Test
    void sigtermStopsAtOnceWhileFunctionsRun() throws Exception {
        try (StandaloneProcess p = StandaloneProcess.start("--port", "0")) {
            URI endpoint = p.awaitReady(START);
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(zip)) {
                z.putNextEntry(new ZipEntry("sleeper.py"));
                z.write("import time\ndef handle(event, context):\n    time.sleep(60)\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            java.util.concurrent.CompletableFuture<?> sync;
            try (IamClient iam = client(IamClient.builder(), endpoint)) {
                String role = iam.createRole(b -> b.roleName("sleeper").assumeRolePolicyDocument(TRUST)).role().arn();
                LambdaClient lambda = client(LambdaClient.builder(), endpoint);
                lambda.createFunction(b -> b.functionName("sleeper").runtime(Runtime.PYTHON3_12).role(role).timeout(120)
                        .handler("sleeper.handle").code(c -> c.zipFile(SdkBytes.fromByteArray(zip.toByteArray()))));
                sync = java.util.concurrent.CompletableFuture.runAsync(() -> lambda.invoke(b -> b.functionName("sleeper")
                        .payload(SdkBytes.fromUtf8String("{}"))));
                for (int i = 0; i < 3; i++) {
                    lambda.invoke(b -> b.functionName("sleeper").invocationType("Event").payload(SdkBytes.fromUtf8String("{}")));
                }
            }
            await("four busy sandboxes").atMost(Duration.ofSeconds(60)).until(() -> p.handle().descendants()
                    .filter(d -> d.info().commandLine().orElse("").contains("bootstrap.py")).count() >= 4);

            List<ProcessHandle> sandboxes = p.handle().descendants().toList();
            long start = System.nanoTime();
            p.terminate();
            assertThat(p.awaitExit(STOP)).isEqualTo(SIGTERM_STATUS);
            long tookMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(tookMillis).as("from SIGTERM to exit, ms; stdout %s", p.stdout()).isLessThan(4_000);
            assertThat(p.stdout()).last().isEqualTo("Stopped.");
            await("the sandboxes gone with it").atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(sandboxes).noneMatch(ProcessHandle::isAlive));
            sync.handle((r, e) -> null).get(30, java.util.concurrent.TimeUnit.SECONDS); // answered or cut off, not left hanging
        }
    }

    @Test
    void hostFlagBindsOnlyThatAddress() throws Exception {
        try (StandaloneProcess p = StandaloneProcess.start("--host", "127.0.0.2", "--port", "0")) {
            URI endpoint = p.awaitReady(START);
            assertThat(endpoint.getHost()).isEqualTo("127.0.0.2");
            assertThat(get(endpoint.resolve("/_harness/health")).statusCode()).isEqualTo(200);
            assertThat(portAcceptsConnections(URI.create("http://127.0.0.1:" + endpoint.getPort()))).isFalse();
        }
    }

    @Test
    void defaultPortIs4566() throws Exception {
        boolean free = portFree(4566);
        try (StandaloneProcess p = StandaloneProcess.start()) {
            if (free) {
                URI endpoint = p.awaitReady(START);
                assertThat(endpoint).isEqualTo(URI.create("http://127.0.0.1:4566"));
                assertThat(get(endpoint.resolve("/_harness/health")).statusCode()).isEqualTo(200);
            } else {
                // Someone else holds 4566 on this machine: then the default must fail with the clear error.
                assertThat(p.awaitExit(START)).isEqualTo(1);
                assertThat(p.stderr()).singleElement().asString().contains("127.0.0.1:4566").contains("in use");
            }
        }
    }

    @Test
    void portInUseIsOneClearLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             StandaloneProcess p = StandaloneProcess.start("--port", String.valueOf(taken.getLocalPort()))) {
            assertThat(p.awaitExit(START)).isEqualTo(1);
            assertThat(p.stdout()).doesNotContain("Ready.");
            assertThat(p.stderr()).singleElement().asString()
                    .startsWith("error: cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .contains("address already in use")
                    .contains("--port 0");
        }
    }

    @Test
    void unknownHostIsOneClearLine() throws Exception {
        try (StandaloneProcess p = StandaloneProcess.start("--host", "no-such-host.invalid", "--port", "0")) {
            assertThat(p.awaitExit(START)).isEqualTo(1);
            assertThat(p.stderr()).singleElement().asString().startsWith("error: ").contains("no-such-host.invalid");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--port abc", "--port 70000", "--port -1", "--port", "--host", "--bogus", "--port --host",
            "--lambda-keep-alive soon", "--lambda-async-workers 0"})
    void badArgumentsExitWithStatus2AndAMessage(String args) throws Exception {
        try (StandaloneProcess p = StandaloneProcess.start(args.split(" "))) {
            assertThat(p.awaitExit(START)).isEqualTo(2);
            assertThat(p.stdout()).doesNotContain("Ready.");
            assertThat(p.stderr()).first().asString().startsWith("error: ");
            assertThat(p.stderr()).anySatisfy(l -> assertThat(l).startsWith("usage: "));
            assertThat(String.join("\n", p.stderr())).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void helpPrintsUsageAndExitsZero() throws Exception {
        try (StandaloneProcess p = StandaloneProcess.start("--help")) {
            assertThat(p.awaitExit(START)).isZero();
            assertThat(p.stdout()).first().asString().startsWith("usage: ");
            assertThat(p.stdout()).anySatisfy(l -> assertThat(l).contains("--port N"));
        }
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> C client(B builder, URI endpoint) {
        return builder.endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    private static boolean portAcceptsConnections(URI endpoint) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 2_000);
            return true;
        } catch (ConnectException e) {
            return false;
        }
    }

    private static boolean portFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
