package io.eventharness.emulator.sns;

import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.delivery.Message;
import io.eventharness.emulator.sns.SnsSubscription.Route;
import java.util.List;
import java.util.Map;

/**
 * Delivers one accepted message to the confirmed subscriptions of its topic, each through
 * {@link Delivery} (so every hop is in the event trail): filter policy first, then the envelope (or
 * the raw message) to SQS, the {@code Records[].Sns} event to Lambda. A failed delivery goes to the
 * subscription's dead-letter queue when it has one ("Amazon SNS dead-letter queues"); it never fails
 * the publisher. Protocols that leave the emulator (HTTP, email, SMS, mobile push, Firehose) are
 * recorded in the trail, not sent.
 */
final class Fanout {
    static final String KIND = "sns:Notification";

    private final Delivery delivery;

    Fanout(Delivery delivery) {
        this.delivery = delivery;
    }

    void deliver(SnsPublished m, List<Route> routes, String signatureVersion) {
        if (routes.isEmpty()) {
            delivery.note(m.topicArn(), m.topicArn(), KIND, m.message(), "no confirmed subscriptions");
        }
        for (Route r : routes) {
            deliver(m, r, signatureVersion);
        }
    }

    private void deliver(SnsPublished m, Route r, String signatureVersion) {
        String content = m.messageFor(r.protocol());
        if (r.filter() != null) {
            Map<String, List<com.fasterxml.jackson.databind.JsonNode>> values = FilterPolicy.BODY.equals(r.filterScope())
                    ? FilterPolicy.bodyValues(content) : FilterPolicy.attributeValues(m.attributes());
            if (!r.filter().matches(values)) {
                delivery.note(m.topicArn(), r.endpoint(), KIND, content, "filtered");
                return;
            }
        }
        Message out;
        switch (r.protocol()) {
            case "sqs" -> out = toQueue(m, r, r.endpoint(), signatureVersion);
            case "lambda" -> out = Message.of(SnsEnvelopes.lambdaEvent(m, r.subscriptionArn()));
            default -> {
                delivery.note(m.topicArn(), r.endpoint(), KIND, content, "not delivered: " + r.protocol() + " endpoints are not emulated");
                return;
            }
        }
        try {
            delivery.send(m.topicArn(), r.endpoint(), KIND, out);
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

    private void deadLetter(SnsPublished m, Route r, String signatureVersion) {
        if (r.deadLetterArn() == null) {
            return;
        }
        try {
            delivery.send(r.subscriptionArn(), r.deadLetterArn(), "sns:DeadLetter", toQueue(m, r, r.deadLetterArn(), signatureVersion));
        } catch (RuntimeException e) {
            // recorded in the trail as failed; SNS drops the message when its dead-letter queue is gone too
        }
    }
}
