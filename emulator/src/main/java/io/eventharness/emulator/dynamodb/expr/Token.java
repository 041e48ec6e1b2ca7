package io.eventharness.emulator.dynamodb.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * One token of an expression, and the tokenizer. Names are {@code [A-Za-z_][A-Za-z0-9_]*}, placeholders
 * {@code #name} and {@code :value}, list indexes digits; keywords ({@code AND}, {@code SET}, ...) are names that the
 * parsers recognise, regardless of case.
 */
record Token(Kind kind, String text, int start, int end) {

    enum Kind {
        NAME, ATTR_NAME, ATTR_VALUE, NUMBER, LPAREN, RPAREN, LBRACKET, RBRACKET, DOT, COMMA,
        EQ, NE, LT, LE, GT, GE, PLUS, MINUS, EOF, INVALID
    }

    boolean is(Kind k) {
        return kind == k;
    }

    /** A name token that is this keyword, in any case. */
    boolean isKeyword(String keyword) {
        return kind == Kind.NAME && text.equalsIgnoreCase(keyword);
    }

    boolean isComparator() {
        return switch (kind) {
            case EQ, NE, LT, LE, GT, GE -> true;
            default -> false;
        };
    }

    /** The tokens of an expression, ending with EOF; a character no token starts with is an INVALID token. */
    static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (isNameStart(c) || c == '#' || c == ':') {
                i++;
                while (i < s.length() && isNamePart(s.charAt(i))) {
                    i++;
                }
                Kind k = c == '#' ? Kind.ATTR_NAME : c == ':' ? Kind.ATTR_VALUE : Kind.NAME;
                out.add(new Token(k, s.substring(start, i), start, i));
                continue;
            }
            if (c >= '0' && c <= '9') {
                while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                }
                out.add(new Token(Kind.NUMBER, s.substring(start, i), start, i));
                continue;
            }
            Kind k;
            int len = 1;
            switch (c) {
                case '(' -> k = Kind.LPAREN;
                case ')' -> k = Kind.RPAREN;
                case '[' -> k = Kind.LBRACKET;
                case ']' -> k = Kind.RBRACKET;
                case '.' -> k = Kind.DOT;
                case ',' -> k = Kind.COMMA;
                case '=' -> k = Kind.EQ;
                case '+' -> k = Kind.PLUS;
                case '-' -> k = Kind.MINUS;
                case '<' -> {
                    char n = i + 1 < s.length() ? s.charAt(i + 1) : 0;
                    k = n == '=' ? Kind.LE : n == '>' ? Kind.NE : Kind.LT;
                    len = n == '=' || n == '>' ? 2 : 1;
                }
                case '>' -> {
                    boolean eq = i + 1 < s.length() && s.charAt(i + 1) == '=';
                    k = eq ? Kind.GE : Kind.GT;
                    len = eq ? 2 : 1;
                }
                default -> k = Kind.INVALID;
            }
            i += len;
            out.add(new Token(k, s.substring(start, i), start, i));
        }
        out.add(new Token(Kind.EOF, "<EOF>", s.length(), s.length()));
        return out;
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || c >= '0' && c <= '9';
    }
}
