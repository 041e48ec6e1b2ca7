package io.eventharness.emulator.sqs;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.delivery.Message;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Messages other services hand to a queue through {@code delivery} (SNS subscriptions, Lambda dead-letter
 * queues and destinations, S3 notifications), addressed by the queue's ARN. An ARN that names no queue,
 * or a queue of that name in another region or account, is refused with QueueDoesNotExist; attributes SQS would
 * refuse in SendMessage (more than ten, say: what SNS's raw delivery of a message with eleven attributes runs into,
 * which SNS then counts as a client-side error) are refused with SQS's InvalidParameterValue.
 */
final class QueueDelivery implements Delivery.Target {
    private final SqsQueues queues;
    private final MessageSender sender;

    QueueDelivery(SqsQueues queues, MessageSender sender) {
        this.queues = queues;
        this.sender = sender;
    }

    @Override
    public void accept(String sourceArn, String queueArn, Message m) {
        SqsQueue q = Arn.tryParse(queueArn).flatMap(queues::byArn).orElseThrow(SqsErrors::queueDoesNotExist);
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        m.attributes().forEach((k, v) -> attributes.put(k, MessageAttributeValue.builder().dataType(v.dataType())
                .stringValue(v.stringValue())
                .binaryValue(v.binaryValue() == null ? null : SdkBytes.fromByteArray(v.binaryValue())).build()));
        // group and deduplication ids only mean something to a FIFO queue; a standard queue ignores them
        String group = null;
        String dedup = null;
        if (q.fifo()) {
            group = m.groupId() != null ? m.groupId() : "default";
            dedup = m.deduplicationId() != null ? m.deduplicationId() : MessageSender.sha256(m.body());
        }
        sender.send(q, new NewMessage(m.body(), attributes, Map.of(), null, group, dedup));
    }
}
