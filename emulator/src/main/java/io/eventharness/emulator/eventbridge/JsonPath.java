package io.eventharness.emulator.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSONPath subset EventBridge's {@code InputPath} and {@code InputPathsMap} use: {@code $}, then members
 * ({@code .detail.state}, {@code .detail-type}, {@code ['a b']}) and array indexes ({@code [0]}).
 */
record JsonPath(String text, List<Object> steps) {

    /** The path, or empty when it is not of that form. */
    static Optional<JsonPath> parse(String text) {
        if (text == null || !text.startsWith("$")) {
            return Optional.empty();
        }
        List<Object> steps = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                if (end == i + 1) {
                    return Optional.empty();
                }
                steps.add(text.substring(i + 1, end));
                i = end;
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    return Optional.empty();
                }
                String inner = text.substring(i + 1, close);
                if (inner.matches("[0-9]+")) {
                    steps.add(Integer.parseInt(inner));
                } else if (inner.length() >= 2 && (inner.startsWith("'") && inner.endsWith("'")
                        || inner.startsWith("\"") && inner.endsWith("\""))) {
                    steps.add(inner.substring(1, inner.length() - 1));
                } else {
                    return Optional.empty();
                }
                i = close + 1;
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new JsonPath(text, List.copyOf(steps)));
    }

    /** The value at this path; a missing node when there is none. */
    JsonNode select(JsonNode root) {
        JsonNode n = root;
        for (Object step : steps) {
            n = step instanceof Integer i ? n.path(i) : n.path((String) step);
            if (n.isMissingNode()) {
                return MissingNode.getInstance();
            }
        }
        return n;
    }
}
