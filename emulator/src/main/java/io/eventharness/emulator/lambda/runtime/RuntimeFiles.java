package io.eventharness.emulator.lambda.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The runtimes' own files, taken from the emulator's resources and written once to a cache directory
 * shared by every emulator on the machine ({@code /var/tmp/event-harness-runtimes-<user>} by default): the Java
 * runtime interface client and its dependencies (plus its native library, unpacked so that sandboxes
 * need not each copy it to {@code /tmp}, and {@link SpareLauncher} in a jar of its own), the Python bootstrap and the
 * Node.js bootstrap.
 *
 * <p>Each set lives in a directory named after a digest of its content and is installed by an atomic
 * rename, so concurrent emulators (parallel test JVMs) never see a half-written set. The same code works
 * from {@code target/classes} and from the shaded {@code emulator.jar}: only class-path resources are read.
 */
final class RuntimeFiles {
    private static final String JAVA_INDEX = "lambda/java-runtime/index.txt";
    private static final String PYTHON_BOOTSTRAP = "lambda/python/bootstrap.py";
    private static final String NODE_BOOTSTRAP = "lambda/node/bootstrap.js";
    private static final String LAUNCHER_CLASS = SpareLauncher.class.getName().replace('.', '/') + ".class";
    /**
     * {@link SpareLauncher}, on the class path of every Java sandbox, spare or not: a class-data archive only serves
     * a JVM whose class path starts with the one it was made with.
     */
    private static final String LAUNCHER_JAR = "event-harness-spare-launcher.jar";

    /** The Java runtime: the class path of the runtime interface client and its native library. */
    record JavaRuntime(Path directory, List<Path> classPath, Path nativeLibrary) {
    }

    private final Path root;
    private JavaRuntime java;
    private Path python;
    private Path node;

    RuntimeFiles(Path root) {
        this.root = root;
    }

    /** The default cache root under {@code parent}, per user. */
    static Path defaultRoot(Path parent) {
        return parent.resolve("event-harness-runtimes-" + System.getProperty("user.name"));
    }

    synchronized JavaRuntime java() {
        if (java == null) {
            String index = new String(resource(JAVA_INDEX), StandardCharsets.UTF_8);
            List<String> jars = index.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            byte[] launcher = resource(LAUNCHER_CLASS);
            byte[] key = (index + digest(launcher)).getBytes(StandardCharsets.UTF_8);
            Path dir = install("java-" + digest(key), tmp -> {
                for (String jar : jars) {
                    Files.write(tmp.resolve(jar), resource("lambda/java-runtime/" + jar));
                }
                writeLauncherJar(launcher, tmp.resolve(LAUNCHER_JAR));
                String ric = jars.stream().filter(j -> j.startsWith("aws-lambda-java-runtime-interface-client"))
                        .findFirst().orElseThrow(() -> new IOException("no runtime interface client in " + JAVA_INDEX));
                unpackNativeLibrary(tmp.resolve(ric), tmp.resolve("libaws-lambda-jni.so"));
            });
            List<Path> cp = new ArrayList<>();
            for (String jar : jars) {
                cp.add(dir.resolve(jar));
            }
            cp.add(dir.resolve(LAUNCHER_JAR)); // last: the RIC's classes are found first, as without it
            java = new JavaRuntime(dir, List.copyOf(cp), dir.resolve("libaws-lambda-jni.so"));
        }
        return java;
    }

    /** The directory holding {@code bootstrap.py} ({@code LAMBDA_RUNTIME_DIR} of Python sandboxes). */
    synchronized Path python() {
        if (python == null) {
            byte[] bootstrap = resource(PYTHON_BOOTSTRAP);
            python = install("python-" + digest(bootstrap), tmp -> Files.write(tmp.resolve("bootstrap.py"), bootstrap));
        }
        return python;
    }

    /** The directory holding {@code bootstrap.js} ({@code LAMBDA_RUNTIME_DIR} of Node.js sandboxes). */
    synchronized Path node() {
        if (node == null) {
            byte[] bootstrap = resource(NODE_BOOTSTRAP);
            node = install("node-" + digest(bootstrap), tmp -> Files.write(tmp.resolve("bootstrap.js"), bootstrap));
        }
        return node;
    }

    /** The native part of the runtime interface client for this machine (glibc or musl, x86_64 or aarch64). */
    private static void unpackNativeLibrary(Path ricJar, Path target) throws IOException {
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch_64";
            default -> throw new IOException("the Java runtime interface client has no native library for "
                    + System.getProperty("os.arch"));
        };
        boolean musl;
        try (Stream<Path> lib = Files.list(Path.of("/lib"))) {
            musl = lib.anyMatch(p -> p.getFileName().toString().startsWith("ld-musl-"));
        } catch (IOException e) {
            musl = false;
        }
        String name = "jni/libaws-lambda-jni.linux" + (musl ? "_musl-" : "-") + arch + ".so";
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(ricJar))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) {
                    Files.copy(zip, target);
                    return;
                }
            }
        }
        throw new IOException(name + " is not in " + ricJar);
    }

    /** A jar holding only {@link SpareLauncher}; fixed times, so that equal content makes an equal file. */
    private static void writeLauncherJar(byte[] launcherClass, Path target) throws IOException {
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(target))) {
            JarEntry e = new JarEntry(LAUNCHER_CLASS);
            e.setTime(0);
            jar.putNextEntry(e);
            jar.write(launcherClass);
            jar.closeEntry();
        }
    }

    private interface Writer {
        void write(Path dir) throws IOException;
    }

    /** {@code root/name}, written through {@code writer} into a private directory renamed into place. */
    private Path install(String name, Writer writer) {
        Path dir = root.resolve(name);
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Path tmp = null;
        try {
            Files.createDirectories(root);
            tmp = Files.createTempDirectory(root, name + ".partial-");
            writer.write(tmp);
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // another emulator installed it first
        } catch (IOException e) {
            if (!Files.isDirectory(dir)) {
                throw new UncheckedIOException("cannot install the Lambda runtime files in " + dir, e);
            }
        } finally {
            if (tmp != null) {
                deleteTree(tmp);
            }
        }
        return dir;
    }

    private static byte[] resource(String name) {
        try (InputStream in = RuntimeFiles.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " (is the emulator built with Maven?)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String digest(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes a directory tree, best effort. */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left behind
                }
            });
        } catch (IOException e) {
            // left behind
        }
    }
}
