package io.eventharness.emulator.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.emulator.core.Json;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.eventbridge.model.InputTransformer;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * What a target receives instead of the whole event: {@code Input} (fixed JSON), {@code InputPath} (a part of the
 * event) or {@code InputTransformer} (values picked by {@code InputPathsMap} put into {@code InputTemplate}), as the
 * <a href="https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html">EventBridge
 * guide</a> describes and AWS records it: a placeholder outside quotes becomes the value as JSON (a missing one
 * {@code ""}); inside quotes its text, objects and arrays without quotes ({@code {acc_id:0a78,sf_id:baz}},
 * {@code [HIGH]}); the predefined {@code <aws.events.rule-arn>}, {@code <aws.events.rule-name>},
 * {@code <aws.events.event.ingestion-time>}, {@code <aws.events.event>} and {@code <aws.events.event.json>}.
 */
record TargetInput(String input, JsonPath path, Map<String, JsonPath> paths, String template) {
    static final TargetInput WHOLE_EVENT = new TargetInput(null, null, null, null);
    private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z0-9_.\\-]+)>");
    private static final String[] PREDEFINED = {"aws.events.rule-arn", "aws.events.rule-name",
            "aws.events.event.ingestion-time", "aws.events.event", "aws.events.event.json"};

    /** What the rule hands a target's input: the event, and who matched it when. */
    record Context(ObjectNode event, String ruleArn, String ruleName, String ingestionTime) {
    }

    /** A target's input settings, checked as PutTargets checks them. */
    static TargetInput of(Target t) {
        int given = (t.input() != null ? 1 : 0) + (t.inputPath() != null ? 1 : 0) + (t.inputTransformer() != null ? 1 : 0);
        if (given > 1) {
            throw EventBridgeErrors.validation("Only one of Input, InputPath, or InputTransformer must be provided for target "
                    + t.id() + ".");
        }
        if (t.input() != null) {
            try {
                Json.STRICT.readTree(t.input());
            } catch (IOException e) {
                throw EventBridgeErrors.validation("Input for target " + t.id() + " is not valid JSON text.");
            }
            return new TargetInput(t.input(), null, null, null);
        }
        if (t.inputPath() != null) {
            return new TargetInput(null, path(t.inputPath(), "InputPath", t.id()), null, null);
        }
        if (t.inputTransformer() != null) {
            return transformer(t.id(), t.inputTransformer());
        }
        return WHOLE_EVENT;
    }

    private static TargetInput transformer(String id, InputTransformer tr) {
        if (tr.inputTemplate() == null) {
            throw EventBridgeErrors.constraint(null, "targets.member.inputTransformer.inputTemplate", "Member must not be null");
        }
        Map<String, JsonPath> paths = new LinkedHashMap<>();
        if (tr.hasInputPathsMap()) {
            if (tr.inputPathsMap().size() > 100) {
                throw EventBridgeErrors.validation("InputPathsMap for target " + id + " has more than 100 entries.");
            }
            tr.inputPathsMap().forEach((k, v) -> {
                if (k.startsWith("aws.")) {
                    throw EventBridgeErrors.validation("InputPathsMap for target " + id + " uses the reserved name " + k + ".");
                }
                paths.put(k, path(v, "InputPathsMap", id));
            });
        }
        Matcher m = PLACEHOLDER.matcher(tr.inputTemplate());
        while (m.find()) {
            String name = m.group(1);
            if (!paths.containsKey(name) && !predefined(name)) {
                throw EventBridgeErrors.validation("InputTemplate for target " + id + " contains invalid placeholder " + name + ".");
            }
        }
        return new TargetInput(null, null, Map.copyOf(paths), tr.inputTemplate());
    }

    private static JsonPath path(String text, String member, String id) {
        return JsonPath.parse(text).orElseThrow(() ->
                EventBridgeErrors.validation(member + " for target " + id + " is not a valid JSON path: " + text + "."));
    }

    private static boolean predefined(String name) {
        for (String p : PREDEFINED) {
            if (p.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The target's payload for this event; empty when {@code InputPath} selects nothing. */
    Optional<String> shape(Context c) {
        if (input != null) {
            return Optional.of(input);
        }
        if (path != null) {
            JsonNode v = path.select(c.event());
            return v.isMissingNode() ? Optional.empty() : Optional.of(v.toString());
        }
        if (template != null) {
            return Optional.of(render(c));
        }
        return Optional.of(c.event().toString());
    }

    private String render(Context c) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        String t = template;
        while (i < t.length()) {
            char ch = t.charAt(i);
            if (ch == '"' && (i == 0 || t.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (ch == '<') {
                Matcher m = PLACEHOLDER.matcher(t).region(i, t.length());
                if (m.lookingAt() && (paths.containsKey(m.group(1)) || predefined(m.group(1)))) {
                    JsonNode v = value(m.group(1), c);
                    out.append(quoted ? raw(v) : v.isMissingNode() ? "\"\"" : v.toString());
                    i = m.end();
                    continue;
                }
            }
            out.append(ch);
            i++;
        }
        return out.toString();
    }

    private JsonNode value(String name, Context c) {
        return switch (name) {
            case "aws.events.rule-arn" -> Json.MAPPER.getNodeFactory().textNode(c.ruleArn());
            case "aws.events.rule-name" -> Json.MAPPER.getNodeFactory().textNode(c.ruleName());
            case "aws.events.event.ingestion-time" -> Json.MAPPER.getNodeFactory().textNode(c.ingestionTime());
            case "aws.events.event.json" -> c.event();
            case "aws.events.event" -> withoutDetail(c.event());
            default -> paths.get(name).select(c.event());
        };
    }

    /** {@code <aws.events.event>}: the event's metadata without its detail, as AWS records it. */
    private static ObjectNode withoutDetail(ObjectNode e) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.set("id", e.get("id"));
        o.set("account", e.get("account"));
        o.set("detailType", e.get("detail-type"));
        o.set("time", e.get("time"));
        o.set("source", e.get("source"));
        o.set("region", e.get("region"));
        o.set("resources", e.get("resources"));
        o.set("version", e.get("version"));
        return o;
    }

    /** A value inside quotes: its text; objects and arrays without quotes; missing or null as nothing. */
    private static String raw(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return "";
        }
        if (v.isObject()) {
            StringBuilder b = new StringBuilder("{");
            Iterator<Map.Entry<String, JsonNode>> it = v.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                b.append(f.getKey()).append(':').append(raw(f.getValue()));
                if (it.hasNext()) {
                    b.append(',');
                }
            }
            return b.append('}').toString();
        }
        if (v.isArray()) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < v.size(); i++) {
                b.append(i > 0 ? "," : "").append(raw(v.get(i)));
            }
            return b.append(']').toString();
        }
        return v.asText();
    }
}
