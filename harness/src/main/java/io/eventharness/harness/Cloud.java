package io.eventharness.harness;

import io.eventharness.harness.backend.Backend;
import io.eventharness.harness.backend.Hop;
import io.eventharness.harness.observe.Await;
import io.eventharness.harness.observe.BucketView;
import io.eventharness.harness.observe.Inbox;
import io.eventharness.harness.observe.LogView;
import io.eventharness.harness.observe.QueueView;
import io.eventharness.harness.observe.Settle;
import io.eventharness.harness.observe.TableStreamView;
import io.eventharness.harness.observe.TableView;
import io.eventharness.harness.wire.Wires;
import io.eventharness.harness.wire.Wiring;
import java.time.Duration;
import java.util.ArrayList;
import io.eventharness.harness.observe.TriggerView;
import java.time.Instant;
import io.eventharness.harness.report.ClockMove;
import io.eventharness.harness.report.FunctionLog;
import io.eventharness.harness.report.ReportLink;
import io.eventharness.harness.report.Scene;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.DeadLetterConfig;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A view of the backend for one test, or for one test class: SDK clients, unique names, deploy, wire,
 * observe, time. Everything it creates is deleted when it closes. Tests get it from the {@code @EventHarness}
 * extension, which keeps each Cloud in JUnit's store so that JUnit closes it:
 * <ul>
 *   <li><b>per test</b> — an instance field or a parameter of a test, {@code @BeforeEach} or {@code @AfterEach}
 *       method: names unique to the test ({@code <run prefix>-<test id>-<base>}), torn down after the test;</li>
 *   <li><b>per class</b> — a {@code static} field or a parameter of a {@code @BeforeAll} or {@code @AfterAll}
 *       method: names unique to the class, the same in each of its tests ({@code <run prefix>-<class id>-<base>}),
 *       torn down after the class. Deploy once here, use in every test.</li>
 * </ul>
 * A test may use both; when one of its waits times out, its story also tells the hops and functions of the
 * class's resources.
 *
 * <pre>{@code
 * @EventHarness
 * class HelloLambdaIT {
 *   static Cloud shared;                       // the class's: deployed once
 *   static DeployedFunction fn;
 *
 *   @BeforeAll static void deploy() {
 *     fn = shared.deploy(PythonFunction.from("src/main/python").handler("lambda_function.myfunc01_handler"));
 *   }
 *
 *   @Test void divides(Cloud cloud) {          // the test's own
 *     assertThat(fn.invoke("{\"x\":10,\"y\":2}").payload()).isEqualTo("\"{\\\"result\\\": 5.0}\"");
 *     cloud.logsOf(fn).await().contains("x = 10");
 *   }
 * }
 * }</pre>
 */
@SuppressWarnings("deprecation") // CloseableResource: deprecated since JUnit 5.13 in favour of AutoCloseable; both are honoured
public final class Cloud implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    /** How long a new execution role may take to reach Lambda on a real account. */
    static final Duration ROLE_PROPAGATION = Duration.ofSeconds(30);

    private final Harness harness;
    private final String testName;
    private final String testId;
    private final Resources resources = new Resources();
    private final Clients clients;
    private final long trailMark;
    private final Set<String> functions = ConcurrentHashMap.newKeySet(); // deployed, or observed with logsOf
    private final Set<String> deployedNames = new HashSet<>();
    private final Map<String, Inbox> inboxes = new ConcurrentHashMap<>();
    private final Map<String, TableStreamView> tableStreams = new ConcurrentHashMap<>();
    private final Await await;
    private final Wires wires = new Wires();
    private final Cloud enclosing; // the test class's Cloud, whose resources this test's story tells too; or null
    private volatile TestReports.Plan report; // this test's report, when one is planned
    private final List<ClockMove> clockMoves = new CopyOnWriteArrayList<>(); // recorded while a report is planned
    private volatile boolean clockFrozen;
    private final Faults faults;

    Cloud(Harness harness, String testName, String testId, Cloud enclosing) {
        this.harness = harness;
        this.testName = testName;
        this.testId = testId;
        this.enclosing = enclosing;
        this.clients = new Clients(harness.backend(), harness.http(), resources);
        this.faults = new Faults(harness.backend());
        this.trailMark = harness.backend().trailMark();
        // the emulator (embedded, or at an endpoint: it has a trail) answers in a fraction of a millisecond
        this.await = new Await(this::story, Await.DEFAULT_TIMEOUT, harness.backend().hasTrail() ? Await.Polling.FAST
                : Await.Polling.forBackend(harness.backend().name()));
    }

    public Backend backend() {
        return harness.backend();
    }

    public Harness harness() {
        return harness;
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

    public EventBridgeClient events() {
        return clients.events();
    }

    public SchedulerClient scheduler() {
        return clients.scheduler();
    }

    public KinesisClient kinesis() {
        return clients.kinesis();
    }

    public DynamoDbClient dynamoDb() {
        return clients.dynamoDb();
    }

    public DynamoDbStreamsClient dynamoDbStreams() {
        return clients.dynamoDbStreams();
    }

    /**
     * A resource name unique to this Cloud and run: {@code <run prefix>-<id>-<base>}, lower case, at most 63
     * characters (valid for buckets, queues, topics, functions and roles alike). A test's Cloud gives names unique
     * to the test; a class's Cloud, names unique to the class (the same in each of its tests).
     */
    public String name(String base) {
        String clean = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        String name = namePrefix() + clean;
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    /** The id in this Cloud's names: unique in the run. */
    String testId() {
        return testId;
    }

    /** What every name of this Cloud starts with: {@code <run prefix>-<id>-}. */
    public String namePrefix() {
        return harness.runPrefix() + "-" + testId + "-";
    }

    // ---- deploy ---------------------------------------------------------------------------------

    /**
     * Creates the function (and the execution role when missing) and returns once it is Active. Its package is made
     * and hashed once per content, and a large one is uploaded once per run ({@code CodeStaging}): deploying
     * unchanged code again costs no zipping, hashing or uploading, whatever its size. Deploying
     * the same base name twice in one test gives the second function a {@code -2} suffix, and so on. Errors
     * are thrown at once, except the one AWS gives while a fresh role has not reached Lambda yet.
     */
    public DeployedFunction deploy(FunctionSpec<?> spec) {
        if (spec.handler == null) {
            throw new IllegalArgumentException("the function needs a handler");
        }
        String fnName = uniqueFunctionName(spec.baseName());
        String role = harness.executionRoleArn();
        FunctionCode code = harness.codeStaging().code(spec.code());
        CreateFunctionResponse created = await.atMost(ROLE_PROPAGATION).retrying(
                "function " + fnName + " to be created (its new execution role to reach Lambda)",
                () -> lambda().createFunction(b -> b.functionName(fnName).runtime(spec.runtime).handler(spec.handler)
                        .role(role).memorySize(spec.memoryMb).timeout((int) spec.timeout.toSeconds())
                        .environment(e -> e.variables(spec.environment))
                        .deadLetterConfig(spec.deadLetterTargetArn == null ? null
                                : DeadLetterConfig.builder().targetArn(spec.deadLetterTargetArn).build())
                        .code(code)),
                Cloud::roleNotAssumableYet);
        functions.add(fnName);
        lambda().waiter().waitUntilFunctionActiveV2(b -> b.functionName(fnName));
        return new DeployedFunction(lambda(), fnName, created.functionArn());
    }

    /** AWS's answer to CreateFunction while a fresh role has not reached Lambda (IAM is eventually consistent). */
    static boolean roleNotAssumableYet(RuntimeException e) {
        return e instanceof InvalidParameterValueException && e.getMessage() != null
                && e.getMessage().contains("cannot be assumed by Lambda");
    }

    private synchronized String uniqueFunctionName(String base) {
        String name = name(base);
        for (int n = 2; !deployedNames.add(name); n++) {
            String suffix = "-" + n;
            String plain = name(base);
            name = (plain.length() + suffix.length() > 63 ? plain.substring(0, 63 - suffix.length()) : plain) + suffix;
        }
        return name;
    }

    // ---- wire -----------------------------------------------------------------------------------

    /** Trigger helpers shaped like the AWS APIs they call; what they wire is told in the failure story. */
    public Wiring wire() {
        return new Wiring(clients, harness::executionRoleArn, harness::schedulerRoleArn, await, wires, backend().capabilities(),
                backend().name());
    }

    // ---- observe --------------------------------------------------------------------------------

    public LogView logsOf(DeployedFunction fn) {
        return logsOf(fn.name());
    }

    /** The log of any function by name (one created with plain SDK calls, say); its story is told on failure. */
    public LogView logsOf(String functionName) {
        functions.add(functionName);
        return new LogView(clients.logs(), "/aws/lambda/" + functionName, await);
    }

    /** An output queue. Messages received but not yet taken by a wait stay with this test, per queue, in order. */
    public QueueView queue(String queueUrl) {
        return new QueueView(inboxes.computeIfAbsent(queueUrl, u -> new Inbox(clients.sqs(), u)), await);
    }

    public BucketView bucket(String bucket) {
        return new BucketView(clients.s3(), bucket, await);
    }

    /** An output table: its items now, and waits for items a function writes, changes or deletes. */
    public TableView table(String table) {
        return new TableView(clients.dynamoDb(), table, await);
    }

    /**
     * A table's DynamoDB stream, read from its oldest record: each record is handed over once, in order (the view is
     * the same for the whole test, so the next wait gets only what came since).
     */
    public TableStreamView tableStream(String table) {
        return tableStreams.computeIfAbsent(table, t -> new TableStreamView(clients.dynamoDb(), clients.dynamoDbStreams(), t, await));
    }

    /**
     * The invocations of {@code fn} that a rule or schedule ({@code triggerArn}) caused, and waits for them. With the
     * emulator's trail those are exactly the trigger's; on LocalStack and AWS, every invocation of {@code fn} (see
     * {@link TriggerView}). Its story is told on failure.
     */
    public TriggerView trigger(String triggerArn, DeployedFunction fn) {
        functions.add(fn.name());
        LogView log = new LogView(clients.logs(), fn.logGroup(), await);
        return new TriggerView(triggerArn, log, backend().hasTrail() ? () -> backend().trailSince(trailMark, triggerArn::equals) : null, await);
    }

    /** The waits of this test, for custom conditions; failures tell the scenario's story. */
    public Await await() {
        return await;
    }

    /**
     * Faults of the AWS APIs on purpose: {@code cloud.faults().throttle("s3:PutObject", 2)}. They apply to every caller
     * (the test and its functions) until used up or until this Cloud closes; on a backend that cannot inject them the
     * test is skipped when it arms one (see {@link Faults}).
     */
    public Faults faults() {
        return faults;
    }

    // ---- time -----------------------------------------------------------------------------------

    /** The backend's time: the emulator's clock (where it was moved to), else the wall clock. */
    public Instant now() {
        return backend().now();
    }

    /**
     * Moves the backend's clock to {@code instant} (as {@link #advance}): everything due until then has fired when
     * this returns. The clock runs on meanwhile, so it stands a few milliseconds past {@code instant} by then. An
     * instant already past is an {@link IllegalArgumentException}.
     */
    public void advanceTo(Instant instant) {
        Duration by = Duration.between(now(), instant);
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward: it is at " + now() + ", past " + instant);
        }
        advance(by);
    }

    /**
     * Stops the backend's clock until this test ends: it then moves only with {@link #advance} and
     * {@link #advanceTo}, so that what a test asserts has not happened yet (one second before midnight, four minutes
     * into a five-minute rate) cannot happen meanwhile because the machine was slow. Real time goes on counting from
     * where the clock stands once the test ends. Skipped (aborted) on backends without a movable clock, as
     * {@link #advance} is.
     */
    public void freezeClock() {
        if (!backend().hasMovableClock()) {
            throw new TestAbortedException("this test stops the clock, which only the emulator can do (backend: "
                    + backend().name() + "); annotate it @NeedsClock to skip it up front");
        }
        backend().freezeClock(true);
        clockFrozen = true;
    }

    /**
     * Moves the backend's clock: a two-minute retry or a daily schedule fires before this returns.
     * On backends without a movable clock the test is skipped (aborted) with the reason; annotate the test
     * {@code @NeedsClock} to skip it before it creates anything.
     */
    public void advance(Duration by) {
        if (!backend().hasMovableClock()) {
            throw new TestAbortedException("this test moves the clock, which only the emulator can do (backend: "
                    + backend().name() + "); annotate it @NeedsClock to skip it up front");
        }
        if (report == null) {
            backend().advance(by);
            return;
        }
        Instant from = backend().now();
        long before = backend().hasTrail() ? backend().trailMark() : 0;
        backend().advance(by);
        clockMoves.add(new ClockMove(from, by, before, backend().hasTrail() ? backend().trailMark() : 0));
    }

    /**
     * Returns once nothing more will happen in the backend until the test acts again (within the default wait limit),
     * so that a test can assert that something did <em>not</em> happen: the non-matching upload triggered nothing,
     * the filtered message was not delivered. On the embedded backend this is the emulator's own signal (no delivery
     * queued, no invocation running, no batching window open, no message a mapping has yet to take — the whole
     * emulator's, so test classes running in parallel wait for each other's work too); on LocalStack
     * and AWS a quiet period over this test's (and its class's) queues, logs and mappings ({@link Settle}). Fails
     * with an {@link io.eventharness.harness.observe.AwaitTimeout} naming what was still pending.
     *
     * <pre>{@code
     * s3().putObject(b -> b.bucket(uploads).key("notes.md"), RequestBody.fromString("ignored"));
     * cloud.settle();
     * assertThat(cloud.logsOf(thumbnailer).invocations()).isEmpty();
     * }</pre>
     */
    public void settle() {
        settle(await.atMost());
    }

    /** {@link #settle()} with another limit. */
    public void settle(Duration atMost) {
        Await wait = await.atMost(atMost);
        if (backend().hasSettledSignal()) {
            Settle.bySignal(wait, backend()::settle);
        } else {
            Settle.byQuietPeriod(wait, Settle.quietPeriod(backend().name()), new SettleProbe(clients.sqs(), this::queuesToWatch,
                    this::functionsToTell, fn -> new LogView(clients.logs(), "/aws/lambda/" + fn, await), allWires()));
        }
    }

    private List<String> queuesToWatch() {
        List<String> urls = new ArrayList<>(resources.newestFirst().stream().filter(c -> c.kind() == Resources.Kind.QUEUE)
                .map(Resources.Created::id).toList());
        if (enclosing != null) {
            urls.addAll(enclosing.queuesToWatch());
        }
        return urls;
    }

    private List<Wires> allWires() {
        return enclosing == null ? List.of(wires) : List.of(wires, enclosing.wires);
    }

    // ---- the story a failure tells --------------------------------------------------------------

    /**
     * What happened so far in this test (or class): the hops between its own resources, and each function's
     * invocations and last log lines (functions it deployed, created with plain SDK calls, or observed). A test's
     * Cloud tells its class's resources and functions too, from the test's start. When the test's report is planned
     * (see {@link io.eventharness.harness.report.ReportMode}), the last line links it: {@code report: file:///…}.
     */
    public String story() {
        TestReports.Plan r = report;
        return Story.tell(backend(), testName, trailMark, concerns(), functionsToTell(),
                fn -> new LogView(clients.logs(), "/aws/lambda/" + fn, await)) + wiringStory()
                + (r == null ? "" : ReportLink.line(r.file()) + "\n");
    }

    // ---- the report -----------------------------------------------------------------------------

    /** Plans this test's report: its failures' story ends with the link, and its clock moves are recorded. */
    void reportTo(TestReports.Plan plan) {
        this.report = plan;
    }

    TestReports.Plan reportPlan() {
        return report;
    }

    /**
     * What this test's report draws: the trail's hops since the test's start that concern its (or its class's)
     * resources, what the functions its story tells logged since then, and its clock moves.
     */
    Scene scene() {
        Backend b = backend();
        Predicate<String> concerns = concerns();
        List<Hop> hops = b.hasTrail() ? b.hopsSince(trailMark).stream().filter(h -> h.involves(concerns)).toList() : List.of();
        TestReports.Plan r = report;
        Instant since = r == null ? null : r.since();
        List<FunctionLog> logs = new ArrayList<>();
        for (String fn : functionsToTell()) {
            try {
                logs.add(new FunctionLog(fn, new LogView(clients.logs(), "/aws/lambda/" + fn, await).lines(since), null));
            } catch (RuntimeException e) {
                logs.add(FunctionLog.unreadable(fn, e.toString()));
            }
        }
        return new Scene(b.name(), harness.runPrefix(), b.hasTrail(), since == null ? Instant.EPOCH : since, hops, logs, clockMoves);
    }

    /** What this Cloud (and its class's) wired, with the state of each trigger now. */
    private String wiringStory() {
        return wires.tell(testName) + (enclosing == null ? "" : enclosing.wiringStory());
    }

    /**
     * Whether a hop's source, target or payload is one of this Cloud's resources or events it put (or the class's
     * Cloud's).
     */
    private Predicate<String> concerns() {
        String prefix = namePrefix();
        Set<String> createdNames = resources.newestFirst().stream().map(c -> Story.shortName(c.id()))
                .collect(Collectors.toCollection(HashSet::new));
        createdNames.addAll(resources.eventIds());
        Predicate<String> own = endpoint -> Story.concerns(endpoint, prefix, createdNames) || faults.armedFor(endpoint);
        return enclosing == null ? own : own.or(enclosing.concerns());
    }

    private Set<String> functionsToTell() {
        Set<String> fns = new LinkedHashSet<>(functions);
        resources.newestFirst().stream().filter(c -> c.kind() == Resources.Kind.FUNCTION).map(Resources.Created::id).forEach(fns::add);
        if (enclosing != null) {
            fns.addAll(enclosing.functionsToTell());
        }
        return fns;
    }

    /**
     * Deletes everything this Cloud created (unless {@code -Dharness.keep=true}); what cannot be deleted is
     * logged at WARN now and listed again when the run ends. JUnit calls this when the test's (or class's) store
     * closes; closing twice deletes once.
     */
    @Override
    public void close() {
        if (clockFrozen) {
            clockFrozen = false;
            backend().freezeClock(false); // the next test finds the clock following real time
        }
        faults.clear();
        inboxes.values().forEach(Inbox::release); // what the test received and left: visible again to whoever reads next
        inboxes.clear();
        tableStreams.clear();
        List<Resources.Created> created = resources.newestFirst();
        if (Boolean.getBoolean("harness.keep")) {
            harness.leftBehind(testName, created.stream().map(c -> c.kind() + " " + c.id() + " (kept: harness.keep=true)").toList());
        } else {
            harness.leftBehind(testName, Teardown.run(harness.adminClients(), created).stream().map(Object::toString).toList());
        }
        resources.clear();
    }
}
