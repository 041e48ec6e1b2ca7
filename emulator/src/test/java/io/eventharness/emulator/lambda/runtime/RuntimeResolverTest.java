package io.eventharness.emulator.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runtime ids to interpreters: the rules on fake interpreter trees (files that start like ELF binaries, JDK
 * homes with a {@code release} file), and what this machine resolves to, whatever is installed.
 */
class RuntimeResolverTest {
    @TempDir
    Path root;

    /** A file that passes for a native interpreter. */
    private Path binary(String path) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private Path script(String path) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/usr/bin/env bash\nexec pyenv exec \"$0\" \"$@\"\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private Path jdk(String path, String version) throws IOException {
        Path home = root.resolve(path);
        binary(path + "/bin/java");
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    private InstalledRuntimes.SearchPath pythonsIn(String... binDirs) {
        return new InstalledRuntimes.SearchPath(List.of(binDirs).stream().map(root::resolve).toList(), List.of(), List.of(), List.of());
    }

    private InstalledRuntimes.SearchPath jdksIn(String parent) {
        return new InstalledRuntimes.SearchPath(List.of(), List.of(), List.of(), List.of(root.resolve(parent)));
    }

    @Test
    void pythonIsTheExactVersionFromPyenvAndItsShimsAreSkipped() throws Exception {
        script("pyenv/shims/python3.12");
        Path system = binary("usr/bin/python3.11");
        Path pyenv = binary("pyenv/versions/3.12.1/bin/python3.12");
        Map<String, String> env = Map.of("PATH", root.resolve("pyenv/shims") + ":" + root.resolve("usr/bin"),
                "PYENV_ROOT", root.resolve("pyenv").toString());
        RuntimeResolver resolver = RuntimeResolver.searching(InstalledRuntimes.SearchPath.of(env, root.resolve("home"), root.resolve("none")));

        assertThat(resolver.resolve("python3.12")).isEqualTo(new RuntimeResolver.Resolved("python3.12", RuntimeResolver.Family.PYTHON, pyenv, null));
        assertThat(resolver.resolve("python3.11").executable()).isEqualTo(system);
        assertThat(resolver.resolve("python3.11").warning()).isNull();
    }

    @Test
    void withoutPyenvRootTheUsersPyenvAndUvInstallationsAreFound() throws Exception {
        Path pyenv = binary("home/.pyenv/versions/3.10.13/bin/python3.10");
        Path uv = binary("home/.local/share/uv/python/cpython-3.13.1-linux-x86_64-gnu/bin/python3.13");
        RuntimeResolver resolver = RuntimeResolver.searching(InstalledRuntimes.SearchPath.of(Map.of(), root.resolve("home"), root.resolve("none")));

        assertThat(resolver.resolve("python3.10").executable()).isEqualTo(pyenv);
        assertThat(resolver.resolve("python3.13").executable()).isEqualTo(uv);
    }

    @Test
    void theNewestPatchReleaseOfAMinorVersionWinsAndThePathComesFirst() throws Exception {
        binary("versions/3.12.9/bin/python3.12");
        Path newest = binary("versions/3.12.10/bin/python3.12");
        InstalledRuntimes.SearchPath managed = new InstalledRuntimes.SearchPath(List.of(), List.of(root.resolve("versions")), List.of(), List.of());
        assertThat(RuntimeResolver.searching(managed).resolve("python3.12").executable()).isEqualTo(newest);

        Path onPath = binary("bin/python3.12");
        InstalledRuntimes.SearchPath both = new InstalledRuntimes.SearchPath(List.of(root.resolve("bin")), List.of(root.resolve("versions")), List.of(), List.of());
        assertThat(RuntimeResolver.searching(both).resolve("python3.12").executable()).isEqualTo(onPath);
    }

    @Test
    void aMissingPythonRunsOnTheLowestNewerOneWithAWarning() throws Exception {
        binary("bin/python3.11");
        Path py313 = binary("bin/python3.13");
        binary("bin/python3.14");
        RuntimeResolver resolver = RuntimeResolver.searching(pythonsIn("bin"));

        RuntimeResolver.Resolved r = resolver.resolve("python3.12");
        assertThat(r.executable()).isEqualTo(py313);
        assertThat(r.warning()).isEqualTo("Event Harness: runtime python3.12 runs on Python 3.13 (" + py313
                + "): no Python 3.12 is installed");
    }

    @Test
    void onlyWhenNothingNewerIsThereDoesAnOlderPythonRunItAndNeverOneBelow38() throws Exception {
        binary("bin/python3.7");
        Path py311 = binary("bin/python3.11");
        binary("bin/python3.10");

        RuntimeResolver.Resolved r = RuntimeResolver.searching(pythonsIn("bin")).resolve("python3.14");
        assertThat(r.executable()).isEqualTo(py311);
        assertThat(r.warning()).contains("runs on Python 3.11").contains("no Python 3.14 or newer is installed");

        Files.delete(py311);
        Files.delete(root.resolve("bin/python3.10"));
        assertThatThrownBy(() -> RuntimeResolver.searching(pythonsIn("bin")).resolve("python3.9"))
                .isInstanceOf(UnknownRuntimeException.class).hasMessageContaining("needs Python 3.8 or newer");
    }

    @Test
    void javaIsTheExactJdkElseTheOldestNewerOneAndNeverAnOlderOne() throws Exception {
        jdk("jvm/java-17-openjdk-amd64", "17.0.15");
        Path jdk22 = jdk("jvm/jdk-22", "22.0.2");
        jdk("jvm/temurin-25-jdk-amd64", "25.0.3");
        root.resolve("jvm/openjdk-17").toFile().mkdirs(); // a directory without a release file: not a JDK
        RuntimeResolver resolver = RuntimeResolver.searching(jdksIn("jvm"));

        assertThat(resolver.resolve("java17").executable()).isEqualTo(root.resolve("jvm/java-17-openjdk-amd64/bin/java").toRealPath());
        assertThat(resolver.resolve("java17").warning()).isNull();
        assertThat(resolver.resolve("java25").warning()).isNull();
        RuntimeResolver.Resolved java21 = resolver.resolve("java21");
        assertThat(java21.executable()).isEqualTo(jdk22.toRealPath().resolve("bin/java"));
        assertThat(java21.warning()).isEqualTo("Event Harness: runtime java21 runs on Java 22 (" + jdk22.toRealPath()
                + "): no Java 21 is installed");
        assertThat(resolver.resolve("java8.al2").warning()).contains("runs on Java 17");

        RuntimeResolver old = RuntimeResolver.searching(new InstalledRuntimes.SearchPath(List.of(), List.of(),
                List.of(root.resolve("jvm/java-17-openjdk-amd64")), List.of()));
        assertThatThrownBy(() -> old.resolve("java21")).isInstanceOf(UnknownRuntimeException.class)
                .hasMessageContaining("needs a JDK 21 or newer");
    }

    @Test
    void javaHomeAndTheEmulatorsJdkComeFirst() throws Exception {
        Path javaHome = jdk("opt/jdk-21", "21.0.5");
        InstalledRuntimes.SearchPath where = InstalledRuntimes.SearchPath.of(Map.of("JAVA_HOME", javaHome.toString()),
                root.resolve("home"), root.resolve("emulator-jdk"));
        assertThat(where.jdkHomes()).containsExactly(root.resolve("emulator-jdk"), javaHome);

        RuntimeResolver r = RuntimeResolver.searching(new InstalledRuntimes.SearchPath(List.of(), List.of(), where.jdkHomes(), List.of()));
        assertThat(r.resolve("java21").executable()).isEqualTo(javaHome.toRealPath().resolve("bin/java"));
    }

    @Test
    void theMachineIsLookedAtOnceAndEachRuntimeResolvedOnce() throws Exception {
        binary("bin/python3.13");
        RuntimeResolver resolver = RuntimeResolver.searching(pythonsIn("bin"));
        RuntimeResolver.Resolved first = resolver.resolve("python3.12");

        Path installedLater = binary("bin/python3.12");
        binary("bin/python3.10");
        assertThat(resolver.resolve("python3.12")).isSameAs(first);
        assertThat(resolver.resolve("python3.10").warning()).as("not rescanned").contains("runs on Python 3.13");
        assertThat(RuntimeResolver.searching(pythonsIn("bin")).resolve("python3.12").executable()).isEqualTo(installedLater);
    }

    @Test
    void anOverrideWinsAndAHomeDirectoryWorks() throws Exception {
        Path python = binary("custom/bin/python3");
        RuntimeResolver resolver = RuntimeResolver.searching(pythonsIn("nothing-here")).withOverride("python3.12", root.resolve("custom"));
        assertThat(resolver.resolve("python3.12")).isEqualTo(new RuntimeResolver.Resolved("python3.12", RuntimeResolver.Family.PYTHON, python, null));
        assertThatThrownBy(() -> resolver.withOverride("java17", root.resolve("missing/java")).resolve("java17"))
                .isInstanceOf(UnknownRuntimeException.class).hasMessageContaining("is not an executable");
    }

    @Test
    void thisMachinesRuntimesAreExactOrCarryAWarning() {
        RuntimeResolver resolver = RuntimeResolver.detect();
        for (String id : new String[] {"java17", "java21", "java25"}) {
            int wanted = Integer.parseInt(id.substring(4));
            RuntimeResolver.Resolved r;
            try {
                r = resolver.resolve(id);
            } catch (UnknownRuntimeException e) {
                assertThat(e).hasMessageContaining("needs a JDK " + wanted);
                continue;
            }
            int feature = RuntimeResolver.javaFeature(r.executable());
            assertThat(feature).isGreaterThanOrEqualTo(wanted);
            assertThat(r.warning() == null).isEqualTo(feature == wanted);
        }
        if (Runtime.version().feature() == 17) {
            assertThat(resolver.resolve("java17").warning()).isNull();
        }
        for (String id : new String[] {"python3.11", "python3.12", "python3.13"}) {
            RuntimeResolver.Resolved r = resolver.resolve(id);
            assertThat(r.warning() == null).as(id + " on " + r.executable()).isEqualTo(r.executable().getFileName().toString().equals(id));
        }
    }

    @Test
    void providedRunsTheBootstrapAndOtherRuntimesAreRefusedNamingThoseThatRun() {
        RuntimeResolver resolver = RuntimeResolver.detect();
        assertThat(resolver.resolve("provided.al2023").family()).isEqualTo(RuntimeResolver.Family.PROVIDED);
        for (String other : new String[] {"ruby3.3", "dotnet8", "python2.7", "cobol85"}) {
            assertThatThrownBy(() -> resolver.resolve(other)).isInstanceOf(UnknownRuntimeException.class)
                    .hasMessage("The runtime " + other + " is not supported by the Event Harness emulator; it runs java8.al2, "
                            + "java11, java17, java21, java25, python3.9, python3.10, python3.11, python3.12, python3.13, "
                            + "python3.14, nodejs18.x, nodejs20.x, nodejs22.x, nodejs24.x, provided.al2, provided.al2023.");
        }
    }

    private InstalledRuntimes.SearchPath nodesIn(String installations) {
        return new InstalledRuntimes.SearchPath(List.of(), List.of(), List.of(), List.of(), List.of(root.resolve(installations)));
    }

    @Test
    void nodeIsTheExactMajorElseTheNearestNewerElseTheNearestOlder() throws Exception {
        Path node20 = binary("nvm/versions/node/v20.11.1/bin/node");
        binary("nvm/versions/node/v20.9.0/bin/node");
        Path node22 = binary("nvm/versions/node/v22.1.0/bin/node");
        Path node16 = binary("nvm/versions/node/v16.20.2/bin/node");
        RuntimeResolver resolver = RuntimeResolver.searching(nodesIn("nvm/versions/node"));

        assertThat(resolver.resolve("nodejs20.x")).isEqualTo(new RuntimeResolver.Resolved("nodejs20.x", RuntimeResolver.Family.NODE,
                node20, null));
        RuntimeResolver.Resolved r18 = resolver.resolve("nodejs18.x");
        assertThat(r18.executable()).isEqualTo(node20);
        assertThat(r18.warning()).isEqualTo("Event Harness: runtime nodejs18.x runs on Node.js 20 (" + node20
                + "): no Node.js 18 is installed");
        RuntimeResolver.Resolved r24 = resolver.resolve("nodejs24.x");
        assertThat(r24.executable()).isEqualTo(node22);
        assertThat(r24.warning()).endsWith("no Node.js 24 or newer is installed; code that needs 24 fails here");
        assertThat(node16).exists();

        RuntimeResolver none = RuntimeResolver.searching(nodesIn("nowhere"));
        assertThatThrownBy(() -> none.resolve("nodejs20.x")).isInstanceOf(UnknownRuntimeException.class)
                .hasMessageContaining("needs Node.js 16 or newer; none is installed");
    }

    @Test
    void aNodeOnThePathIsAskedItsVersion() throws Exception {
        Path node = Path.of("/usr/bin/node");
        if (!Files.isExecutable(node)) {
            throw new AssertionError("this test needs Node.js in /usr/bin (machines of this project's kind have it)");
        }
        int major = InstalledRuntimes.nodeMajor(node);
        assertThat(major).isGreaterThanOrEqualTo(16);
        RuntimeResolver resolver = RuntimeResolver.searching(new InstalledRuntimes.SearchPath(List.of(Path.of("/usr/bin")),
                List.of(), List.of(), List.of()));
        RuntimeResolver.Resolved r = resolver.resolve("nodejs" + major + ".x");
        assertThat(r.executable()).isEqualTo(node);
        assertThat(r.warning()).isNull();
    }
}
