package io.eventharness.emulator.lambda.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Maps a Lambda runtime id to what runs it on this machine.
 *
 * <ul>
 *   <li>{@code javaNN} ({@code java8.al2}, {@code java11}, {@code java17}, {@code java21}, {@code java25}): the
 *       installed JDK of exactly that feature version, else the nearest newer one (searched in the emulator's
 *       own {@code java.home} and {@code /usr/lib/jvm/*});</li>
 *   <li>{@code python3.x} ({@code python3.9} to {@code python3.14}): the native {@code python3.x} on the
 *       {@code PATH} (or in {@code /usr/local/bin}, {@code /usr/bin}), else {@code python3}. Launcher scripts
 *       such as pyenv's shims are skipped: only a native executable (after symbolic links) counts;</li>
 *   <li>{@code provided.al2023}, {@code provided.al2}: the task root's {@code bootstrap} executable.</li>
 * </ul>
 * When the match is not exact, the sandbox writes {@link Resolved#warning()} into the function's log.
 *
 * <p>Overrides: a system property {@code eventharness.runtime.<id>} (e.g.
 * {@code -Deventharness.runtime.java21=/opt/jdk-21/bin/java}; a JDK home directory works too), or
 * {@link #withOverride(String, Path)}.
 */
public final class RuntimeResolver {
    /** The kind of runtime: how the sandbox process is started. */
    public enum Family { JAVA, PYTHON, PROVIDED }

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
    /** Runtimes AWS offers that this engine does not run. */
    private static final Pattern AWS_ONLY = Pattern.compile("nodejs\\d+\\.x|ruby3\\.\\d+|dotnet\\d+|provided");

    private final Map<String, Path> overrides;
    private final Map<String, Resolved> cache = new ConcurrentHashMap<>();

    private RuntimeResolver(Map<String, Path> overrides) {
        this.overrides = Map.copyOf(overrides);
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
        return new RuntimeResolver(o);
    }

    /** A copy that runs {@code runtime} with {@code executable} (a binary, or a JDK home). */
    public RuntimeResolver withOverride(String runtime, Path executable) {
        Map<String, Path> o = new LinkedHashMap<>(overrides);
        o.put(runtime, executable);
        return new RuntimeResolver(o);
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
        if (PYTHON.matcher(runtime).matches()) {
            return overridden(runtime, Family.PYTHON).orElseGet(() -> findPython(runtime));
        }
        if (runtime.equals("provided.al2023") || runtime.equals("provided.al2")) {
            return new Resolved(runtime, Family.PROVIDED, null, null);
        }
        if (AWS_ONLY.matcher(runtime).matches()) {
            throw new UnknownRuntimeException(runtime, "The runtime " + runtime
                    + " is not supported by Event Harness (it runs java, python3.x and provided.* functions).");
        }
        throw new UnknownRuntimeException(runtime, "Value " + runtime + " at 'runtime' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [java8.al2, java11, java17, java21, java25, python3.9, "
                + "python3.10, python3.11, python3.12, python3.13, python3.14, provided.al2, provided.al2023] "
                + "or be a valid ARN");
    }

    private Optional<Resolved> overridden(String runtime, Family family) {
        Path p = overrides.get(runtime);
        if (p == null) {
            return Optional.empty();
        }
        if (Files.isDirectory(p)) {
            p = p.resolve("bin").resolve(family == Family.JAVA ? "java" : "python3");
        }
        if (!Files.isExecutable(p)) {
            throw new UnknownRuntimeException(runtime, "eventharness.runtime." + runtime + " is not an executable: " + p);
        }
        return Optional.of(new Resolved(runtime, family, p, null));
    }

    private record Jdk(Path home, int feature) {
    }

    private static Resolved findJava(String runtime, int feature) {
        List<Jdk> jdks = installedJdks();
        Optional<Jdk> exact = jdks.stream().filter(j -> j.feature == feature).findFirst();
        if (exact.isPresent()) {
            return new Resolved(runtime, Family.JAVA, exact.get().home.resolve("bin/java"), null);
        }
        Jdk newer = jdks.stream().filter(j -> j.feature > feature).min(Comparator.comparingInt(Jdk::feature))
                .orElseThrow(() -> new UnknownRuntimeException(runtime, "The runtime " + runtime
                        + " needs a JDK " + feature + " or newer; none is installed (set -Deventharness.runtime."
                        + runtime + "=/path/to/java)."));
        return new Resolved(runtime, Family.JAVA, newer.home.resolve("bin/java"), "Event Harness: runtime " + runtime
                + " runs on Java " + newer.feature + " (" + newer.home + "): no Java " + feature + " is installed");
    }

    /** The emulator's own JDK first, then {@code /usr/lib/jvm/*}, each real directory once. */
    private static List<Jdk> installedJdks() {
        List<Path> homes = new ArrayList<>();
        homes.add(Path.of(System.getProperty("java.home")));
        try (Stream<Path> s = Files.list(Path.of("/usr/lib/jvm"))) {
            s.sorted().forEach(homes::add);
        } catch (IOException e) {
            // no system JDKs
        }
        Map<Path, Jdk> found = new LinkedHashMap<>();
        for (Path home : homes) {
            try {
                Path real = home.toRealPath();
                int feature = featureVersion(real);
                if (feature > 0 && Files.isExecutable(real.resolve("bin/java"))) {
                    found.putIfAbsent(real, new Jdk(real, feature));
                }
            } catch (IOException e) {
                // not a JDK
            }
        }
        return new ArrayList<>(found.values());
    }

    /** The feature version of the JDK a {@code bin/java} belongs to, or -1. */
    static int javaFeature(Path javaExecutable) {
        try {
            return featureVersion(javaExecutable.toRealPath().getParent().getParent());
        } catch (IOException e) {
            return -1;
        }
    }

    /** The feature version from the JDK's {@code release} file ({@code JAVA_VERSION="17.0.15"}, {@code "1.8.0_412"}). */
    private static int featureVersion(Path home) throws IOException {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return -1;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(release)) {
            p.load(in);
        }
        String v = p.getProperty("JAVA_VERSION", "").replace("\"", "");
        Matcher m = Pattern.compile("(?:1\\.)?(\\d+).*").matcher(v);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static Resolved findPython(String runtime) {
        Optional<Path> exact = nativeOnPath(runtime);
        if (exact.isPresent()) {
            return new Resolved(runtime, Family.PYTHON, exact.get(), null);
        }
        Path fallback = nativeOnPath("python3").orElseThrow(() -> new UnknownRuntimeException(runtime,
                "The runtime " + runtime + " needs a python3 interpreter; none is installed (set -Deventharness.runtime."
                        + runtime + "=/path/to/python)."));
        return new Resolved(runtime, Family.PYTHON, fallback, "Event Harness: runtime " + runtime + " runs on "
                + fallback + ": no " + runtime + " is installed");
    }

    /** The first native executable named {@code name} on the PATH, then in the usual system directories. */
    private static Optional<Path> nativeOnPath(String name) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(":")));
        }
        dirs.addAll(List.of("/usr/local/bin", "/usr/bin", "/bin"));
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate) && isNative(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** An ELF binary after symbolic links: not a launcher script that might pick another version. */
    private static boolean isNative(Path file) {
        try (InputStream in = Files.newInputStream(file.toRealPath())) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
        } catch (IOException e) {
            return false;
        }
    }
}
