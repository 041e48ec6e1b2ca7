package io.eventharness.emulator.dynamodb.expr;

import io.eventharness.emulator.core.AwsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Changes and projections of items by document path. Items are never changed in place: each change returns a new
 * item (the values are immutable), so that the item before a change stays what the stream and
 * {@code ReturnValues} show as the old image.
 */
public final class Documents {
    static final String INVALID_PATH = "The document path provided in the update expression is invalid for update";

    private Documents() {
    }

    /**
     * The item with {@code value} at {@code path}. A nested path needs its parent to exist as a map (name) or a
     * list (index); an index past a list's end appends.
     */
    public static Map<String, AttributeValue> set(Map<String, AttributeValue> item, Path path, AttributeValue value) {
        Map<String, AttributeValue> out = new LinkedHashMap<>(item);
        if (path.isTopLevel()) {
            out.put(path.head(), value);
            return out;
        }
        AttributeValue top = item.get(path.head());
        if (top == null) {
            throw AwsException.validation(INVALID_PATH);
        }
        out.put(path.head(), setIn(top, path.elements(), 1, value));
        return out;
    }

    private static AttributeValue setIn(AttributeValue container, List<Path.Element> path, int i, AttributeValue value) {
        Path.Element e = path.get(i);
        boolean last = i == path.size() - 1;
        if (e instanceof Path.Name n) {
            if (!container.hasM()) {
                throw AwsException.validation(INVALID_PATH);
            }
            Map<String, AttributeValue> m = new LinkedHashMap<>(container.m());
            if (last) {
                m.put(n.name(), value);
            } else {
                AttributeValue child = m.get(n.name());
                if (child == null) {
                    throw AwsException.validation(INVALID_PATH);
                }
                m.put(n.name(), setIn(child, path, i + 1, value));
            }
            return AttributeValue.fromM(m);
        }
        int index = ((Path.Index) e).index();
        if (!container.hasL()) {
            throw AwsException.validation(INVALID_PATH);
        }
        List<AttributeValue> l = new ArrayList<>(container.l());
        if (last) {
            if (index >= l.size()) {
                l.add(value);
            } else {
                l.set(index, value);
            }
        } else {
            if (index >= l.size()) {
                throw AwsException.validation(INVALID_PATH);
            }
            l.set(index, setIn(l.get(index), path, i + 1, value));
        }
        return AttributeValue.fromL(l);
    }

    /**
     * The item without what is at {@code path}; removing from a list shifts the later elements down. A path whose
     * last step is missing changes nothing; one whose parent is missing or not a map or list is invalid.
     */
    public static Map<String, AttributeValue> remove(Map<String, AttributeValue> item, Path path) {
        Map<String, AttributeValue> out = new LinkedHashMap<>(item);
        if (path.isTopLevel()) {
            out.remove(path.head());
            return out;
        }
        AttributeValue top = item.get(path.head());
        if (top == null) {
            throw AwsException.validation(INVALID_PATH);
        }
        out.put(path.head(), removeIn(top, path.elements(), 1));
        return out;
    }

    private static AttributeValue removeIn(AttributeValue container, List<Path.Element> path, int i) {
        Path.Element e = path.get(i);
        boolean last = i == path.size() - 1;
        if (e instanceof Path.Name n) {
            if (!container.hasM()) {
                throw AwsException.validation(INVALID_PATH);
            }
            Map<String, AttributeValue> m = new LinkedHashMap<>(container.m());
            AttributeValue child = m.get(n.name());
            if (last) {
                m.remove(n.name());
            } else if (child == null) {
                throw AwsException.validation(INVALID_PATH);
            } else {
                m.put(n.name(), removeIn(child, path, i + 1));
            }
            return AttributeValue.fromM(m);
        }
        int index = ((Path.Index) e).index();
        if (!container.hasL()) {
            throw AwsException.validation(INVALID_PATH);
        }
        List<AttributeValue> l = new ArrayList<>(container.l());
        if (index >= l.size()) {
            if (last) {
                return container;
            }
            throw AwsException.validation(INVALID_PATH);
        }
        if (last) {
            l.remove(index);
        } else {
            l.set(index, removeIn(l.get(index), path, i + 1));
        }
        return AttributeValue.fromL(l);
    }

    /**
     * The parts of an item that the paths name, nested as in the item; elements picked from a list keep their
     * order and close up ({@code a[3]} alone gives a one-element list). Paths the item lacks are left out.
     */
    public static Map<String, AttributeValue> project(Map<String, AttributeValue> item, List<Path> paths) {
        Map<String, Object> tree = new LinkedHashMap<>();
        for (Path p : paths) {
            AttributeValue v = p.get(item);
            if (v != null) {
                place(tree, p.elements(), v);
            }
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (String name : item.keySet()) { // the item's order, not the paths'
            if (tree.containsKey(name)) {
                out.put(name, build(tree.get(name)));
            }
        }
        return out;
    }

    /** Puts a value into a tree of maps (names) and sorted maps (list indexes). */
    @SuppressWarnings("unchecked")
    private static void place(Map<String, Object> tree, List<Path.Element> path, AttributeValue v) {
        Object node = tree;
        for (int i = 0; i < path.size(); i++) {
            Path.Element e = path.get(i);
            boolean last = i == path.size() - 1;
            Object key = e instanceof Path.Name n ? n.name() : ((Path.Index) e).index();
            Map<Object, Object> map = (Map<Object, Object>) node;
            if (last) {
                map.put(key, v);
                return;
            }
            Object child = map.get(key);
            if (child instanceof AttributeValue) {
                return; // a shorter path already took the whole value
            }
            if (child == null) {
                child = path.get(i + 1) instanceof Path.Name ? new LinkedHashMap<>() : new TreeMap<>();
                map.put(key, child);
            }
            node = child;
        }
    }

    @SuppressWarnings("unchecked")
    private static AttributeValue build(Object node) {
        if (node instanceof AttributeValue v) {
            return v;
        }
        if (node instanceof TreeMap<?, ?> list) {
            List<AttributeValue> l = new ArrayList<>();
            ((TreeMap<Integer, Object>) list).values().forEach(x -> l.add(build(x)));
            return AttributeValue.fromL(l);
        }
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        ((Map<String, Object>) node).forEach((k, x) -> m.put(k, build(x)));
        return AttributeValue.fromM(m);
    }
}
