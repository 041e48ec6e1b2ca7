package io.eventharness.emulator.sqs;

import java.util.Map;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;

/** One message in a queue; mutable receive state is guarded by its queue's lock. */
final class SqsMessage {
    final String messageId;
    final String body;
    final Map<String, MessageAttributeValue> attributes;
    final Map<String, MessageSystemAttributeValue> systemAttributes;
    final String md5OfBody;
    final String md5OfAttributes;
    final long sentMillis;
    final String senderId;
    final String groupId;
    final String deduplicationId;
    final String sequenceNumber;

    /** Order of arrival in its queue (set by the queue when enqueued). */
    long position;
    int receiveCount;
    long firstReceiveMillis;
    long visibleAtMillis;
    /** The token of the latest receipt handle; null before the first receive. */
    String receiptToken;

    SqsMessage(String messageId, String body, Map<String, MessageAttributeValue> attributes,
               Map<String, MessageSystemAttributeValue> systemAttributes, long sentMillis, long visibleAtMillis,
               String senderId, String groupId, String deduplicationId, String sequenceNumber) {
        this.messageId = messageId;
        this.body = body;
        this.attributes = attributes == null ? Map.of() : attributes;
        this.systemAttributes = systemAttributes == null ? Map.of() : systemAttributes;
        this.md5OfBody = MessageMd5.ofBody(body);
        this.md5OfAttributes = MessageMd5.ofAttributes(this.attributes);
        this.sentMillis = sentMillis;
        this.visibleAtMillis = visibleAtMillis;
        this.senderId = senderId;
        this.groupId = groupId;
        this.deduplicationId = deduplicationId;
        this.sequenceNumber = sequenceNumber;
    }

    boolean visibleAt(long now) {
        return visibleAtMillis <= now;
    }

    boolean inFlightAt(long now) {
        return receiveCount > 0 && visibleAtMillis > now;
    }

    boolean delayedAt(long now) {
        return receiveCount == 0 && visibleAtMillis > now;
    }
}
