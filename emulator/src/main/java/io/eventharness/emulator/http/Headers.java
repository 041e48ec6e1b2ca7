package io.eventharness.emulator.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** HTTP headers: case-insensitive names, several values each, insertion order kept for output. */
public final class Headers {
    private final Map<String, List<String>> byLowerName = new LinkedHashMap<>();
    private final Map<String, String> originalNames = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public Headers add(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        byLowerName.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
        originalNames.putIfAbsent(name, name);
        return this;
    }

    public Headers set(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        List<String> values = new ArrayList<>(1);
        values.add(value);
        byLowerName.put(key, values);
        originalNames.put(name, name);
        return this;
    }

    public Headers remove(String name) {
        byLowerName.remove(name.toLowerCase(Locale.ROOT));
        originalNames.remove(name);
        return this;
    }

    /** The first value, or null. */
    public String first(String name) {
        List<String> v = byLowerName.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public List<String> all(String name) {
        List<String> v = byLowerName.get(name.toLowerCase(Locale.ROOT));
        return v == null ? List.of() : Collections.unmodifiableList(v);
    }

    public boolean has(String name) {
        return byLowerName.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** Names in their original spelling, in insertion order. */
    public List<String> names() {
        List<String> names = new ArrayList<>(byLowerName.size());
        for (String lower : byLowerName.keySet()) {
            names.add(originalNames.getOrDefault(lower, lower));
        }
        return names;
    }

    @Override
    public String toString() {
        return byLowerName.toString();
    }
}
