package io.eventharness.emulator.dynamodb.expr;

import io.eventharness.emulator.dynamodb.expr.Token.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The update grammar: {@code SET path = value[, ...]} with {@code +}, {@code -}, {@code if_not_exists} and
 * {@code list_append}; {@code REMOVE path[, ...]}; {@code ADD path :value[, ...]}; {@code DELETE path :value[, ...]};
 * each clause at most once, no two paths overlapping.
 */
final class UpdateParser extends ExpressionParser {

    UpdateParser(String source, ExpressionContext ctx) {
        super("UpdateExpression", source, ctx);
    }

    UpdateExpression parse() {
        return run(this::clauses);
    }

    @Override
    List<Problem> order() {
        return List.of(Problem.RESERVED, Problem.UNKNOWN_FUNCTION, Problem.MISUSED_FUNCTION, Problem.SECTIONS, Problem.UNDEFINED,
                Problem.PATHS, Problem.OPERAND_TYPE, Problem.OPERANDS, Problem.FUNCTION);
    }

    @Override
    boolean isGrammarWord(Token t) {
        return t.isKeyword("SET") || t.isKeyword("REMOVE") || t.isKeyword("ADD") || t.isKeyword("DELETE");
    }

    private UpdateExpression clauses() {
        List<UpdateExpression.Action> actions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        do {
            Token t = peek();
            String clause = t.is(Kind.NAME) ? t.text().toUpperCase(Locale.ROOT) : "";
            if (!Set.of("SET", "REMOVE", "ADD", "DELETE").contains(clause)) {
                throw syntaxError();
            }
            next();
            if (!seen.add(clause)) {
                problem(Problem.SECTIONS, "The \"" + clause + "\" section can only be used once in an update expression;");
            }
            do {
                actions.add(action(clause));
            } while (peek().is(Kind.COMMA) && next() != null);
        } while (!peek().is(Kind.EOF));
        checkOverlaps(actions.stream().map(UpdateExpression.Action::path).toList());
        return new UpdateExpression(actions);
    }

    private UpdateExpression.Action action(String clause) {
        Path path = path();
        switch (clause) {
            case "SET" -> {
                expect(Kind.EQ);
                return new UpdateExpression.Set(path, value());
            }
            case "REMOVE" -> {
                return new UpdateExpression.Remove(path);
            }
            default -> {
                AttributeValue v = literal().literal();
                AttributeValues.Type t = AttributeValues.typeOf(v);
                boolean ok = clause.equals("ADD") ? t == AttributeValues.Type.N || t.isSet() : t.isSet();
                if (!ok) {
                    problem(Problem.OPERAND_TYPE, "Incorrect operand type for operator or function; operator: " + clause
                            + ", operand type: " + AttributeValues.operandTypeName(v));
                }
                return clause.equals("ADD") ? new UpdateExpression.Add(path, v) : new UpdateExpression.Delete(path, v);
            }
        }
    }

    /** {@code operand}, {@code operand + operand} or {@code operand - operand}. */
    private Operand value() {
        Operand left = operand();
        if (peek().is(Kind.PLUS) || peek().is(Kind.MINUS)) {
            boolean plus = next().is(Kind.PLUS);
            Operand right = operand();
            for (Operand o : new Operand[]{left, right}) {
                String type = typeOf(o);
                if (type != null && !type.equals("N")) {
                    problem(Problem.FUNCTION, "Incorrect operand type for operator or function; operator: " + (plus ? "+" : "-")
                            + ", operand type: " + AttributeValues.operandTypeName(((Operand.Literal) o).literal()));
                }
            }
            return new Operand.Arithmetic(left, plus, right);
        }
        return left;
    }

    private Operand operand() {
        if (peek().is(Kind.LPAREN)) {
            next();
            Operand o = value();
            expect(Kind.RPAREN);
            return o;
        }
        if (peek().is(Kind.ATTR_VALUE)) {
            return literal();
        }
        if (atFunction()) {
            String name = next().text();
            List<Operand> args = arguments(this::value);
            switch (name) {
                case "if_not_exists" -> {
                    if (arity(name, args, 2)) {
                        if (args.get(0) instanceof Operand.PathOperand p) {
                            return new Operand.IfNotExists(p.path(), args.get(1));
                        }
                        problem(Problem.FUNCTION, "Operator or function requires a document path; operator or function: if_not_exists");
                    }
                }
                case "list_append" -> {
                    if (arity(name, args, 2)) {
                        for (Operand a : args) {
                            String type = typeOf(a);
                            if (type != null && !type.equals("L")) {
                                problem(Problem.FUNCTION, "Incorrect operand type for operator or function; operator or function: list_append, operand type: "
                                        + AttributeValues.operandTypeName(((Operand.Literal) a).literal()));
                            }
                        }
                        return new Operand.ListAppend(args.get(0), args.get(1));
                    }
                }
                case "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains", "size" ->
                        problem(Problem.MISUSED_FUNCTION, "The function is not allowed in an update expression; function: " + name);
                default -> problem(Problem.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
            }
            return new Operand.Literal(AttributeValue.fromNul(true));
        }
        return new Operand.PathOperand(path());
    }
}
