package io.eventharness.emulator.logs.filter;

import io.eventharness.emulator.logs.filter.PatternLexer.Kind;
import io.eventharness.emulator.logs.filter.PatternLexer.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The space-delimited pattern ("Using filter patterns to match terms in space-delimited log events"):
 * {@code [name, name op value, ..., name op value || name op value]}. The message splits at spaces;
 * text inside {@code "…"} or {@code […]} is one field (without its delimiters). Each name takes one
 * field, {@code ...} any number of fields; the event matches when the fields line up and every
 * condition holds ({@code &&} binds tighter than {@code ||}).
 */
final class DelimitedPattern implements FilterPattern {
    private static final String ELLIPSIS = "...";

    private record Test(String field, Comparison comparison) {
        boolean holds(Map<String, String> fields) {
            String v = fields.get(field);
            return comparison.test(v, Comparison.parseNumber(v));
        }
    }

    /** Tests joined by ||, each a group of tests joined by &&. */
    private record Expression(List<List<Test>> anyOf) {
        boolean holds(Map<String, String> fields) {
            for (List<Test> all : anyOf) {
                if (all.stream().allMatch(t -> t.holds(fields))) {
                    return true;
                }
            }
            return false;
        }
    }

    private final List<String> names;
    private final List<Expression> expressions;

    private DelimitedPattern(List<String> names, List<Expression> expressions) {
        this.names = names;
        this.expressions = expressions;
    }

    static DelimitedPattern parse(String p) {
        PatternLexer lx = new PatternLexer(p);
        lx.expect(Kind.LBRACKET, "'['");
        List<String> names = new ArrayList<>();
        List<Expression> expressions = new ArrayList<>();
        while (true) {
            Token name = lx.expect(Kind.WORD, "a field name");
            names.add(name.text());
            if (lx.peek().is(Kind.OP)) {
                if (name.text().equals(ELLIPSIS)) {
                    throw new FilterPatternException("Invalid filter pattern: '...' cannot have a condition");
                }
                expressions.add(expression(lx, name.text()));
            }
            Token t = lx.take();
            if (t.is(Kind.RBRACKET)) {
                break;
            }
            if (!t.is(Kind.COMMA)) {
                throw new FilterPatternException("Invalid filter pattern: expected ',' or ']' but found '" + t.text() + "'");
            }
        }
        lx.expect(Kind.END, "the end of the pattern");
        for (Expression e : expressions) {
            for (List<Test> all : e.anyOf()) {
                for (Test t : all) {
                    if (!names.contains(t.field()) || t.field().equals(ELLIPSIS)) {
                        throw new FilterPatternException("Invalid filter pattern: unknown field " + t.field());
                    }
                }
            }
        }
        return new DelimitedPattern(names, expressions);
    }

    /** {@code op value [(&& | ||) name op value]…}, the first test on {@code field}. */
    private static Expression expression(PatternLexer lx, String field) {
        List<List<Test>> anyOf = new ArrayList<>();
        List<Test> all = new ArrayList<>();
        all.add(new Test(field, Comparison.of(lx.take().text(), lx.take())));
        while (lx.peek().is(Kind.AND) || lx.peek().is(Kind.OR)) {
            if (lx.take().is(Kind.OR)) {
                anyOf.add(all);
                all = new ArrayList<>();
            }
            String other = lx.expect(Kind.WORD, "a field name").text();
            String op = lx.expect(Kind.OP, "an operator").text();
            all.add(new Test(other, Comparison.of(op, lx.take())));
        }
        anyOf.add(all);
        return new Expression(anyOf);
    }

    @Override
    public boolean matches(String message) {
        return bind(split(message), 0, 0, new HashMap<>());
    }

    /** Tries every way the names and ellipses can line up with the fields. */
    private boolean bind(List<String> fields, int name, int field, Map<String, String> bound) {
        if (name == names.size()) {
            return field == fields.size() && expressions.stream().allMatch(e -> e.holds(bound));
        }
        String n = names.get(name);
        if (n.equals(ELLIPSIS)) {
            for (int f = field; f <= fields.size(); f++) {
                if (bind(fields, name + 1, f, bound)) {
                    return true;
                }
            }
            return false;
        }
        if (field == fields.size()) {
            return false;
        }
        String previous = bound.put(n, fields.get(field));
        boolean ok = bind(fields, name + 1, field + 1, bound);
        if (previous == null) {
            bound.remove(n);
        } else {
            bound.put(n, previous);
        }
        return ok;
    }

    static List<String> split(String message) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = message.length();
        while (i < n) {
            char c = message.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '"' || c == '[') {
                int end = message.indexOf(c == '"' ? '"' : ']', i + 1);
                if (end >= 0) {
                    out.add(message.substring(i + 1, end));
                    i = end + 1;
                    continue;
                }
            }
            int end = i;
            while (end < n && !Character.isWhitespace(message.charAt(end))) {
                end++;
            }
            out.add(message.substring(i, end));
            i = end;
        }
        return out;
    }
}
