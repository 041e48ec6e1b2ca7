package io.eventharness.harness.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.s3.model.TopicConfiguration;

/**
 * What {@link Wiring}'s S3 triggers put: the permission that lets the bucket reach its destination (a function's
 * {@code AddPermission}, a queue's or topic's policy), then an entry in the bucket's notification configuration, the
 * entries it had kept (S3 replaces the configuration whole); each is told in the failure story.
 */
final class BucketNotifications {
    private static final String S3 = "s3.amazonaws.com";

    private final WiringClients c;
    private final ResourceGrants grants;
    private final Wires wires;

    BucketNotifications(WiringClients clients, ResourceGrants grants, Wires wires) {
        this.c = clients;
        this.grants = grants;
        this.wires = wires;
    }

    /** AddPermission for {@code s3.amazonaws.com} and this bucket, then the function's entry. */
    void toLambda(String bucket, FunctionTarget fn, S3Events events) {
        grants.allowInvoke(fn, S3, Wiring.bucketArn(bucket));
        LambdaFunctionConfiguration entry = LambdaFunctionConfiguration.builder().id(events.id()).lambdaFunctionArn(fn.arn())
                .eventsWithStrings(events.events()).filter(events.filter()).build();
        put(bucket, current -> current.toBuilder().lambdaFunctionConfigurations(plus(current.lambdaFunctionConfigurations(), entry)).build());
        wires.add(new Wires.Wire("s3 " + bucket, "function " + fn.name(), events.toString(), null));
    }

    /** The queue policy that lets the bucket send, then the queue's entry. */
    void toQueue(String bucket, String queueUrl, String queueArn, S3Events events) {
        grants.allowToQueue(queueUrl, queueArn, S3, Wiring.bucketArn(bucket));
        QueueConfiguration entry = QueueConfiguration.builder().id(events.id()).queueArn(queueArn).eventsWithStrings(events.events())
                .filter(events.filter()).build();
        put(bucket, current -> current.toBuilder().queueConfigurations(plus(current.queueConfigurations(), entry)).build());
        wires.add(new Wires.Wire("s3 " + bucket, "queue " + Wiring.lastSegment(queueUrl), events.toString(), null));
    }

    /** The topic policy that lets the bucket publish (its default statement kept), then the topic's entry. */
    void toTopic(String bucket, String topicArn, S3Events events) {
        grants.allowToTopic(topicArn, S3, Wiring.bucketArn(bucket));
        TopicConfiguration entry = TopicConfiguration.builder().id(events.id()).topicArn(topicArn).eventsWithStrings(events.events())
                .filter(events.filter()).build();
        put(bucket, current -> current.toBuilder().topicConfigurations(plus(current.topicConfigurations(), entry)).build());
        wires.add(new Wires.Wire("s3 " + bucket, "topic " + Wiring.topicName(topicArn), events.toString(), null));
    }

    /** {@code EventBridgeConfiguration}: every object event to the default bus (EventBridge needs no permission). */
    void toEventBridge(String bucket) {
        put(bucket, current -> current.toBuilder().eventBridgeConfiguration(e -> { }).build());
        wires.add(new Wires.Wire("s3 " + bucket, "the default event bus", "every object event", null));
    }

    /** Reads the bucket's configuration, lets {@code change} add an entry, saves it (S3 replaces it whole). */
    private void put(String bucket, UnaryOperator<NotificationConfiguration> change) {
        GetBucketNotificationConfigurationResponse r = c.s3().getBucketNotificationConfiguration(b -> b.bucket(bucket));
        NotificationConfiguration current = NotificationConfiguration.builder()
                .lambdaFunctionConfigurations(r.lambdaFunctionConfigurations()).queueConfigurations(r.queueConfigurations())
                .topicConfigurations(r.topicConfigurations()).eventBridgeConfiguration(r.eventBridgeConfiguration()).build();
        NotificationConfiguration next = change.apply(current);
        c.s3().putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(next));
    }

    private static <T> List<T> plus(List<T> list, T one) {
        List<T> out = new ArrayList<>(list);
        out.add(one);
        return out;
    }
}
