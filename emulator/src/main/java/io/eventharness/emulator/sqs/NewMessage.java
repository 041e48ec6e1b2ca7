package io.eventharness.emulator.sqs;

import java.util.Map;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * A message a sender wants in a queue, before {@link MessageSender} checked it: from SendMessage, from one
 * entry of SendMessageBatch, or from another service through {@code delivery}. Null members were not given.
 */
record NewMessage(String body, Map<String, MessageAttributeValue> attributes,
                  Map<MessageSystemAttributeNameForSends, MessageSystemAttributeValue> systemAttributes,
                  Integer delaySeconds, String groupId, String deduplicationId) {

    static NewMessage of(SendMessageRequest r) {
        return new NewMessage(r.messageBody(), r.messageAttributes(), r.messageSystemAttributes(), r.delaySeconds(),
                r.messageGroupId(), r.messageDeduplicationId());
    }

    static NewMessage of(SendMessageBatchRequestEntry e) {
        return new NewMessage(e.messageBody(), e.messageAttributes(), e.messageSystemAttributes(), e.delaySeconds(),
                e.messageGroupId(), e.messageDeduplicationId());
    }
}
