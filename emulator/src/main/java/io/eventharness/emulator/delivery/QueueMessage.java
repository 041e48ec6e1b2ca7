package io.eventharness.emulator.delivery;

import java.util.Map;

/**
 * A message as an internal consumer received it from a queue ({@link ConsumableQueue#receive}): what the SQS event
 * record of a Lambda event source mapping carries.
 *
 * @param attributes            the system attributes as strings, in the order AWS puts them in an event record
 *                              ({@code ApproximateReceiveCount}, {@code SentTimestamp}, FIFO's {@code SequenceNumber}
 *                              and {@code MessageGroupId}, {@code SenderId}, FIFO's {@code MessageDeduplicationId},
 *                              {@code ApproximateFirstReceiveTimestamp}, {@code AWSTraceHeader} when set)
 * @param messageAttributes     the message attributes, in the order they were sent
 * @param md5OfMessageAttributes null when the message has no attributes
 * @param groupId               the FIFO message group; null on a standard queue
 */
public record QueueMessage(String messageId, String receiptHandle, String body, Map<String, String> attributes,
                           Map<String, Message.Attribute> messageAttributes, String md5OfBody, String md5OfMessageAttributes,
                           String groupId) {
}
