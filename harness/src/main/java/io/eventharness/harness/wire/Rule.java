package io.eventharness.harness.wire;

import java.util.function.Consumer;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * An EventBridge rule that {@link Wiring#rule} put: its name, its bus and its ARN, and targets to point it at, each
 * with the permission AWS checks before EventBridge may deliver (a function's resource policy, a queue's policy —
 * for the target and for its dead-letter queue).
 *
 * <pre>{@code
 * Rule nightly = cloud.wire().rule(r -> r.name(cloud.name("nightly")).scheduleExpression("cron(0 0 * * ? *)"))
 *         .toLambda(fn);
 * cloud.wire().rule(r -> r.name(cloud.name("uploads")).eventPattern(pattern))
 *         .toSqs(queueUrl, t -> t.deadLetterConfig(d -> d.arn(dlqArn)).retryPolicy(p -> p.maximumRetryAttempts(3)));
 * }</pre>
 */
public final class Rule {
    private final Wiring wiring;
    private final String name;
    private final String bus;
    private final String arn;

    Rule(Wiring wiring, String name, String bus, String arn) {
        this.wiring = wiring;
        this.name = name;
        this.bus = bus;
        this.arn = arn;
    }

    public String name() {
        return name;
    }

    /** The event bus's name ({@code default} unless the rule was put on another). */
    public String bus() {
        return bus;
    }

    public String arn() {
        return arn;
    }

    /** The function as a target, invoked asynchronously: {@code AddPermission} for {@code events.amazonaws.com}, then PutTargets. */
    public Rule toLambda(FunctionTarget fn) {
        return toLambda(fn, t -> { });
    }

    /**
     * The same with more of the target set ({@code Input}, {@code InputTransformer}, {@code RetryPolicy},
     * {@code DeadLetterConfig}, its {@code Id}); the wiring sets its {@code Arn} (and an {@code Id} if none is set).
     */
    public Rule toLambda(FunctionTarget fn, Consumer<Target.Builder> target) {
        wiring.grants().allowInvoke(fn, "events.amazonaws.com", arn);
        wiring.targets().put(this, fn.arn(), fn.name(), target);
        return this;
    }

    /** The queue as a target: the queue's policy lets this rule send ({@code events.amazonaws.com}), then PutTargets. */
    public Rule toSqs(String queueUrl) {
        return toSqs(queueUrl, t -> { });
    }

    /** The same with more of the target set (a FIFO queue needs {@code SqsParameters.MessageGroupId}). */
    public Rule toSqs(String queueUrl, Consumer<Target.Builder> target) {
        String queueArn = wiring.queueArn(queueUrl);
        wiring.grants().allowToQueue(queueUrl, queueArn, "events.amazonaws.com", arn);
        wiring.targets().put(this, queueArn, Wiring.lastSegment(queueUrl), target);
        return this;
    }

    @Override
    public String toString() {
        return arn;
    }
}
