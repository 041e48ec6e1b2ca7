package io.eventharness.emulator.lambda.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Supplier;

/**
 * Maps a Lambda runtime id to what runs it on this machine: the exact version when it is installed, else the
 * nearest one that can run the function, with a line for the function's log saying so
 * ({@link Resolved#warning()}).
 *
 * <ul>
 *   <li>{@code javaNN} ({@code java8.al2}, {@code java11}, {@code java17}, {@code java21}, {@code java25}): a JDK of
 *       exactly that feature version, else the oldest installed JDK newer than it (a JVM runs the class files of
 *       older releases; an older JVM cannot run newer ones, so there is no fallback below);</li>
 *   <li>{@code python3.x} ({@code python3.9} to {@code python3.14}): a {@code python3.x} interpreter, else the
 *       oldest installed {@code python3.y} with {@code y > x} (Python keeps running older code, with deprecation
 *       warnings at most), else the newest {@code python3.y} with {@code 8 <= y < x} (the Python bootstrap needs
 *       3.8; code that uses newer features fails there);</li>
 *   <li>{@code nodejsN.x} ({@code nodejs18.x}, {@code nodejs20.x}, {@code nodejs22.x}, {@code nodejs24.x}): a Node.js
 *       of major version N, else the oldest newer one, else the newest older one from 16 on (code that needs N may
 *       fail there), run by our own bootstrap ({@code lambda/node/bootstrap.js});</li>
 *   <li>{@code provided.al2023}, {@code provided.al2}: the task root's {@code bootstrap} executable.</li>
 * </ul>
 * Any other runtime ({@code ruby3.3}, {@code dotnet8}, ...) is refused, naming those it runs ({@link #SUPPORTED}):
 * the Lambda API refuses it at {@code CreateFunction}.
 * Where interpreters are looked for, and in which order, is {@link InstalledRuntimes}'s business; the machine
 * is looked at once per resolver, on first use, and each runtime id is resolved once.
 *
 * <p>Overrides: a system property {@code eventharness.runtime.<id>} (e.g.
 * {@code -Deventharness.runtime.java21=/opt/jdk-21/bin/java}; a JDK or Python home directory works too), or
 * {@link #withOverride(String, Path)}.
 */
public final class RuntimeResolver {
    /** The kind of runtime: how the sandbox process is started. */
    public enum Family { JAVA, PYTHON, NODE, PROVIDED }

    /**
     * A resolved runtime.
     *
     * @param runtime    the runtime id
     * @param family     how it is started
     * @param executable the {@code java} or {@code python} binary; null for {@code provided.*}
     * @param warning    a line for the function's log when the interpreter is not the exact version; else null
     */
    public record Resolved(String runtime, Family family, Path executable, String warning) {
    }

    private static final Pattern JAVA = Pattern.compile("java(8)\\.al2|java(11|17|21|25)");
    private static final Pattern PYTHON = Pattern.compile("python3\\.(9|1[0-4])");
    private static final Pattern NODE = Pattern.compile("nodejs(18|20|22|24)\\.x");
    /** The runtime ids this engine runs, as the Lambda API names them. */
    public static final List<String> SUPPORTED = List.of("java8.al2", "java11", "java17", "java21", "java25", "python3.9",
            "python3.10", "python3.11", "python3.12", "python3.13", "python3.14", "nodejs18.x", "nodejs20.x", "nodejs22.x",
            "nodejs24.x", "provided.al2", "provided.al2023");
    /** The oldest Python the bootstrap runs on ({@code -X pycache_prefix} is 3.8's). */
    static final int MIN_PYTHON_MINOR = 8;
    /** The oldest Node.js the bootstrap runs on. */
    static final int MIN_NODE_MAJOR = 16;

    private final Map<String, Path> overrides;
    private final Supplier<InstalledRuntimes> installed;
    private final Map<String, Resolved> cache = new ConcurrentHashMap<>();

    private RuntimeResolver(Map<String, Path> overrides, Supplier<InstalledRuntimes> installed) {
        this.overrides = Map.copyOf(overrides);
        this.installed = installed;
    }

    /** The machine's interpreters, with the {@code eventharness.runtime.*} system properties applied. */
    public static RuntimeResolver detect() {
        Map<String, Path> o = new LinkedHashMap<>();
        Properties p = System.getProperties();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith("eventharness.runtime.")) {
                o.put(name.substring("eventharness.runtime.".length()), Path.of(p.getProperty(name)));
            }
        }
        return new RuntimeResolver(o, memoize(() -> InstalledRuntimes.scan(InstalledRuntimes.SearchPath.ofThisMachine())));
    }

    /** The interpreters found in {@code where} only, without overrides. */
    static RuntimeResolver searching(InstalledRuntimes.SearchPath where) {
        return new RuntimeResolver(Map.of(), memoize(() -> InstalledRuntimes.scan(where)));
    }

    /** A copy that runs {@code runtime} with {@code executable} (a binary, or a JDK or Python home). */
    public RuntimeResolver withOverride(String runtime, Path executable) {
        Map<String, Path> o = new LinkedHashMap<>(overrides);
        o.put(runtime, executable);
        return new RuntimeResolver(o, installed);
    }

    /**
     * What runs {@code runtime}.
     *
     * @throws UnknownRuntimeException for an id that is not a runtime this engine runs, or whose
     *                                 interpreter is not installed
     */
    public Resolved resolve(String runtime) {
        if (runtime == null) {
            throw new UnknownRuntimeException(null, "Runtime is required for a .zip deployment package.");
        }
        return cache.computeIfAbsent(runtime, this::find);
    }

    private Resolved find(String runtime) {
        Matcher java = JAVA.matcher(runtime);
        if (java.matches()) {
            int feature = Integer.parseInt(java.group(1) != null ? java.group(1) : java.group(2));
            return overridden(runtime, Family.JAVA).orElseGet(() -> findJava(runtime, feature));
        }
        Matcher python = PYTHON.matcher(runtime);
        if (python.matches()) {
            int minor = Integer.parseInt(python.group(1));
            return overridden(runtime, Family.PYTHON).orElseGet(() -> findPython(runtime, minor));
        }
        Matcher node = NODE.matcher(runtime);
        if (node.matches()) {
            int major = Integer.parseInt(node.group(1));
            return overridden(runtime, Family.NODE).orElseGet(() -> findNode(runtime, major));
        }
        if (runtime.equals("provided.al2023") || runtime.equals("provided.al2")) {
            return new Resolved(runtime, Family.PROVIDED, null, null);
        }
        throw new UnknownRuntimeException(runtime, "The runtime " + runtime + " is not supported by the Event Harness "
                + "emulator; it runs " + String.join(", ", SUPPORTED) + ".");
    }

    private Optional<Resolved> overridden(String runtime, Family family) {
        Path p = overrides.get(runtime);
        if (p == null) {
            return Optional.empty();
        }
        if (Files.isDirectory(p)) {
            p = p.resolve("bin").resolve(switch (family) {
                case JAVA -> "java";
                case NODE -> "node";
                default -> "python3";
            });
        }
        if (!Files.isExecutable(p)) {
            throw new UnknownRuntimeException(runtime, "eventharness.runtime." + runtime + " is not an executable: " + p);
        }
        return Optional.of(new Resolved(runtime, family, p, null));
    }

    private Resolved findJava(String runtime, int feature) {
        List<InstalledRuntimes.Jdk> jdks = installed.get().jdks();
        Optional<InstalledRuntimes.Jdk> exact = jdks.stream().filter(j -> j.feature() == feature).findFirst();
        if (exact.isPresent()) {
            return new Resolved(runtime, Family.JAVA, exact.get().java(), null);
        }
        InstalledRuntimes.Jdk newer = jdks.stream().filter(j -> j.feature() > feature)
                .min(Comparator.comparingInt(InstalledRuntimes.Jdk::feature))
                .orElseThrow(() -> new UnknownRuntimeException(runtime, "The runtime " + runtime
                        + " needs a JDK " + feature + " or newer; none is installed (set -Deventharness.runtime."
                        + runtime + "=/path/to/java)."));
        return new Resolved(runtime, Family.JAVA, newer.java(), "Event Harness: runtime " + runtime + " runs on Java "
                + newer.feature() + " (" + newer.home() + "): no Java " + feature + " is installed");
    }

    private Resolved findPython(String runtime, int minor) {
        List<InstalledRuntimes.Python> pythons = installed.get().pythons();
        Optional<InstalledRuntimes.Python> exact = pythons.stream().filter(p -> p.minor() == minor).findFirst();
        if (exact.isPresent()) {
            return new Resolved(runtime, Family.PYTHON, exact.get().executable(), null);
        }
        Optional<InstalledRuntimes.Python> newer = pythons.stream().filter(p -> p.minor() > minor)
                .min(Comparator.comparingInt(InstalledRuntimes.Python::minor));
        if (newer.isPresent()) {
            InstalledRuntimes.Python p = newer.get();
            return new Resolved(runtime, Family.PYTHON, p.executable(), "Event Harness: runtime " + runtime
                    + " runs on Python 3." + p.minor() + " (" + p.executable() + "): no Python 3." + minor + " is installed");
        }
        InstalledRuntimes.Python older = pythons.stream().filter(p -> p.minor() < minor && p.minor() >= MIN_PYTHON_MINOR)
                .max(Comparator.comparingInt(InstalledRuntimes.Python::minor))
                .orElseThrow(() -> new UnknownRuntimeException(runtime, "The runtime " + runtime + " needs Python 3."
                        + MIN_PYTHON_MINOR + " or newer; none is installed (set -Deventharness.runtime." + runtime
                        + "=/path/to/python3)."));
        return new Resolved(runtime, Family.PYTHON, older.executable(), "Event Harness: runtime " + runtime
                + " runs on Python 3." + older.minor() + " (" + older.executable() + "): no Python 3." + minor
                + " or newer is installed; code that needs 3." + minor + " fails here");
    }

    private Resolved findNode(String runtime, int major) {
        List<InstalledRuntimes.Node> nodes = installed.get().nodes();
        Optional<InstalledRuntimes.Node> exact = nodes.stream().filter(n -> n.major() == major).findFirst();
        if (exact.isPresent()) {
            return new Resolved(runtime, Family.NODE, exact.get().executable(), null);
        }
        Optional<InstalledRuntimes.Node> newer = nodes.stream().filter(n -> n.major() > major)
                .min(Comparator.comparingInt(InstalledRuntimes.Node::major));
        if (newer.isPresent()) {
            InstalledRuntimes.Node n = newer.get();
            return new Resolved(runtime, Family.NODE, n.executable(), "Event Harness: runtime " + runtime + " runs on Node.js "
                    + n.major() + " (" + n.executable() + "): no Node.js " + major + " is installed");
        }
        InstalledRuntimes.Node older = nodes.stream().filter(n -> n.major() < major && n.major() >= MIN_NODE_MAJOR)
                .max(Comparator.comparingInt(InstalledRuntimes.Node::major))
                .orElseThrow(() -> new UnknownRuntimeException(runtime, "The runtime " + runtime + " needs Node.js "
                        + MIN_NODE_MAJOR + " or newer; none is installed (install nodejs, or set -Deventharness.runtime."
                        + runtime + "=/path/to/node)."));
        return new Resolved(runtime, Family.NODE, older.executable(), "Event Harness: runtime " + runtime + " runs on Node.js "
                + older.major() + " (" + older.executable() + "): no Node.js " + major + " or newer is installed; code that "
                + "needs " + major + " fails here");
    }

    /** The feature version of the JDK a {@code bin/java} belongs to, or -1. */
    static int javaFeature(Path javaExecutable) {
        try {
            return InstalledRuntimes.featureVersion(javaExecutable.toRealPath().getParent().getParent());
        } catch (IOException e) {
            return -1;
        }
    }

    private static <T> Supplier<T> memoize(Supplier<T> s) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = s.get();
                }
                return value;
            }
        };
    }
}
