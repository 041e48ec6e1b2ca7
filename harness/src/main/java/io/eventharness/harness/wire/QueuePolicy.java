package io.eventharness.harness.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A queue's access policy, merged rather than replaced: {@code SetQueueAttributes(Policy)} replaces the
 * whole document, so wiring a second topic or bucket to a queue must keep the statements that let the
 * first one send. A statement is identified by its {@code Sid} (one per sender), so wiring the same
 * sender twice changes nothing.
 *
 * <pre>{@code
 * String merged = QueuePolicy.allowSend(currentPolicyOrNull, queueArn, "sns.amazonaws.com", topicArn);
 * }</pre>
 */
public final class QueuePolicy {
    private static final ObjectMapper JSON = new ObjectMapper();

    private QueuePolicy() {
    }

    /** {@code current} (may be null or empty) plus a statement letting {@code principal} send from {@code sourceArn}. */
    public static String allowSend(String current, String queueArn, String principal, String sourceArn) {
        ObjectNode doc;
        try {
            doc = current == null || current.isBlank() ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(current);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("the queue " + queueArn + " has a policy that is not a JSON object: " + current, e);
        }
        doc.put("Version", "2012-10-17");
        JsonNode existing = doc.get("Statement");
        ArrayNode statements = JSON.createArrayNode();
        if (existing != null && existing.isArray()) {
            statements.addAll((ArrayNode) existing);
        } else if (existing != null && existing.isObject()) {
            statements.add(existing); // a single statement may be written without the array
        }
        String sid = sid(principal, sourceArn);
        for (JsonNode s : statements) {
            if (sid.equals(s.path("Sid").asText())) {
                return write(doc.set("Statement", statements));
            }
        }
        ObjectNode s = statements.addObject();
        s.put("Sid", sid);
        s.put("Effect", "Allow");
        s.putObject("Principal").put("Service", principal);
        s.put("Action", "sqs:SendMessage");
        s.put("Resource", queueArn);
        s.putObject("Condition").putObject("ArnEquals").put("aws:SourceArn", sourceArn);
        return write(doc.set("Statement", statements));
    }

    /** The statement id of one sender: service and a hash of the source ARN (Sids allow only letters and digits). */
    static String sid(String principal, String sourceArn) {
        String service = principal.substring(0, principal.indexOf('.'));
        return "eventharness" + service + Integer.toHexString(sourceArn.hashCode());
    }

    private static String write(JsonNode doc) {
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
