package io.eventharness.emulator.sns;

import io.eventharness.emulator.delivery.Message;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Message attributes of Publish: SNS's checks ("Amazon SNS message attributes" in the developer
 * guide) and their forms downstream — {@code {Type, Value}} in envelopes, SQS message attributes in raw
 * delivery.
 */
final class SnsMessageAttributes {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern TYPE = Pattern.compile("(String|Number|Binary)(\\..+)?");

    private SnsMessageAttributes() {
    }

    /**
     * ParameterValueInvalid for the first attribute SNS refuses; {@code entry} is the PublishBatch entry
     * position (1-based) or 0 for Publish.
     */
    static void validate(Map<String, MessageAttributeValue> attributes, int entry) {
        for (Map.Entry<String, MessageAttributeValue> e : attributes.entrySet()) {
            String name = e.getKey();
            MessageAttributeValue v = e.getValue();
            checkName(name);
            String type = v.dataType();
            if (type == null) {
                String at = entry > 0 ? "publishBatchRequestEntries." + entry + ".member.messageAttributes." + name + ".member.dataType"
                        : "messageAttributes." + name + ".member.dataType";
                throw SnsErrors.missing(at);
            }
            if (!TYPE.matcher(type).matches()) {
                throw SnsErrors.parameterValueInvalid("The message attribute '" + name
                        + "' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.");
            }
            boolean binary = type.startsWith("Binary");
            boolean hasString = v.stringValue() != null;
            boolean hasBinary = v.binaryValue() != null;
            if (!hasString && !hasBinary) {
                throw SnsErrors.parameterValueInvalid("The message attribute '" + name
                        + "' must contain non-empty message attribute value for message attribute type '" + type + "'.");
            }
            if (binary ? !hasBinary : !hasString) {
                throw SnsErrors.parameterValueInvalid("The message attribute '" + name + "' with type '" + type
                        + "' must use field '" + (binary ? "Binary" : "String") + "'.");
            }
            if (binary ? v.binaryValue().asByteArrayUnsafe().length == 0 : v.stringValue().isEmpty()) {
                throw SnsErrors.parameterValueInvalid("The message attribute '" + name
                        + "' must contain non-empty message attribute value for message attribute type '" + type + "'.");
            }
            if (type.startsWith("Number")) {
                checkNumber(name, v.stringValue());
            }
        }
    }

    private static void checkName(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length > 256) {
            throw SnsErrors.parameterValueInvalid("Length of message attribute name must be less than 256 bytes.");
        }
        if (name.startsWith(".")) {
            throw SnsErrors.parameterValueInvalid("Invalid message attribute name starting with character '.' was found.");
        }
        if (name.endsWith(".")) {
            throw SnsErrors.parameterValueInvalid("Invalid message attribute name ending with character '.' was found.");
        }
        if (!NAME.matcher(name).matches()) {
            for (char c : name.toCharArray()) {
                if (!NAME.matcher(String.valueOf(c)).matches()) {
                    throw SnsErrors.parameterValueInvalid("Invalid non-alphanumeric character '#x" + Integer.toHexString(c).toUpperCase()
                            + "' was found in the message attribute name. Can only include alphanumeric characters, hyphens, underscores, or dots.");
                }
            }
        }
        if (name.contains("..")) {
            throw SnsErrors.parameterValueInvalid("Message attribute name can not have successive '.' character.");
        }
    }

    /** Numbers: up to 38 significant digits, between 10^-128 and 10^126 in magnitude (SQS's and SNS's rule). */
    private static void checkNumber(String name, String value) {
        try {
            BigDecimal d = new BigDecimal(value.trim());
            if (d.signum() != 0 && (d.precision() > 38 || d.abs().compareTo(new BigDecimal("1e126")) > 0
                    || d.abs().compareTo(new BigDecimal("1e-128")) < 0)) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw SnsErrors.parameterValueInvalid("Could not cast message attribute '" + name + "' value to number.");
        }
    }

    /** What counts towards the 256 KiB limit: the message plus every attribute's name, type and value. */
    static long size(String message, Map<String, MessageAttributeValue> attributes) {
        long size = message == null ? 0 : message.getBytes(StandardCharsets.UTF_8).length;
        for (Map.Entry<String, MessageAttributeValue> e : attributes.entrySet()) {
            MessageAttributeValue v = e.getValue();
            size += e.getKey().getBytes(StandardCharsets.UTF_8).length;
            size += v.dataType() == null ? 0 : v.dataType().getBytes(StandardCharsets.UTF_8).length;
            size += v.stringValue() == null ? 0 : v.stringValue().getBytes(StandardCharsets.UTF_8).length;
            size += v.binaryValue() == null ? 0 : v.binaryValue().asByteArrayUnsafe().length;
        }
        return size;
    }

    /** The attributes as SQS message attributes, for raw delivery (String.Array stays a custom String type). */
    static Map<String, Message.Attribute> toDelivery(Map<String, MessageAttributeValue> attributes) {
        Map<String, Message.Attribute> out = new LinkedHashMap<>();
        attributes.forEach((k, v) -> out.put(k, new Message.Attribute(v.dataType(), v.stringValue(),
                v.binaryValue() == null ? null : v.binaryValue().asByteArray())));
        return out;
    }

    /** The {@code Value} of an attribute in an envelope: the string, or Binary as base64. */
    static String envelopeValue(MessageAttributeValue v) {
        return v.binaryValue() != null && v.dataType().startsWith("Binary")
                ? Base64.getEncoder().encodeToString(v.binaryValue().asByteArrayUnsafe()) : v.stringValue();
    }
}
