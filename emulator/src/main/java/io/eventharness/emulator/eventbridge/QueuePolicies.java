package io.eventharness.emulator.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.core.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a queue's access policy lets EventBridge send to it, as AWS requires of an SQS target and a dead-letter
 * queue (<a href="https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sqs-permissions">resource-based
 * policies for SQS</a>): an {@code Allow} statement for principal {@code events.amazonaws.com} (or {@code *}),
 * action {@code sqs:SendMessage} (or {@code sqs:*}, {@code *}), the queue's ARN (wildcards allowed), and conditions
 * on {@code aws:SourceArn} / {@code aws:SourceAccount} ({@code ArnEquals}, {@code ArnLike}, {@code StringEquals},
 * {@code StringLike}) that hold; no {@code Deny} statement that matches. A statement with another condition does not
 * apply. No policy allows nothing.
 */
final class QueuePolicies {
    private QueuePolicies() {
    }

    static boolean allows(String policy, String queueArn, String principal, String sourceArn, String sourceAccount) {
        if (policy == null || policy.isBlank()) {
            return false;
        }
        JsonNode doc;
        try {
            doc = Json.MAPPER.readTree(policy);
        } catch (Exception e) {
            return false;
        }
        boolean allowed = false;
        for (JsonNode s : list(doc.path("Statement"))) {
            if (!applies(s, queueArn, principal, sourceArn, sourceAccount)) {
                continue;
            }
            if (s.path("Effect").asText().equals("Deny")) {
                return false;
            }
            allowed |= s.path("Effect").asText().equals("Allow");
        }
        return allowed;
    }

    private static boolean applies(JsonNode s, String queueArn, String principal, String sourceArn, String sourceAccount) {
        JsonNode p = s.path("Principal");
        boolean principalMatches = p.isTextual() ? p.asText().equals("*")
                : texts(p.path("Service")).contains(principal) || texts(p.path("AWS")).contains("*");
        boolean actionMatches = texts(s.path("Action")).stream().map(a -> a.toLowerCase(Locale.ROOT))
                .anyMatch(a -> a.equals("*") || a.equals("sqs:*") || a.equals("sqs:sendmessage"));
        boolean resourceMatches = s.path("Resource").isMissingNode()
                || texts(s.path("Resource")).stream().anyMatch(r -> like(r, queueArn));
        return principalMatches && actionMatches && resourceMatches && conditionsHold(s.path("Condition"), sourceArn, sourceAccount);
    }

    private static boolean conditionsHold(JsonNode conditions, String sourceArn, String sourceAccount) {
        Iterator<Map.Entry<String, JsonNode>> ops = conditions.fields();
        while (ops.hasNext()) {
            Map.Entry<String, JsonNode> op = ops.next();
            boolean pattern = op.getKey().endsWith("Like");
            if (!List.of("ArnEquals", "ArnLike", "StringEquals", "StringLike").contains(op.getKey())) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields();
            while (keys.hasNext()) {
                Map.Entry<String, JsonNode> k = keys.next();
                String actual = switch (k.getKey().toLowerCase(Locale.ROOT)) {
                    case "aws:sourcearn" -> sourceArn;
                    case "aws:sourceaccount" -> sourceAccount;
                    default -> null;
                };
                if (actual == null || texts(k.getValue()).stream().noneMatch(v -> pattern ? like(v, actual) : v.equals(actual))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<String> texts(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : list(n)) {
            if (v.isTextual()) {
                out.add(v.asText());
            }
        }
        return out;
    }

    private static List<JsonNode> list(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(out::add);
        } else if (!n.isMissingNode() && !n.isNull()) {
            out.add(n);
        }
        return out;
    }

    /** IAM's {@code *} and {@code ?} wildcards. */
    static boolean like(String pattern, String value) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            re.append(c == '*' ? ".*" : c == '?' ? "." : java.util.regex.Pattern.quote(String.valueOf(c)));
        }
        return value.matches(re.toString());
    }
}
