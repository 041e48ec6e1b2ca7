package io.eventharness.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Layers point one way: no two packages of the emulator depend on each other, directly or through others
 * ({@code http} at the bottom, codecs and routing above it, services above those, the request pipeline and
 * the assembly on top). Read from the sources' references to {@code io.eventharness.emulator.<package>.}; each
 * cycle found is reported with the files that close it.
 */
class LayersTest {
    static final String ROOT = "io.eventharness.emulator";

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        assertThat(cycles(Path.of("src/main/java"), ROOT)).isEmpty();
    }

    /** Every package of the tree has a package-info.java saying what the layer does and may import. */
    @Test
    void everyPackageSaysWhatItIs() throws IOException {
        Path base = Path.of("src/main/java", ROOT.split("\\."));
        List<String> missing = new ArrayList<>();
        try (Stream<Path> dirs = Files.walk(base)) {
            dirs.filter(Files::isDirectory).filter(LayersTest::hasJava)
                    .filter(d -> !Files.exists(d.resolve("package-info.java")))
                    .forEach(d -> missing.add(base.relativize(d).toString()));
        }
        assertThat(missing).as("packages without package-info.java").isEmpty();
    }

    /** Strongly connected groups of packages (size > 1), each with the edges inside it and a file for each edge. */
    static List<String> cycles(Path sources, String root) {
        Map<String, Map<String, String>> edges = new TreeMap<>(); // package -> (package it uses -> a file using it)
        Pattern ref = Pattern.compile(Pattern.quote(root) + "((?:\\.[a-z][a-z0-9_]*)*)\\.[A-Z]");
        Path base = sources.resolve(root.replace('.', '/'));
        try (Stream<Path> files = Files.walk(base)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                String pkg = root + (base.relativize(f.getParent()).toString().isEmpty() ? ""
                        : "." + base.relativize(f.getParent()).toString().replace('/', '.'));
                Matcher m = ref.matcher(read(f));
                while (m.find()) {
                    String used = root + m.group(1);
                    if (!used.equals(pkg)) {
                        edges.computeIfAbsent(pkg, k -> new TreeMap<>()).putIfAbsent(used, base.relativize(f).toString());
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> out = new ArrayList<>();
        for (Set<String> group : stronglyConnected(edges)) {
            StringBuilder b = new StringBuilder("cycle among " + group + ":");
            for (String from : group) {
                edges.getOrDefault(from, Map.of()).forEach((to, file) -> {
                    if (group.contains(to)) {
                        b.append("\n  ").append(from).append(" -> ").append(to).append(" (").append(file).append(')');
                    }
                });
            }
            out.add(b.toString());
        }
        return out;
    }

    /** Tarjan's algorithm; only groups of more than one package. */
    private static List<Set<String>> stronglyConnected(Map<String, Map<String, String>> edges) {
        Set<String> nodes = new TreeSet<>(edges.keySet());
        edges.values().forEach(m -> nodes.addAll(m.keySet()));
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> groups = new ArrayList<>();
        int[] counter = {0};
        for (String n : nodes) {
            if (!index.containsKey(n)) {
                visit(n, edges, index, low, stack, onStack, groups, counter);
            }
        }
        return groups;
    }

    private static void visit(String v, Map<String, Map<String, String>> edges, Map<String, Integer> index,
                              Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                              List<Set<String>> groups, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : edges.getOrDefault(v, Map.of()).keySet()) {
            if (!index.containsKey(w)) {
                visit(w, edges, index, low, stack, onStack, groups, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> group = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                group.add(w);
            } while (!w.equals(v));
            if (group.size() > 1) {
                groups.add(group);
            }
        }
    }

    private static boolean hasJava(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
