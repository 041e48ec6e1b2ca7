package io.eventharness.emulator.policy;

import java.util.List;

/**
 * Policy variables ("IAM policy elements: Variables and tags"): {@code ${aws:username}} and any other context key
 * in a {@code Resource} or a condition's value, replaced by the request's value; {@code ${aws:username, 'nobody'}}
 * with a default for a key the request does not have; {@code ${*}}, {@code ${?}} and {@code ${$}} for the literal
 * characters. Only documents of version {@code 2012-10-17} have variables; in older ones {@code ${…}} is text.
 */
final class PolicyVariables {
    private PolicyVariables() {
    }

    /** In a pattern: a literal {@code *} (from {@code ${*}} or a substituted value), which {@link Wildcards} matches as itself. */
    static final char LITERAL_STAR = '\uE000';
    /** In a pattern: a literal {@code ?}. */
    static final char LITERAL_QUESTION = '\uE001';

    /**
     * The text with its variables replaced; in a {@code pattern} what they put in stays literal (a {@code *} in a
     * user's name, {@code ${*}}) rather than becoming a wildcard. Null when a variable names a key the request does not have and gives
     * no default (the element then matches nothing, as in IAM).
     */
    static String resolve(String text, AccessRequest request, boolean pattern) {
        int start = text.indexOf("${");
        if (start < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int from = 0;
        while (start >= 0) {
            int end = text.indexOf('}', start);
            if (end < 0) {
                break;
            }
            out.append(text, from, start);
            String value = value(text.substring(start + 2, end).trim(), request);
            if (value == null) {
                return null;
            }
            out.append(pattern ? value.replace('*', LITERAL_STAR).replace('?', LITERAL_QUESTION) : value);
            from = end + 1;
            start = text.indexOf("${", from);
        }
        return out.append(text, from, text.length()).toString();
    }

    private static String value(String variable, AccessRequest request) {
        switch (variable) {
            case "*", "?", "$" -> {
                return variable;
            }
            default -> {
                String key = variable;
                String dflt = null;
                int comma = variable.indexOf(',');
                if (comma >= 0) {
                    key = variable.substring(0, comma).trim();
                    String d = variable.substring(comma + 1).trim();
                    if (d.length() >= 2 && d.startsWith("'") && d.endsWith("'")) {
                        dflt = d.substring(1, d.length() - 1);
                    }
                }
                List<String> values = request.values(key);
                return values == null || values.isEmpty() ? dflt : values.get(0);
            }
        }
    }
}
