package io.eventharness.emulator.sqs;

import io.eventharness.emulator.core.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;

/**
 * Puts a {@link NewMessage} into a queue as SendMessage does
 * (<a href="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html">SendMessage</a>):
 * checks the body, attributes, size and delay against the queue, and FIFO's group and deduplication ids (the
 * body's SHA-256 with content-based deduplication). SendMessage, each entry of SendMessageBatch and deliveries
 * from other services all send through it.
 */
final class MessageSender {
    /** The SenderId of every message (one emulated account, one caller). */
    private static final String SENDER_ID = "AIDAIT2UOQQY3AUEKVGXU";

    private final LongSupplier clock;

    MessageSender(LongSupplier clock) {
        this.clock = clock;
    }

    SentMessage send(SqsQueue q, NewMessage m) {
        String body = SqsErrors.required(m.body(), "MessageBody");
        if (body.isEmpty()) {
            throw SqsErrors.invalidParameterValue("The request must contain a non-empty message body.");
        }
        MessageRules.checkContents(body);
        MessageRules.validateAttributes(m.attributes());
        long size = MessageRules.size(body, m.attributes());
        long max = Long.parseLong(q.attributes().get("MaximumMessageSize"));
        if (size > max) {
            throw SqsErrors.invalidParameterValue("One or more parameters are invalid. Reason: Message must be shorter than " + max + " bytes.");
        }
        Integer delaySeconds = m.delaySeconds();
        if (delaySeconds != null && (delaySeconds < 0 || delaySeconds > 900)) {
            throw SqsErrors.invalidParameterValue("Value " + delaySeconds + " for parameter DelaySeconds is invalid. Reason: DelaySeconds must be >= 0 and <= 900.");
        }
        String dedupId = m.deduplicationId();
        if (q.fifo()) {
            if (m.groupId() == null || m.groupId().isEmpty()) {
                throw SqsErrors.missingParameter("MessageGroupId");
            }
            if (delaySeconds != null && delaySeconds != 0) {
                throw SqsErrors.invalidParameterValue("Value " + delaySeconds + " for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.");
            }
            if (dedupId == null) {
                if (!"true".equalsIgnoreCase(q.attributes().get("ContentBasedDeduplication"))) {
                    throw SqsErrors.invalidParameterValue("The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
                }
                dedupId = sha256(body);
            }
        } else if (dedupId != null) {
            throw SqsErrors.invalidParameterValue("Value " + dedupId + " for parameter MessageDeduplicationId is invalid. Reason: The request includes a parameter that is not valid for this queue type.");
        }
        int delay = delaySeconds != null ? delaySeconds : q.attributes().intValue("DelaySeconds");
        Map<String, MessageSystemAttributeValue> system = new LinkedHashMap<>();
        if (m.systemAttributes() != null) {
            m.systemAttributes().forEach((k, v) -> system.put(k.toString(), v));
        }
        SqsMessage message = SqsMessage.of(Ids.uuid(), body, m.attributes(), system, clock.getAsLong(), SENDER_ID,
                q.fifo() ? m.groupId() : null, dedupId);
        return q.send(message, delay * 1000L);
    }

    /** The hex SHA-256 of the body: the deduplication id of content-based deduplication. */
    static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
