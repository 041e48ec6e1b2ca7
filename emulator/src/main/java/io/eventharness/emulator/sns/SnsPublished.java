package io.eventharness.emulator.sns;

import io.eventharness.emulator.core.Arn;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * A message accepted by Publish, as every subscription receives it.
 *
 * @param perProtocol with {@code MessageStructure=json}: the message for each protocol, with its
 *                    mandatory {@code default}; else null
 * @param sequenceNumber FIFO topics only
 */
record SnsPublished(String messageId, Arn topicArn, boolean fifo, String message, Map<String, String> perProtocol,
                    String subject, Map<String, MessageAttributeValue> attributes, String groupId,
                    String deduplicationId, String sequenceNumber, Instant timestamp) {

    /** The message a subscription of {@code protocol} gets: its own entry of a JSON structure, or the default. */
    String messageFor(String protocol) {
        if (perProtocol == null) {
            return message;
        }
        String m = perProtocol.get(protocol);
        return m != null ? m : perProtocol.get("default");
    }
}
