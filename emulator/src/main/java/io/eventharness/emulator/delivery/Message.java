package io.eventharness.emulator.delivery;

import java.util.Map;

/**
 * A message handed from one service to a queue-like target (SNS → SQS, Lambda DLQ → SQS, S3 → SNS): a body
 * and typed attributes, plus the FIFO group and deduplication ids when the source has them, and the subject a
 * topic target publishes it with (S3's notifications carry {@code Amazon S3 Notification}; other targets ignore it).
 */
public record Message(String body, Map<String, Attribute> attributes, String groupId, String deduplicationId, String subject) {

    /** A message attribute: {@code String}, {@code Number}, {@code Binary} (and {@code .custom} suffixes). */
    public record Attribute(String dataType, String stringValue, byte[] binaryValue) {
        public static Attribute string(String value) {
            return new Attribute("String", value, null);
        }

        public static Attribute number(String value) {
            return new Attribute("Number", value, null);
        }
    }

    /** A message without a subject. */
    public Message(String body, Map<String, Attribute> attributes, String groupId, String deduplicationId) {
        this(body, attributes, groupId, deduplicationId, null);
    }

    public static Message of(String body) {
        return new Message(body, Map.of(), null, null);
    }

    /** The same message with this subject (what an SNS topic publishes it with). */
    public Message withSubject(String subject) {
        return new Message(body, attributes, groupId, deduplicationId, subject);
    }
}
