package io.eventharness.emulator.sqs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;

/**
 * A received message as ReceiveMessage returns it: only the system attributes and message attributes
 * the request asked for ({@code All}, names, or {@code prefix.*}), with the MD5 of the returned ones.
 */
final class ReceivedMessages {
    private ReceivedMessages() {
    }

    static Message toModel(ReceivedMessage rc, Set<String> systemNames, List<String> attributeNames) {
        SqsMessage m = rc.message();
        boolean all = systemNames.contains("All");
        Map<String, String> sys = new LinkedHashMap<>();
        putIf(sys, all, systemNames, "SenderId", m.senderId());
        putIf(sys, all, systemNames, "SentTimestamp", String.valueOf(m.sentMillis()));
        putIf(sys, all, systemNames, "ApproximateReceiveCount", String.valueOf(rc.receiveCount()));
        putIf(sys, all, systemNames, "ApproximateFirstReceiveTimestamp", String.valueOf(rc.firstReceiveMillis()));
        if (m.groupId() != null) {
            putIf(sys, all, systemNames, "MessageGroupId", m.groupId());
            putIf(sys, all, systemNames, "MessageDeduplicationId", m.deduplicationId());
            putIf(sys, all, systemNames, "SequenceNumber", rc.sequenceNumber());
        }
        MessageSystemAttributeValue trace = m.systemAttributes().get("AWSTraceHeader");
        if (trace != null) {
            putIf(sys, all, systemNames, "AWSTraceHeader", trace.stringValue());
        }
        Map<String, MessageAttributeValue> attrs = new LinkedHashMap<>();
        for (Map.Entry<String, MessageAttributeValue> e : m.attributes().entrySet()) {
            if (wanted(e.getKey(), attributeNames)) {
                attrs.put(e.getKey(), e.getValue());
            }
        }
        return Message.builder()
                .messageId(m.messageId()).receiptHandle(rc.receiptHandle().text()).body(m.body()).md5OfBody(m.md5OfBody())
                .attributesWithStrings(sys)
                .messageAttributes(attrs.isEmpty() ? null : attrs)
                .md5OfMessageAttributes(attrs.isEmpty() ? null : MessageMd5.ofAttributes(attrs))
                .build();
    }

    private static void putIf(Map<String, String> out, boolean all, Set<String> names, String key, String value) {
        if (value != null && (all || names.contains(key))) {
            out.put(key, value);
        }
    }

    private static boolean wanted(String name, List<String> patterns) {
        for (String p : patterns) {
            if (p.equals("All") || p.equals(".*") || p.equals(name)
                    || (p.endsWith(".*") && name.startsWith(p.substring(0, p.length() - 1)))) {
                return true;
            }
        }
        return false;
    }
}
