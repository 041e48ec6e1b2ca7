package io.eventharness.emulator.dynamodb.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A document path of an expression: a top-level attribute name followed by map keys ({@code .name}) and list
 * indexes ({@code [2]}), placeholders already resolved.
 */
public record Path(List<Element> elements) {

    /** One step of a path. */
    public sealed interface Element permits Name, Index {
    }

    /** A map key (or, first, the attribute's name). */
    public record Name(String name) implements Element {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A list index. */
    public record Index(int index) implements Element {
        @Override
        public String toString() {
            return "[" + index + "]";
        }
    }

    public Path {
        elements = List.copyOf(elements);
        if (elements.isEmpty() || !(elements.get(0) instanceof Name)) {
            throw new IllegalArgumentException("a path starts with an attribute name");
        }
    }

    /** A path of one top-level attribute. */
    public static Path of(String attribute) {
        return new Path(List.of(new Name(attribute)));
    }

    /** The top-level attribute the path starts at. */
    public String head() {
        return ((Name) elements.get(0)).name();
    }

    public boolean isTopLevel() {
        return elements.size() == 1;
    }

    /** The path without its last element (for a top-level path: null). */
    public Path parent() {
        return isTopLevel() ? null : new Path(elements.subList(0, elements.size() - 1));
    }

    public Element last() {
        return elements.get(elements.size() - 1);
    }

    /** The same path with one more element. */
    public Path then(Element e) {
        List<Element> l = new ArrayList<>(elements);
        l.add(e);
        return new Path(l);
    }

    /** The value at this path, or null when the item has none there. */
    public AttributeValue get(Map<String, AttributeValue> item) {
        AttributeValue v = item.get(head());
        for (int i = 1; i < elements.size() && v != null; i++) {
            v = step(v, elements.get(i));
        }
        return v;
    }

    static AttributeValue step(AttributeValue v, Element e) {
        if (e instanceof Name n) {
            return v.hasM() ? v.m().get(n.name()) : null;
        }
        int i = ((Index) e).index();
        return v.hasL() && i < v.l().size() ? v.l().get(i) : null;
    }

    /**
     * How two paths clash: "overlap" when one is the other or leads into it ({@code a} and {@code a.b}), "conflict"
     * when they agree up to a step that is a map key in one and a list index in the other ({@code a.b} and
     * {@code a[1]}); null when they do not clash.
     */
    public String clash(Path other) {
        int n = Math.min(elements.size(), other.elements.size());
        for (int i = 0; i < n; i++) {
            Element a = elements.get(i);
            Element b = other.elements.get(i);
            if (!a.equals(b)) {
                return a.getClass() != b.getClass() ? "conflict" : null;
            }
        }
        return "overlap";
    }

    /** Whether one path is the other or leads into it ({@code a} and {@code a.b}). */
    public boolean overlaps(Path other) {
        int n = Math.min(elements.size(), other.elements.size());
        return elements.subList(0, n).equals(other.elements.subList(0, n));
    }

    /** As DynamoDB's messages show a path: {@code [a, b, [1]]}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        elements.forEach(e -> parts.add(e.toString()));
        return "[" + String.join(", ", parts) + "]";
    }
}
