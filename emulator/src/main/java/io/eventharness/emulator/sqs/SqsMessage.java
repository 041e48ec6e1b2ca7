package io.eventharness.emulator.sqs;

import java.util.Map;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;

/**
 * What a sender put in one message, as it was accepted: immutable. Its place in a queue and its receives are
 * {@link QueuedMessage}'s.
 *
 * @param groupId         the FIFO message group; null on a standard queue
 * @param deduplicationId the FIFO deduplication id (given, or the body's SHA-256); null on a standard queue
 */
record SqsMessage(String messageId, String body, Map<String, MessageAttributeValue> attributes,
                  Map<String, MessageSystemAttributeValue> systemAttributes, String md5OfBody, String md5OfAttributes,
                  long sentMillis, String senderId, String groupId, String deduplicationId) {

    SqsMessage {
        attributes = attributes == null ? Map.of() : attributes;
        systemAttributes = systemAttributes == null ? Map.of() : systemAttributes;
    }

    /** A message with the MD5s of its body and attributes computed. */
    static SqsMessage of(String messageId, String body, Map<String, MessageAttributeValue> attributes,
                         Map<String, MessageSystemAttributeValue> systemAttributes, long sentMillis, String senderId,
                         String groupId, String deduplicationId) {
        return new SqsMessage(messageId, body, attributes, systemAttributes, MessageMd5.ofBody(body),
                MessageMd5.ofAttributes(attributes), sentMillis, senderId, groupId, deduplicationId);
    }
}
