package io.eventharness.emulator.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.core.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A policy document, parsed once: its statements. {@link #parse} keeps the last thousand documents it parsed by their
 * text, so that a role's policies evaluated on every request are read once.
 *
 * <pre>{@code
 * PolicyDocument p = PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
 *         + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::photos/*\"}}");
 * }</pre>
 */
public final class PolicyDocument {
    private static final int CACHED = 1000;
    private static final Map<String, PolicyDocument> CACHE = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PolicyDocument> eldest) {
                    return size() > CACHED;
                }
            });

    private final String text;
    private final List<Statement> statements;

    private PolicyDocument(String text, List<Statement> statements) {
        this.text = text;
        this.statements = statements;
    }

    /**
     * The document of this text.
     *
     * @throws IllegalArgumentException when it is not a JSON object with a {@code Statement}
     */
    public static PolicyDocument parse(String text) {
        PolicyDocument cached = CACHE.get(text);
        if (cached != null) {
            return cached;
        }
        PolicyDocument d = read(text);
        CACHE.put(text, d);
        return d;
    }

    public String text() {
        return text;
    }

    public List<Statement> statements() {
        return statements;
    }

    private static PolicyDocument read(String text) {
        JsonNode root;
        try {
            root = Json.STRICT.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON policy document: " + e.getMessage());
        }
        if (root == null || !root.isObject() || !root.has("Statement")) {
            throw new IllegalArgumentException("a policy document is a JSON object with a Statement");
        }
        boolean variables = "2012-10-17".equals(root.path("Version").asText(null));
        List<Statement> out = new ArrayList<>();
        for (JsonNode s : each(root.get("Statement"))) {
            out.add(statement(s, variables));
        }
        return new PolicyDocument(text, List.copyOf(out));
    }

    private static Statement statement(JsonNode s, boolean variables) {
        boolean notAction = s.has("NotAction");
        boolean notResource = s.has("NotResource");
        List<String> resources = s.has("Resource") || notResource ? texts(s.get(notResource ? "NotResource" : "Resource")) : null;
        Statement.Principals principals = null;
        if (s.has("Principal") || s.has("NotPrincipal")) {
            boolean not = s.has("NotPrincipal");
            JsonNode p = s.get(not ? "NotPrincipal" : "Principal");
            boolean anyone = p.isTextual() && p.asText().equals("*") || texts(p.path("AWS")).contains("*");
            principals = new Statement.Principals(anyone, texts(p.path("AWS")), texts(p.path("Service")), not);
        }
        return new Statement(s.path("Sid").asText(null), s.path("Effect").asText().equals("Allow"),
                texts(s.get(notAction ? "NotAction" : "Action")), notAction, resources, notResource, principals,
                conditions(s.path("Condition"), variables), variables);
    }

    /** The conditions; null when an operator is unknown. */
    private static List<Condition> conditions(JsonNode block, boolean variables) {
        List<Condition> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> ops = block.fields();
        while (ops.hasNext()) {
            Map.Entry<String, JsonNode> op = ops.next();
            Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields();
            while (keys.hasNext()) {
                Map.Entry<String, JsonNode> k = keys.next();
                Condition c = Condition.of(op.getKey(), k.getKey(), texts(k.getValue()), variables);
                if (c == null) {
                    return null;
                }
                out.add(c);
            }
        }
        return List.copyOf(out);
    }

    private static List<JsonNode> each(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n == null || n.isMissingNode() || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(out::add);
        } else {
            out.add(n);
        }
        return out;
    }

    /** A string or an array of strings (numbers and booleans as their text). */
    private static List<String> texts(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : each(n)) {
            if (v.isValueNode()) {
                out.add(v.asText());
            }
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return text;
    }
}
