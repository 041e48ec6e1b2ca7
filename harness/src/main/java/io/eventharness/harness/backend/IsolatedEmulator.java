package io.eventharness.harness.backend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.JarURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The emulator in a class loader of its own, so that it never shares a library with the test: whatever AWS SDK,
 * Jackson, Jetty, Netty or SLF4J versions the user's project has, the emulator runs on those it was built with.
 *
 * <p>The harness jar carries the standalone {@code emulator.jar} (already shaded: the emulator and every library it
 * needs) as a resource. It is copied once to {@code <java.io.tmpdir>/eventharness-emulator-<user>/}, named after the
 * harness jar it came from, and loaded by a {@link URLClassLoader} whose parent is the JDK's platform loader: it sees
 * the JDK and nothing of the test's class path. The harness talks to it through {@code io.eventharness.emulator.Bridge},
 * by reflection and with JDK types only (start, endpoint, region, clock, trail, close); one loader serves every
 * emulator of the JVM (their classes load once), and while a call runs, the
 * thread's context class loader is the emulator's, so the threads it starts look up classes there too.
 *
 * <p>Within this repository's build, the harness's own tests run before the harness jar exists: there,
 * {@code -Deventharness.emulator.classes=<emulator/target/classes>} loads the emulator from its classes and the jars
 * listed in {@code emulator-classpath.txt} beside them, isolated the same way.
 */
final class IsolatedEmulator implements AutoCloseable {
    /** The system property naming the emulator's classes folder (a build of this repository). */
    static final String CLASSES_PROPERTY = "eventharness.emulator.classes";
    static final String RESOURCE = "emulator.jar";

    private final URLClassLoader loader;
    private final Object bridge;

    private IsolatedEmulator(URLClassLoader loader, Object bridge) {
        this.loader = loader;
        this.bridge = bridge;
    }

    /** The emulator's class loader, one per JVM: emulators started one after another share its loaded classes. */
    private static URLClassLoader shared;

    private static synchronized URLClassLoader loader() {
        if (shared == null) {
            shared = new URLClassLoader("eventharness-emulator", classPath(), ClassLoader.getPlatformClassLoader());
        }
        return shared;
    }

    /** Starts an emulator, loaded in its own class loader, with these options (see {@code Bridge.start}). */
    static IsolatedEmulator start(Map<String, String> options) {
        URLClassLoader loader = loader();
        try {
            Class<?> type = loader.loadClass("io.eventharness.emulator.Bridge");
            Object bridge = within(loader, () -> type.getMethod("start", Map.class).invoke(null, options));
            return new IsolatedEmulator(loader, bridge);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the emulator jar has no io.eventharness.emulator.Bridge: " + e, e);
        }
    }

    /**
     * A static answer of the emulator's {@code Bridge} ({@code services}, {@code features}): loads its classes, starts
     * nothing.
     */
    @SuppressWarnings("unchecked")
    static List<String> describe(String what) {
        URLClassLoader loader = loader();
        try {
            Class<?> type = loader.loadClass("io.eventharness.emulator.Bridge");
            return List.copyOf((List<String>) within(loader, () -> type.getMethod(what).invoke(null)));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the emulator jar has no io.eventharness.emulator.Bridge: " + e, e);
        }
    }

    URI endpoint() {
        return (URI) call("endpoint");
    }

    String region() {
        return (String) call("region");
    }

    Instant now() {
        return (Instant) call("now");
    }

    void advance(Duration by) {
        call("advance", by);
    }

    void freezeClock(boolean frozen) {
        call("freezeClock", frozen);
    }

    /** What is still pending after waiting up to {@code timeout} for the emulator to settle; empty when it did. */
    @SuppressWarnings("unchecked")
    List<String> settle(Duration timeout) {
        return (List<String>) call("settle", timeout);
    }

    long trailMark() {
        return (Long) call("trailMark");
    }

    /** Each entry a map of {@code seq}, {@code at}, {@code source}, {@code target}, {@code kind}, {@code summary}, {@code outcome}. */
    @SuppressWarnings("unchecked")
    List<Map<String, String>> trailSince(long mark) {
        return (List<Map<String, String>>) call("trailSince", mark);
    }

    /** Whether a class was loaded by the emulator's loader (for tests of the isolation). */
    boolean loaded(Class<?> type) {
        return type.getClassLoader() == loader;
    }

    Class<?> bridgeClass() {
        return bridge.getClass();
    }

    /** Stops this emulator; its classes stay loaded for the next one in this JVM. */
    @Override
    public void close() {
        call("close");
    }

    private Object call(String method, Object... args) {
        Class<?>[] types = new Class<?>[args.length];
        for (int i = 0; i < args.length; i++) {
            types[i] = args[i] instanceof Long ? long.class : args[i] instanceof Boolean ? boolean.class : args[i].getClass();
        }
        return within(loader, () -> bridge.getClass().getMethod(method, types).invoke(bridge, args));
    }

    /** Runs a reflective call with the emulator's loader as the thread's context loader; unwraps what it threw. */
    private static Object within(ClassLoader loader, Callable<Object> call) {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            return call.call();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("the emulator jar does not match this harness: " + e, e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            t.setContextClassLoader(before);
        }
    }

    /** The emulator's classes folder and its jars (a build of this repository), or the jar the harness carries. */
    static URL[] classPath() {
        String classes = System.getProperty(CLASSES_PROPERTY);
        if (classes != null && !classes.isBlank() && !classes.startsWith("${")) {
            return fromClassesFolder(Path.of(classes));
        }
        URL jar = IsolatedEmulator.class.getResource(RESOURCE);
        if (jar == null) {
            throw new BackendUnavailableException("the harness carries no " + RESOURCE + " (io/eventharness/harness/backend/"
                    + RESOURCE + "): build the harness with `mvn package` (after the emulator), or set -D" + CLASSES_PROPERTY
                    + " to the emulator's target/classes");
        }
        try {
            return new URL[] {"file".equals(jar.getProtocol()) ? jar : extracted(jar).toUri().toURL()};
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URL[] fromClassesFolder(Path classes) {
        Path list = classes.resolveSibling("emulator-classpath.txt");
        try {
            List<URL> urls = new ArrayList<>();
            urls.add(classes.toUri().toURL());
            for (String jar : Files.readString(list).trim().split(java.io.File.pathSeparator)) {
                if (!jar.isBlank()) {
                    urls.add(Path.of(jar).toUri().toURL());
                }
            }
            return urls.toArray(URL[]::new);
        } catch (IOException e) {
            throw new BackendUnavailableException("-D" + CLASSES_PROPERTY + "=" + classes + " but " + list
                    + " cannot be read (the emulator's build writes it): " + e.getMessage());
        }
    }

    /**
     * Copies of other harness jars (earlier builds) not touched for a day: each is 35 MB. A JVM still running on one
     * keeps its open file.
     */
    private static void removeOlderCopies(Path dir, Path keep) {
        long dayAgo = System.currentTimeMillis() - Duration.ofDays(1).toMillis();
        try (var copies = Files.list(dir)) {
            for (Path p : copies.filter(p -> !p.equals(keep)).toList()) {
                if (Files.getLastModifiedTime(p).toMillis() < dayAgo) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException ignored) {
            // another JVM's clean-up, or none: the copies stay
        }
    }

    /**
     * The carried jar as a file: copied once per harness jar (named after its path, size and time) and reused by
     * every later test JVM; copied to a temporary name and moved, so that JVMs starting together never see half.
     */
    static Path extracted(URL resource) {
        try {
            URLConnection c = resource.openConnection();
            String origin = c instanceof JarURLConnection j ? j.getJarFileURL().toString() : resource.toString();
            Path harnessJar = origin.startsWith("file:") ? Path.of(URI.create(origin)) : null;
            String stamp = harnessJar == null ? Integer.toHexString(origin.hashCode())
                    : Integer.toHexString((origin + Files.size(harnessJar) + Files.getLastModifiedTime(harnessJar)).hashCode());
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "eventharness-emulator-" + System.getProperty("user.name"));
            Path target = dir.resolve("emulator-" + stamp + ".jar");
            long size = c.getContentLengthLong();
            if (Files.isRegularFile(target) && (size < 0 || Files.size(target) == size)) {
                return target;
            }
            Files.createDirectories(dir);
            Path part = Files.createTempFile(dir, "emulator-", ".part");
            try (InputStream in = c.getInputStream()) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            removeOlderCopies(dir, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the emulator out of the harness jar (" + resource + ")", e);
        }
    }
}
