package io.eventharness.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.standalone.StandaloneJar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's CLI example, the lines a new user copies first, run as they stand against the standalone jar (its
 * endpoint for {@code http://127.0.0.1:4566}, Debian's AWS CLI v2 for {@code aws}): the queue, the execution role
 * {@code CreateFunction} needs, the function and its answer.
 */
class ReadmeCliIT {
    private static final Pattern EXAMPLE = Pattern.compile("```bash\n(export AWS_ACCESS_KEY_ID=test[^`]*?)```");

    @TempDir
    Path dir;

    @Test
    void theReadmesCliExampleWorksAsWritten() throws Exception {
        String readme = Files.readString(readme());
        Matcher m = EXAMPLE.matcher(readme);
        assertThat(m.find()).as("the README's CLI example (a bash block starting with export AWS_ACCESS_KEY_ID=test)").isTrue();
        String script = m.group(1).replace("http://127.0.0.1:4566", StandaloneJar.shared().endpoint().toString())
                .replaceAll("(?m)^aws ", Cli.systemAws() + " ");
        Files.writeString(dir.resolve("example.sh"), "set -euo pipefail\n" + script);

        Process p = new ProcessBuilder("bash", dir.resolve("example.sh").toString()).directory(dir.toFile())
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("\"QueueUrl\"").contains("arn:aws:iam::000000000000:role/lambda-exec")
                .contains("\"StatusCode\": 200").endsWith("{\"hello\": \"you\"}");
        assertThat(out).doesNotContain("FunctionError");
    }

    private static Path readme() throws IOException {
        for (Path p : List.of(Path.of("README.md"), Path.of("../README.md"))) {
            if (Files.isRegularFile(p) && Files.readString(p).contains("# Event Harness")) {
                return p;
            }
        }
        throw new IOException("no README.md here or in the parent directory of " + Path.of("").toAbsolutePath());
    }
}
