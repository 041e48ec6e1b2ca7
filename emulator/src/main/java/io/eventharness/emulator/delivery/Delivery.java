package io.eventharness.emulator.delivery;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.AwsException;
import java.util.Map;
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
