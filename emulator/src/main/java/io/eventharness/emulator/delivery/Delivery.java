package io.eventharness.emulator.delivery;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.AwsException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place every cross-service event passes through. Sources call {@link #send}; the target
 * service registered for the ARN's service ({@code sqs}, {@code sns}, {@code lambda}) receives it; the
 * hop and its outcome go into the {@link EventTrail}.
 *
 * <pre>{@code
 * delivery.send("arn:aws:sns:…:orders", "arn:aws:sqs:…:audit", "sns:Notification", Message.of(json));
 * }</pre>
 */
public final class Delivery {

    /** A service that accepts messages addressed to its ARNs. */
    @FunctionalInterface
    public interface Target {
        /**
         * Accepts or throws (e.g. an AwsException when the queue does not exist, or the target's
         * resource policy does not allow the source).
         */
        void accept(String sourceArn, String targetArn, Message message);
    }

    private final EventTrail trail;
    private final Map<String, Target> targets = new ConcurrentHashMap<>();
    private final Set<String> trustedWithoutPolicy = ConcurrentHashMap.newKeySet();

    public Delivery(EventTrail trail) {
        this.trail = trail;
    }

    public EventTrail trail() {
        return trail;
    }

    /** Registers the handler of ARNs {@code arn:aws:<service>:…}. */
    public void register(String arnService, Target target) {
        targets.put(arnService, target);
    }

    /**
     * Lets targets accept what sources of this service ({@code s3}) send without a resource-policy statement that
     * allows the service's principal: the emulator's relaxing switch for tests written against emulators that never
     * checked ({@code Emulator.Builder.withS3DestinationPolicyCheck(false)}). Targets that check resource policies
     * ask {@link #trustedWithoutPolicy} first.
     */
    public void trustWithoutPolicy(String sourceService) {
        trustedWithoutPolicy.add(sourceService);
    }

    /** Whether a target should accept what this source sends without reading its resource policy. */
    public boolean trustedWithoutPolicy(String sourceArn) {
        return trustedWithoutPolicy.contains(Arn.serviceOf(sourceArn));
    }

    /** Delivers and records the hop; returns normally when the target accepted it. */
    public void send(String source, String targetArn, String kind, Message message) {
        Target t = targets.get(Arn.serviceOf(targetArn));
        if (t == null) {
            trail.record(source, targetArn, kind, message.body(), "failed: no such target service");
            throw AwsException.of(400, "InvalidParameter", "Cannot deliver to " + targetArn);
        }
        try {
            t.accept(source, targetArn, message);
            trail.record(source, targetArn, kind, message.body(), "delivered");
        } catch (RuntimeException e) {
            trail.record(source, targetArn, kind, message.body(), "failed: " + e.getMessage());
            throw e;
        }
    }

    /** Records a hop that was decided without delivery (filtered out, dropped, ...). */
    public void note(String source, String target, String kind, String payload, String outcome) {
        trail.record(source, target, kind, payload, outcome);
    }
}
