package io.eventharness.emulator.lambda.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Python interpreters, JDKs and Node.js installations on this machine, found by looking in the usual places
 * once, in order of preference:
 *
 * <ul>
 *   <li>Python: the {@code PATH}, {@code /usr/local/bin}, {@code /usr/bin}, {@code /bin}; then the
 *       installations of pyenv ({@code $PYENV_ROOT/versions/*}, {@code ~/.pyenv}), uv
 *       ({@code $UV_PYTHON_INSTALL_DIR}, {@code ~/.local/share/uv/python/*}), asdf, mise and
 *       {@code /opt/python/*}, newest patch release first. Only executables named {@code python3.N} count, and
 *       only native ones (ELF after symbolic links): launcher scripts such as pyenv's shims choose their
 *       version from the caller's directory and settings, not from their name.</li>
 *   <li>JDKs: the emulator's own {@code java.home}, {@code $JAVA_HOME}, then the JDK homes under
 *       {@code /usr/lib/jvm}, {@code /usr/java}, {@code /opt/java}, SDKMAN, {@code ~/.jdks}, asdf and mise;
 *       the feature version comes from each home's {@code release} file.</li>
 *   <li>Node.js: {@code node} on the {@code PATH}, in {@code /usr/local/bin}, {@code /usr/bin}, {@code /bin}, then
 *       the installations of nvm ({@code $NVM_DIR/versions/node/v*}, {@code ~/.nvm}), fnm, Volta, asdf, mise and
 *       {@code /opt/nodejs/*}, newest first. The major version comes from an installation's directory name; a
 *       {@code node} in a bin directory is asked ({@code node --version}), once, on the first Node.js function only.
 *       Native binaries only, as for Python.</li>
 * </ul>
 * Python and Java are found by directory listings alone: nothing is started. Reading the directories and binaries is
 * {@link InstallationFiles}'.
 */
final class InstalledRuntimes {
    /** A Python interpreter: {@code python3.<minor>}. */
    record Python(Path executable, int minor) {
    }

    /** A Node.js binary and its major version (20 for v20.11.1). */
    record Node(Path executable, int major) {
    }

    /** A JDK home and its feature version (17 for 17.0.15). */
    record Jdk(Path home, int feature) {
        Path java() {
            return home.resolve("bin").resolve("java");
        }
    }

    /**
     * Where to look.
     *
     * @param binDirectories      directories holding {@code python3.N} executables
     * @param pythonInstallations directories whose children are Python installations with a {@code bin/}
     * @param jdkHomes            JDK homes
     * @param jdkParents          directories whose children are JDK homes
     * @param nodeInstallations   directories whose children are Node.js installations (a version in their name)
     */
    record SearchPath(List<Path> binDirectories, List<Path> pythonInstallations, List<Path> jdkHomes, List<Path> jdkParents,
                      List<Path> nodeInstallations) {
        /** Without Node.js installations (bin directories are still searched for {@code node}). */
        SearchPath(List<Path> binDirectories, List<Path> pythonInstallations, List<Path> jdkHomes, List<Path> jdkParents) {
            this(binDirectories, pythonInstallations, jdkHomes, jdkParents, List.of());
        }

        /** This machine's: its environment, the user's home directory, the emulator's JDK. */
        static SearchPath ofThisMachine() {
            return of(System.getenv(), Path.of(System.getProperty("user.home")), Path.of(System.getProperty("java.home")));
        }

        static SearchPath of(Map<String, String> env, Path home, Path javaHome) {
            List<Path> bins = new ArrayList<>();
            String path = env.get("PATH");
            if (path != null) {
                for (String dir : path.split(":")) {
                    if (!dir.isEmpty()) {
                        bins.add(Path.of(dir));
                    }
                }
            }
            bins.addAll(List.of(Path.of("/usr/local/bin"), Path.of("/usr/bin"), Path.of("/bin")));
            Path data = env.containsKey("XDG_DATA_HOME") ? Path.of(env.get("XDG_DATA_HOME")) : home.resolve(".local/share");
            List<Path> pythons = new ArrayList<>();
            pythons.add(env.containsKey("PYENV_ROOT") ? Path.of(env.get("PYENV_ROOT"), "versions") : home.resolve(".pyenv/versions"));
            pythons.add(env.containsKey("UV_PYTHON_INSTALL_DIR") ? Path.of(env.get("UV_PYTHON_INSTALL_DIR")) : data.resolve("uv/python"));
            pythons.add(home.resolve(".asdf/installs/python"));
            pythons.add(data.resolve("mise/installs/python"));
            pythons.add(Path.of("/opt/python"));
            List<Path> jdks = new ArrayList<>(List.of(javaHome));
            if (env.containsKey("JAVA_HOME")) {
                jdks.add(Path.of(env.get("JAVA_HOME")));
            }
            List<Path> jdkParents = List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/java"), Path.of("/opt/java"),
                    home.resolve(".sdkman/candidates/java"), home.resolve(".jdks"), home.resolve(".asdf/installs/java"),
                    data.resolve("mise/installs/java"));
            List<Path> nodes = new ArrayList<>();
            nodes.add(env.containsKey("NVM_DIR") ? Path.of(env.get("NVM_DIR"), "versions/node") : home.resolve(".nvm/versions/node"));
            nodes.add(env.containsKey("FNM_DIR") ? Path.of(env.get("FNM_DIR"), "node-versions") : data.resolve("fnm/node-versions"));
            nodes.add(home.resolve(".volta/tools/image/node"));
            nodes.add(home.resolve(".asdf/installs/nodejs"));
            nodes.add(data.resolve("mise/installs/node"));
            nodes.add(Path.of("/opt/nodejs"));
            return new SearchPath(List.copyOf(bins), List.copyOf(pythons), List.copyOf(jdks), jdkParents, List.copyOf(nodes));
        }
    }

    private static final Pattern PYTHON_NAME = Pattern.compile("python3\\.(\\d+)");

    private static final Pattern NODE_VERSION = Pattern.compile("v?(\\d+)\\.\\d+\\.\\d+.*");

    private final List<Python> pythons;
    private final List<Jdk> jdks;
    private final SearchPath where;
    private List<Node> nodes;

    private InstalledRuntimes(List<Python> pythons, List<Jdk> jdks, SearchPath where) {
        this.pythons = List.copyOf(pythons);
        this.jdks = List.copyOf(jdks);
        this.where = where;
    }

    /** Every interpreter of {@code where}, each real file once, in order of preference. */
    static InstalledRuntimes scan(SearchPath where) {
        Map<Path, Python> pythons = new LinkedHashMap<>();
        where.binDirectories().forEach(dir -> addPythons(dir, pythons));
        for (Path parent : where.pythonInstallations()) {
            // newest installation first: 3.12.8 before 3.12.1 when both are there
            InstallationFiles.children(parent).stream().sorted(InstallationFiles::newerFirst)
                    .forEach(i -> addPythons(i.resolve("bin"), pythons));
        }
        Map<Path, Jdk> jdks = new LinkedHashMap<>();
        where.jdkHomes().forEach(home -> addJdk(home, jdks));
        for (Path parent : where.jdkParents()) {
            InstallationFiles.children(parent).stream().sorted().forEach(home -> addJdk(home, jdks));
        }
        return new InstalledRuntimes(new ArrayList<>(pythons.values()), new ArrayList<>(jdks.values()), where);
    }

    /** Every Node.js of the search path, each real file once, in order of preference; looked for on the first call. */
    synchronized List<Node> nodes() {
        if (nodes == null) {
            Map<Path, Node> found = new LinkedHashMap<>();
            for (Path dir : where.binDirectories()) {
                Path node = dir.resolve("node");
                if (Files.isExecutable(node)) {
                    addNode(node, null, found);
                }
            }
            for (Path parent : where.nodeInstallations()) {
                List<Path> installations = InstallationFiles.children(parent).stream().sorted(InstallationFiles::newerFirst).toList();
                for (Path installation : installations) {
                    Matcher m = NODE_VERSION.matcher(installation.getFileName().toString());
                    Path node = Files.isExecutable(installation.resolve("bin/node")) ? installation.resolve("bin/node")
                            : installation.resolve("installation/bin/node"); // fnm's layout
                    if (m.matches() && Files.isExecutable(node)) {
                        addNode(node, Integer.parseInt(m.group(1)), found);
                    }
                }
            }
            nodes = List.copyOf(found.values());
        }
        return nodes;
    }

    /** {@code major}: from the installation's name; null: asked of the binary. */
    private static void addNode(Path node, Integer major, Map<Path, Node> found) {
        try {
            Path real = node.toRealPath();
            if (found.containsKey(real) || !InstallationFiles.isElf(real)) {
                return;
            }
            int m = major != null ? major : nodeMajor(real);
            if (m > 0) {
                found.put(real, new Node(node, m));
            }
        } catch (IOException e) {
            // a dangling link
        }
    }

    /** {@code node --version} ({@code v20.11.1}): its major version, or -1. */
    static int nodeMajor(Path node) {
        try {
            Process p = new ProcessBuilder(node.toString(), "--version").redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readNBytes(200), java.nio.charset.StandardCharsets.US_ASCII).strip();
            }
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            Matcher m = NODE_VERSION.matcher(out);
            return m.matches() ? Integer.parseInt(m.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    List<Python> pythons() {
        return pythons;
    }

    List<Jdk> jdks() {
        return jdks;
    }

    private static void addPythons(Path dir, Map<Path, Python> found) {
        for (Path candidate : InstallationFiles.children(dir)) {
            Matcher m = PYTHON_NAME.matcher(candidate.getFileName().toString());
            if (!m.matches() || !Files.isExecutable(candidate)) {
                continue;
            }
            try {
                Path real = candidate.toRealPath();
                if (InstallationFiles.isElf(real)) {
                    found.putIfAbsent(real, new Python(candidate, Integer.parseInt(m.group(1))));
                }
            } catch (IOException e) {
                // a dangling link
            }
        }
    }

    private static void addJdk(Path home, Map<Path, Jdk> found) {
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

    /** The feature version from a JDK's {@code release} file ({@code JAVA_VERSION="17.0.15"}, {@code "1.8.0_412"}), or -1. */
    static int featureVersion(Path home) throws IOException {
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
}
