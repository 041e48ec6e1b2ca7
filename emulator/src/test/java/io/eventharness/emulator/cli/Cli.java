package io.eventharness.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.standalone.StandaloneJar;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the real AWS CLI and boto3 as processes against the standalone emulator jar (one
 * {@code java -jar emulator.jar --port 0} for the test JVM, {@link StandaloneJar#shared()}), as a user would:
 * {@code aws --endpoint-url <emulator> ...} with {@code AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
 * AWS_DEFAULT_REGION=us-east-1} and nothing else of the caller's AWS environment.
 *
 * <p>Debian's {@code /usr/bin/aws} (CLI v2 2.9) and {@code /usr/bin/python3} with boto3 1.26 speak
 * SQS's query protocol; newer ones speak its JSON protocol. A missing tool fails the test (they are
 * part of the contract), unless {@code -Deventharness.skipCliTests=true} skips it.
 */
final class Cli {
    static final Path SYSTEM_AWS = Path.of("/usr/bin/aws");
    static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");
    static final String SKIP_PROPERTY = "eventharness.skipCliTests";
    private static final String INSTALL_HINT = " is missing: install it as .ci/run does "
            + "(apt-get install -y --no-install-recommends awscli python3-boto3), or skip these tests with -D"
            + SKIP_PROPERTY + "=true";
    private static final long TIMEOUT_SECONDS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a finished process left: its exit status and its output. */
    record Result(List<String> command, int exitCode, String stdout, String stderr) {
        /** Asserts exit status 0 and parses stdout as JSON (an empty stdout is an empty object). */
        JsonNode json() {
            assertThat(exitCode).as("exit status of %s\nstderr: %s\nstdout: %s", command, stderr, stdout).isZero();
            try {
                return stdout.isBlank() ? JSON.createObjectNode() : JSON.readTree(stdout);
            } catch (IOException e) {
                throw new AssertionError("not JSON from " + command + ": " + stdout, e);
            }
        }

        /** Asserts a failure with this AWS error code in the CLI's message. */
        Result failsWith(int expectedExit, String errorCode) {
            assertThat(exitCode).as("exit status of %s\nstderr: %s", command, stderr).isEqualTo(expectedExit);
            assertThat(stderr).contains("(" + errorCode + ")");
            return this;
        }
    }

    private Cli() {
    }

    /** {@code /usr/bin/aws}, or a failed (or, with the skip property, aborted) test. */
    static Path systemAws() {
        require(Files.isExecutable(SYSTEM_AWS), SYSTEM_AWS + " (AWS CLI v2, Debian package awscli)");
        return SYSTEM_AWS;
    }

    /** {@code /usr/bin/python3} that can import boto3, or a failed (or aborted) test. */
    static Path systemPython() {
        require(Files.isExecutable(SYSTEM_PYTHON)
                        && run(List.of(SYSTEM_PYTHON.toString(), "-c", "import boto3"), null).exitCode() == 0,
                "boto3 for " + SYSTEM_PYTHON + " (Debian package python3-boto3)");
        return SYSTEM_PYTHON;
    }

    /** The first {@code aws} on PATH, or null. */
    static Path awsOnPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "aws");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static void require(boolean present, String what) {
        if (present) {
            return;
        }
        Assumptions.assumeFalse(Boolean.getBoolean(SKIP_PROPERTY), what + " is missing; skipped (" + SKIP_PROPERTY + "=true)");
        Assertions.fail(what + INSTALL_HINT);
    }

    /** {@code <aws> --endpoint-url <emulator> --output json <args>}. */
    static Result aws(Path aws, String... args) {
        return awsWith(Map.of(), aws, args);
    }

    /** The same with these variables added to the environment (other credentials, say). */
    static Result awsWith(Map<String, String> env, Path aws, String... args) {
        List<String> cmd = new ArrayList<>(List.of(aws.toString(), "--endpoint-url", endpoint(), "--output", "json"));
        cmd.addAll(List.of(args));
        return run(cmd, env);
    }

    /** Runs a Python program with {@code /usr/bin/python3}; {@code ENDPOINT} in its environment is the emulator. */
    static Result python(String program) {
        return run(List.of(systemPython().toString(), "-c", program), Map.of());
    }

    /** The standalone emulator's endpoint; starts it at the first call. */
    static String endpoint() {
        return jar().endpoint().toString();
    }

    static StandaloneJar jar() {
        return StandaloneJar.shared();
    }

    /** A name no other test uses: the emulator lives as long as the test JVM. */
    static String unique(String prefix) {
        return prefix + "-" + Long.toHexString(System.nanoTime()) + Integer.toHexString((int) (Math.random() * 0xffff));
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a command in the clean AWS environment, plus {@code extraEnv}; {@code ENDPOINT} is the emulator's
     * (and {@code null} means "no emulator needed": checking that a tool is installed starts none).
     */
    static Result run(List<String> command, Map<String, String> extraEnv) {
        return run(command, extraEnv, extraEnv == null ? null : Cli::endpoint);
    }

    /** {@code <aws> --endpoint-url <endpoint> --output json <args>} against an emulator of the test's own, with {@code env}. */
    static Result awsAt(java.net.URI endpoint, Map<String, String> env, Path aws, String... args) {
        List<String> cmd = new ArrayList<>(List.of(aws.toString(), "--endpoint-url", endpoint.toString(), "--output", "json"));
        cmd.addAll(List.of(args));
        return run(cmd, env, endpoint::toString);
    }

    /** A boto3 program ({@link Boto3#PRELUDE} first) against an emulator of the test's own, with {@code env}. */
    static Result boto3At(java.net.URI endpoint, Map<String, String> env, String program) {
        return run(List.of(systemPython().toString(), "-c", Boto3.PRELUDE + program), env, endpoint::toString);
    }

    private static Result run(List<String> command, Map<String, String> extraEnv, java.util.function.Supplier<String> endpoint) {
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("BOTO"));
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", "/nonexistent/aws-config");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials");
        env.put("AWS_PAGER", "");
        env.put("AWS_MAX_ATTEMPTS", "1"); // a 5xx must show, not be retried away
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        if (extraEnv != null) {
            env.put("ENDPOINT", endpoint.get());
            env.putAll(extraEnv);
        }
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(command, p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
