package io.eventharness.emulator.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runtime ids to the interpreters of this machine; the assertions hold whatever is installed. */
class RuntimeResolverTest {
    private final RuntimeResolver resolver = RuntimeResolver.detect();

    @Test
    void javaIsTheExactJdkOrTheNearestNewerWithAWarning() {
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
            assertThat(r.family()).isEqualTo(RuntimeResolver.Family.JAVA);
            assertThat(feature).isGreaterThanOrEqualTo(wanted);
            if (feature == wanted) {
                assertThat(r.warning()).isNull();
            } else {
                assertThat(r.warning()).contains("runs on Java " + feature);
            }
        }
        if (Runtime.version().feature() == 17) {
            assertThat(resolver.resolve("java17").warning()).isNull();
        }
    }

    @Test
    void pythonIsTheExactInterpreterElsePython3WithAWarning() {
        RuntimeResolver.Resolved r = resolver.resolve("python3.12");
        assertThat(r.family()).isEqualTo(RuntimeResolver.Family.PYTHON);
        if (r.executable().getFileName().toString().equals("python3.12")) {
            assertThat(r.warning()).isNull();
        } else {
            assertThat(r.warning()).contains("no python3.12 is installed");
        }
    }

    @Test
    void anOverrideWins() {
        RuntimeResolver.Resolved r = resolver.withOverride("python3.12", Path.of("/usr/bin/python3")).resolve("python3.12");
        assertThat(r.executable()).isEqualTo(Path.of("/usr/bin/python3"));
        assertThat(r.warning()).isNull();
    }

    @Test
    void providedRunsTheBootstrapAndOtherRuntimesAreRefused() {
        assertThat(resolver.resolve("provided.al2023").family()).isEqualTo(RuntimeResolver.Family.PROVIDED);
        assertThatThrownBy(() -> resolver.resolve("nodejs20.x")).isInstanceOf(UnknownRuntimeException.class)
                .hasMessageContaining("not supported by Event Harness");
        assertThatThrownBy(() -> resolver.resolve("python2.7")).isInstanceOf(UnknownRuntimeException.class)
                .hasMessageContaining("failed to satisfy constraint");
    }
}
