package io.eventharness.harness.wire;

import io.eventharness.harness.observe.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResultEntry;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ValidationException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Thin helpers, shaped like the AWS APIs they call, that wire triggers the way AWS requires —
 * including the permissions real AWS checks (a function's resource policy for S3 and SNS, a queue
 * policy for SNS and S3, merged with what the queue allowed before), so the same wiring works on every
 * backend. What the functions themselves need (polling a queue, sending to a dead-letter queue) is on
 * the harness's execution role; what EventBridge Scheduler needs to reach a schedule's target is on the harness's
 * Scheduler execution role.
 *
 * <pre>{@code
 * cloud.wire().s3ToLambda(bucket, fn, "s3:ObjectCreated:*");
 * cloud.wire().snsToSqs(topicArn, queueUrl, false);
 * cloud.wire().rule(r -> r.name(cloud.name("nightly")).scheduleExpression("cron(0 0 * * ? *)")).toLambda(fn);
 * cloud.wire().schedule(s -> s.name(cloud.name("once")).scheduleExpression("at(2026-03-29T02:30:00)")
 *         .scheduleExpressionTimezone("Europe/Berlin")).toLambda(fn);
 * }</pre>
 */
public final class Wiring {
    /** How long AWS may take to see a fresh role's policies when a mapping is created. */
    static final Duration ROLE_PROPAGATION = Duration.ofSeconds(60);

    private final WiringClients c;
    private final Supplier<String> executionRole;
    private final Supplier<String> schedulerRole;
    private final Await await;

    /**
     * @param executionRole the role functions run with
     * @param schedulerRole the role EventBridge Scheduler assumes to reach a schedule's target
     */
    public Wiring(WiringClients clients, Supplier<String> executionRole, Supplier<String> schedulerRole, Await await) {
        this.c = clients;
        this.executionRole = executionRole;
        this.schedulerRole = schedulerRole;
        this.await = await;
    }

    /** S3 → Lambda: AddPermission for {@code s3.amazonaws.com}, then the bucket's notification configuration. */
    public void s3ToLambda(String bucket, FunctionTarget fn, String... events) {
        allow(fn, "s3.amazonaws.com", "arn:aws:s3:::" + bucket);
        GetBucketNotificationConfigurationResponse current = c.s3().getBucketNotificationConfiguration(b -> b.bucket(bucket));
        List<LambdaFunctionConfiguration> lambdas = new ArrayList<>(current.lambdaFunctionConfigurations());
        lambdas.add(LambdaFunctionConfiguration.builder().lambdaFunctionArn(fn.arn()).eventsWithStrings(events).build());
        c.s3().putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n
                .lambdaFunctionConfigurations(lambdas)
                .queueConfigurations(current.queueConfigurations())
                .topicConfigurations(current.topicConfigurations())));
    }

    /** S3 → SQS: the queue policy that lets the bucket send, then the notification configuration. */
    public void s3ToSqs(String bucket, String queueUrl, String... events) {
        String queueArn = queueArn(queueUrl);
        allowToQueue(queueUrl, queueArn, "s3.amazonaws.com", "arn:aws:s3:::" + bucket);
        GetBucketNotificationConfigurationResponse current = c.s3().getBucketNotificationConfiguration(b -> b.bucket(bucket));
        List<QueueConfiguration> queues = new ArrayList<>(current.queueConfigurations());
        queues.add(QueueConfiguration.builder().queueArn(queueArn).events(toEvents(events)).build());
        c.s3().putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n
                .queueConfigurations(queues)
                .lambdaFunctionConfigurations(current.lambdaFunctionConfigurations())
                .topicConfigurations(current.topicConfigurations())));
    }

    /** SNS → SQS: the queue policy that lets the topic send, then the subscription; returns its ARN. */
    public String snsToSqs(String topicArn, String queueUrl, boolean rawMessageDelivery) {
        String queueArn = queueArn(queueUrl);
        allowToQueue(queueUrl, queueArn, "sns.amazonaws.com", topicArn);
        return c.sns().subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn).returnSubscriptionArn(true)
                .attributes(rawMessageDelivery ? Map.of("RawMessageDelivery", "true") : Map.of())).subscriptionArn();
    }

    /** SNS → Lambda: AddPermission for {@code sns.amazonaws.com}, then the subscription; returns its ARN. */
    public String snsToLambda(String topicArn, FunctionTarget fn) {
        allow(fn, "sns.amazonaws.com", topicArn);
        return c.sns().subscribe(b -> b.topicArn(topicArn).protocol("lambda").endpoint(fn.arn()).returnSubscriptionArn(true))
                .subscriptionArn();
    }

    /**
     * SQS → Lambda: an event source mapping (Lambda polls the queue); returns its UUID. AWS checks the
     * function's role may receive from the queue; a fresh role's policies take a few seconds to be seen,
     * so that one error is retried for up to a minute.
     */
    public String sqsToLambda(String queueUrl, FunctionTarget fn, int batchSize) {
        String queueArn = queueArn(queueUrl);
        return await.atMost(ROLE_PROPAGATION).retrying("the event source mapping " + queueArn + " -> " + fn.name(),
                () -> c.lambda().createEventSourceMapping(b -> b.eventSourceArn(queueArn).functionName(fn.name())
                        .batchSize(batchSize).enabled(true)).uuid(),
                Wiring::rolePermissionsNotSeenYet);
    }

    /**
     * S3 → EventBridge: the bucket's notification configuration gets {@code EventBridgeConfiguration} (what it had is
     * kept), so every object event goes to the default bus of the bucket's region as {@code Object Created},
     * {@code Object Deleted}, ... events; a rule on that bus routes them ({@link #rule}). EventBridge needs no
     * permission from the bucket.
     */
    public void s3ToEventBridge(String bucket) {
        GetBucketNotificationConfigurationResponse current = c.s3().getBucketNotificationConfiguration(b -> b.bucket(bucket));
        c.s3().putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n
                .eventBridgeConfiguration(e -> { })
                .queueConfigurations(current.queueConfigurations())
                .lambdaFunctionConfigurations(current.lambdaFunctionConfigurations())
                .topicConfigurations(current.topicConfigurations())));
    }

    /**
     * EventBridge: PutRule with what {@code rule} sets (its name, an event pattern or a schedule expression, another
     * bus than the default); returns the rule, to point at its targets ({@link Rule#toLambda}, {@link Rule#toSqs}).
     */
    public Rule rule(Consumer<PutRuleRequest.Builder> rule) {
        PutRuleRequest r = PutRuleRequest.builder().applyMutation(rule).build();
        String arn = c.events().putRule(r).ruleArn();
        return new Rule(this, r.name(), r.eventBusName() == null ? "default" : r.eventBusName(), arn);
    }

    /**
     * EventBridge Scheduler: a schedule with what {@code schedule} sets (its name, expression, time zone, start and
     * end, group, {@code ActionAfterCompletion}; {@code FlexibleTimeWindow} is {@code OFF} unless set), created when
     * its target is named ({@link Schedule#toLambda}, {@link Schedule#toSqs}) with the harness's Scheduler role.
     */
    public Schedule schedule(Consumer<CreateScheduleRequest.Builder> schedule) {
        return new Schedule(this, schedule);
    }

    /**
     * PutEvents of one entry (the default bus unless it names another); returns the event's id. An entry that
     * EventBridge refuses (PutEvents answers 200 with {@code FailedEntryCount} for those) throws, naming its error.
     */
    public String putEvent(Consumer<PutEventsRequestEntry.Builder> entry) {
        PutEventsRequestEntry e = PutEventsRequestEntry.builder().applyMutation(entry).build();
        PutEventsResponse r = c.events().putEvents(b -> b.entries(e));
        PutEventsResultEntry result = r.entries().get(0);
        if (result.errorCode() != null) {
            throw new IllegalStateException("EventBridge refused the event " + e + ": " + result.errorCode() + ": " + result.errorMessage());
        }
        return result.eventId();
    }

    /** PutTargets of one target of the rule; a target EventBridge refuses throws, naming its error. */
    void putTarget(Rule rule, String targetArn, String defaultId, Consumer<Target.Builder> target) {
        Target.Builder b = Target.builder().id(targetId(defaultId)).applyMutation(target).arn(targetArn);
        Target t = b.build();
        if (t.deadLetterConfig() != null && t.deadLetterConfig().arn() != null) {
            String dlqArn = t.deadLetterConfig().arn();
            allowToQueue(queueUrlOf(dlqArn), dlqArn, "events.amazonaws.com", rule.arn());
        }
        PutTargetsResponse r = c.events().putTargets(p -> p.rule(rule.name()).eventBusName(rule.bus()).targets(t));
        if (r.failedEntryCount() != null && r.failedEntryCount() > 0) {
            PutTargetsResultEntry f = r.failedEntries().get(0);
            throw new IllegalStateException("EventBridge refused the target " + targetArn + " of rule " + rule.arn() + ": "
                    + f.errorCode() + ": " + f.errorMessage());
        }
    }

    /** A target id from a resource name: letters, digits, {@code .-_}, at most 64 characters. */
    static String targetId(String name) {
        String id = name.replaceAll("[^A-Za-z0-9._-]", "-");
        return id.length() > 64 ? id.substring(id.length() - 64) : id;
    }

    /**
     * CreateSchedule with the target's ARN and the Scheduler role set; a fresh role that Scheduler cannot assume yet
     * (IAM is eventually consistent) is retried for up to a minute.
     */
    String createSchedule(Consumer<CreateScheduleRequest.Builder> schedule, String targetArn,
                          Consumer<software.amazon.awssdk.services.scheduler.model.Target.Builder> target) {
        String role = schedulerRole.get();
        CreateScheduleRequest.Builder b = CreateScheduleRequest.builder().flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .applyMutation(schedule);
        CreateScheduleRequest given = b.build();
        software.amazon.awssdk.services.scheduler.model.Target.Builder t = given.target() == null
                ? software.amazon.awssdk.services.scheduler.model.Target.builder() : given.target().toBuilder();
        CreateScheduleRequest r = b.target(t.applyMutation(target).arn(targetArn).roleArn(role).build()).build();
        return await.atMost(ROLE_PROPAGATION).retrying("the schedule " + r.name() + " -> " + targetArn,
                () -> c.scheduler().createSchedule(r).scheduleArn(), Wiring::schedulerRoleNotAssumableYet);
    }

    /** Scheduler's answer to CreateSchedule while a fresh execution role has not reached it. */
    static boolean schedulerRoleNotAssumableYet(RuntimeException e) {
        return e instanceof ValidationException && e.getMessage() != null && e.getMessage().contains("assume the role");
    }

    /** The queue's ARN. */
    public String queueArn(String queueUrl) {
        return c.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    /** The URL of a queue of the caller's account, from its ARN ({@code arn:aws:sqs:<region>:<account>:<name>}). */
    private String queueUrlOf(String queueArn) {
        return c.sqs().getQueueUrl(b -> b.queueName(lastPart(queueArn))).queueUrl();
    }

    /** The last {@code :}- or {@code /}-separated part of an ARN or URL: a queue's name. */
    static String lastPart(String arnOrUrl) {
        String[] parts = arnOrUrl.split("[:/]");
        return parts[parts.length - 1];
    }

    /** AWS's answer while a new execution role's policies have not reached Lambda. */
    static boolean rolePermissionsNotSeenYet(RuntimeException e) {
        return e instanceof InvalidParameterValueException && e.getMessage() != null
                && e.getMessage().contains("execution role does not have permissions");
    }

    /** The role functions run with. */
    public String executionRoleArn() {
        return executionRole.get();
    }

    /** A statement in the function's resource policy letting {@code principal} invoke it for {@code sourceArn}. */
    void allow(FunctionTarget fn, String principal, String sourceArn) {
        String sid = principal.substring(0, principal.indexOf('.')) + "-" + Integer.toHexString(sourceArn.hashCode());
        try {
            c.lambda().addPermission(b -> b.functionName(fn.name()).statementId(sid).action("lambda:InvokeFunction")
                    .principal(principal).sourceArn(sourceArn));
        } catch (ResourceConflictException e) {
            // the same statement exists already
        }
    }

    /** Adds a statement to the queue's policy (SetQueueAttributes replaces the whole document, so read and merge). */
    void allowToQueue(String queueUrl, String queueArn, String principal, String sourceArn) {
        synchronized (Wiring.class) { // two tests' wirings do not share queues, but one test's threads might
            String current = c.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.POLICY))
                    .attributes().get(QueueAttributeName.POLICY);
            String policy = QueuePolicy.allowSend(current, queueArn, principal, sourceArn);
            c.sqs().setQueueAttributes(b -> b.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY, policy)));
        }
    }

    private static List<Event> toEvents(String... events) {
        List<Event> out = new ArrayList<>();
        for (String e : events) {
            out.add(Event.fromValue(e));
        }
        return out;
    }
}
