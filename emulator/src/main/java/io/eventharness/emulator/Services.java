package io.eventharness.emulator;

import io.eventharness.emulator.auth.Authenticator;
import io.eventharness.emulator.auth.Credential;
import io.eventharness.emulator.auth.CredentialStore;
import io.eventharness.emulator.core.Account;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.core.ResourcePolicy;
import io.eventharness.emulator.core.ResourcePolicy.ServiceRequest;
import io.eventharness.emulator.faults.ApiFaults;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.eventbridge.EventBridgeService;
import io.eventharness.emulator.eventbridge.Queues;
import io.eventharness.emulator.dynamodb.DynamoDbService;
import io.eventharness.emulator.iam.IamService;
import io.eventharness.emulator.kinesis.KinesisService;
import io.eventharness.emulator.lambda.LambdaEnvironment;
import io.eventharness.emulator.lambda.LambdaService;
import io.eventharness.emulator.lambda.runtime.LambdaEngine;
import io.eventharness.emulator.lambda.runtime.LambdaEngineBuilder;
import io.eventharness.emulator.lambda.runtime.SandboxCredentials;
import io.eventharness.emulator.logs.LogEvent;
import io.eventharness.emulator.logs.LogsService;
import io.eventharness.emulator.pipeline.AccessControl;
import io.eventharness.emulator.pipeline.Authorizer;
import io.eventharness.emulator.pipeline.PolicyAuthorizer;
import io.eventharness.emulator.policy.Decision;
import io.eventharness.emulator.routing.ServiceBinding;
import io.eventharness.emulator.s3.S3Destinations;
import io.eventharness.emulator.s3.S3Service;
import io.eventharness.emulator.scheduler.SchedulerService;
import io.eventharness.emulator.sns.QueueAccess;
import io.eventharness.emulator.sns.SnsService;
import io.eventharness.emulator.sqs.SqsService;
import io.eventharness.emulator.sts.StsService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The emulated services of one emulator, wired to its clock and its delivery; one binding each. */
public final class Services implements AutoCloseable {
    private static final String S3_PRINCIPAL = "s3.amazonaws.com";
    private final SqsService sqs;
    private final SnsService sns;
    private final S3Service s3;
    private final LogsService logs;
    private final IamService iam;
    private final StsService sts;
    private final LambdaService lambda;
    private final KinesisService kinesis;
    private final EventBridgeService events;
    private final SchedulerService scheduler;
    private final DynamoDbService dynamodb;
    private final Path lambdaCode;
    private final List<ServiceBinding> bindings = new ArrayList<>();
    private final AccessControl access;
    /** Set once, at the end of the constructor: SNS, built before it, reads it only when it delivers. */
    private Permissions permissions;

    /**
     * @param endpoint the emulator's endpoint once it serves (functions call back to it)
     * @param config   the emulator's settings
     * @param faults   the armed faults (Lambda asks them before each invocation)
     */
    Services(EmulatorClock clock, Delivery delivery, Supplier<URI> endpoint, Emulator.Settings config, ApiFaults faults) {
        sqs = new SqsService(clock, delivery);
        sns = new SnsService(clock, delivery, config.enforcePolicies()
                ? (queue, topic) -> permissions.snsToQueue(queue, topic, clock.now()) : QueueAccess.OPEN);
        s3 = new S3Service(clock, delivery, new S3Destinations() {
            @Override
            public boolean exists(Arn d) {
                return switch (d.service()) {
                    case "sqs" -> sqs.queueExists(d.toString());
                    case "sns" -> sns.topicExists(d.toString());
                    default -> lambda.functionExists(d);
                };
            }

            @Override
            public boolean allowsS3(Arn d, Arn bucket) {
                return switch (d.service()) {
                    case "lambda" -> lambda.allows(d.toString(), S3_PRINCIPAL, bucket.toString());
                    case "sqs" -> ResourcePolicy.allows(sqs.queuePolicy(d), new ServiceRequest(S3_PRINCIPAL, "sqs:SendMessage",
                            d.toString(), bucket.toString(), Account.ID));
                    default -> ResourcePolicy.allows(sns.topicPolicy(d), new ServiceRequest(S3_PRINCIPAL, "sns:Publish",
                            d.toString(), bucket.toString(), Account.ID));
                };
            }
        }, config.s3DestinationPolicyCheck());
        if (!config.s3DestinationPolicyCheck()) {
            delivery.trustWithoutPolicy("s3");
        }
        logs = new LogsService(clock, config.maxLogBytesPerGroup());
        iam = new IamService(clock);
        sts = new StsService(clock, iam);
        kinesis = new KinesisService(clock);
        dynamodb = new DynamoDbService(clock);
        try {
            lambdaCode = Files.createTempDirectory("eventharness-lambda-code-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for Lambda code", e);
        }
        LambdaEngineBuilder engine = LambdaEngine.builder(clock).credentials(config.verifySignatures() || config.enforcePolicies()
                        ? (role, function) -> sandboxKeys(role, function) : SandboxCredentials.DUMMY)
                .logSink((group, stream, millis, line) -> logs.append(group, stream, List.of(new LogEvent(millis, line))))
                .keepAlive(config.lambdaKeepAlive()).spareSandboxes(config.lambdaSpareSandboxes());
        if (config.lambdaWorkDirectory() != null) {
            engine.workDirectory(config.lambdaWorkDirectory());
        }
        lambda = new LambdaService(clock, delivery, engine.build(), new LambdaEnvironment(role -> iam.roleExists(role.toString()),
                (bucket, key, version) -> {
                    S3Service.Content c = s3.object(bucket, key);
                    return c == null ? null : new LambdaEnvironment.StoredCode(c.data(), c.sha256());
                }, endpoint, lambdaCode, sqs.consumableQueues(), List.of(kinesis.readableStreams(), dynamodb.readableStreams()),
                        config.enforcePolicies()
                                ? (role, action, resource) -> permissions.roleAllows(role, action, resource, clock.now())
                                : LambdaEnvironment.RolePermissions.ALL), config.lambdaAsyncWorkers(), faults);
        events = new EventBridgeService(clock, delivery, new Queues() {
            @Override
            public boolean exists(String queueArn) {
                return sqs.queueExists(queueArn);
            }

            @Override
            public String policy(String queueArn) {
                return Arn.tryParse(queueArn).map(sqs::queuePolicy).orElse(null);
            }
        });
        scheduler = new SchedulerService(clock, delivery);
        bindings.add(new ServiceBinding(sqs));
        bindings.add(new ServiceBinding(sns));
        bindings.add(new ServiceBinding(s3));
        bindings.add(new ServiceBinding(logs));
        bindings.add(new ServiceBinding(iam));
        bindings.add(new ServiceBinding(sts));
        bindings.add(new ServiceBinding(lambda));
        bindings.add(new ServiceBinding(kinesis));
        bindings.add(new ServiceBinding(events));
        bindings.add(new ServiceBinding(scheduler));
        bindings.add(new ServiceBinding(dynamodb));
        bindings.add(new ServiceBinding(dynamodb.streams()));
        CredentialStore keys = ((CredentialStore) sts::credential).or(iam::credential)
                .or(key -> Optional.of(Credential.ROOT).filter(c -> c.accessKeyId().equals(key)));
        permissions = new Permissions(iam, sts, sqs, sns, lambda, s3, delivery);
        access = new AccessControl(new Authenticator(keys, config.verifySignatures(), clock::now), config.enforcePolicies()
                ? new PolicyAuthorizer(permissions, clock::now, permissions::denied) : Authorizer.NONE);
    }

    /**
     * A session of the function's execution role for a new sandbox, valid 12 hours on the emulator clock (as long as
     * a role session may last); keys that stand for nobody when the role is gone.
     */
    private SandboxCredentials.Keys sandboxKeys(String role, String function) {
        return Arn.tryParse(role).flatMap(r -> sts.credentialsForRole(r, function, Duration.ofHours(12)))
                .map(c -> new SandboxCredentials.Keys(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()))
                .orElse(new SandboxCredentials.Keys("ASIANOSUCHROLE000000", "none", "none"));
    }

    /** Every request IAM's policies denied since the emulator started (none unless they are enforced). */
    public List<Decision> denials() {
        return permissions.denials();
    }

    /** Who may call what: the request pipeline's authenticator and authorizer. */
    public AccessControl access() {
        return access;
    }

    public List<ServiceBinding> bindings() {
        return bindings;
    }

    public SqsService sqs() {
        return sqs;
    }

    public SnsService sns() {
        return sns;
    }

    public S3Service s3() {
        return s3;
    }

    public LogsService logs() {
        return logs;
    }

    public IamService iam() {
        return iam;
    }

    public StsService sts() {
        return sts;
    }

    public LambdaService lambda() {
        return lambda;
    }

    public EventBridgeService events() {
        return events;
    }

    public SchedulerService scheduler() {
        return scheduler;
    }

    public KinesisService kinesis() {
        return kinesis;
    }

    /** DynamoDB, and through it DynamoDB Streams and their in-JVM API. */
    public DynamoDbService dynamodb() {
        return dynamodb;
    }

    @Override
    public void close() {
        scheduler.close();
        events.close();
        lambda.close();
        sqs.close();
        io.eventharness.emulator.lambda.FunctionCode.deleteTree(lambdaCode);
    }
}
