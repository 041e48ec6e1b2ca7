package io.eventharness.emulator.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.emulator.core.Account;
import io.eventharness.emulator.core.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The attributes of a topic: which may be set, their checks, and the values SNS computes
 * (API reference: SetTopicAttributes, GetTopicAttributes; "Amazon SNS message delivery status").
 */
final class TopicAttributes {
    private static final ObjectMapper JSON = Json.MAPPER;
    private static final Set<String> FEEDBACK = Set.of("Application", "HTTP", "Firehose", "Lambda", "SQS");
    private static final Set<String> FIFO_ONLY = Set.of("ContentBasedDeduplication", "FifoThroughputScope", "ArchivePolicy");
    private static final Set<String> PLAIN = Set.of("DeliveryPolicy", "DisplayName", "Policy", "TracingConfig",
            "KmsMasterKeyId", "SignatureVersion");

    /** What SNS answers for a topic without a DeliveryPolicy. */
    static final String DEFAULT_EFFECTIVE_DELIVERY_POLICY = "{\"http\":{\"defaultHealthyRetryPolicy\":{\"minDelayTarget\":20,"
            + "\"maxDelayTarget\":20,\"numRetries\":3,\"numMaxDelayRetries\":0,\"numNoDelayRetries\":0,\"numMinDelayRetries\":0,"
            + "\"backoffFunction\":\"linear\"},\"disableSubscriptionOverrides\":false,"
            + "\"defaultRequestPolicy\":{\"headerContentType\":\"text/plain; charset=UTF-8\"}}}";

    private TopicAttributes() {
    }

    /** Whether {@code name} may be set on a topic of that kind (FifoTopic only at creation). */
    static boolean settable(String name, boolean fifo) {
        if (PLAIN.contains(name)) {
            return true;
        }
        if (FIFO_ONLY.contains(name)) {
            return fifo;
        }
        for (String p : FEEDBACK) {
            if (name.equals(p + "SuccessFeedbackRoleArn") || name.equals(p + "FailureFeedbackRoleArn")
                    || name.equals(p + "SuccessFeedbackSampleRate")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The attributes of CreateTopic, checked; {@code fifo} tells whether FifoTopic=true was given.
     * Errors read "Invalid parameter: Attributes Reason: …".
     */
    static Map<String, String> forCreate(Map<String, String> given, boolean fifo) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : given.entrySet()) {
            String name = e.getKey();
            if (name.equals("FifoTopic")) {
                continue;
            }
            if (!settable(name, fifo)) {
                throw SnsErrors.invalidParameter("Invalid parameter: Attributes Reason: Unknown attribute " + name);
            }
            out.put(name, check(name, e.getValue(), "Invalid parameter: Attributes Reason: "));
        }
        return out;
    }

    /** A SetTopicAttributes value, checked and normalized; an empty value removes the attribute. */
    static String forSet(String name, String value, boolean fifo) {
        if (name == null) {
            throw SnsErrors.missing("attributeName");
        }
        if (!settable(name, fifo)) {
            throw SnsErrors.invalidParameter("Invalid parameter: AttributeName");
        }
        return value == null || value.isEmpty() ? "" : check(name, value, "Invalid parameter: ");
    }

    private static String check(String name, String value, String prefix) {
        String v = value == null ? "" : value;
        switch (name) {
            case "DisplayName" -> {
                if (v.length() > 100) {
                    throw SnsErrors.invalidParameter(prefix + "DisplayName: must be at most 100 characters");
                }
            }
            case "Policy", "DeliveryPolicy", "ArchivePolicy" -> {
                if (!v.isEmpty() && !isJsonObject(v)) {
                    throw SnsErrors.invalidParameter(prefix + name + ": failed to parse JSON.");
                }
            }
            case "TracingConfig" -> oneOf(prefix, name, v, "PassThrough", "Active");
            case "SignatureVersion" -> oneOf(prefix, name, v, "1", "2");
            case "FifoThroughputScope" -> oneOf(prefix, name, v, "Topic", "MessageGroup");
            case "ContentBasedDeduplication" -> {
                oneOf(prefix, name, v.toLowerCase(java.util.Locale.ROOT), "true", "false");
                return v.toLowerCase(java.util.Locale.ROOT);
            }
            default -> {
                if (name.endsWith("SampleRate") && !v.matches("\\d{1,3}") || name.endsWith("SampleRate") && Integer.parseInt(v) > 100) {
                    throw SnsErrors.invalidParameter(prefix + name + ": must be an integer from 0 to 100");
                }
            }
        }
        return v;
    }

    private static void oneOf(String prefix, String name, String v, String a, String b) {
        if (!v.equals(a) && !v.equals(b)) {
            throw SnsErrors.invalidParameter(prefix + name + ": Invalid value [" + v + "]. Must be " + a + " or " + b + ".");
        }
    }

    static boolean isJsonObject(String s) {
        try {
            JsonNode n = JSON.readTree(s);
            return n != null && n.isObject();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The default access policy: the owner may do everything with the topic. */
    static String defaultPolicy(String topicArn) {
        return "{\"Version\":\"2008-10-17\",\"Id\":\"__default_policy_ID\",\"Statement\":[{\"Sid\":\"__default_statement_ID\","
                + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":[\"SNS:GetTopicAttributes\","
                + "\"SNS:SetTopicAttributes\",\"SNS:AddPermission\",\"SNS:RemovePermission\",\"SNS:DeleteTopic\","
                + "\"SNS:Subscribe\",\"SNS:ListSubscriptionsByTopic\",\"SNS:Publish\"],\"Resource\":\"" + topicArn + "\","
                + "\"Condition\":{\"StringEquals\":{\"AWS:SourceOwner\":\"" + Account.ID + "\"}}}]}";
    }

    /** The topic's DeliveryPolicy laid over the defaults, section by section. */
    static String effectiveDeliveryPolicy(String deliveryPolicy) {
        if (deliveryPolicy == null || deliveryPolicy.isEmpty()) {
            return DEFAULT_EFFECTIVE_DELIVERY_POLICY;
        }
        try {
            ObjectNode effective = (ObjectNode) JSON.readTree(DEFAULT_EFFECTIVE_DELIVERY_POLICY);
            JsonNode given = JSON.readTree(deliveryPolicy);
            given.fields().forEachRemaining(protocol -> {
                JsonNode base = effective.get(protocol.getKey());
                if (base instanceof ObjectNode b && protocol.getValue().isObject()) {
                    protocol.getValue().fields().forEachRemaining(f -> b.set(f.getKey(), f.getValue()));
                } else {
                    effective.set(protocol.getKey(), protocol.getValue());
                }
            });
            return JSON.writeValueAsString(effective);
        } catch (java.io.IOException e) {
            return DEFAULT_EFFECTIVE_DELIVERY_POLICY;
        }
    }
}
