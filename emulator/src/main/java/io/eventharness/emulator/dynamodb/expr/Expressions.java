package io.eventharness.emulator.dynamodb.expr;

import java.util.List;

/**
 * Parses DynamoDB's expressions (the grammar of
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.html">the developer
 * guide</a>) with the request's placeholders. Errors are ValidationExceptions worded as DynamoDB words them,
 * {@code Invalid ConditionExpression: Syntax error; token: ...}.
 */
public final class Expressions {
    private Expressions() {
    }

    /**
     * A condition; {@code kind} names the request member in messages ({@code ConditionExpression},
     * {@code FilterExpression}, {@code KeyConditionExpression}).
     */
    public static Condition condition(String kind, String text, ExpressionContext ctx) {
        return new ConditionParser(kind, text, ctx).parse();
    }

    public static UpdateExpression update(String text, ExpressionContext ctx) {
        return new UpdateParser(text, ctx).parse();
    }

    public static List<Path> projection(String text, ExpressionContext ctx) {
        return new ProjectionParser(text, ctx).parse();
    }

    /**
     * A Query's key condition, parsed; {@link KeyCondition#parts} takes it apart (once the request's other expressions
     * are parsed, as DynamoDB orders its checks) and {@link KeyCondition#of} checks it against a key schema.
     */
    public static Condition keyCondition(String text, ExpressionContext ctx) {
        return condition("KeyConditionExpression", text, ctx);
    }
}
