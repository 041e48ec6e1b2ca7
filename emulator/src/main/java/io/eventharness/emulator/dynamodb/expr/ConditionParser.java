package io.eventharness.emulator.dynamodb.expr;

import io.eventharness.emulator.dynamodb.expr.Condition.Comparator;
import io.eventharness.emulator.dynamodb.expr.Token.Kind;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The condition grammar of the developer guide: comparisons ({@code = <> < <= > >=}), {@code BETWEEN},
 * {@code IN}, the functions {@code attribute_exists}, {@code attribute_not_exists}, {@code attribute_type},
 * {@code begins_with}, {@code contains} and {@code size}, combined with {@code NOT}, {@code AND}, {@code OR}
 * (that precedence, highest first) and parentheses.
 */
final class ConditionParser extends ExpressionParser {
    private static final Set<String> FUNCTIONS = Set.of("attribute_exists", "attribute_not_exists", "attribute_type",
            "begins_with", "contains", "size");
    private static final Set<String> TYPES = Set.of("S", "N", "B", "NULL", "SS", "BOOL", "L", "BS", "NS", "M");

    ConditionParser(String kind, String source, ExpressionContext ctx) {
        super(kind, source, ctx);
    }

    Condition parse() {
        return run(() -> {
            Condition c = or();
            endOfCondition();
            return c;
        });
    }

    private Condition or() {
        Condition c = and();
        while (peek().isKeyword("OR")) {
            next();
            c = new Condition.Or(c, and());
        }
        return c;
    }

    private Condition and() {
        Condition c = not();
        while (peek().isKeyword("AND")) {
            next();
            c = new Condition.And(c, not());
        }
        return c;
    }

    private Condition not() {
        if (peek().isKeyword("NOT")) {
            next();
            return new Condition.Not(not());
        }
        return primary();
    }

    private Condition primary() {
        if (peek().is(Kind.LPAREN)) {
            int start = pos;
            try {
                next();
                boolean doubled = peek().is(Kind.LPAREN) && closes(pos);
                Condition c = or();
                expect(Kind.RPAREN);
                if (doubled) {
                    problem(Problem.PARENS, "The expression has redundant parentheses;");
                }
                return c;
            } catch (SyntaxError e) {
                pos = start; // "(a) = :v": the parenthesis belongs to an operand
            }
        }
        return comparison();
    }

    /** Whether the parenthesis at {@code at} closes right before the one that encloses it does. */
    private boolean closes(int at) {
        int depth = 0;
        for (int i = at; i < tokens.size(); i++) {
            if (tokens.get(i).is(Kind.LPAREN)) {
                depth++;
            } else if (tokens.get(i).is(Kind.RPAREN)) {
                depth--;
                if (depth == 0) {
                    return i + 1 < tokens.size() && tokens.get(i + 1).is(Kind.RPAREN);
                }
            }
        }
        return false;
    }

    private Condition comparison() {
        Condition c = leaf();
        endOfCondition();
        return c;
    }

    /** A comparison, BETWEEN, IN or function. */
    private Condition leaf() {
        Operand left;
        if (atFunction() && !peek().text().equals("size")) {
            Token name = peek();
            Condition f = function();
            if (peek().isComparator() || peek().isKeyword("BETWEEN") || peek().isKeyword("IN")) {
                problem(Problem.MISUSED_FUNCTION, "The function is not allowed to be used this way in an expression; function: " + name.text());
                next();
                operand();
                return f;
            }
            return f;
        }
        left = operand();
        Token t = peek();
        if (t.isComparator()) {
            next();
            Operand right = operand();
            Comparator op = comparator(t.kind());
            distinct(op.symbol, left, right);
            orderedOperands(op, left, right);
            return new Condition.Compare(left, op, right);
        }
        if (t.isKeyword("BETWEEN")) {
            next();
            Operand low = operand();
            if (!peek().isKeyword("AND")) {
                throw syntaxError();
            }
            next();
            Operand high = operand();
            bounds(low, high);
            return new Condition.Between(left, low, high);
        }
        if (t.isKeyword("IN")) {
            next();
            List<Operand> candidates = arguments(this::operand);
            if (candidates.size() > 100) {
                problem(Problem.OPERANDS, "Too many operands for IN; maximum allowed: 100, provided: " + candidates.size());
            }
            return new Condition.In(left, candidates);
        }
        if (left instanceof Operand.Size && peek().is(Kind.RPAREN)) {
            throw syntaxError(); // "(size(a)) = :v": the parenthesis belongs to the operand
        }
        if (left instanceof Operand.Size) {
            problem(Problem.MISUSED_FUNCTION, "The function is not allowed to be used this way in an expression; function: size");
            return new Condition.AttributeExists(Path.of("size"));
        }
        throw syntaxError();
    }

    private static Comparator comparator(Kind k) {
        return switch (k) {
            case EQ -> Comparator.EQ;
            case NE -> Comparator.NE;
            case LT -> Comparator.LT;
            case LE -> Comparator.LE;
            case GT -> Comparator.GT;
            default -> Comparator.GE;
        };
    }

    /** An operand: a path, a {@code :value} or {@code size(path)}, maybe in parentheses. */
    Operand operand() {
        if (peek().is(Kind.LPAREN)) {
            if (peek(1).is(Kind.LPAREN) && closes(pos + 1)) {
                problem(Problem.PARENS, "The expression has redundant parentheses;");
            }
            next();
            Operand o = operand();
            expect(Kind.RPAREN);
            return o;
        }
        if (peek().is(Kind.ATTR_VALUE)) {
            return literal();
        }
        if (atFunction()) {
            Token name = peek();
            if (!name.text().equals("size")) {
                Condition f = function();
                problem(Problem.MISUSED_FUNCTION, "The function is not allowed to be used this way in an expression; function: " + name.text());
                return new Operand.Literal(AttributeValue.fromBool(f != null));
            }
            next();
            List<Operand> args = arguments(this::operand);
            if (arity("size", args, 1)) {
                String type = typeOf(args.get(0));
                if ("N".equals(type) || "BOOL".equals(type) || "NULL".equals(type)) {
                    problem(Problem.FUNCTION, "Incorrect operand type for operator or function; operator or function: size, operand type: " + type);
                }
            }
            return new Operand.Size(args.get(0));
        }
        return new Operand.PathOperand(path());
    }

    private Condition function() {
        String name = next().text();
        List<Operand> args = arguments(this::operand);
        if (!FUNCTIONS.contains(name)) {
            problem(Problem.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
            return new Condition.AttributeExists(Path.of(name));
        }
        switch (name) {
            case "attribute_exists", "attribute_not_exists" -> {
                if (!arity(name, args, 1)) {
                    return new Condition.AttributeExists(Path.of(name));
                }
                if (!(args.get(0) instanceof Operand.PathOperand p)) {
                    problem(Problem.FUNCTION, "Operator or function requires a document path; operator or function: " + name);
                    return new Condition.AttributeExists(Path.of(name));
                }
                return name.equals("attribute_exists") ? new Condition.AttributeExists(p.path()) : new Condition.AttributeNotExists(p.path());
            }
            case "attribute_type" -> {
                if (arity(name, args, 2)) {
                    distinct(name, args.get(0), args.get(1));
                    String type = typeOf(args.get(1));
                    if (!"S".equals(type)) {
                        problem(Problem.FUNCTION, "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: "
                                + (type == null ? "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}" : type));
                    } else if (!TYPES.contains(((Operand.Literal) args.get(1)).literal().s())) {
                        problem(Problem.FUNCTION, "Invalid attribute type name found; type: " + ((Operand.Literal) args.get(1)).literal().s()
                                + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
                    }
                    return new Condition.AttributeType(args.get(0), args.get(1));
                }
            }
            case "begins_with" -> {
                if (arity(name, args, 2)) {
                    distinct(name, args.get(0), args.get(1));
                    for (Operand a : args) {
                        String type = typeOf(a);
                        if (type != null && !type.equals("S") && !type.equals("B")) {
                            problem(Problem.FUNCTION, "Incorrect operand type for operator or function; operator or function: begins_with, operand type: " + type);
                        }
                    }
                    return new Condition.BeginsWith(args.get(0), args.get(1));
                }
            }
            case "contains" -> {
                if (arity(name, args, 2)) {
                    distinct(name, args.get(0), args.get(1));
                    return new Condition.Contains(args.get(0), args.get(1));
                }
            }
            default -> {
                problem(Problem.MISUSED_FUNCTION, "The function is not allowed to be used this way in an expression; function: " + name);
            }
        }
        return new Condition.AttributeExists(Path.of(name));
    }

    private void distinct(String operator, Operand a, Operand b) {
        if (a instanceof Operand.PathOperand x && b instanceof Operand.PathOperand y && x.path().equals(y.path())) {
            problem(Problem.DISTINCT, "The first operand must be distinct from the remaining operands for this operator or function; operator: "
                    + operator + ", first operand: " + x.path());
        }
    }

    private void orderedOperands(Comparator op, Operand a, Operand b) {
        if (op == Comparator.EQ || op == Comparator.NE) {
            return;
        }
        for (Operand o : new Operand[]{a, b}) {
            String type = typeOf(o);
            if (type != null && !type.equals("S") && !type.equals("N") && !type.equals("B")) {
                problem(Problem.FUNCTION, "Incorrect operand type for operator or function; operator or function: " + op.symbol + ", operand type: " + type);
            }
        }
    }

    private void bounds(Operand low, Operand high) {
        if (!(low instanceof Operand.Literal l) || !(high instanceof Operand.Literal h)) {
            return;
        }
        AttributeValue x = l.literal();
        AttributeValue y = h.literal();
        String range = "lower bound operand: AttributeValue: " + AttributeValues.describe(x) + ", upper bound operand: AttributeValue: "
                + AttributeValues.describe(y);
        if (AttributeValues.typeOf(x) != AttributeValues.typeOf(y)) {
            problem(Problem.FUNCTION, "The BETWEEN operator requires same data type for lower and upper bounds; " + range);
        } else if (AttributeValues.ordered(x) && AttributeValues.compare(x, y) > 0) {
            problem(Problem.FUNCTION, "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; " + range);
        }
    }
}
