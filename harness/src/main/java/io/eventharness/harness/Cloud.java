package io.eventharness.harness;

import io.eventharness.harness.backend.Backend;
import io.eventharness.harness.observe.Await;
import io.eventharness.harness.observe.BucketView;
import io.eventharness.harness.observe.Invocation;
import io.eventharness.harness.observe.LogLine;
import io.eventharness.harness.observe.LogView;
import io.eventharness.harness.observe.QueueView;
import io.eventharness.harness.wire.Wiring;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opentest4j.TestAbortedException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * One test's view of the backend: SDK clients, unique names, deploy, wire, observe, time. Everything
 * it creates is deleted when the test ends. Tests get it from the {@code @EventHarness} extension.
 *
 * <pre>{@code
 * @EventHarness
 * class HelloLambdaIT {
 *   @Test void divides(Cloud cloud) {
 *     var fn = cloud.deploy(PythonFunction.from("src/main/python").handler("lambda_function.myfunc01_handler"));
 *     assertThat(fn.invoke("{\"x\":10,\"y\":2}").payload()).isEqualTo("\"{\\\"result\\\": 5.0}\"");
 *     cloud.logsOf(fn).await().contains("x = 10");
 *   }
 * }
 * }</pre>
 */
public final class Cloud implements AutoCloseable {
    private final Harness harness;
    private final String testName;
    private final String testId;
    private final Resources resources = new Resources();
    private final Clients clients;
    private final long trailMark;
    private final List<DeployedFunction> functions = new CopyOnWriteArrayList<>();
    private final Await await;

    Cloud(Harness harness, String testName, String testId) {
        this.harness = harness;
        this.testName = testName;
        this.testId = testId;
        this.clients = new Clients(harness.backend(), harness.http(), resources);
        this.trailMark = harness.backend().trailMark();
        this.await = new Await(this::story, Await.DEFAULT_TIMEOUT);
    }

    public Backend backend() {
        return harness.backend();
    }

    public Clients clients() {
        return clients;
    }

    public S3Client s3() {
        return clients.s3();
    }

    public SqsClient sqs() {
        return clients.sqs();
    }

    public SnsClient sns() {
        return clients.sns();
    }

    public CloudWatchLogsClient logs() {
        return clients.logs();
    }

    public LambdaClient lambda() {
        return clients.lambda();
    }

    public IamClient iam() {
        return clients.iam();
    }

    public StsClient sts() {
        return clients.sts();
    }

    /**
     * A resource name unique to this test and run: {@code <run prefix>-<test>-<base>}, lower case,
     * at most 63 characters (valid for buckets, queues, topics, functions and roles alike).
     */
    public String name(String base) {
        String clean = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        String name = harness.runPrefix() + "-" + testId + "-" + clean;
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    // ---- deploy ---------------------------------------------------------------------------------

    /** Creates the function (and the execution role when missing) and returns once it is Active. */
    public DeployedFunction deploy(FunctionSpec<?> spec) {
        if (spec.handler == null) {
            throw new IllegalArgumentException("the function needs a handler");
        }
        String fnName = name(spec.baseName());
        String role = harness.executionRoleArn();
        SdkBytes zip = SdkBytes.fromByteArray(spec.zip());
        CreateFunctionResponse created = await.withTimeout(Duration.ofSeconds(30)).until("function " + fnName + " to be created",
                () -> {
                    try {
                        return lambda().createFunction(b -> b.functionName(fnName).runtime(spec.runtime).handler(spec.handler)
                                .role(role).memorySize(spec.memoryMb).timeout((int) spec.timeout.toSeconds())
                                .environment(e -> e.variables(spec.environment))
                                .deadLetterConfig(spec.deadLetterTargetArn == null ? null
                                        : software.amazon.awssdk.services.lambda.model.DeadLetterConfig.builder()
                                        .targetArn(spec.deadLetterTargetArn).build())
                                .code(c -> c.zipFile(zip)));
                    } catch (InvalidParameterValueException e) {
                        if (e.getMessage() != null && e.getMessage().contains("role")) {
                            return null; // a new IAM role takes a few seconds to reach Lambda (real AWS)
                        }
                        throw e;
                    }
                }, r -> true, r -> r.stateAsString());
        lambda().waiter().waitUntilFunctionActiveV2(b -> b.functionName(fnName));
        DeployedFunction fn = new DeployedFunction(lambda(), fnName, created.functionArn());
        functions.add(fn);
        return fn;
    }

    // ---- wire -----------------------------------------------------------------------------------

    /** Trigger helpers shaped like the AWS APIs they call. */
    public Wiring wire() {
        return new Wiring(clients, harness::executionRoleArn);
    }

    // ---- observe --------------------------------------------------------------------------------

    public LogView logsOf(DeployedFunction fn) {
        return new LogView(clients.logs(), fn.logGroup(), await);
    }

    public QueueView queue(String queueUrl) {
        return new QueueView(clients.sqs(), queueUrl, await);
    }

    public BucketView bucket(String bucket) {
        return new BucketView(clients.s3(), bucket, await);
    }

    /** The waits of this test, for custom conditions; failures tell the scenario's story. */
    public Await await() {
        return await;
    }

    // ---- time -----------------------------------------------------------------------------------

    /**
     * Moves the backend's clock: a two-minute retry or a daily schedule fires before this returns.
     * On backends without a movable clock the test is skipped (aborted) with the reason.
     */
    public void advance(Duration by) {
        if (!backend().hasMovableClock()) {
            throw new TestAbortedException("this test moves the clock, which only the embedded backend can do (backend: "
                    + backend().name() + ")");
        }
        backend().advance(by);
    }

    // ---- the story a failure tells --------------------------------------------------------------

    /** What happened so far in this test: the event trail, each function's invocations and last log lines. */
    public String story() {
        StringBuilder b = new StringBuilder();
        List<String> trail = backend().trailSince(trailMark);
        if (backend().hasMovableClock()) {
            b.append("Event trail of ").append(testName).append(trail.isEmpty() ? ": nothing was delivered between services.\n" : ":\n");
            trail.stream().skip(Math.max(0, trail.size() - 30)).forEach(l -> b.append("    ").append(l).append('\n'));
        }
        for (DeployedFunction fn : functions) {
            List<LogLine> lines;
            try {
                lines = logsOf(fn).lines();
            } catch (RuntimeException e) {
                b.append("Logs of ").append(fn.name()).append(" unreadable: ").append(e).append('\n');
                continue;
            }
            List<Invocation> inv = Invocation.parse(lines);
            b.append("Invocations of ").append(fn.name()).append(inv.isEmpty() ? ": none.\n" : ":\n");
            inv.forEach(i -> b.append("    ").append(i).append('\n'));
            b.append("Last log lines of ").append(fn.name()).append(lines.isEmpty() ? ": none.\n" : ":\n");
            lines.stream().skip(Math.max(0, lines.size() - 20)).forEach(l -> b.append("    ").append(l.message()).append('\n'));
        }
        return b.toString();
    }

    /** Deletes everything this test created (unless {@code -Dharness.keep=true}). */
    @Override
    public void close() {
        if (!Boolean.getBoolean("harness.keep")) {
            Teardown.run(harness.adminClients(), resources.newestFirst());
        }
        resources.clear();
    }
}
