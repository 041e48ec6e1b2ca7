package io.eventharness.harness.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reports of one run (one harness: a test JVM's, per backend), in {@code target/event-harness/<run>/}: a page per
 * test ({@code <test id>-<class>.<test>.html}) and {@code index.html}, a row added as each test ends. The run's folder is
 * named after the time the run's first report was planned and the run prefix ({@code 20261207-024633-eh3k}); the root is
 * {@code target/event-harness} under the working directory (Maven's: the module's), or {@value #DIR_PROPERTY} /
 * {@code HARNESS_REPORT_DIR}.
 */
public final class Reports {
    /** The system property naming the folder the runs' folders go in. */
    public static final String DIR_PROPERTY = "harness.report.dir";
    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Map<String, Reports> RUNS = new ConcurrentHashMap<>();

    private final Path directory;
    private int tests; // how many the index lists; guarded by this

    private Reports(Path directory) {
        this.directory = directory;
    }

    /** The reports of the run with this prefix (one folder per prefix and JVM). */
    public static Reports of(String runPrefix) {
        return RUNS.computeIfAbsent(runPrefix, p -> new Reports(root().resolve(RUN_TIME.format(Instant.now()) + "-" + p)));
    }

    /** Reports in a folder of the caller's choosing (for tests of the pages). */
    static Reports in(Path directory) {
        return new Reports(directory);
    }

    private static Path root() {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("HARNESS_REPORT_DIR");
        }
        return (dir == null || dir.isBlank() ? Path.of("target", "event-harness") : Path.of(dir)).toAbsolutePath().normalize();
    }

    /** The run's folder (made when the first page is written). */
    public Path directory() {
        return directory;
    }

    /** The run's index page. */
    public Path index() {
        return directory.resolve("index.html");
    }

    /** Where the report of a test goes: {@code <test id>-<class>.<test>.html}, unique in the run by the test's id. */
    public Path fileFor(String testId, String className, String testName) {
        String name = (testId + "-" + className + "." + testName).replaceAll("[^A-Za-z0-9._-]+", "_");
        return directory.resolve((name.length() > 120 ? name.substring(0, 120) : name) + ".html");
    }

    /** Writes a test's report to {@code file} (from {@link #fileFor}). */
    public void write(Path file, TestResult result, Scene scene) throws IOException {
        writeAtomically(file, ReportPage.html(result, scene));
    }

    /**
     * Adds a test that ended to the index: the index's head when it is the run's first, then its row.
     *
     * @param report its report, or null when none was written
     */
    public synchronized void ended(TestResult result, Path report) throws IOException {
        if (tests == 0) {
            writeAtomically(index(), IndexPage.head(directory.getFileName().toString()));
        }
        Files.writeString(index(), IndexPage.row(tests + 1, result, report == null ? null : report.getFileName().toString()),
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        tests++;
    }

    /** Written whole, then moved into place: a browser reloading it never sees half a page. */
    private static void writeAtomically(Path file, String html) throws IOException {
        Files.createDirectories(file.getParent());
        Path part = Files.createTempFile(file.getParent(), ".report-", ".part");
        Files.writeString(part, html, StandardCharsets.UTF_8);
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
