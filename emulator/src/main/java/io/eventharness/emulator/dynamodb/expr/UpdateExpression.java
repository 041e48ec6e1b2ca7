package io.eventharness.emulator.dynamodb.expr;

import io.eventharness.emulator.core.AwsException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A parsed {@code UpdateExpression} (or legacy {@code AttributeUpdates}): SET, REMOVE, ADD and DELETE actions.
 * {@link #apply} evaluates every SET value against the item as it was, then applies SET, REMOVE (higher list indexes
 * first, so that {@code REMOVE a[1], a[2]} removes what the expression named), ADD and DELETE, as
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html">the
 * developer guide</a> describes them.
 */
public record UpdateExpression(List<Action> actions) {

    /** One action of an update. */
    public sealed interface Action {
        Path path();
    }

    public record Set(Path path, Operand value) implements Action {
    }

    public record Remove(Path path) implements Action {
    }

    /** ADD a number to a number, or elements to a set; on a missing attribute, it becomes the value. */
    public record Add(Path path, AttributeValue value) implements Action {
    }

    /** DELETE elements from a set; an emptied set is removed. */
    public record Delete(Path path, AttributeValue value) implements Action {
    }

    public UpdateExpression {
        actions = List.copyOf(actions);
    }

    /** The paths the update changes, in the order of its actions. */
    public List<Path> paths() {
        return actions.stream().map(Action::path).toList();
    }

    /** The item after the update (a new map; the given one is not changed). */
    public Map<String, AttributeValue> apply(Map<String, AttributeValue> before) {
        Map<Path, AttributeValue> setValues = new LinkedHashMap<>();
        for (Action a : actions) {
            if (a instanceof Set s) {
                setValues.put(s.path(), s.value().value(before));
            }
        }
        Map<String, AttributeValue> item = before;
        for (var e : setValues.entrySet()) {
            item = Documents.set(item, e.getKey(), e.getValue());
        }
        List<Path> removals = new ArrayList<>();
        actions.stream().filter(a -> a instanceof Remove).forEach(a -> removals.add(a.path()));
        removals.sort(Comparator.comparingInt(UpdateExpression::lastIndex).reversed());
        for (Path p : removals) {
            item = Documents.remove(item, p);
        }
        for (Action a : actions) {
            if (a instanceof Add add) {
                item = Documents.set(item, add.path(), added(add.path().get(item), add.value()));
            }
        }
        for (Action a : actions) {
            if (a instanceof Delete d) {
                AttributeValue left = deleted(d.path().get(item), d.value());
                item = left == null ? Documents.remove(item, d.path()) : Documents.set(item, d.path(), left);
            }
        }
        return item;
    }

    private static int lastIndex(Path p) {
        return p.last() instanceof Path.Index i ? i.index() : -1;
    }

    private static AttributeValue added(AttributeValue current, AttributeValue value) {
        if (current == null) {
            return value;
        }
        AttributeValues.Type t = AttributeValues.typeOf(current);
        if (t != AttributeValues.typeOf(value)) {
            throw AwsException.validation(Operand.WRONG_TYPE);
        }
        return switch (t) {
            case N -> Operand.number(AttributeValues.number(current.n()).add(AttributeValues.number(value.n())));
            case SS -> AttributeValue.fromSs(union(current.ss(), value.ss()));
            case BS -> AttributeValue.fromBs(union(current.bs(), value.bs()));
            case NS -> {
                List<String> out = new ArrayList<>(current.ns());
                for (String n : value.ns()) {
                    if (current.ns().stream().noneMatch(x -> sameNumber(x, n))) {
                        out.add(n);
                    }
                }
                yield AttributeValue.fromNs(out);
            }
            default -> throw AwsException.validation(Operand.WRONG_TYPE);
        };
    }

    private static AttributeValue deleted(AttributeValue current, AttributeValue value) {
        if (current == null) {
            return null;
        }
        AttributeValues.Type t = AttributeValues.typeOf(current);
        if (t != AttributeValues.typeOf(value)) {
            throw AwsException.validation(Operand.WRONG_TYPE);
        }
        List<?> left = switch (t) {
            case SS -> current.ss().stream().filter(x -> !value.ss().contains(x)).toList();
            case BS -> current.bs().stream().filter(x -> !value.bs().contains(x)).toList();
            case NS -> current.ns().stream().filter(x -> value.ns().stream().noneMatch(n -> sameNumber(x, n))).toList();
            default -> throw AwsException.validation(Operand.WRONG_TYPE);
        };
        if (left.isEmpty()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        AttributeValue out = switch (t) {
            case SS -> AttributeValue.fromSs((List<String>) left);
            case BS -> AttributeValue.fromBs((List<SdkBytes>) left);
            default -> AttributeValue.fromNs((List<String>) left);
        };
        return out;
    }

    private static <T> List<T> union(List<T> a, List<T> b) {
        LinkedHashSet<T> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return new ArrayList<>(s);
    }

    private static boolean sameNumber(String a, String b) {
        BigDecimal x = AttributeValues.number(a);
        return x.compareTo(AttributeValues.number(b)) == 0;
    }
}
