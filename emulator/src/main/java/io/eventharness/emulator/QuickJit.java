package io.eventharness.emulator;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The standalone emulator's JIT: the quick compiler (C1) only, as {@code -XX:TieredStopAtLevel=1} would have it, for the
 * process {@code java -jar emulator.jar} starts and for nothing else (never an emulator embedded in someone's JVM).
 *
 * <p>Why: a test session sends the emulator a few thousand short, varied requests; the optimising compiler (C2) spends
 * more CPU compiling them than its faster code saves in such a session, and it competes with start-up for the cores.
 * Measured with {@code PeerBench} (docs/benchmarks.md): server CPU per request over 2,000 SDK calls per operation fell
 * by half for S3 and SQS (S3 PutObject 2.5 → 1.2 ms, GetObject 1.0 → 0.4 ms), by a quarter for Kinesis, least for the
 * operations measured last, which C2 would have optimised by then (DynamoDB GetItem: no better); median latency
 * unchanged.
 *
 * <p>How: a compiler directive excluding every method from C2 (what {@code jcmd <pid> Compiler.directives_add} adds),
 * through the JDK's own diagnostic-command implementation, which the jar's manifest opens to it ({@code Add-Opens}); a
 * method that reaches C2's threshold is then compiled by C1 without profiling. Where that is not possible (another
 * JVM, a runtime without {@code jdk.management}) nothing changes. {@code -Deventharness.jit=full} keeps C2, as does
 * any {@code -XX:} option naming the compilers or tiers on the command line.
 */
final class QuickJit {
    private static final String DIRECTIVE = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    private QuickJit() {
    }

    /** Asks for C1 only on a thread of its own (some 25 ms of it): start-up goes on meanwhile. */
    static void startIfWanted() {
        if ("full".equals(System.getProperty("eventharness.jit"))) {
            return;
        }
        Thread t = new Thread(() -> {
            if (!chosenByUser(ManagementFactory.getRuntimeMXBean().getInputArguments())) {
                apply();
            }
        }, "emulator-quick-jit");
        t.setDaemon(true);
        t.start();
    }

    /** Whether the JVM's options (the command line's and {@code JDK_JAVA_OPTIONS}) chose the compilers themselves. */
    static boolean chosenByUser(List<String> jvmOptions) {
        for (String o : jvmOptions) {
            if (o.startsWith("-XX:") && (o.contains("Tiered") || o.contains("CompileCommand") || o.contains("CompilerDirectives")
                    || o.contains("CompilationMode"))) {
                return true;
            }
        }
        return false;
    }

    private static void apply() {
        Path file = null;
        try {
            file = Files.createTempFile("eventharness-jit", ".json");
            Files.writeString(file, DIRECTIVE, StandardCharsets.US_ASCII);
            Class.forName("com.sun.management.internal.PlatformMBeanProviderImpl"); // loads the native library
            Class<?> impl = Class.forName("com.sun.management.internal.DiagnosticCommandImpl");
            Method get = impl.getDeclaredMethod("getDiagnosticCommandMBean");
            get.setAccessible(true);
            Method execute = impl.getDeclaredMethod("executeDiagnosticCommand", String.class);
            execute.setAccessible(true);
            execute.invoke(get.invoke(null), "Compiler.directives_add " + file);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError | IOException e) {
            // not this JVM's way: it keeps its default compilers
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file of 40 bytes
                }
            }
        }
    }
}
