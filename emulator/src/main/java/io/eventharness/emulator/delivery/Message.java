package io.eventharness.emulator.delivery;

import java.util.Map;

/**
 * A message handed from one service to a queue-like target (SNS → SQS, Lambda DLQ → SQS): a body
 * and typed attributes, plus the FIFO group and deduplication ids when the source has them.
 */
public record Message(String body, Map<String, Attribute> attributes, String groupId, String deduplicationId) {

    /** A message attribute: {@code String}, {@code Number}, {@code Binary} (and {@code .custom} suffixes). */
    public record Attribute(String dataType, String stringValue, byte[] binaryValue) {
        public static Attribute string(String value) {
            return new Attribute("String", value, null);
        }

        public static Attribute number(String value) {
            return new Attribute("Number", value, null);
        }
    }

    public static Message of(String body) {
        return new Message(body, Map.of(), null, null);
    }
}
