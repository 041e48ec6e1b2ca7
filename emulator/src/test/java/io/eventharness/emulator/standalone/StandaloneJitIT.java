package io.eventharness.emulator.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The standalone jar compiles with C1 only unless told otherwise ({@code QuickJit}): seen in the JVM's own compilation
 * log, where a method reaching C2's threshold is refused by the directive ("excluded by CompileCommand") instead of
 * compiled at level 4.
 */
class StandaloneJitIT {
    private static final Duration WITHIN = Duration.ofSeconds(60);

    @Test
    void theJarKeepsItsMethodsFromC2() throws Exception {
        try (StandaloneProcess p = StandaloneProcess.startWith(List.of("-XX:+PrintCompilation"), "--port", "0")) {
            p.awaitReady(StandaloneJar.START);
            await().atMost(WITHIN).untilAsserted(() -> assertThat(p.stdout())
                    .anyMatch(l -> l.contains("made not compilable on level 4") && l.contains("excluded by CompileCommand")));
        }
    }

    @Test
    void fullKeepsTheJvmsCompilers() throws Exception {
        try (StandaloneProcess p = StandaloneProcess.startWith(List.of("-XX:+PrintCompilation", "-Deventharness.jit=full"),
                "--port", "0")) {
            p.awaitReady(StandaloneJar.START);
            // a C2 compilation: the level column, 4, after the id and the attribute flags
            await().atMost(WITHIN).untilAsserted(() -> assertThat(p.stdout()).anyMatch(l -> l.matches("\\s*\\d+\\s+\\d+\\s+[%sbn! ]*4\\s+.*")));
            assertThat(p.stdout()).noneMatch(l -> l.contains("excluded by CompileCommand"));
        }
    }
}
