package io.eventharness.harness.wire;

import io.eventharness.harness.backend.Capabilities;
import io.eventharness.harness.backend.Feature;
import io.eventharness.harness.backend.MissingFeatureException;
import io.eventharness.harness.observe.Await;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Thin helpers, shaped like the AWS APIs they call, that wire triggers the way AWS requires — including the
 * permissions real AWS checks (a function's resource policy for S3 and SNS, a queue's policy for SNS and S3 and for
 * a subscription's dead-letter queue, a topic's policy for S3, each merged with what the resource allowed before), so
 * the same wiring works on every backend. What the functions themselves need (polling a queue, sending to a
 * dead-letter queue) is on the harness's execution role; what EventBridge Scheduler needs to reach a schedule's target
 * is on the harness's Scheduler execution role. Each trigger is told in the failure story
 * ({@link Wires}). A wiring whose delivery the backend cannot do throws a {@link MissingFeatureException} at once,
 * before it creates anything; {@code @Needs} skips a test that needs one on such backends.
 *
 * <pre>{@code
 * cloud.wire().s3ToLambda(bucket, fn, S3Events.created().suffix(".jpg"));
 * cloud.wire().s3ToSns(bucket, topicArn, S3Events.created());
 * cloud.wire().snsToSqs(topicArn, queueUrl, SubscriptionAttributes.raw().filterPolicy("{\"kind\":[\"order\"]}"));
 * Mapping m = cloud.wire().sqsToLambda(queueUrl, fn, SqsMapping.batchSize(5).reportBatchItemFailures());
 * cloud.wire().kinesisToLambda(stream, fn, StreamMapping.trimHorizon().bisectBatchOnFunctionError().onFailure(queueArn));
 * cloud.wire().dynamoDbToLambda(table, fn, StreamMapping.latest());
 * cloud.wire().rule(r -> r.name(cloud.name("nightly")).scheduleExpression("cron(0 0 * * ? *)")).toLambda(fn);
 * cloud.wire().schedule(s -> s.name(cloud.name("once")).scheduleExpression("at(2026-03-29T02:30:00)")
 *         .scheduleExpressionTimezone("Europe/Berlin")).toLambda(fn);
 * }</pre>
 */
public final class Wiring {
    /** How long AWS may take to see a fresh role's policies when a mapping or schedule is created. */
    static final Duration ROLE_PROPAGATION = Duration.ofSeconds(60);

    private static final String SNS = "sns.amazonaws.com";

    private final WiringClients c;
    private final Supplier<String> executionRole;
    private final Await await;
    private final Wires wires;
    private final Capabilities capabilities;
    private final String backend;
    private final ResourceGrants grants;
    private final EventSourceMappings mappings;
    private final EventBridgeTargets targets;
    private final BucketNotifications notifications;

    /**
     * Wiring that records each trigger in {@code wires}, for the failure story.
     *
     * @param executionRole the role functions run with
     * @param schedulerRole the role EventBridge Scheduler assumes to reach a schedule's target
     * @param capabilities what the backend can deliver: a wiring whose delivery it lacks fails at once
     * @param backend      the backend's name, for that failure's message
     */
    public Wiring(WiringClients clients, Supplier<String> executionRole, Supplier<String> schedulerRole, Await await, Wires wires,
                  Capabilities capabilities, String backend) {
        this.c = clients;
        this.executionRole = executionRole;
        this.await = await;
        this.wires = wires;
        this.capabilities = capabilities;
        this.backend = backend;
        this.grants = new ResourceGrants(clients);
        this.mappings = new EventSourceMappings(clients, await, wires);
        this.targets = new EventBridgeTargets(clients, grants, schedulerRole, await, wires);
        this.notifications = new BucketNotifications(clients, grants, wires);
    }

    /** Before anything is created: a delivery the backend cannot do fails now, not as a wait that times out later. */
    private void require(Feature f, String wiring) {
        if (!capabilities.supports(f)) {
            throw new MissingFeatureException("cloud.wire()." + wiring, f, backend);
        }
    }

    // ---- S3 -------------------------------------------------------------------------------------

    /** S3 → Lambda for these event types, every key. */
    public void s3ToLambda(String bucket, FunctionTarget fn, String... events) {
        s3ToLambda(bucket, fn, S3Events.of(events));
    }

    /**
     * S3 → Lambda: AddPermission for {@code s3.amazonaws.com} and this bucket, then an entry in the bucket's
     * notification configuration (the others kept).
     */
    public void s3ToLambda(String bucket, FunctionTarget fn, S3Events events) {
        require(Feature.S3_NOTIFICATIONS, "s3ToLambda");
        notifications.toLambda(bucket, fn, events);
    }

    /** S3 → SQS for these event types, every key. */
    public void s3ToSqs(String bucket, String queueUrl, String... events) {
        s3ToSqs(bucket, queueUrl, S3Events.of(events));
    }

    /** S3 → SQS: the queue policy that lets the bucket send, then an entry in the notification configuration. */
    public void s3ToSqs(String bucket, String queueUrl, S3Events events) {
        require(Feature.S3_NOTIFICATIONS, "s3ToSqs");
        notifications.toQueue(bucket, queueUrl, queueArn(queueUrl), events);
    }

    /** S3 → SNS for these event types, every key. */
    public void s3ToSns(String bucket, String topicArn, String... events) {
        s3ToSns(bucket, topicArn, S3Events.of(events));
    }

    /**
     * S3 → SNS: the topic policy that lets the bucket publish (its default statement kept), then an entry in the
     * notification configuration. Subscribers get S3's records with the subject {@code Amazon S3 Notification}.
     */
    public void s3ToSns(String bucket, String topicArn, S3Events events) {
        require(Feature.S3_NOTIFICATIONS, "s3ToSns");
        notifications.toTopic(bucket, topicArn, events);
    }

    // ---- SNS ------------------------------------------------------------------------------------

    /** SNS → SQS, raw or enveloped, without filter or dead-letter queue; returns the subscription's ARN. */
    public String snsToSqs(String topicArn, String queueUrl, boolean rawMessageDelivery) {
        return snsToSqs(topicArn, queueUrl, rawMessageDelivery ? SubscriptionAttributes.raw() : SubscriptionAttributes.enveloped());
    }

    /**
     * SNS → SQS: the queue policy that lets the topic send (and its dead-letter queue's, if it has one), then the
     * subscription with these attributes; returns its ARN.
     */
    public String snsToSqs(String topicArn, String queueUrl, SubscriptionAttributes attributes) {
        require(Feature.SNS_TO_SQS, "snsToSqs");
        String queueArn = queueArn(queueUrl);
        grants.allowToQueue(queueUrl, queueArn, SNS, topicArn);
        String arn = subscribe(topicArn, "sqs", queueArn, attributes);
        wires.add(new Wires.Wire("topic " + topicName(topicArn), "queue " + lastSegment(queueUrl), attributes.toString(),
                deadLetterDepth(attributes)));
        return arn;
    }

    /** SNS → Lambda, enveloped (Lambda gets the {@code Records[].Sns} event); returns the subscription's ARN. */
    public String snsToLambda(String topicArn, FunctionTarget fn) {
        return snsToLambda(topicArn, fn, SubscriptionAttributes.enveloped());
    }

    /**
     * SNS → Lambda: AddPermission for {@code sns.amazonaws.com} and this topic, then the subscription (a filter policy
     * and a dead-letter queue for deliveries Lambda refuses; raw delivery is refused by SNS for Lambda); returns its
     * ARN. A function error is not a failed delivery: SNS invokes asynchronously, so Lambda's retries and the
     * function's own dead-letter queue apply.
     */
    public String snsToLambda(String topicArn, FunctionTarget fn, SubscriptionAttributes attributes) {
        require(Feature.SNS_TO_LAMBDA, "snsToLambda");
        grants.allowInvoke(fn, SNS, topicArn);
        String arn = subscribe(topicArn, "lambda", fn.arn(), attributes);
        wires.add(new Wires.Wire("topic " + topicName(topicArn), "function " + fn.name(), attributes.toString(),
                deadLetterDepth(attributes)));
        return arn;
    }

    private String subscribe(String topicArn, String protocol, String endpoint, SubscriptionAttributes a) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (a.rawDelivery()) {
            attributes.put("RawMessageDelivery", "true");
        }
        if (a.filterPolicy() != null) {
            attributes.put("FilterPolicy", a.filterPolicy());
            if (a.filterScope() != null) {
                attributes.put("FilterPolicyScope", a.filterScope());
            }
        }
        if (a.deadLetterQueueUrl() != null) {
            String dlqArn = queueArn(a.deadLetterQueueUrl());
            grants.allowToQueue(a.deadLetterQueueUrl(), dlqArn, SNS, topicArn); // AWS: the DLQ's policy must let the topic send
            attributes.put("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + dlqArn + "\"}");
        }
        return c.sns().subscribe(b -> b.topicArn(topicArn).protocol(protocol).endpoint(endpoint).returnSubscriptionArn(true)
                .attributes(attributes)).subscriptionArn();
    }

    /** The depth of a subscription's dead-letter queue when the story is told; null without one. */
    private Supplier<String> deadLetterDepth(SubscriptionAttributes a) {
        String dlq = a.deadLetterQueueUrl();
        return dlq == null ? null : () -> "dead-letter queue " + lastSegment(dlq) + " holds " + mappings.depth(dlq);
    }

    // ---- SQS → Lambda -----------------------------------------------------------------------------

    /** SQS → Lambda with this batch size and AWS's other defaults; see {@link #sqsToLambda(String, FunctionTarget, SqsMapping)}. */
    public Mapping sqsToLambda(String queueUrl, FunctionTarget fn, int batchSize) {
        return sqsToLambda(queueUrl, fn, SqsMapping.batchSize(batchSize));
    }

    /**
     * SQS → Lambda: an event source mapping with these options (Lambda polls the queue); returns once it is
     * {@code Enabled} ({@code Disabled} when created so). AWS checks the function's role may receive from the queue;
     * a fresh role's policies take a few seconds to be seen, so that one error is retried for up to a minute.
     */
    public Mapping sqsToLambda(String queueUrl, FunctionTarget fn, SqsMapping options) {
        require(Feature.SQS_EVENT_SOURCE, "sqsToLambda");
        return mappings.fromQueue(queueUrl, queueArn(queueUrl), fn, options);
    }

    // ---- Kinesis and DynamoDB streams → Lambda ----------------------------------------------------

    /**
     * Kinesis → Lambda: an event source mapping of the data stream named {@code streamName} with these options (Lambda
     * reads each shard in order); returns once it is {@code Enabled} ({@code Disabled} when created so). The story tells
     * it with its state, its last processing result and, for an on-failure queue, what that queue holds.
     */
    public Mapping kinesisToLambda(String streamName, FunctionTarget fn, StreamMapping options) {
        require(Feature.KINESIS_EVENT_SOURCE, "kinesisToLambda");
        String streamArn = c.kinesis().describeStreamSummary(b -> b.streamName(streamName)).streamDescriptionSummary().streamARN();
        return mappings.fromStream(streamArn, "stream " + streamName, fn, options);
    }

    /**
     * DynamoDB Streams → Lambda: an event source mapping of the table's latest stream (the table must have one:
     * {@code StreamSpecification} with a view type) with these options; returns once it is {@code Enabled}
     * ({@code Disabled} when created so). {@code AT_TIMESTAMP} is Kinesis's only: AWS refuses it here.
     */
    public Mapping dynamoDbToLambda(String tableName, FunctionTarget fn, StreamMapping options) {
        require(Feature.DYNAMODB_EVENT_SOURCE, "dynamoDbToLambda");
        String streamArn = c.dynamoDb().describeTable(b -> b.tableName(tableName)).table().latestStreamArn();
        if (streamArn == null) {
            throw new IllegalStateException("the table " + tableName + " has no stream: create it (or UpdateTable) with "
                    + "StreamSpecification(StreamEnabled: true, StreamViewType: NEW_AND_OLD_IMAGES or another view type)");
        }
        return mappings.fromStream(streamArn, "table " + tableName + " (stream)", fn, options);
    }

    /** The role functions run with. */
    public String executionRoleArn() {
        return executionRole.get();
    }

    // ---- EventBridge and Scheduler ---------------------------------------------------------------

    /**
     * S3 → EventBridge: the bucket's notification configuration gets {@code EventBridgeConfiguration} (what it had is
     * kept), so every object event goes to the default bus of the bucket's region as {@code Object Created},
     * {@code Object Deleted}, ... events; a rule on that bus routes them ({@link #rule}). EventBridge needs no
     * permission from the bucket.
     */
    public void s3ToEventBridge(String bucket) {
        require(Feature.S3_NOTIFICATIONS, "s3ToEventBridge");
        notifications.toEventBridge(bucket);
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

    /** The URL of a queue of the caller's account, from its ARN ({@code arn:aws:sqs:<region>:<account>:<name>}). */
    static String queueUrlOf(WiringClients c, String queueArn) {
        return c.sqs().getQueueUrl(b -> b.queueName(lastSegment(queueArn))).queueUrl();
    }

    /** A rule's targets and the schedules (what {@link Rule} and {@link Schedule} put and create). */
    EventBridgeTargets targets() {
        return targets;
    }

    /** The resource policies a trigger needs (Rule grants EventBridge through them). */
    ResourceGrants grants() {
        return grants;
    }

    // ---- names ----------------------------------------------------------------------------------

    /** The queue's ARN. */
    public String queueArn(String queueUrl) {
        return c.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    /** {@code arn:aws:s3:::<bucket>}: what S3's requests name as {@code aws:SourceArn}. */
    static String bucketArn(String bucket) {
        return "arn:aws:s3:::" + bucket;
    }

    /** A topic's name, from its ARN. */
    static String topicName(String topicArn) {
        return Arn.fromString(topicArn).resource().resource();
    }

    /** The last {@code :}- or {@code /}-separated part of an ARN or URL: a queue's name. */
    static String lastSegment(String url) {
        String[] parts = url.split("[:/]");
        return parts[parts.length - 1];
    }
}
