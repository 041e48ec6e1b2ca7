package io.eventharness.emulator.sqs;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * SQS's rules for what a message may hold
 * (<a href="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-message-metadata.html">message metadata</a>):
 * allowed characters, attribute names and types, sizes, batch entry ids, visibility timeouts.
 */
final class MessageRules {
    private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,256}");

    private MessageRules() {
    }

    static long size(String body, Map<String, MessageAttributeValue> attributes) {
        long size = body == null ? 0 : body.getBytes(StandardCharsets.UTF_8).length;
        if (attributes != null) {
            for (Map.Entry<String, MessageAttributeValue> e : attributes.entrySet()) {
                MessageAttributeValue v = e.getValue();
                size += e.getKey().getBytes(StandardCharsets.UTF_8).length;
                size += v.dataType() == null ? 0 : v.dataType().getBytes(StandardCharsets.UTF_8).length;
                size += v.stringValue() == null ? 0 : v.stringValue().getBytes(StandardCharsets.UTF_8).length;
                size += v.binaryValue() == null ? 0 : v.binaryValue().asByteArrayUnsafe().length;
            }
        }
        return size;
    }

    static void checkContents(String body) {
        for (int i = 0; i < body.length(); ) {
            int c = body.codePointAt(i);
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF);
            if (!ok) {
                throw SqsErrors.invalidMessageContents();
            }
            i += Character.charCount(c);
        }
    }

    static void validateAttributes(Map<String, MessageAttributeValue> attributes) {
        if (attributes == null) {
            return;
        }
        if (attributes.size() > 10) {
            throw SqsErrors.invalidParameterValue("Number of message attributes [" + attributes.size() + "] exceeds the allowed maximum [10].");
        }
        for (Map.Entry<String, MessageAttributeValue> e : attributes.entrySet()) {
            String name = e.getKey();
            MessageAttributeValue v = e.getValue();
            if (!ATTRIBUTE_NAME.matcher(name).matches() || name.startsWith("AWS.") || name.startsWith("Amazon.")
                    || name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
                throw SqsErrors.invalidParameterValue("Message (user) attribute name '" + name + "' is invalid.");
            }
            String type = v.dataType();
            if (type == null || type.isEmpty()) {
                throw SqsErrors.invalidParameterValue("The message attribute '" + name + "' must contain non-empty message attribute type.");
            }
            String base = type.contains(".") ? type.substring(0, type.indexOf('.')) : type;
            switch (base) {
                case "String", "Number" -> {
                    if (v.stringValue() == null) {
                        throw SqsErrors.invalidParameterValue("The message attribute '" + name + "' with type '" + base + "' must use field 'String'.");
                    }
                    if (base.equals("Number")) {
                        try {
                            new java.math.BigDecimal(v.stringValue().trim());
                        } catch (NumberFormatException ex) {
                            throw SqsErrors.invalidParameterValue("Can't cast the value of message (user) attribute '" + name + "' to a number.");
                        }
                    }
                }
                case "Binary" -> {
                    if (v.binaryValue() == null) {
                        throw SqsErrors.invalidParameterValue("The message attribute '" + name + "' with type 'Binary' must use field 'Binary'.");
                    }
                }
                default -> throw SqsErrors.invalidParameterValue("The type of message (user) attribute '" + name + "' is invalid. You must use only the following supported type prefixes: Binary, Number, String.");
            }
        }
    }

    static void checkBatch(List<String> ids) {
        if (ids.isEmpty()) {
            throw SqsErrors.emptyBatch();
        }
        if (ids.size() > 10) {
            throw SqsErrors.tooManyEntries(ids.size());
        }
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (id == null || !BATCH_ID.matcher(id).matches()) {
                throw SqsErrors.invalidBatchEntryId(id);
            }
            if (!seen.add(id)) {
                throw SqsErrors.idsNotDistinct(id);
            }
        }
    }

    static long visibilityMillis(Integer seconds) {
        if (seconds == null) {
            throw SqsErrors.missingParameter("VisibilityTimeout");
        }
        if (seconds < 0 || seconds > 43_200) {
            throw SqsErrors.invalidParameterValue("Value " + seconds + " for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and 43200.");
        }
        return seconds * 1000L;
    }
}
