package io.eventharness.emulator.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.core.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/** SNS's checks of a message before a topic accepts it (API reference: Publish, PublishBatch). */
final class PublishChecks {
    static final long MAX_SIZE = 262_144;
    private static final ObjectMapper JSON = Json.MAPPER;
    private static final Pattern FIFO_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");

    /** One message to publish, from Publish, a batch entry or another service. */
    record Draft(String message, String subject, String structure, Map<String, MessageAttributeValue> attributes,
                 String groupId, String deduplicationId) {
    }

    /**
     * A draft that passed the checks against its topic.
     *
     * @param perProtocol     with {@code MessageStructure=json}, the message per protocol; else null
     * @param deduplicationId FIFO topics: the given one, or the body's SHA-256 with content-based deduplication
     */
    record Checked(Draft draft, Map<String, String> perProtocol, String deduplicationId) {
    }

    private PublishChecks() {
    }

    /**
     * The checks that need no topic: message, subject, attributes, size. {@code entry} is the PublishBatch entry
     * position (1-based), 0 for Publish.
     */
    static void content(Draft d, int entry) {
        if (d.message() == null) {
            throw SnsErrors.missing(entry > 0 ? "publishBatchRequestEntries." + entry + ".member.message" : "message");
        }
        if (d.message().isEmpty()) {
            throw SnsErrors.invalidParameter("Invalid parameter: Empty message");
        }
        if (d.subject() != null && !validSubject(d.subject())) {
            throw SnsErrors.invalidParameter("Invalid parameter: Subject");
        }
        SnsMessageAttributes.validate(d.attributes(), entry);
        if (SnsMessageAttributes.size(d.message(), d.attributes()) > MAX_SIZE) {
            throw SnsErrors.invalidParameter("Invalid parameter: Message too long");
        }
    }

    /** ASCII, starting with a letter, digit or punctuation, no line breaks or control characters, under 100 characters. */
    private static boolean validSubject(String s) {
        if (s.isEmpty() || s.length() > 100 || s.charAt(0) == ' ') {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < 0x20 || s.charAt(i) > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** The checks against the topic: message structure, FIFO group and deduplication ids. */
    static Checked against(Draft d, SnsTopic topic) {
        Map<String, String> perProtocol = d.structure() == null ? null : structure(d.structure(), d.message());
        String dedup = d.deduplicationId();
        if (topic.fifo()) {
            if (d.groupId() == null || d.groupId().isEmpty()) {
                throw SnsErrors.invalidParameter("Invalid parameter: The MessageGroupId parameter is required for FIFO topics");
            }
            fifoId("MessageGroupId", d.groupId());
            if (dedup == null) {
                if (!topic.contentBasedDeduplication()) {
                    throw SnsErrors.invalidParameter("Invalid parameter: The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
                }
                dedup = sha256(d.message()); // "Message deduplication for FIFO topics": a hash of the body
            } else {
                fifoId("MessageDeduplicationId", dedup);
            }
        } else {
            if (dedup != null) {
                throw SnsErrors.invalidParameter("Invalid parameter: MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid for this topic type");
            }
            if (d.groupId() != null) {
                fifoId("MessageGroupId", d.groupId()); // standard topics pass it on to SQS fair queues
            }
        }
        return new Checked(d, perProtocol, dedup);
    }

    private static void fifoId(String member, String id) {
        if (!FIFO_ID.matcher(id).matches()) {
            throw SnsErrors.invalidParameter("Invalid parameter: " + member + " Reason: " + member
                    + " can only include alphanumeric and punctuation characters. 1 to 128 in length.");
        }
    }

    /** {@code MessageStructure=json}: a JSON object of string messages per protocol with a {@code default}. */
    private static Map<String, String> structure(String structure, String message) {
        if (!structure.equals("json")) {
            throw SnsErrors.invalidParameter("Invalid parameter: MessageStructure");
        }
        JsonNode n;
        try {
            n = JSON.readTree(message);
        } catch (java.io.IOException e) {
            n = null;
        }
        if (n == null || !n.isObject()) {
            throw SnsErrors.invalidParameter("Invalid parameter: Message Structure - JSON message body failed to parse");
        }
        Map<String, String> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(f -> {
            if (f.getValue().isTextual()) { // keys with other values are ignored, as AWS ignores them
                out.put(f.getKey(), f.getValue().textValue());
            }
        });
        if (!out.containsKey("default")) {
            throw SnsErrors.invalidParameter("Invalid parameter: Message Structure - No default entry in JSON message body");
        }
        return out;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
