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
public record UpdateExpression(List<Action> actions, boolean legacy) {

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

    /** An update expression's actions. */
    public UpdateExpression(List<Action> actions) {
        this(actions, false);
    }

    /** AttributeUpdates' actions: the same, but a type mismatch is worded as for AttributeUpdates. */
    public static UpdateExpression ofAttributeUpdates(List<Action> actions) {
        return new UpdateExpression(actions, true);
    }

    private String wrongType() {
        return legacy ? "Type mismatch for attribute to update" : Operand.WRONG_TYPE;
    }

    /**
     * The type an action gives its path whatever the item holds ({@code SET a = :v}, {@code SET a = b + :v},
     * {@code ADD a :v}); null when it depends on the item.
     */
    public static AttributeValues.Type staticType(Action a) {
        if (a instanceof Set s) {
            if (s.value() instanceof Operand.Literal l) {
                return AttributeValues.typeOf(l.literal());
            }
            return s.value() instanceof Operand.Arithmetic ? AttributeValues.Type.N : null;
        }
        return a instanceof Add add ? AttributeValues.typeOf(add.value()) : null;
    }

    /** The paths the update reads (in SET values). */
    public List<Path> readPaths() {
        List<Path> out = new ArrayList<>();
        actions.stream().filter(a -> a instanceof Set).forEach(a -> Operand.paths(((Set) a).value(), out));
        return out;
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
                AttributeValue v = s.value().value(before);
                if (v == null) {
                    throw AwsException.validation(Operand.UNDEFINED);
                }
                setValues.put(s.path(), v);
            }
        }
        Map<String, AttributeValue> item = before;
        for (Path p : inIndexOrder(new ArrayList<>(setValues.keySet()))) {
            item = Documents.set(item, p, setValues.get(p));
        }
        List<Path> removals = new ArrayList<>();
        actions.stream().filter(a -> a instanceof Remove).forEach(a -> removals.add(a.path()));
        removals.sort(Comparator.comparingInt(UpdateExpression::lastIndex).reversed());
        for (Path p : removals) {
            item = Documents.remove(item, p);
        }
        List<Path> adds = new ArrayList<>();
        Map<Path, AttributeValue> addValues = new LinkedHashMap<>();
        for (Action a : actions) {
            if (a instanceof Add add) {
                adds.add(add.path());
                addValues.put(add.path(), add.value());
            }
        }
        for (Path p : inIndexOrder(adds)) {
            item = Documents.set(item, p, added(p.get(item), addValues.get(p), wrongType()));
        }
        for (Action a : actions) {
            if (a instanceof Delete d) {
                AttributeValue left = deleted(d.path().get(item), d.value(), wrongType());
                item = left == null ? Documents.remove(item, d.path()) : Documents.set(item, d.path(), left);
            }
        }
        return item;
    }

    /**
     * The paths in their order, except that paths into the same list by index take their places in index order
     * ({@code SET l[4] = :a, l[2] = :b} on a two-element list appends {@code :b}, then {@code :a}).
     */
    private static List<Path> inIndexOrder(List<Path> paths) {
        Map<Path, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            if (paths.get(i).last() instanceof Path.Index) {
                positions.computeIfAbsent(paths.get(i).parent(), k -> new ArrayList<>()).add(i);
            }
        }
        List<Path> out = new ArrayList<>(paths);
        for (List<Integer> at : positions.values()) {
            List<Path> group = new ArrayList<>();
            at.forEach(i -> group.add(paths.get(i)));
            group.sort(Comparator.comparingInt(UpdateExpression::lastIndex));
            for (int k = 0; k < at.size(); k++) {
                out.set(at.get(k), group.get(k));
            }
        }
        return out;
    }

    private static int lastIndex(Path p) {
        return p.last() instanceof Path.Index i ? i.index() : -1;
    }

    private static AttributeValue added(AttributeValue current, AttributeValue value, String wrongType) {
        if (current == null) {
            return value;
        }
        AttributeValues.Type t = AttributeValues.typeOf(current);
        if (t != AttributeValues.typeOf(value)) {
            throw AwsException.validation(wrongType);
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
            default -> throw AwsException.validation(wrongType);
        };
    }

    private static AttributeValue deleted(AttributeValue current, AttributeValue value, String wrongType) {
        if (current == null) {
            return null;
        }
        AttributeValues.Type t = AttributeValues.typeOf(current);
        if (t != AttributeValues.typeOf(value)) {
            throw AwsException.validation(wrongType);
        }
        List<?> left = switch (t) {
            case SS -> current.ss().stream().filter(x -> !value.ss().contains(x)).toList();
            case BS -> current.bs().stream().filter(x -> !value.bs().contains(x)).toList();
            case NS -> current.ns().stream().filter(x -> value.ns().stream().noneMatch(n -> sameNumber(x, n))).toList();
            default -> throw AwsException.validation(wrongType);
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
