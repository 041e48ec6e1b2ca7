package io.eventharness.harness.wire;

import io.eventharness.harness.backend.Capabilities;
import io.eventharness.harness.backend.Feature;
import io.eventharness.harness.backend.MissingFeatureException;
import io.eventharness.harness.observe.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Thin helpers, shaped like the AWS APIs they call, that wire triggers the way AWS requires —
 * including the permissions real AWS checks (a function's resource policy for S3 and SNS, a queue
 * policy for SNS and S3, merged with what the queue allowed before), so the same wiring works on every
 * backend. What the functions themselves need (polling a queue, sending to a dead-letter queue) is on
 * the harness's execution role. A wiring whose delivery the backend cannot do (S3 notifications and SQS event source
 * mappings on the embedded emulator, today) throws a {@link MissingFeatureException} at once, before it creates
 * anything; {@code @Needs} skips a test that needs one on such backends.
 *
 * <pre>{@code
 * cloud.wire().s3ToLambda(bucket, fn, "s3:ObjectCreated:*");
 * cloud.wire().snsToSqs(topicArn, queueUrl, false);
 * }</pre>
 */
public final class Wiring {
    /** How long AWS may take to see a fresh role's policies when a mapping is created. */
    static final Duration ROLE_PROPAGATION = Duration.ofSeconds(60);

    private final WiringClients c;
    private final Supplier<String> executionRole;
    private final Await await;
    private final Capabilities capabilities;
    private final String backend;

    /**
     * @param capabilities what the backend can deliver: a wiring whose delivery it lacks fails at once
     * @param backend      the backend's name, for that failure's message
     */
    public Wiring(WiringClients clients, Supplier<String> executionRole, Await await, Capabilities capabilities, String backend) {
        this.c = clients;
        this.executionRole = executionRole;
        this.await = await;
        this.capabilities = capabilities;
        this.backend = backend;
    }

    /** Before anything is created: a delivery the backend cannot do fails now, not as a wait that times out later. */
    private void require(Feature f, String wiring) {
        if (!capabilities.supports(f)) {
            throw new MissingFeatureException("cloud.wire()." + wiring, f, backend);
        }
    }

    /** S3 → Lambda: AddPermission for {@code s3.amazonaws.com}, then the bucket's notification configuration. */
    public void s3ToLambda(String bucket, FunctionTarget fn, String... events) {
        require(Feature.S3_NOTIFICATIONS, "s3ToLambda");
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
        require(Feature.S3_NOTIFICATIONS, "s3ToSqs");
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
        require(Feature.SNS_TO_SQS, "snsToSqs");
        String queueArn = queueArn(queueUrl);
        allowToQueue(queueUrl, queueArn, "sns.amazonaws.com", topicArn);
        return c.sns().subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn).returnSubscriptionArn(true)
                .attributes(rawMessageDelivery ? Map.of("RawMessageDelivery", "true") : Map.of())).subscriptionArn();
    }

    /** SNS → Lambda: AddPermission for {@code sns.amazonaws.com}, then the subscription; returns its ARN. */
    public String snsToLambda(String topicArn, FunctionTarget fn) {
        require(Feature.SNS_TO_LAMBDA, "snsToLambda");
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
        require(Feature.SQS_EVENT_SOURCE, "sqsToLambda");
        String queueArn = queueArn(queueUrl);
        return await.atMost(ROLE_PROPAGATION).retrying("the event source mapping " + queueArn + " -> " + fn.name(),
                () -> c.lambda().createEventSourceMapping(b -> b.eventSourceArn(queueArn).functionName(fn.name())
                        .batchSize(batchSize).enabled(true)).uuid(),
                Wiring::rolePermissionsNotSeenYet);
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

    private void allow(FunctionTarget fn, String principal, String sourceArn) {
        String sid = principal.substring(0, principal.indexOf('.')) + "-" + Integer.toHexString(sourceArn.hashCode());
        try {
            c.lambda().addPermission(b -> b.functionName(fn.name()).statementId(sid).action("lambda:InvokeFunction")
                    .principal(principal).sourceArn(sourceArn));
        } catch (ResourceConflictException e) {
            // the same statement exists already
        }
    }

    /** Adds a statement to the queue's policy (SetQueueAttributes replaces the whole document, so read and merge). */
    private void allowToQueue(String queueUrl, String queueArn, String principal, String sourceArn) {
        synchronized (Wiring.class) { // two tests' wirings do not share queues, but one test's threads might
            String current = c.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.POLICY))
                    .attributes().get(QueueAttributeName.POLICY);
            String policy = QueuePolicy.allowSend(current, queueArn, principal, sourceArn);
            c.sqs().setQueueAttributes(b -> b.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY, policy)));
        }
    }

    private String queueArn(String queueUrl) {
        return c.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private static List<Event> toEvents(String... events) {
        List<Event> out = new ArrayList<>();
        for (String e : events) {
            out.add(Event.fromValue(e));
        }
        return out;
    }
}
