package io.eventharness.emulator.sns;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.core.Activity;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.delivery.Message;
import io.eventharness.emulator.sns.SnsSubscription.Route;
import java.util.List;
import java.util.Map;

/**
 * Delivers one accepted message to the confirmed subscriptions of its topic, each through
 * {@link Delivery} (so every hop is in the event trail): filter policy first, then what the protocol gets — the
 * envelope (or the raw message) to SQS, the {@code Records[].Sns} event to Lambda. A failed delivery goes to the
 * subscription's dead-letter queue when it has one ("Amazon SNS dead-letter queues"); it never fails
 * the publisher. Protocols that leave the emulator (HTTP, email, SMS, mobile push, Firehose) are
 * recorded in the trail, not sent. Runs outside every lock, from the topic's {@code Outbox}.
 */
final class Fanout {
    static final String KIND = "sns:Notification";

    private final Delivery delivery;
    private final Activity activity;
    private final QueueAccess queues;

    /**
     * @param activity where a delivery waiting in an outbox counts as pending work (the emulator is not settled)
     * @param queues   whether a queue's policy lets the topic send to it
     */
    Fanout(Delivery delivery, Activity activity, QueueAccess queues) {
        this.activity = activity;
        this.delivery = delivery;
        this.queues = queues;
    }

    void deliver(SnsPublished m, List<Route> routes, String signatureVersion) {
        if (routes.isEmpty()) {
            delivery.note(m.topicArn().toString(), m.topicArn().toString(), KIND, m.message(), "no confirmed subscriptions");
        }
        for (Route r : routes) {
            deliver(m, r, signatureVersion);
        }
    }

    /** A FIFO publish inside the deduplication window of an earlier one: recorded, not delivered. */
    void duplicate(Arn topic, String message, String firstMessageId) {
        delivery.note(topic.toString(), topic.toString(), KIND, message, "duplicate of " + firstMessageId + ": not delivered again");
    }

    private void deliver(SnsPublished m, Route r, String signatureVersion) {
        String source = m.topicArn().toString();
        String content = m.messageFor(r.protocol());
        if (r.filter() != null) {
            Map<String, List<JsonNode>> values = FilterPolicy.BODY.equals(r.filterScope())
                    ? FilterPolicy.bodyValues(content) : FilterPolicy.attributeValues(m.attributes());
            if (!r.filter().matches(values)) {
                delivery.note(source, r.endpoint(), KIND, content, "filtered");
                return;
            }
        }
        Message out;
        switch (r.protocol()) {
            case "sqs" -> out = toQueue(m, r, r.endpoint(), signatureVersion);
            case "lambda" -> out = toFunction(m, r);
            default -> {
                delivery.note(source, r.endpoint(), KIND, content, "not delivered: " + r.protocol() + " endpoints are not emulated");
                return;
            }
        }
        String denial = r.protocol().equals("sqs") ? Arn.tryParse(r.endpoint()).map(q -> queues.denial(q, m.topicArn())).orElse(null)
                : null;
        if (denial != null) {
            delivery.note(source, r.endpoint(), KIND, content, "failed: " + denial);
            deadLetter(m, r, signatureVersion);
            return;
        }
        try {
            delivery.send(source, r.endpoint(), KIND, out);
        } catch (RuntimeException e) {
            deadLetter(m, r, signatureVersion); // the trail has the failure already
        }
    }

    /** The SQS message: the envelope, or with RawMessageDelivery the message with its attributes; FIFO ids to FIFO queues. */
    private static Message toQueue(SnsPublished m, Route r, String queueArn, String signatureVersion) {
        boolean fifoQueue = queueArn.endsWith(".fifo");
        String group = fifoQueue ? m.groupId() : null;
        String dedup = fifoQueue ? m.deduplicationId() : null;
        if (r.raw()) {
            return new Message(m.messageFor(r.protocol()), SnsMessageAttributes.toDelivery(m.attributes()), group, dedup);
        }
        return new Message(SnsEnvelopes.notification(m, r.subscriptionArn(), r.protocol(), signatureVersion), Map.of(), group, dedup);
    }

    /** The Lambda invocation: the {@code Records[].Sns} event. */
    private static Message toFunction(SnsPublished m, Route r) {
        return Message.of(SnsEnvelopes.lambdaEvent(m, r.subscriptionArn()));
    }

    private void deadLetter(SnsPublished m, Route r, String signatureVersion) {
        if (r.deadLetterArn() == null) {
            return;
        }
        String dlq = r.deadLetterArn().toString();
        String denial = queues.denial(r.deadLetterArn(), m.topicArn());
        if (denial != null) {
            delivery.note(r.subscriptionArn().toString(), dlq, "sns:DeadLetter", m.message(), "failed: " + denial);
            return;
        }
        try {
            delivery.send(r.subscriptionArn().toString(), dlq, "sns:DeadLetter", toQueue(m, r, dlq, signatureVersion));
        } catch (RuntimeException e) {
            // recorded in the trail as failed; SNS drops the message when its dead-letter queue is gone too
        }
    }

    /** A delivery to queue in an outbox, pending work of the emulator until it ran. */
    Runnable pending(String what, Runnable work) {
        Activity.Pending p = activity.begin(what);
        return () -> {
            try {
                work.run();
            } finally {
                p.close();
            }
        };
    }
}
