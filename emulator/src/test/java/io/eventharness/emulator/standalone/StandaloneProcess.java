package io.eventharness.emulator.standalone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standalone emulator as a user runs it: {@code java -jar emulator.jar <args>} as a real child
 * process, its output read line by line as it comes. The jar is the one {@code package} built
 * ({@code -Deventharness.emulatorJar}, which failsafe sets, else {@code target/emulator.jar}); these
 * tests are integration tests ({@code *IT}) because the jar exists only after {@code package}.
 */
public final class StandaloneProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private final Process process;
    private final BlockingQueue<String> stdoutLines = new LinkedBlockingQueue<>();
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();
    private final List<Thread> pumps = new ArrayList<>();

    private StandaloneProcess(Process process) {
        this.process = process;
        pumps.add(pump(process.getInputStream(), line -> {
            stdout.add(line);
            stdoutLines.add(line);
        }, "standalone-stdout"));
        pumps.add(pump(process.getErrorStream(), stderr::add, "standalone-stderr"));
    }

    /** Starts {@code Main} with these arguments. */
    public static StandaloneProcess start(String... args) throws IOException {
        return startWith(List.of(), args);
    }

    /** Starts {@code Main} with these JVM options and arguments. */
    public static StandaloneProcess startWith(List<String> jvmOptions, String... args) throws IOException {
        return new StandaloneProcess(new ProcessBuilder(command(jvmOptions, args)).start());
    }

    /** {@code java [jvmOptions] -jar emulator.jar args}, with the java running the tests. */
    private static List<String> command(List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(jar().toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** The standalone jar {@code package} built, or a failed test that says how to build it. */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("eventharness.emulatorJar", "target/emulator.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar + " does not exist: these integration tests run the standalone jar, which "
                    + "`mvn -B -pl emulator verify` builds (package) before failsafe runs them");
        }
        return jar;
    }

    /** The process itself, e.g. to find the sandboxes it started ({@code toHandle().descendants()}). */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Waits for {@code Ready.}; returns the endpoint printed before it. */
    public URI awaitReady(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        URI endpoint = null;
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left > 0 ? stdoutLines.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                throw new AssertionError("no 'Ready.' within " + within + "; alive=" + process.isAlive()
                        + "\nstdout: " + stdout + "\nstderr: " + stderr);
            }
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                endpoint = URI.create(m.group(1));
            }
            if (line.equals("Ready.")) {
                if (endpoint == null) {
                    throw new AssertionError("'Ready.' came before the endpoint line: " + stdout);
                }
                return endpoint;
            }
        }
    }

    /** Waits for the process to end (and its output to be read) and returns its exit status. */
    public int awaitExit(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + within + "\nstdout: " + stdout + "\nstderr: " + stderr);
        }
        for (Thread t : pumps) {
            t.join(within.toMillis());
        }
        return process.exitValue();
    }

    /**
     * SIGTERM, through the process handle: {@code Process.destroy()} sends the same signal but also
     * closes our ends of the pipes, and then the child's last words ({@code Stopped.}) are lost.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    public List<String> stdout() {
        return stdout;
    }

    public List<String> stderr() {
        return stderr;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static Thread pump(InputStream in, java.util.function.Consumer<String> sink, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
