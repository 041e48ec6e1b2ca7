package io.eventharness.emulator.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.core.EmulatorClock;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a Python sandbox's boto3 comes from, and what its log says when there is none. */
class PythonSdkTest {
    @TempDir
    Path dir;

    @Test
    void onlyTheSdkAndItsDependenciesAreLinkedFromTheSite() throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        for (String pkg : new String[] {"boto3", "botocore", "jmespath", "yaml"}) {
            Files.createDirectories(site.resolve(pkg));
            Files.writeString(site.resolve(pkg).resolve("__init__.py"), "");
        }
        Files.writeString(site.resolve("six.py"), "");
        RuntimeFiles files = new RuntimeFiles(dir.resolve("cache"), site);

        Path sdk = files.pythonSdk().orElseThrow();

        try (var entries = Files.list(sdk)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("boto3", "botocore", "jmespath",
                    "six.py");
        }
        assertThat(sdk.resolve("boto3").toRealPath()).isEqualTo(site.resolve("boto3").toRealPath());
        assertThat(new RuntimeFiles(dir.resolve("cache"), dir.resolve("empty")).pythonSdk()).isEmpty();
    }

    @Test
    void withoutBoto3TheLogSaysSo() throws Exception {
        EmulatorClock clock = new EmulatorClock();
        try (LambdaEngine engine = LambdaEngine.builder(clock).pythonSdkSite(dir.resolve("no-site-here")).build()) {
            Path code = Files.createDirectories(dir.resolve("code"));
            Files.writeString(code.resolve("handler.py"), "def handle(event, context):\n    return 1\n");
            FunctionRunner fn = engine.runner(FunctionConfig.builder("no-sdk").runtime("python3.12").handler("handler.handle")
                    .codeDirectory(code).build());
            Path python = engine.runtimes().resolve("python3.12").executable();
            boolean hasItsOwn = new ProcessBuilder(python.toString(), "-c", "import boto3").start().waitFor() == 0;

            InvocationResult r = fn.invoke(Invocation.of("{}"));

            assertThat(r.payloadUtf8()).isEqualTo("1");
            if (hasItsOwn) {
                assertThat(r.logLines()).noneMatch(l -> l.contains("boto3"));
            } else {
                assertThat(r.logLines()).anyMatch(l -> l.startsWith("Event Harness: boto3 and botocore, which AWS's Python "
                        + "runtimes include, are not available to Python 3.") && l.contains("apt-get install python3-boto3"));
            }
        } finally {
            clock.close();
        }
    }
}
