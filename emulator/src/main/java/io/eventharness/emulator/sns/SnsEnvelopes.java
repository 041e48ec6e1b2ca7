package io.eventharness.emulator.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * The JSON SNS delivers: the notification envelope of SQS (and HTTP, email-json, firehose) subscribers,
 * the {@code Records[].Sns} event of Lambda subscribers, and the subscription confirmation message.
 * Shapes as in "Amazon SNS message and JSON formats" and "Using AWS Lambda with Amazon SNS"; note
 * {@code SigningCertURL}/{@code UnsubscribeURL} in envelopes but {@code SigningCertUrl}/{@code UnsubscribeUrl}
 * in Lambda events.
 *
 * <p>Differs from AWS: {@code Signature} has the length and form of AWS's (base64 of 256 bytes) but is
 * derived from the canonical string by hashing, not signed with a certificate, so it does not verify.
 * {@code UnsubscribeURL} and {@code SubscribeURL} carry the regional SNS endpoint as AWS's do; sent to
 * the emulator instead (unsigned GET), they work.
 */
final class SnsEnvelopes {
    private static final ObjectMapper JSON = Json.MAPPER;
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String CERT_ID = "9c6465fa7f48f5cacd23014631ec1136";

    private SnsEnvelopes() {
    }

    /** The body an SQS queue (not raw) receives; FIFO topics add SequenceNumber and drop the signature. */
    static String notification(SnsPublished m, Arn subscriptionArn, String protocol, String signatureVersion) {
        ObjectNode n = JSON.createObjectNode();
        String timestamp = ISO_MILLIS.format(m.timestamp());
        String message = m.messageFor(protocol);
        n.put("Type", "Notification");
        n.put("MessageId", m.messageId());
        if (m.fifo()) {
            n.put("SequenceNumber", m.sequenceNumber());
        }
        n.put("TopicArn", m.topicArn().toString());
        if (m.subject() != null) {
            n.put("Subject", m.subject());
        }
        n.put("Message", message);
        n.put("Timestamp", timestamp);
        if (!m.fifo()) {
            n.put("SignatureVersion", signatureVersion);
            n.put("Signature", signature(m, message, timestamp));
            n.put("SigningCertURL", signingCertUrl(m.topicArn()));
        }
        n.put("UnsubscribeURL", unsubscribeUrl(subscriptionArn));
        if (!m.attributes().isEmpty()) {
            n.set("MessageAttributes", attributes(m.attributes()));
        }
        return write(n);
    }

    /** The event a Lambda function subscribed to the topic is invoked with. */
    static String lambdaEvent(SnsPublished m, Arn subscriptionArn) {
        String timestamp = ISO_MILLIS.format(m.timestamp());
        String message = m.messageFor("lambda");
        ObjectNode sns = JSON.createObjectNode();
        sns.put("Type", "Notification");
        sns.put("MessageId", m.messageId());
        sns.put("TopicArn", m.topicArn().toString());
        sns.put("Subject", m.subject()); // null when unset: the key is always there
        sns.put("Message", message);
        sns.put("Timestamp", timestamp);
        sns.put("SignatureVersion", "1"); // AWS always says 1 here, whatever the topic's version
        sns.put("Signature", signature(m, message, timestamp));
        sns.put("SigningCertUrl", signingCertUrl(m.topicArn()));
        sns.put("UnsubscribeUrl", unsubscribeUrl(subscriptionArn));
        sns.set("MessageAttributes", attributes(m.attributes()));
        ObjectNode record = JSON.createObjectNode();
        record.put("EventSource", "aws:sns");
        record.put("EventVersion", "1.0");
        record.put("EventSubscriptionArn", subscriptionArn.toString());
        record.set("Sns", sns);
        ObjectNode event = JSON.createObjectNode();
        event.putArray("Records").add(record);
        return write(event);
    }

    /** What an HTTP or email-json endpoint would get on Subscribe, carrying the token for ConfirmSubscription. */
    static String subscriptionConfirmation(Arn topicArn, String token, String messageId, Instant at) {
        String timestamp = ISO_MILLIS.format(at);
        String message = "You have chosen to subscribe to the topic " + topicArn
                + ".\nTo confirm the subscription, visit the SubscribeURL included in this message.";
        ObjectNode n = JSON.createObjectNode();
        n.put("Type", "SubscriptionConfirmation");
        n.put("MessageId", messageId);
        n.put("Token", token);
        n.put("TopicArn", topicArn.toString());
        n.put("Message", message);
        n.put("SubscribeURL", endpoint(topicArn) + "/?Action=ConfirmSubscription&TopicArn=" + encode(topicArn.toString()) + "&Token=" + token);
        n.put("Timestamp", timestamp);
        n.put("SignatureVersion", "1");
        n.put("Signature", hashSignature("Message\n" + message + "\nMessageId\n" + messageId + "\nToken\n" + token
                + "\nTopicArn\n" + topicArn + "\nType\nSubscriptionConfirmation\n"));
        n.put("SigningCertURL", signingCertUrl(topicArn));
        return write(n);
    }

    private static ObjectNode attributes(Map<String, MessageAttributeValue> attributes) {
        ObjectNode out = JSON.createObjectNode();
        attributes.forEach((name, v) -> {
            ObjectNode a = out.putObject(name);
            a.put("Type", v.dataType());
            a.put("Value", SnsMessageAttributes.envelopeValue(v));
        });
        return out;
    }

    /** The canonical string of "Verifying the signatures of Amazon SNS messages", hashed to AWS's signature size. */
    private static String signature(SnsPublished m, String message, String timestamp) {
        StringBuilder canonical = new StringBuilder().append("Message\n").append(message).append("\nMessageId\n").append(m.messageId());
        if (m.subject() != null) {
            canonical.append("\nSubject\n").append(m.subject());
        }
        canonical.append("\nTimestamp\n").append(timestamp).append("\nTopicArn\n").append(m.topicArn()).append("\nType\nNotification\n");
        return hashSignature(canonical.toString());
    }

    private static String hashSignature(String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] out = new byte[256];
            byte[] block = sha.digest(canonical.getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < out.length; i += block.length) {
                System.arraycopy(block, 0, out, i, Math.min(block.length, out.length - i));
                block = sha.digest(block);
            }
            return Base64.getEncoder().encodeToString(out);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signingCertUrl(Arn topicArn) {
        return endpoint(topicArn) + "/SimpleNotificationService-" + CERT_ID + ".pem";
    }

    private static String unsubscribeUrl(Arn subscriptionArn) {
        return endpoint(subscriptionArn) + "/?Action=Unsubscribe&SubscriptionArn=" + subscriptionArn;
    }

    /** {@code https://sns.<region>.amazonaws.com} of the ARN's region. */
    private static String endpoint(Arn arn) {
        return "https://sns." + arn.region() + ".amazonaws.com";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String write(ObjectNode n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
