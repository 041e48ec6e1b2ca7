package io.eventharness.emulator.eventbridge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.emulator.core.Account;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.delivery.Message;
import io.eventharness.emulator.schedule.Retries;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Hands one event to one target of a rule through {@code delivery} (each attempt is a hop of the trail, kind
 * {@code events:Rule}), as the <a href="https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html">EventBridge
 * guide</a> says: a throttle (429) or a service error (5xx) is retried on the clock under the target's
 * {@code RetryPolicy} (185 retries within 24 hours by default); other failures — the target's resource policy or
 * queue policy does not allow EventBridge, the target does not exist — are not retried. Then the event goes to the
 * target's dead-letter queue with {@code RULE_ARN}, {@code TARGET_ARN}, {@code ERROR_CODE}, {@code ERROR_MESSAGE},
 * {@code RETRY_ATTEMPTS} and, when the policy ran out, {@code EXHAUSTED_RETRY_CONDITION} (kind
 * {@code events:DeadLetter}), or without one is dropped, and the trail says so.
 *
 * <p>An SQS target (and a dead-letter queue) must have a queue policy that lets {@code events.amazonaws.com} send to
 * it ({@link QueuePolicies}); a Lambda target a resource policy for {@code events.amazonaws.com}, checked by Lambda.
 */
final class TargetDispatch {
    static final String KIND = "events:Rule";
    static final String DEAD_LETTER = "events:DeadLetter";
    static final String PRINCIPAL = "events.amazonaws.com";

    private final EmulatorClock clock;
    private final Delivery delivery;
    private final Queues queues;

    TargetDispatch(EmulatorClock clock, Delivery delivery, Queues queues) {
        this.clock = clock;
        this.delivery = delivery;
        this.queues = queues;
    }

    /** Delivers (and retries) the event matched by {@code rule}, which EventBridge received at {@code ingestion}. */
    void dispatch(EventRule rule, RuleTarget t, ObjectNode event, Instant ingestion) {
        String ruleArn = rule.arn().toString();
        String target = t.arn().toString();
        Optional<String> body = t.input().shape(new TargetInput.Context(event, ruleArn, rule.name(), Events.time(ingestion)));
        if (body.isEmpty()) {
            delivery.note(ruleArn, target, KIND, "", "not delivered: InputPath " + t.input().path().text() + " selects nothing of the event");
            return;
        }
        String eventId = event.path("id").asText();
        Message m = t.arn().service().equals("sqs") ? new Message(body.get(), Map.of(), t.messageGroupId(), eventId)
                : Message.of(body.get());
        Retries.run(clock, t.retryPolicy(), ingestion, n -> send(ruleArn, t.arn(), m, KIND), TargetDispatch::retriable,
                (last, retries, condition) -> deadLetter(rule, t, event, last, retries, condition));
    }

    private void send(String ruleArn, Arn target, Message m, String kind) {
        if (target.service().equals("sqs") && queues.exists(target.toString())
                && !QueuePolicies.allows(queues.policy(target.toString()), target.toString(), PRINCIPAL, ruleArn, Account.ID)) {
            String why = "the policy of queue " + target + " does not allow " + PRINCIPAL + " to sqs:SendMessage for " + ruleArn
                    + " (add a statement to its Policy attribute)";
            delivery.note(ruleArn, target.toString(), kind, m.body(), "failed: " + why);
            throw AwsException.of(403, "AccessDenied", why);
        }
        delivery.send(ruleArn, target.toString(), kind, m);
    }

    /** AWS retries throttles (429) and service errors (5xx) only; an emulator fault counts as a service error. */
    static boolean retriable(RuntimeException e) {
        return !(e instanceof AwsException a) || a.status() == 429 || a.status() >= 500;
    }

    private void deadLetter(EventRule rule, RuleTarget t, ObjectNode event, RuntimeException last, int retries, String condition) {
        String ruleArn = rule.arn().toString();
        String reason = message(last) + (retries > 0 ? " after " + retries + " retries" : "");
        if (t.deadLetterQueue() == null) {
            delivery.note(ruleArn, t.arn().toString(), KIND, event.toString(), "dropped: " + reason + " (the target has no dead-letter queue)");
            return;
        }
        Map<String, Message.Attribute> a = new LinkedHashMap<>();
        a.put("RULE_ARN", Message.Attribute.string(ruleArn));
        a.put("TARGET_ARN", Message.Attribute.string(t.arn().toString()));
        a.put("ERROR_CODE", Message.Attribute.string(errorCode(last)));
        a.put("ERROR_MESSAGE", Message.Attribute.string(message(last)));
        if (condition != null) {
            a.put("EXHAUSTED_RETRY_CONDITION", Message.Attribute.string(condition));
        }
        a.put("RETRY_ATTEMPTS", Message.Attribute.string(Integer.toString(retries)));
        try {
            send(ruleArn, t.deadLetterQueue(), new Message(event.toString(), a, null, null), DEAD_LETTER);
        } catch (RuntimeException lost) {
            // recorded in the trail; AWS counts it as InvocationsFailedToBeSentToDLQ
        }
    }

    private static String message(RuntimeException e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    /** The guide's ERROR_CODE for a failure. */
    static String errorCode(RuntimeException e) {
        if (!(e instanceof AwsException a)) {
            return "INTERNAL_ERROR";
        }
        String code = a.code().toLowerCase(Locale.ROOT);
        if (a.status() == 403 || code.contains("accessdenied")) {
            return "NO_PERMISSIONS";
        }
        if (a.status() == 404 || code.contains("notfound") || code.contains("nonexistent") || code.contains("doesnotexist")) {
            return "NO_RESOURCE";
        }
        if (a.status() == 429) {
            return "THROTTLING";
        }
        return a.status() >= 500 ? "INTERNAL_ERROR" : "INVALID_PARAMETER";
    }
}
