package io.eventharness.harness.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packages are made once per content, reproducibly, in the layout Lambda expects. */
class PackagesTest {
    @TempDir
    Path dir;

    private static List<String> names(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        return names;
    }

    @Test
    void unchangedFilesGiveTheSamePackageWithoutZippingAgain() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("fn.py"), "x = 1");
        CodePackage first = Packages.ofFolder(src);
        assertThat(Packages.ofFolder(src)).isSameAs(first);

        Files.writeString(src.resolve("fn.py"), "x = 2");
        Files.setLastModifiedTime(src.resolve("fn.py"), FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        CodePackage changed = Packages.ofFolder(src);
        assertThat(changed.sha256Base64()).isNotEqualTo(first.sha256Base64());
    }

    @Test
    void theSameFilesGiveTheSameBytesWhateverTheirTimes() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("fn.py"), "x = 1");
        String before = Packages.ofFolder(src).sha256Base64();
        Files.setLastModifiedTime(src.resolve("fn.py"), FileTime.fromMillis(1_000_000_000_000L)); // touched, not changed
        assertThat(Packages.ofFolder(src).sha256Base64()).isEqualTo(before);
    }

    @Test
    void classesGoAtTheRootAndJarsInLib() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes/example"));
        Files.writeString(classes.resolve("Fn.class"), "not really a class");
        Path jar = Files.writeString(dir.resolve("dep-1.0.jar"), "not really a jar");
        CodePackage p = Packages.ofClasses(dir.resolve("classes"), List.of(jar));
        assertThat(names(p.bytes())).containsExactly("example/Fn.class", "lib/dep-1.0.jar");
    }

    @Test
    void aFileIsHashedAsItIs() throws Exception {
        Path zip = dir.resolve("fn.jar");
        Files.write(zip, Packages.ofFolder(Files.createDirectories(dir.resolve("x"))).bytes());
        CodePackage p = Packages.ofFile(zip);
        assertThat(p.bytes()).isEqualTo(Files.readAllBytes(zip));
        assertThat(p.sha256Hex()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(zip))));
        assertThat(Packages.ofFile(zip)).isSameAs(p);
    }

    @Test
    void theModulesRuntimeJarsLeaveTheTestOnlyLibrariesOut() throws Exception {
        List<Path> jars = ModuleClasspath.runtimeJars();
        assertThat(jars).contains(jarOf(software.amazon.awssdk.services.s3.S3Client.class));
        assertThat(jars).doesNotContain(jarOf(org.junit.jupiter.api.Test.class), jarOf(org.assertj.core.api.Assertions.class),
                jarOf(org.opentest4j.AssertionFailedError.class), jarOf(org.awaitility.Awaitility.class));
        assertThat(jars).allMatch(j -> j.toString().endsWith(".jar"));
    }

    private static Path jarOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().normalize();
    }
}
