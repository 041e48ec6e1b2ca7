package io.eventharness.emulator.dynamodb.expr;

import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.dynamodb.expr.Token.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the expression parsers share: the tokens, paths and placeholders, and DynamoDB's errors. A syntax error
 * stops the parse at once ({@code Syntax error; token: "x", near: "a x b"}); other problems are collected and the
 * first of the most important kind is reported once the whole expression is read, as DynamoDB orders them.
 */
abstract class ExpressionParser {
    /** Kinds of problems found while parsing; each parser reports them in DynamoDB's order for its expression. */
    enum Problem {
        PARENS, UNKNOWN_FUNCTION, MISUSED_FUNCTION, RESERVED, SECTIONS, UNDEFINED, PATHS, OPERAND_TYPE, OPERANDS, DISTINCT, FUNCTION,
        /** In conditions: the first of UNDEFINED, OPERANDS, DISTINCT, FUNCTION found by the end of a comparison or function. */
        CONDITION
    }

    private static final List<Problem> CONDITION_KINDS = List.of(Problem.UNDEFINED, Problem.OPERANDS, Problem.DISTINCT, Problem.FUNCTION);

    /** The order of conditions; update and projection expressions have their own. */
    List<Problem> order() {
        return List.of(Problem.PARENS, Problem.UNKNOWN_FUNCTION, Problem.MISUSED_FUNCTION, Problem.RESERVED, Problem.CONDITION);
    }

    /**
     * At the end of each comparison or function of a condition: the first problem of the condition kinds found so far
     * is the one reported (DynamoDB reports the problem of the earliest part of a condition that has one).
     */
    void endOfCondition() {
        if (!problems.containsKey(Problem.CONDITION)) {
            for (Problem k : CONDITION_KINDS) {
                if (problems.containsKey(k)) {
                    problems.put(Problem.CONDITION, problems.get(k));
                    return;
                }
            }
        }
    }

    /** A syntax error: ends the parse. */
    static final class SyntaxError extends RuntimeException {
        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    /** How deep parentheses may nest. */
    static final int MAX_NESTING = 100;

    final String kind;
    final String source;
    final List<Token> tokens;
    final ExpressionContext ctx;
    int pos;
    private final Map<Problem, String> problems = new EnumMap<>(Problem.class);

    ExpressionParser(String kind, String source, ExpressionContext ctx) {
        this.kind = kind;
        this.source = source;
        this.tokens = Token.tokenize(source);
        this.ctx = ctx;
    }

    /** Runs a parse: the expression's errors as DynamoDB words them, prefixed {@code Invalid <kind>: }. */
    <T> T run(java.util.function.Supplier<T> parse) {
        if (source.isEmpty()) {
            throw fail("The expression can not be empty;");
        }
        checkNesting();
        T result;
        try {
            result = parse.get();
            if (!peek().is(Kind.EOF)) {
                throw syntaxError();
            }
        } catch (SyntaxError e) {
            throw fail(e.getMessage());
        }
        for (Problem p : order()) {
            if (problems.containsKey(p)) {
                throw fail(problems.get(p));
            }
        }
        return result;
    }

    /**
     * Refuses parentheses nested deeper than {@link #MAX_NESTING} before parsing (the parser recurses once per level):
     * as redundant when two open together, else as a syntax error at the one too deep.
     */
    private void checkNesting() {
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            depth += t.is(Kind.LPAREN) ? 1 : t.is(Kind.RPAREN) ? -1 : 0;
            if (depth > MAX_NESTING) {
                if (source.contains("((")) {
                    throw fail("The expression has redundant parentheses;");
                }
                pos = i;
                throw fail(syntaxError().getMessage());
            }
        }
    }

    AwsException fail(String message) {
        return AwsException.validation("Invalid " + kind + ": " + message);
    }

    void problem(Problem p, String message) {
        problems.putIfAbsent(p, message);
    }

    Token peek() {
        return tokens.get(pos);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(pos);
        if (!t.is(Kind.EOF)) {
            pos++;
        }
        return t;
    }

    Token expect(Kind k) {
        if (!peek().is(k)) {
            throw syntaxError();
        }
        return next();
    }

    /** The syntax error at the current token: it, and the text from the token before it to the token after. */
    SyntaxError syntaxError() {
        Token t = peek();
        int from = pos > 0 ? tokens.get(pos - 1).start() : t.start();
        Token after = t.is(Kind.EOF) ? t : peek(1);
        int to = Math.max(t.end(), after.end());
        return new SyntaxError("Syntax error; token: \"" + t.text() + "\", near: \"" + source.substring(from, to) + "\"");
    }

    /** Whether the current token is one of the words the grammar reserves for itself (not attribute names). */
    boolean isGrammarWord(Token t) {
        return t.isKeyword("AND") || t.isKeyword("OR") || t.isKeyword("NOT") || t.isKeyword("BETWEEN") || t.isKeyword("IN");
    }

    /** A document path: {@code name}, {@code #name}, then {@code .name} and {@code [n]} steps. */
    Path path() {
        List<Path.Element> elements = new ArrayList<>();
        elements.add(new Path.Name(pathName()));
        while (true) {
            if (peek().is(Kind.DOT)) {
                next();
                elements.add(new Path.Name(pathName()));
            } else if (peek().is(Kind.LBRACKET)) {
                next();
                Token n = expect(Kind.NUMBER);
                expect(Kind.RBRACKET);
                try {
                    elements.add(new Path.Index(Integer.parseInt(n.text())));
                } catch (NumberFormatException e) {
                    throw new SyntaxError("Syntax error; token: \"" + n.text() + "\", near: \"[" + n.text() + "]\"");
                }
            } else {
                return new Path(elements);
            }
        }
    }

    private String pathName() {
        Token t = peek();
        if (t.is(Kind.ATTR_NAME)) {
            next();
            String name = ctx.name(t.text());
            if (name == null) {
                problem(Problem.UNDEFINED, "An expression attribute name used in the document path is not defined; attribute name: " + t.text());
                return t.text();
            }
            return name;
        }
        if (!t.is(Kind.NAME) || isGrammarWord(t)) {
            throw syntaxError();
        }
        next();
        if (ReservedWords.isReserved(t.text())) {
            problem(Problem.RESERVED, "Attribute name is a reserved keyword; reserved keyword: " + t.text());
        }
        return t.text();
    }

    /** A {@code :value}. */
    Operand.Literal literal() {
        Token t = expect(Kind.ATTR_VALUE);
        AttributeValue v = ctx.value(t.text());
        if (v == null) {
            problem(Problem.UNDEFINED, "An expression attribute value used in expression is not defined; attribute value: " + t.text());
            return new Operand.Literal(AttributeValue.fromNul(true));
        }
        return new Operand.Literal(v);
    }

    /** Whether the current token starts a function call ({@code name(}). */
    boolean atFunction() {
        return peek().is(Kind.NAME) && peek(1).is(Kind.LPAREN) && !isGrammarWord(peek());
    }

    /** {@code operand} arguments of a function call, after its name. */
    List<Operand> arguments(java.util.function.Supplier<Operand> operand) {
        expect(Kind.LPAREN);
        List<Operand> args = new ArrayList<>();
        args.add(operand.get());
        while (peek().is(Kind.COMMA)) {
            next();
            args.add(operand.get());
        }
        expect(Kind.RPAREN);
        return args;
    }

    boolean arity(String function, List<Operand> args, int n) {
        if (args.size() != n) {
            problem(Problem.OPERANDS, "Incorrect number of operands for operator or function; operator or function: "
                    + function + ", number of operands: " + args.size());
            return false;
        }
        return true;
    }

    /**
     * Paths that DynamoDB refuses together: one leading into the other (they overlap), or two that agree up to a step
     * where one names a map key and the other a list index (they conflict).
     */
    void checkOverlaps(List<Path> paths) {
        for (String kind : List.of("overlap", "conflict")) {
            for (int i = 0; i < paths.size(); i++) {
                for (int j = i + 1; j < paths.size(); j++) {
                    if (kind.equals(paths.get(i).clash(paths.get(j)))) {
                        problem(Problem.PATHS, "Two document paths " + kind + " with each other; must remove or rewrite one of these paths; path one: "
                                + paths.get(i) + ", path two: " + paths.get(j));
                        return;
                    }
                }
            }
        }
    }

    /** The type an operand has whatever the item holds: a value's, or N for {@code size()}; else null. */
    static String typeOf(Operand o) {
        if (o instanceof Operand.Size) {
            return "N";
        }
        return o instanceof Operand.Literal l ? AttributeValues.typeOf(l.literal()).name() : null;
    }
}
