package io.eventharness.harness.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A queue's or a topic's access policy, merged rather than replaced: {@code SetQueueAttributes(Policy)} and
 * {@code SetTopicAttributes(Policy)} replace the whole document, so wiring a second topic or bucket to a queue must
 * keep the statements that let the first one send (and a topic keeps its default statement). A statement is
 * identified by its {@code Sid} (one per sender and action), so wiring the same sender twice changes nothing.
 *
 * <pre>{@code
 * String queuePolicy = ResourcePolicies.allowSend(currentOrNull, queueArn, "sns.amazonaws.com", topicArn);
 * String topicPolicy = ResourcePolicies.allowPublish(currentOrNull, topicArn, "s3.amazonaws.com", "arn:aws:s3:::uploads");
 * }</pre>
 */
public final class ResourcePolicies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResourcePolicies() {
    }

    /** A queue's policy {@code current} (may be null or empty) plus a statement letting {@code principal} send from {@code sourceArn}. */
    public static String allowSend(String current, String queueArn, String principal, String sourceArn) {
        return allow(current, queueArn, principal, "sqs:SendMessage", sourceArn);
    }

    /** A topic's policy {@code current} (may be null or empty) plus a statement letting {@code principal} publish for {@code sourceArn}. */
    public static String allowPublish(String current, String topicArn, String principal, String sourceArn) {
        return allow(current, topicArn, principal, "sns:Publish", sourceArn);
    }

    private static String allow(String current, String resourceArn, String principal, String action, String sourceArn) {
        ObjectNode doc;
        try {
            doc = current == null || current.isBlank() ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(current);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException(resourceArn + " has a policy that is not a JSON object: " + current, e);
        }
        if (!doc.has("Version")) {
            doc.put("Version", "2012-10-17");
        }
        JsonNode existing = doc.get("Statement");
        ArrayNode statements = JSON.createArrayNode();
        if (existing != null && existing.isArray()) {
            statements.addAll((ArrayNode) existing);
        } else if (existing != null && existing.isObject()) {
            statements.add(existing); // a single statement may be written without the array
        }
        String sid = sid(principal, action, sourceArn);
        for (JsonNode s : statements) {
            if (sid.equals(s.path("Sid").asText())) {
                return write(doc.set("Statement", statements));
            }
        }
        ObjectNode s = statements.addObject();
        s.put("Sid", sid);
        s.put("Effect", "Allow");
        s.putObject("Principal").put("Service", principal);
        s.put("Action", action);
        s.put("Resource", resourceArn);
        s.putObject("Condition").putObject("ArnEquals").put("aws:SourceArn", sourceArn);
        return write(doc.set("Statement", statements));
    }

    /**
     * The statement id of one sender: service, action and a hash of the source ARN (Sids allow only letters and
     * digits).
     */
    static String sid(String principal, String action, String sourceArn) {
        String service = principal.substring(0, principal.indexOf('.'));
        String verb = action.substring(action.indexOf(':') + 1).toLowerCase(java.util.Locale.ROOT);
        return "eventharness" + service + verb + Integer.toHexString(sourceArn.hashCode());
    }

    private static String write(JsonNode doc) {
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
