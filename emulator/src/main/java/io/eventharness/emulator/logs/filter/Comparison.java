package io.eventharness.emulator.logs.filter;

import io.eventharness.emulator.logs.filter.PatternLexer.Kind;
import io.eventharness.emulator.logs.filter.PatternLexer.Token;
import java.util.regex.Pattern;

/**
 * One {@code <op> <value>} test of a field, shared by JSON and space-delimited patterns. Numbers compare
 * numerically when the field holds a number; strings compare with {@code *} as a wildcard; a
 * {@code %regex%} value matches when the regex is found in the field. Only {@code =} and {@code !=}
 * apply to strings.
 */
final class Comparison {
    private final String op;
    private final Double number;
    private final Pattern text;
    private final boolean regex;

    private Comparison(String op, Double number, Pattern text, boolean regex) {
        this.op = op;
        this.number = number;
        this.text = text;
        this.regex = regex;
    }

    static Comparison of(String op, Token value) {
        Double number = null;
        Pattern text;
        if (value.is(Kind.REGEX)) {
            text = PatternLexer.regex(value.text());
        } else if (value.is(Kind.STRING) || value.is(Kind.WORD)) {
            if (value.is(Kind.WORD)) {
                number = parseNumber(value.text());
            }
            text = glob(value.text());
        } else {
            throw new FilterPatternException("Invalid filter pattern: expected a value after " + op + " but found '" + value.text() + "'");
        }
        boolean ordering = !op.equals("=") && !op.equals("!=");
        if (ordering && number == null) {
            throw new FilterPatternException("Invalid filter pattern: " + op + " needs a numeric value, not '" + value.text() + "'");
        }
        return new Comparison(op, number, text, value.is(Kind.REGEX));
    }

    /**
     * @param fieldText   the field's text
     * @param fieldNumber the field's numeric value, or null when it is not a number
     */
    boolean test(String fieldText, Double fieldNumber) {
        if (number != null && fieldNumber != null) {
            int c = Double.compare(fieldNumber, number);
            return switch (op) {
                case "=" -> c == 0;
                case "!=" -> c != 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                default -> c >= 0;
            };
        }
        if (!op.equals("=") && !op.equals("!=")) {
            return false;
        }
        boolean eq = regex ? text.matcher(fieldText).find() : text.matcher(fieldText).matches();
        return op.equals("=") == eq;
    }

    /** A whole-string match where {@code *} stands for any text. */
    private static Pattern glob(String s) {
        StringBuilder re = new StringBuilder();
        String[] parts = s.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                re.append(".*");
            }
            if (!parts[i].isEmpty()) {
                re.append(Pattern.quote(parts[i]));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    static Double parseNumber(String s) {
        if (s.isEmpty() || !(Character.isDigit(s.charAt(0)) || s.charAt(0) == '-' || s.charAt(0) == '+' || s.charAt(0) == '.')) {
            return null;
        }
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
