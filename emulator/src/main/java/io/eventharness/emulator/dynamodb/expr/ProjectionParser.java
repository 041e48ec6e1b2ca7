package io.eventharness.emulator.dynamodb.expr;

import io.eventharness.emulator.dynamodb.expr.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/** {@code ProjectionExpression}: document paths separated by commas, none overlapping another. */
final class ProjectionParser extends ExpressionParser {

    ProjectionParser(String source, ExpressionContext ctx) {
        super("ProjectionExpression", source, ctx);
    }

    @Override
    List<Problem> order() {
        return List.of(Problem.RESERVED, Problem.UNDEFINED, Problem.PATHS);
    }

    List<Path> parse() {
        return run(() -> {
            List<Path> paths = new ArrayList<>();
            paths.add(path());
            while (peek().is(Kind.COMMA)) {
                next();
                paths.add(path());
            }
            if (!peek().is(Kind.EOF)) {
                throw syntaxError();
            }
            checkOverlaps(paths);
            return paths;
        });
    }
}
