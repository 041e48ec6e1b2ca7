package io.eventharness.emulator.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.core.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Queue attributes: their defaults, and AWS's validation of the settable ones
 * (<a href="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html">SetQueueAttributes</a>).
 */
final class SqsAttributes {
    private static final ObjectMapper JSON = Json.MAPPER;

    static final Set<String> SETTABLE = Set.of("DelaySeconds", "MaximumMessageSize", "MessageRetentionPeriod",
            "ReceiveMessageWaitTimeSeconds", "VisibilityTimeout", "RedrivePolicy", "RedriveAllowPolicy", "Policy",
            "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled", "ContentBasedDeduplication",
            "DeduplicationScope", "FifoThroughputLimit", "FifoQueue");
    static final Set<String> COMPUTED = Set.of("QueueArn", "ApproximateNumberOfMessages",
            "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed", "CreatedTimestamp",
            "LastModifiedTimestamp");
    private static final Set<String> FIFO_ONLY = Set.of("ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit");

    private SqsAttributes() {
    }

    /** The attributes a new queue starts with. */
    static Map<String, String> defaults(boolean fifo) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("VisibilityTimeout", "30");
        // API_SetQueueAttributes: 1,024 bytes to 1 MiB, default 1 MiB (raised from 256 KiB in August 2025).
        a.put("MaximumMessageSize", "1048576");
        a.put("MessageRetentionPeriod", "345600");
        a.put("DelaySeconds", "0");
        a.put("ReceiveMessageWaitTimeSeconds", "0");
        a.put("SqsManagedSseEnabled", "true");
        if (fifo) {
            a.put("FifoQueue", "true");
            a.put("ContentBasedDeduplication", "false");
            a.put("DeduplicationScope", "queue");
            a.put("FifoThroughputLimit", "perQueue");
        }
        return a;
    }

    /** Validates {@code given} for a queue of that kind; returns them normalised. */
    static Map<String, String> validate(Map<String, String> given, boolean fifo, boolean creating) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : given.entrySet()) {
            String k = e.getKey();
            String v = e.getValue() == null ? "" : e.getValue();
            if (!SETTABLE.contains(k)) {
                throw SqsErrors.invalidAttributeName(k);
            }
            switch (k) {
                case "DelaySeconds" -> range(k, v, 0, 900);
                case "MaximumMessageSize" -> range(k, v, 1024, 1_048_576);
                case "MessageRetentionPeriod" -> range(k, v, 60, 1_209_600);
                case "ReceiveMessageWaitTimeSeconds" -> range(k, v, 0, 20);
                case "VisibilityTimeout" -> range(k, v, 0, 43_200);
                case "KmsDataKeyReusePeriodSeconds" -> range(k, v, 60, 86_400);
                case "SqsManagedSseEnabled", "ContentBasedDeduplication" -> bool(k, v);
                case "FifoQueue" -> {
                    bool(k, v);
                    if (!creating) {
                        throw SqsErrors.invalidAttributeName(k);
                    }
                    if (Boolean.parseBoolean(v) != fifo) {
                        throw SqsErrors.invalidParameterValue(fifo
                                ? "Value false for parameter FifoQueue is invalid. Reason: a queue named .fifo must be a FIFO queue."
                                : "The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.");
                    }
                }
                case "DeduplicationScope" -> oneOf(k, v, "messageGroup", "queue");
                case "FifoThroughputLimit" -> oneOf(k, v, "perQueue", "perMessageGroupId");
                case "RedrivePolicy" -> {
                    if (!v.isEmpty()) {
                        v = RedrivePolicy.normalise(v);
                    }
                }
                case "Policy", "RedriveAllowPolicy" -> {
                    if (!v.isEmpty()) {
                        json(k, v);
                    }
                }
                default -> {
                }
            }
            if (FIFO_ONLY.contains(k) && !fifo) {
                throw SqsErrors.invalidAttributeName(k);
            }
            out.put(k, v);
        }
        return out;
    }

    private static JsonNode json(String k, String v) {
        try {
            JsonNode n = JSON.readTree(v);
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException();
            }
            return n;
        } catch (Exception e) {
            throw SqsErrors.invalidParameterValue("Invalid value for the parameter " + k + ".");
        }
    }

    private static void range(String k, String v, int min, int max) {
        try {
            int i = Integer.parseInt(v.trim());
            if (i >= min && i <= max) {
                return;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the error
        }
        throw SqsErrors.invalidAttributeValue("Invalid value for the parameter " + k + ".");
    }

    private static void bool(String k, String v) {
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw SqsErrors.invalidAttributeValue("Invalid value for the parameter " + k + ".");
        }
    }

    private static void oneOf(String k, String v, String... allowed) {
        for (String a : allowed) {
            if (a.equals(v)) {
                return;
            }
        }
        throw SqsErrors.invalidAttributeValue("Invalid value for the parameter " + k + ".");
    }
}
