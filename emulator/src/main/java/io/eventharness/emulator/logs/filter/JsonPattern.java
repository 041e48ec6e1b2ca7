package io.eventharness.emulator.logs.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.core.Json;
import io.eventharness.emulator.logs.filter.PatternLexer.Kind;
import io.eventharness.emulator.logs.filter.PatternLexer.Token;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON pattern ("Using filter patterns to match terms in JSON log events"):
 * {@code { <condition> }} where conditions on selectors ({@code $.a.b}, {@code $.a[0]}, {@code $.a[*]})
 * combine with {@code &&}, {@code ||} (weaker) and parentheses. Only events whose whole message is a
 * JSON object or array can match.
 */
final class JsonPattern implements FilterPattern {
    private static final ObjectMapper JSON = Json.MAPPER;

    private interface Condition {
        boolean test(JsonNode root);
    }

    private final Condition condition;

    private JsonPattern(Condition condition) {
        this.condition = condition;
    }

    static JsonPattern parse(String p) {
        PatternLexer lx = new PatternLexer(p);
        lx.expect(Kind.LBRACE, "'{'");
        Condition c = or(lx);
        lx.expect(Kind.RBRACE, "'}'");
        lx.expect(Kind.END, "the end of the pattern");
        return new JsonPattern(c);
    }

    @Override
    public boolean matches(String message) {
        String m = message.trim();
        if (m.isEmpty() || m.charAt(0) != '{' && m.charAt(0) != '[') {
            return false;
        }
        try {
            return condition.test(JSON.readTree(m));
        } catch (IOException e) {
            return false;
        }
    }

    private static Condition or(PatternLexer lx) {
        Condition left = and(lx);
        while (lx.peek().is(Kind.OR)) {
            lx.take();
            Condition a = left;
            Condition b = and(lx);
            left = root -> a.test(root) || b.test(root);
        }
        return left;
    }

    private static Condition and(PatternLexer lx) {
        Condition left = primary(lx);
        while (lx.peek().is(Kind.AND)) {
            lx.take();
            Condition a = left;
            Condition b = primary(lx);
            left = root -> a.test(root) && b.test(root);
        }
        return left;
    }

    private static Condition primary(PatternLexer lx) {
        if (lx.peek().is(Kind.LPAREN)) {
            lx.take();
            Condition c = or(lx);
            lx.expect(Kind.RPAREN, "')'");
            return c;
        }
        Token sel = lx.take();
        if (!sel.is(Kind.WORD) || !sel.text().startsWith("$")) {
            throw new FilterPatternException("Invalid filter pattern: expected a selector such as $.field but found '" + sel.text() + "'");
        }
        Selector selector = Selector.parse(sel.text());
        Token t = lx.take();
        if (t.is(Kind.OP)) {
            Comparison cmp = Comparison.of(t.text(), lx.take());
            return root -> {
                for (JsonNode v : selector.resolve(root)) {
                    if (!v.isContainerNode() && cmp.test(v.isTextual() ? v.textValue() : v.asText(),
                            v.isNumber() ? v.doubleValue() : null)) {
                        return true;
                    }
                }
                return false;
            };
        }
        if (t.isWord("IS")) {
            Token what = lx.take();
            if (what.isWord("NULL")) {
                return root -> selector.resolve(root).stream().anyMatch(JsonNode::isNull);
            } else if (what.isWord("TRUE") || what.isWord("FALSE")) {
                boolean want = what.isWord("TRUE");
                return root -> selector.resolve(root).stream().anyMatch(v -> v.isBoolean() && v.booleanValue() == want);
            }
            throw new FilterPatternException("Invalid filter pattern: expected NULL, TRUE or FALSE after IS");
        }
        if (t.isWord("NOT")) {
            if (!lx.take().isWord("EXISTS")) {
                throw new FilterPatternException("Invalid filter pattern: expected EXISTS after NOT");
            }
            return root -> selector.resolve(root).isEmpty();
        }
        throw new FilterPatternException("Invalid filter pattern: expected an operator after " + sel.text() + " but found '" + t.text() + "'");
    }

    /** {@code $.a.b[0].c[*]}: names, array indexes and the {@code *} wildcard. */
    private record Selector(List<String> steps) {
        static Selector parse(String s) {
            List<String> steps = new ArrayList<>();
            int i = 1;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '.') {
                    int end = i + 1;
                    while (end < s.length() && s.charAt(end) != '.' && s.charAt(end) != '[') {
                        end++;
                    }
                    if (end == i + 1) {
                        throw new FilterPatternException("Invalid filter pattern: empty name in selector " + s);
                    }
                    steps.add(s.substring(i + 1, end));
                    i = end;
                } else if (c == '[') {
                    int end = s.indexOf(']', i);
                    String idx = end < 0 ? "" : s.substring(i + 1, end);
                    if (!idx.equals("*") && !idx.matches("\\d+")) {
                        throw new FilterPatternException("Invalid filter pattern: bad array index in selector " + s);
                    }
                    steps.add("[" + idx + "]");
                    i = end + 1;
                } else {
                    throw new FilterPatternException("Invalid filter pattern: bad selector " + s);
                }
            }
            return new Selector(steps);
        }

        List<JsonNode> resolve(JsonNode root) {
            List<JsonNode> current = List.of(root);
            for (String step : steps) {
                List<JsonNode> next = new ArrayList<>();
                for (JsonNode n : current) {
                    if (step.equals("[*]") || step.equals("*")) {
                        n.elements().forEachRemaining(next::add);
                    } else if (step.startsWith("[")) {
                        JsonNode v = n.isArray() ? n.get(Integer.parseInt(step.substring(1, step.length() - 1))) : null;
                        if (v != null) {
                            next.add(v);
                        }
                    } else if (n.isObject() && n.has(step)) {
                        next.add(n.get(step));
                    }
                }
                current = next;
            }
            return current;
        }
    }
}
