package io.eventharness.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.core.AwsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deployment packages unpacked once per content, kept for a redeploy within a budget. */
class CodeCacheTest {
    @TempDir
    Path dir;

    private static byte[] zip(String name, String text) {
        return Functions.zip(Map.of(name, text)).asByteArray();
    }

    @Test
    void theSameContentIsUnpackedOnceAndSharedByItsUsers() throws Exception {
        CodeCache cache = new CodeCache(dir);
        byte[] zip = zip("a.py", "x = 1");
        FunctionCode first = cache.acquire(zip, null, "one");
        FunctionCode second = cache.acquire(zip.clone(), null, "two");
        assertThat(second).isNotSameAs(first); // each version's code is its own handle
        assertThat(second.root).isEqualTo(first.root);
        assertThat(second.sha256).isEqualTo(first.sha256).isEqualTo(FunctionCode.sha256(zip));
        assertThat(Files.readString(first.root.resolve("a.py"))).isEqualTo("x = 1");
        assertThat(cache.unpackedCount()).isEqualTo(1);
    }

    @Test
    void codeNoFunctionUsesStaysForARedeploy() {
        CodeCache cache = new CodeCache(dir);
        byte[] zip = zip("a.py", "x = 1");
        FunctionCode first = cache.acquire(zip, null, "one");
        first.delete();
        first.delete(); // twice releases once
        assertThat(first.root).isDirectory();
        FunctionCode again = cache.acquire(zip, null, "one");
        assertThat(again.root).isEqualTo(first.root);
        assertThat(new String(again.zipBytes())).isEqualTo(new String(zip));
    }

    @Test
    void unusedCodeOverTheBudgetGoesLeastRecentlyReleasedFirst() {
        CodeCache cache = new CodeCache(dir, 12); // room for two unused packages of 5 bytes, not three
        FunctionCode a = cache.acquire(zip("a.py", "aaaaa"), null, "a");
        FunctionCode b = cache.acquire(zip("b.py", "bbbbb"), null, "b");
        FunctionCode c = cache.acquire(zip("c.py", "ccccc"), null, "c");
        a.delete();
        b.delete();
        assertThat(a.root).isDirectory();
        c.delete();
        assertThat(a.root).doesNotExist();
        assertThat(b.root).isDirectory();
        assertThat(c.root).isDirectory();
        assertThat(cache.unpackedCount()).isEqualTo(2);
    }

    @Test
    void aPackageInUseIsNeverEvicted() {
        CodeCache cache = new CodeCache(dir, 0);
        FunctionCode a = cache.acquire(zip("a.py", "aaaaa"), null, "a");
        FunctionCode b = cache.acquire(zip("b.py", "bbbbb"), null, "b");
        b.delete();
        assertThat(b.root).doesNotExist();
        assertThat(a.root).isDirectory();
    }

    @Test
    void aFileThatIsNotAZipIsRefusedAndLeavesNothing() throws Exception {
        CodeCache cache = new CodeCache(dir);
        assertThatThrownBy(() -> cache.acquire("not a zip".getBytes(), null, "bad"))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.getMessage()).contains("Could not unzip"));
        assertThat(cache.unpackedCount()).isZero();
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }
}
