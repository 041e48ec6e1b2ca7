package io.eventharness.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
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
 * The harness's packages point one way (see the root's {@code package-info.java}): {@code backend},
 * {@code deploy}, {@code observe} and {@code junit} at the bottom, {@code wire} above {@code observe}, the API
 * and the JUnit extension on top. No package depends on itself through others; every package says what it is.
 * The emulator's {@code LayersTest} checks the same of the emulator; this one is written small (a path search
 * from each package back to itself) rather than shared, since test classes do not cross modules here.
 */
class LayersTest {
    static final String ROOT = "io.eventharness.harness";
    static final Path SOURCES = Path.of("src/main/java");

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        assertThat(cycles(uses(SOURCES, ROOT))).isEmpty();
    }

    @Test
    void everyPackageSaysWhatItIs() throws IOException {
        Path base = SOURCES.resolve(ROOT.replace('.', '/'));
        try (Stream<Path> dirs = Files.walk(base)) {
            assertThat(dirs.filter(Files::isDirectory).filter(d -> list(d).anyMatch(f -> f.toString().endsWith(".java")))
                    .filter(d -> !Files.exists(d.resolve("package-info.java"))).map(d -> base.relativize(d).toString()))
                    .as("packages without package-info.java").isEmpty();
        }
    }

    @Test
    void aCycleIsReportedWithTheFilesThatCloseIt() {
        Map<String, Map<String, String>> uses = Map.of(
                "a", Map.of("b", "a/A.java"), "b", Map.of("c", "b/B.java"), "c", Map.of("a", "c/C.java", "d", "c/C.java"));
        assertThat(cycles(uses)).containsExactly("a -> b (a/A.java) -> c (b/B.java) -> a (c/C.java)");
    }

    /** Package to (package it uses, to one file that uses it), from the sources' mentions of {@code root.<package>.<Type>}. */
    static Map<String, Map<String, String>> uses(Path sources, String root) {
        Pattern ref = Pattern.compile(Pattern.quote(root) + "((?:\\.[a-z][a-z0-9_]*)*)\\.[A-Z]");
        Path base = sources.resolve(root.replace('.', '/'));
        Map<String, Map<String, String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(base)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String dir = base.relativize(f.getParent()).toString();
                String pkg = root + (dir.isEmpty() ? "" : "." + dir.replace('/', '.'));
                Matcher m = ref.matcher(Files.readString(f));
                while (m.find()) {
                    String used = root + m.group(1);
                    if (!used.equals(pkg)) {
                        uses.computeIfAbsent(pkg, k -> new TreeMap<>()).putIfAbsent(used, base.relativize(f).toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uses;
    }

    /** One cycle through each package that reaches itself (a shortest one, found breadth first), each told once. */
    static List<String> cycles(Map<String, Map<String, String>> uses) {
        List<String> out = new ArrayList<>();
        Set<Set<String>> told = new HashSet<>();
        for (String start : new TreeSet<>(uses.keySet())) {
            Map<String, String> cameFrom = new HashMap<>();
            Deque<String> todo = new ArrayDeque<>(List.of(start));
            while (!todo.isEmpty() && !cameFrom.containsKey(start)) {
                String at = todo.poll();
                for (String next : uses.getOrDefault(at, Map.of()).keySet()) {
                    if (!cameFrom.containsKey(next)) {
                        cameFrom.put(next, at);
                        todo.add(next);
                    }
                }
            }
            if (!cameFrom.containsKey(start)) {
                continue;
            }
            LinkedList<String> path = new LinkedList<>(List.of(start));
            for (String at = cameFrom.get(start); !at.equals(start); at = cameFrom.get(at)) {
                path.addFirst(at);
            }
            path.addFirst(start);
            if (told.add(new HashSet<>(path))) {
                StringBuilder b = new StringBuilder(start);
                for (int i = 1; i < path.size(); i++) {
                    b.append(" -> ").append(path.get(i)).append(" (").append(uses.get(path.get(i - 1)).get(path.get(i))).append(')');
                }
                out.add(b.toString());
            }
        }
        return out;
    }

    private static Stream<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
