package io.eventharness.emulator.logs.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Splits JSON and space-delimited patterns into tokens, and reads the quoted and regex parts they share. */
final class PatternLexer {
    enum Kind { LBRACE, RBRACE, LBRACKET, RBRACKET, LPAREN, RPAREN, COMMA, AND, OR, OP, STRING, REGEX, WORD, END }

    record Token(Kind kind, String text) {
        boolean is(Kind k) {
            return kind == k;
        }

        boolean isWord(String w) {
            return kind == Kind.WORD && text.equals(w);
        }
    }

    private static final String SPECIAL = "{}[](),=!<>&|\"%";

    private final List<Token> tokens;
    private int next;

    PatternLexer(String p) {
        this.tokens = tokenize(p);
    }

    Token peek() {
        return tokens.get(next);
    }

    Token take() {
        Token t = tokens.get(next);
        if (t.kind != Kind.END) {
            next++;
        }
        return t;
    }

    Token expect(Kind k, String what) {
        Token t = take();
        if (t.kind != k) {
            throw new FilterPatternException("Invalid filter pattern: expected " + what + " but found '" + t.text + "'");
        }
        return t;
    }

    private static List<Token> tokenize(String p) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '{' || c == '}' || c == '[' || c == ']' || c == '(' || c == ')' || c == ',') {
                out.add(new Token(single(c), String.valueOf(c)));
                i++;
            } else if (p.startsWith("&&", i) || p.startsWith("||", i)) {
                out.add(new Token(c == '&' ? Kind.AND : Kind.OR, p.substring(i, i + 2)));
                i += 2;
            } else if (c == '=' || c == '!' || c == '<' || c == '>') {
                boolean two = i + 1 < p.length() && p.charAt(i + 1) == '=' && c != '=';
                String op = two ? p.substring(i, i + 2) : String.valueOf(c);
                if (op.equals("!")) {
                    throw new FilterPatternException("Invalid filter pattern: unexpected '!'");
                }
                out.add(new Token(Kind.OP, op));
                i += op.length();
            } else if (c == '"') {
                StringBuilder sb = new StringBuilder();
                i = readQuoted(p, i, sb);
                out.add(new Token(Kind.STRING, sb.toString()));
            } else if (c == '%') {
                int end = p.indexOf('%', i + 1);
                if (end < 0) {
                    throw new FilterPatternException("Invalid filter pattern: unterminated regular expression");
                }
                out.add(new Token(Kind.REGEX, p.substring(i + 1, end)));
                i = end + 1;
            } else if (c == '$') {
                // a JSON selector may hold brackets: $.a[0].b, $.a[*]
                int end = i;
                while (end < p.length() && !Character.isWhitespace(p.charAt(end)) && "=!<>&|)},\"".indexOf(p.charAt(end)) < 0) {
                    end++;
                }
                out.add(new Token(Kind.WORD, p.substring(i, end)));
                i = end;
            } else {
                int end = i;
                while (end < p.length() && !Character.isWhitespace(p.charAt(end)) && SPECIAL.indexOf(p.charAt(end)) < 0) {
                    end++;
                }
                out.add(new Token(Kind.WORD, p.substring(i, end)));
                i = end;
            }
        }
        out.add(new Token(Kind.END, "end of pattern"));
        return out;
    }

    private static Kind single(char c) {
        return switch (c) {
            case '{' -> Kind.LBRACE;
            case '}' -> Kind.RBRACE;
            case '[' -> Kind.LBRACKET;
            case ']' -> Kind.RBRACKET;
            case '(' -> Kind.LPAREN;
            case ')' -> Kind.RPAREN;
            default -> Kind.COMMA;
        };
    }

    /** Reads {@code "…"} starting at the quote at {@code i} ({@code \"} and {@code \\} escape); returns the index after it. */
    static int readQuoted(String p, int i, StringBuilder into) {
        int j = i + 1;
        while (j < p.length()) {
            char c = p.charAt(j);
            if (c == '\\' && j + 1 < p.length()) {
                into.append(p.charAt(j + 1));
                j += 2;
            } else if (c == '"') {
                return j + 1;
            } else {
                into.append(c);
                j++;
            }
        }
        throw new FilterPatternException("Invalid filter pattern: unterminated quoted string");
    }

    static Pattern regex(String re) {
        try {
            return Pattern.compile(re);
        } catch (PatternSyntaxException e) {
            throw new FilterPatternException("Invalid filter pattern: invalid regular expression %" + re + "%");
        }
    }
}
