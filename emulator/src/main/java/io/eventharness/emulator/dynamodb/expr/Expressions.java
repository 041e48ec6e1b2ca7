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

    /** A Query's key condition, taken apart by attribute (checked against a key schema by {@link KeyCondition#of}). */
    public static KeyCondition.Parts keyCondition(String text, ExpressionContext ctx) {
        return KeyCondition.parts(condition("KeyConditionExpression", text, ctx));
    }
}
