package io.eventharness.emulator.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.eventharness.emulator.core.Json;
import io.eventharness.emulator.sns.FilterCondition.Exists;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * A subscription's filter policy, validated as SNS validates it and compiled for matching.
 *
 * <p>Keys are ANDed, the values of a key's array are ORed, {@code $or} splits the policy into
 * alternatives. With scope {@code MessageAttributes} keys name message attributes (String, Number and
 * String.Array; Binary attributes are ignored); with {@code MessageBody} keys may nest and follow the
 * JSON body, arrays in the body matching when any element does. Validation: {@link FilterPolicyCompiler}.
 */
final class FilterPolicy {
    static final String ATTRIBUTES = "MessageAttributes";
    static final String BODY = "MessageBody";

    /** Numbers are parsed exactly, so that 0.1 in a policy equals 0.1 in a message. */
    private static final ObjectReader JSON = Json.EXACT_NUMBERS;

    /** {@code path} must satisfy one of {@code conditions}. */
    record Clause(String path, List<FilterCondition> conditions) {
    }

    /** Alternatives ($or); a message matches when every clause of one alternative holds. */
    private final List<List<Clause>> alternatives;

    private FilterPolicy(List<List<Clause>> alternatives) {
        this.alternatives = alternatives;
    }

    /**
     * Validates and compiles; errors are InvalidParameter with {@code errorPrefix} ("Invalid parameter: "
     * for SetSubscriptionAttributes, "Invalid parameter: Attributes Reason: " for Subscribe).
     */
    static FilterPolicy compile(String json, String scope, String errorPrefix) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw SnsErrors.invalidParameter(errorPrefix + "FilterPolicy: failed to parse JSON. " + e.getOriginalMessage());
        }
        return new FilterPolicy(new FilterPolicyCompiler(scope, errorPrefix).compile(root));
    }

    /** Whether the values of the message (see {@link #attributeValues}, {@link #bodyValues}) match. */
    boolean matches(Map<String, List<JsonNode>> values) {
        if (values == null) {
            return alternatives.stream().allMatch(List::isEmpty);
        }
        for (List<Clause> alt : alternatives) {
            boolean all = true;
            for (Clause cl : alt) {
                if (!satisfied(cl, values.getOrDefault(cl.path, List.of()))) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean satisfied(Clause cl, List<JsonNode> present) {
        for (FilterCondition c : cl.conditions) {
            if (present.isEmpty()) {
                if (c instanceof Exists e && !e.exists()) {
                    return true;
                }
                continue;
            }
            for (JsonNode v : present) {
                if (c.test(v)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The filterable values of message attributes: String, Number (as numbers) and String.Array elements. */
    static Map<String, List<JsonNode>> attributeValues(Map<String, MessageAttributeValue> attributes) {
        Map<String, List<JsonNode>> out = new HashMap<>();
        attributes.forEach((name, a) -> {
            String type = a.dataType();
            String s = a.stringValue();
            if (type == null || s == null || type.startsWith("Binary")) {
                return; // SNS ignores Binary attributes when filtering
            }
            List<JsonNode> vs = new ArrayList<>();
            if (type.equals("String.Array")) {
                JsonNode arr = readOrNull(s);
                if (arr != null && arr.isArray()) {
                    arr.forEach(vs::add);
                } else {
                    vs.add(TextNode.valueOf(s));
                }
            } else if (type.startsWith("Number")) {
                try {
                    vs.add(DecimalNode.valueOf(new BigDecimal(s.trim())));
                } catch (NumberFormatException e) {
                    vs.add(TextNode.valueOf(s));
                }
            } else {
                vs.add(TextNode.valueOf(s));
            }
            out.put(name, vs);
        });
        return out;
    }

    /** The leaf values of a JSON object body by dotted path ({@code a.b}); null when the body is not an object. */
    static Map<String, List<JsonNode>> bodyValues(String body) {
        JsonNode root = readOrNull(body);
        if (root == null || !root.isObject()) {
            return null;
        }
        Map<String, List<JsonNode>> out = new HashMap<>();
        flatten(root, null, out);
        return out;
    }

    private static void flatten(JsonNode n, String path, Map<String, List<JsonNode>> out) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(e.getValue(), path == null ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else if (n.isArray()) {
            n.forEach(e -> flatten(e, path, out));
        } else if (path != null) {
            out.computeIfAbsent(path, k -> new ArrayList<>()).add(n);
        }
    }

    private static JsonNode readOrNull(String s) {
        try {
            return JSON.readTree(s);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
