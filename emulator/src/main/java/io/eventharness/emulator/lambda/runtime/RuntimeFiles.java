package io.eventharness.emulator.lambda.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
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
 * Node.js bootstrap; and, for Python sandboxes, links to the machine's boto3 and botocore ({@link #pythonSdk()}).
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
    /** Debian's {@code python3-boto3} and {@code python3-botocore}, and what they import. */
    static final String DEBIAN_DIST_PACKAGES = "/usr/lib/python3/dist-packages";
    /**
     * What AWS's Python runtimes add to the interpreter, the SDK and its dependencies, and nothing else of a site.
     * Debian's botocore imports {@code requests} (AWS's vendors it), so requests and its own dependencies come too.
     */
    static final List<String> PYTHON_SDK_PACKAGES = List.of("boto3", "botocore", "s3transfer", "jmespath", "dateutil",
            "six.py", "urllib3", "requests", "certifi", "charset_normalizer", "chardet", "idna");

    private JavaRuntime java;
    private Path python;
    private Path node;
    private final Path pythonSite;
    private Optional<Path> pythonSdk;

    RuntimeFiles(Path root) {
        this(root, Path.of(System.getProperty("eventharness.python.sdk", DEBIAN_DIST_PACKAGES)));
    }

    /** @param pythonSite the site-packages directory whose boto3 and botocore Python sandboxes get */
    RuntimeFiles(Path root, Path pythonSite) {
        this.root = root;
        this.pythonSite = pythonSite;
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

    /**
     * A directory holding boto3, botocore and their dependencies, for Python sandboxes to import as AWS's Python
     * runtimes let functions import them: links to the packages of {@code -Deventharness.python.sdk=<site-packages>},
     * else of Debian's {@code python3-boto3} ({@value #DEBIAN_DIST_PACKAGES}). Only those packages
     * ({@link #PYTHON_SDK_PACKAGES}): a function must not import here what AWS's runtime lacks (yaml, ...) just
     * because the machine has it. Empty
     * when neither has boto3 and botocore.
     */
    synchronized Optional<Path> pythonSdk() {
        if (pythonSdk == null) {
            Path site = pythonSite;
            if (!Files.isRegularFile(site.resolve("boto3/__init__.py")) || !Files.isRegularFile(site.resolve("botocore/__init__.py"))) {
                pythonSdk = Optional.empty();
            } else {
                Path real = site.toAbsolutePath().normalize();
                pythonSdk = Optional.of(install("python-sdk-" + digest((real + "\n" + PYTHON_SDK_PACKAGES).getBytes(StandardCharsets.UTF_8)), tmp -> {
                    for (String pkg : PYTHON_SDK_PACKAGES) {
                        if (Files.exists(real.resolve(pkg))) {
                            Files.createSymbolicLink(tmp.resolve(pkg), real.resolve(pkg));
                        }
                    }
                }));
            }
        }
        return pythonSdk;
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
        // a file that goes while the tree is walked (a sandbox's pipe, removed by its reader) ends the walk: walk again
        for (int attempt = 0; attempt < 3 && Files.exists(dir, LinkOption.NOFOLLOW_LINKS); attempt++) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        // left behind
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                // walked again, or left behind
            }
        }
    }
}
