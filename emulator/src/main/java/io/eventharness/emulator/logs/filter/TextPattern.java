package io.eventharness.emulator.logs.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The unstructured pattern ("Using filter patterns to match terms in unstructured log events"):
 * whitespace-separated terms, each a bare word, a {@code "quoted phrase"} or a {@code %regex%},
 * optionally prefixed by {@code ?} (any of these) or {@code -} (none of these). A term matches when it
 * occurs anywhere in the message, case-sensitively.
 */
final class TextPattern implements FilterPattern {
    private final List<Predicate<String>> required = new ArrayList<>();
    private final List<Predicate<String>> optional = new ArrayList<>();
    private final List<Predicate<String>> excluded = new ArrayList<>();

    static TextPattern parse(String p) {
        TextPattern t = new TextPattern();
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            List<Predicate<String>> into = t.required;
            if (c == '?' || c == '-') {
                into = c == '?' ? t.optional : t.excluded;
                i++;
                if (i >= p.length() || Character.isWhitespace(p.charAt(i))) {
                    throw new FilterPatternException("Invalid filter pattern: '" + c + "' must be followed by a term");
                }
            }
            char first = p.charAt(i);
            if (first == '"') {
                StringBuilder sb = new StringBuilder();
                i = PatternLexer.readQuoted(p, i, sb);
                String phrase = sb.toString();
                into.add(m -> m.contains(phrase));
            } else if (first == '%') {
                int end = p.indexOf('%', i + 1);
                if (end < 0) {
                    throw new FilterPatternException("Invalid filter pattern: unterminated regular expression");
                }
                java.util.regex.Pattern re = PatternLexer.regex(p.substring(i + 1, end));
                into.add(m -> re.matcher(m).find());
                i = end + 1;
            } else {
                int end = i;
                while (end < p.length() && !Character.isWhitespace(p.charAt(end))) {
                    end++;
                }
                String term = p.substring(i, end);
                into.add(m -> m.contains(term));
                i = end;
            }
        }
        return t;
    }

    @Override
    public boolean matches(String message) {
        for (Predicate<String> r : required) {
            if (!r.test(message)) {
                return false;
            }
        }
        for (Predicate<String> x : excluded) {
            if (x.test(message)) {
                return false;
            }
        }
        if (optional.isEmpty()) {
            return true;
        }
        for (Predicate<String> o : optional) {
            if (o.test(message)) {
                return true;
            }
        }
        return false;
    }
}
