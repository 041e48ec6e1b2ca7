package io.eventharness.emulator;

import io.eventharness.emulator.admin.AdminRoutes;
import io.eventharness.emulator.core.Account;
import io.eventharness.emulator.core.Activity;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.delivery.EventTrail;
import io.eventharness.emulator.faults.ApiFaults;
import io.eventharness.emulator.http.JettyServer;
import io.eventharness.emulator.pipeline.FrontDoor;
import io.eventharness.emulator.pipeline.RequestLog;
import io.eventharness.emulator.routing.ServiceRouter;
import io.eventharness.emulator.lambda.LambdaService;
import io.eventharness.emulator.logs.LogsService;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The embedded AWS: one port serving S3, SQS, SNS, CloudWatch Logs, IAM, STS and Lambda (functions run as
 * sandbox processes on the Lambda Runtime API) to unmodified AWS clients, on one movable clock.
 *
 * <pre>{@code
 * try (Emulator aws = Emulator.builder().withDynamicPort().build().start()) {
 *     SqsClient sqs = SqsClient.builder()
 *             .endpointOverride(aws.endpoint())
 *             .region(aws.region())
 *             .credentialsProvider(aws.credentials())
 *             .build();
 *     sqs.createQueue(b -> b.queueName("orders"));
 * }
 * }</pre>
 *
 * <p>{@link Builder#build()} freezes the {@link Settings} and does nothing else: no thread, no directory, no
 * port. {@link #start()} does all the work, once.
 *
 * <p>Differences from AWS: one account ({@code 000000000000}); credentials are taken at their word and IAM's
 * policies are not enforced unless {@link Builder#withSignatureVerification} and {@link Builder#withPolicyEnforcement}
 * say so.
 */
public final class Emulator implements AutoCloseable {
    /** How long an idle Lambda sandbox stays warm unless configured. */
    public static final Duration DEFAULT_LAMBDA_KEEP_ALIVE = Duration.ofMinutes(10);
    /** The services served, by signing name (as a request's credential scope names them). */
    public static final List<String> SERVICES = List.of("dynamodb", "events", "iam", "kinesis", "lambda", "logs", "s3", "scheduler", "sns",
            "sqs", "sts");
    /**
     * What the emulator does beyond the services' APIs, as {@code GET /_harness/health} names it to a test harness
     * (which skips or refuses what needs a feature missing here): {@code clock} (a movable clock,
     * {@code /_harness/clock/advance}), {@code trail} (the event trail, {@code /_harness/trail}), {@code settle} (the
     * settled signal, {@code /_harness/settle}), and the deliveries between services: {@code sns-to-sqs},
     * {@code sns-to-lambda}, {@code s3-notifications} (S3 delivering bucket events to queues, topics and functions),
     * {@code s3-to-eventbridge}, {@code sqs-event-source} (Lambda polling queues), {@code kinesis-event-source} and
     * {@code dynamodb-event-source} (Lambda reading Kinesis and DynamoDB streams), {@code eventbridge-targets},
     * {@code scheduler-targets}; {@code api-faults} (faults of the AWS APIs on purpose, {@code /_harness/faults}).
     * Whoever adds a delivery adds its name.
     */
    public static final List<String> FEATURES = List.of("clock", "trail", "settle", "sns-to-sqs", "sns-to-lambda", "s3-notifications",
            "s3-to-eventbridge", "sqs-event-source", "kinesis-event-source", "dynamodb-event-source", "eventbridge-targets",
            "scheduler-targets", "api-faults");
    private final Settings settings;
    private final EmulatorClock clock;
    private final EventTrail trail;
    private final Delivery delivery;
    private final ApiFaults faults;
    /** Built on a thread of their own while the port opens (see {@link #start()}). */
    private final ServicesInBackground services = new ServicesInBackground();
    private JettyServer server;
    private boolean started;

    private Emulator(Settings settings) {
        this.settings = settings;
        this.clock = new EmulatorClock();
        this.trail = new EventTrail(clock);
        this.delivery = new Delivery(trail);
        this.faults = new ApiFaults(trail);
    }

    /** Waits until every service is warmed up (for tests: nothing else needs to). */
    void awaitWarmUp(Duration timeout) throws Exception {
        services.awaitWarmUp(timeout);
    }

    public static Builder builder() {
        return new Builder(Settings.DEFAULTS);
    }

    /** The settings this emulator was built with. */
    public Settings settings() {
        return settings;
    }

    /**
     * Starts serving; returns once the port accepts requests and the services are built. The services (their
     * state, Jackson, the IAM policy catalogue, the Lambda engine) are built on another core while this thread
     * starts Jetty: the two largest start-up costs overlap. Requests that arrive before the services are built wait
     * for them. That thread then goes on preparing what each service's first request needs ({@code WarmUp}), and
     * another sends the port one request that Jetty answers itself ({@link JettyServer#warmUp()}). An emulator starts
     * once; {@code start()} again returns it.
     */
    public synchronized Emulator start() {
        if (started) {
            if (server == null) {
                throw new IllegalStateException("this emulator was closed; build a new one");
            }
            return this;
        }
        started = true;
        ServiceRouter router = services.router();
        FrontDoor frontDoor = new FrontDoor(router, new AdminRoutes(router, clock, trail, () -> services().lambda(), faults,
                FEATURES, () -> services().denials()), faults, settings.requestLog(), () -> services.join().access());
        services.start(() -> new Services(clock, delivery, this::endpointOrNull, settings, faults), frontDoor);
        JettyServer s = new JettyServer(settings.host(), settings.port(), frontDoor);
        try {
            s.start();
        } catch (Exception e) {
            close(); // the services being built (threads, the Lambda work directory) go too: the caller gets no handle
            throw new IllegalStateException("cannot start the emulator on " + settings.host() + ":" + settings.port() + ": "
                    + e.getMessage(), e);
        }
        server = s;
        Thread jetty = new Thread(s::warmUp, "emulator-http-warm-up");
        jetty.setDaemon(true);
        jetty.start();
        try {
            services.join();
        } catch (CompletionException e) {
            close();
            throw (RuntimeException) e.getCause();
        }
        return this;
    }

    /** {@code http://127.0.0.1:<port>}: give it to {@code endpointOverride}. */
    public URI endpoint() {
        requireStarted();
        String host = server.host() == null || server.host().equals("0.0.0.0") ? "127.0.0.1" : server.host();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port());
    }

    private URI endpointOrNull() {
        return server == null ? null : endpoint();
    }

    public int port() {
        requireStarted();
        return server.port();
    }

    public Region region() {
        return Region.of(Account.DEFAULT_REGION);
    }

    /** The root user's test credentials, {@code test}/{@code test}: any credentials work unless signatures are verified. */
    public AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    public EmulatorClock clock() {
        return clock;
    }

    /**
     * Returns once the emulator is settled: no delivery queued, no invocation running (synchronous, asynchronous, or
     * an event source mapping's batch), no SQS batching window open, no message that an enabled mapping could receive
     * and has not taken, no stream record an enabled mapping could process and has not (a shard waiting out a retry,
     * a batching window or a tumbling window is due on the clock, not pending), no clock task due at the clock's
     * current time. Then nothing more happens until a client
     * calls or the clock moves, so that a test can assert that something did <em>not</em> happen without waiting
     * out a timeout.
     *
     * <pre>{@code
     * sqs.sendMessage(b -> b.queueUrl(url).messageBody("{\"kind\":\"ignored\"}"));
     * aws.settle(Duration.ofSeconds(10));   // the mapping took it, filtered it out and deleted it
     * assertThat(invocations(fn)).isEmpty();
     * }</pre>
     *
     * @throws Activity.NotSettledException when {@code timeout} passes first; its message and {@code pending()} say
     *                                      what was still going on (a blocked function, an open batching window that
     *                                      waits for the clock, ...)
     */
    public void settle(Duration timeout) {
        clock.activity().awaitSettled(timeout);
    }

    public EventTrail trail() {
        return trail;
    }

    /**
     * The AWS APIs' faults on purpose: {@code faults().arm("s3", "PutObject", FaultKind.THROTTLING, 2)} makes the next
     * two {@code PutObject} calls answer S3's {@code 503 SlowDown}, whoever makes them (a test, a function).
     */
    public ApiFaults faults() {
        return faults;
    }

    /** The hub every cross-service event passes through. */
    public Delivery delivery() {
        return delivery;
    }

    /** The services, for embedders that need more than the wire (the harness); waits while they are being built. */
    public Services services() {
        if (!started) {
            throw new IllegalStateException("the emulator is not started");
        }
        return services.join();
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("the emulator is not started");
        }
    }

    /**
     * Stops: first the services, whose Lambda sandboxes end at once (busy ones too), so that requests waiting on
     * them (a synchronous {@code Invoke}) are answered; then the port. Takes about as long as killing the sandboxes'
     * processes.
     */
    @Override
    public synchronized void close() {
        if (started) {
            services.close();
        }
        if (server != null) {
            try {
                server.close();
            } catch (Exception e) {
                // stopping anyway
            }
            server = null;
        }
        clock.close();
    }

    /**
     * What an emulator is built with, frozen. {@link #DEFAULTS}: port 4566 on 127.0.0.1, sandboxes warm for
     * ten minutes, {@code max(4, 2 × cores)} asynchronous workers, spare sandboxes on, 64 MiB of logs per group,
     * S3 notification destinations' resource policies checked, no request log.
     *
     * @param lambdaWorkDirectory where sandboxes keep their directories; null: under {@code java.io.tmpdir}
     *                            (or {@code /var/tmp} when that is {@code /tmp}, which sandboxes cover)
     * @param requestLog          told of every request once answered; null for none
     * @param verifySignatures    whether requests must be signed (SigV4) with a key the emulator knows; off by default
     * @param enforcePolicies     whether IAM's policies decide what each caller may do; off by default
     */
    public record Settings(String host, int port, Duration lambdaKeepAlive, int lambdaAsyncWorkers,
                           Path lambdaWorkDirectory, boolean lambdaSpareSandboxes, long maxLogBytesPerGroup,
                           boolean s3DestinationPolicyCheck, RequestLog requestLog, boolean verifySignatures,
                           boolean enforcePolicies) {
        public static final Settings DEFAULTS = new Settings("127.0.0.1", 4566, DEFAULT_LAMBDA_KEEP_ALIVE,
                LambdaService.defaultAsyncWorkers(), null, true, LogsService.DEFAULT_MAX_BYTES_PER_GROUP, true, null,
                false, false);

        public Settings {
            Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            if (lambdaKeepAlive == null || lambdaKeepAlive.isNegative()) {
                throw new IllegalArgumentException("the keep-alive must be zero or more: " + lambdaKeepAlive);
            }
            if (lambdaAsyncWorkers < 1) {
                throw new IllegalArgumentException("async workers must be at least 1: " + lambdaAsyncWorkers);
            }
            if (maxLogBytesPerGroup < 1024) {
                throw new IllegalArgumentException("a log group must be allowed at least 1024 bytes: " + maxLogBytesPerGroup);
            }
        }
    }

    /**
     * An immutable builder: every {@code with...} returns a new builder, so one builder can be the base of
     * several emulators. Settings are checked as they are given.
     */
    public static final class Builder {
        private final Settings s;

        private Builder(Settings settings) {
            this.s = settings;
        }

        private Builder with(java.util.function.Consumer<SettingsDraft> change) {
            SettingsDraft d = new SettingsDraft(s);
            change.accept(d);
            return new Builder(d.settings());
        }

        public Builder withPort(int port) {
            return with(d -> d.port = port);
        }

        /** Any free port; read it back with {@link Emulator#endpoint()}. */
        public Builder withDynamicPort() {
            return withPort(0);
        }

        public Builder withHost(String host) {
            return with(d -> d.host = host);
        }

        /**
         * How long an idle Lambda sandbox stays warm, in emulator time: {@code clock().advance(keepAlive)}
         * retires it, and the next invocation is a cold start. AWS does not document its keep-alive (minutes
         * to hours); 10 minutes by default; zero makes every invocation cold.
         */
        public Builder withLambdaKeepAlive(Duration keepAlive) {
            return with(d -> d.lambdaKeepAlive = keepAlive);
        }

        /**
         * How many asynchronous invocations (Event invokes, SNS and S3 notifications, retries) run at once,
         * across all functions; more wait in the queue, none is dropped. AWS drains each function's queue at the
         * function's concurrency; here one machine runs them all. {@code max(4, 2 × cores)} by default.
         */
        public Builder withLambdaAsyncWorkers(int workers) {
            return with(d -> d.lambdaAsyncWorkers = workers);
        }

        /**
         * Whether Lambda functions get spare sandboxes (on by default): a sandbox process prepared ahead of a cold
         * start (when a function is created or changed, and when it needed more sandboxes than it had), its runtime
         * booted but the function's code not loaded, so that the cold start costs the function's INIT and little
         * more. It is still a cold start in every way (new log stream, Init Duration, INIT's output). Each spare is
         * an idle process (a JVM, a Python interpreter) for up to the keep-alive.
         */
        public Builder withLambdaSpareSandboxes(boolean enabled) {
            return with(d -> d.lambdaSpareSandboxes = enabled);
        }

        /**
         * Where Lambda sandboxes keep their temp directories and pipes; under {@code java.io.tmpdir} by default
         * ({@code /var/tmp} when that is {@code /tmp}, which every sandbox covers with its own).
         */
        public Builder withLambdaWorkDirectory(Path directory) {
            Objects.requireNonNull(directory);
            return with(d -> d.lambdaWorkDirectory = directory);
        }

        /**
         * What one CloudWatch Logs group keeps at most (messages plus 26 bytes per event), 64 MiB by default:
         * beyond it the oldest events go, so that a function printing without end cannot exhaust memory.
         */
        public Builder withMaxLogBytesPerGroup(long bytes) {
            return with(d -> d.maxLogBytesPerGroup = bytes);
        }

        /**
         * Whether saving an S3 notification configuration checks, as AWS does, that each destination's resource
         * policy lets S3 send to it (a function's {@code AddPermission} for {@code s3.amazonaws.com}, a queue's or
         * topic's {@code Policy}); on by default. {@code false} is for tests written against emulators that never
         * checked: destinations must still exist, and S3 then delivers to them as if they allowed it.
         */
        public Builder withS3DestinationPolicyCheck(boolean enabled) {
            return with(d -> d.s3DestinationPolicyCheck = enabled);
        }

        /**
         * Tells {@code log} of every request once answered: method, path, service, operation, status and time
         * ({@link RequestLog.Served#line()}); the standalone emulator's {@code --request-log} prints those lines.
         */
        public Builder withRequestLog(RequestLog log) {
            return with(d -> d.requestLog = log);
        }

        /**
         * Whether requests must be signed, as AWS requires (off by default: any credentials are taken at their word).
         * On, every request needs a SigV4 signature (in its headers, a presigned URL's query, or a streaming body's
         * chunks) made with a key the emulator knows: the root user's {@code test}/{@code test}, an IAM user's access
         * key ({@code CreateAccessKey}), or unexpired temporary credentials with their session token (STS, and each
         * Lambda sandbox's). A wrong secret gets the service's {@code SignatureDoesNotMatch} (or
         * {@code InvalidSignatureException}), an unknown key {@code InvalidClientTokenId} ({@code InvalidAccessKeyId},
         * {@code UnrecognizedClientException}); an unsigned S3 request is anonymous.
         */
        public Builder withSignatureVerification(boolean enabled) {
            return with(d -> d.verifySignatures = enabled);
        }

        /**
         * Whether IAM's policies decide what each caller may do (off by default): identity-based policies of users and
         * roles (inline and managed; of AWS's managed policies, those whose documents the emulator knows), permissions
         * boundaries, session policies, and resource-based policies (function, queue and topic policies; S3 bucket
         * policies are not served yet), evaluated as IAM does for the action and resource AWS's service authorization
         * reference gives each operation. A denied call gets the service's {@code AccessDenied} with AWS's message,
         * and the event trail a {@code denied <action>} entry with the statement that would allow it. The root user
         * ({@code test}/{@code test}, or any unknown key without signature verification) may do everything. Each
         * Lambda sandbox then gets a session of its function's execution role, so what a function calls is
         * evaluated against its role.
         */
        public Builder withPolicyEnforcement(boolean enabled) {
            return with(d -> d.enforcePolicies = enabled);
        }

        /** The settings so far. */
        public Settings settings() {
            return s;
        }

        /** An emulator with these settings; nothing runs until {@link Emulator#start()}. */
        public Emulator build() {
            return new Emulator(s);
        }
    }
}
