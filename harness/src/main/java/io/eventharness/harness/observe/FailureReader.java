package io.eventharness.harness.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an invocation ended, read from the lines its log holds (its INIT's output on a cold start, then what came
 * between START and END) and its REPORT line: the forms AWS and the emulator write, which every backend shares.
 *
 * <ul>
 *   <li>a timeout: {@code <time> <request id> Task timed out after 3.00 seconds} (or REPORT's {@code Status: timeout});</li>
 *   <li>running out of memory: the line {@code Runtime.OutOfMemory} (or REPORT's {@code Error Type:
 *       Runtime.OutOfMemory}), or a runtime killed by a signal with Max Memory Used at the memory size;</li>
 *   <li>a crash: {@code RequestId: <id> Error: Runtime exited with error: exit status 1} and {@code Runtime.ExitError};</li>
 *   <li>a function error as each runtime logs it: Python's {@code [ERROR] Type: message} and its traceback, the Java
 *       runtime interface client's {@code message: Type} followed by the stack trace, Node.js's
 *       {@code ERROR\tInvoke Error \t{"errorType": ...}}, or a bare error document {@code {"errorType": ...}};</li>
 *   <li>failing that, REPORT's {@code Status: error Error Type: X}.</li>
 * </ul>
 * A function that catches its exception and logs it is not failed: the runtimes' forms are recognised, not any
 * stack trace.
 */
final class FailureReader {
    /** How an invocation ended. */
    record Read(Invocation.Outcome outcome, Failure failure) {
        static final Read OK = new Read(Invocation.Outcome.OK, null);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TIMED_OUT = Pattern.compile("Task timed out after ([\\d.]+) seconds");
    private static final Pattern PLATFORM_ERROR = Pattern.compile("^RequestId: \\S+ Error: (.*)$");
    private static final Pattern PYTHON = Pattern.compile("^\\[ERROR] (\\S.*)$");
    private static final String PYTHON_TRACEBACK = "Traceback (most recent call last):";
    private static final Pattern JAVA = Pattern.compile("^(.*): ([A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)+)$");
    private static final Pattern NODE = Pattern.compile("\\tERROR\\t(?:Invoke Error|Uncaught Exception|Unhandled Promise Rejection) ?\\t(\\{.*})\\s*$");
    private static final Pattern REPORT_STATUS = Pattern.compile("\\tStatus: (\\w+)(?:\\tError Type: (\\S+))?");

    private FailureReader() {
    }

    /**
     * @param lines        the invocation's lines, its INIT's first on a cold start, each log event split at line breaks
     * @param report       its REPORT line
     * @param atMemorySize whether REPORT's Max Memory Used reached the memory size
     */
    static Read read(List<String> lines, String report, boolean atMemorySize) {
        for (String l : lines) {
            Matcher m = TIMED_OUT.matcher(l);
            if (m.find()) {
                return new Read(Invocation.Outcome.TIMEOUT, new Failure("Sandbox.Timedout", m.group(), List.of()));
            }
        }
        Matcher status = REPORT_STATUS.matcher(report);
        String reportStatus = status.find() ? status.group(1) : null;
        String reportType = reportStatus == null ? null : status.group(2);
        if ("timeout".equals(reportStatus)) {
            return new Read(Invocation.Outcome.TIMEOUT, new Failure("Sandbox.Timedout", "Task timed out", List.of()));
        }
        String platformMessage = platformMessage(lines);
        if (lines.contains("Runtime.OutOfMemory") || "Runtime.OutOfMemory".equals(reportType)) {
            return new Read(Invocation.Outcome.OUT_OF_MEMORY, new Failure("Runtime.OutOfMemory", platformMessage, List.of()));
        }
        if (lines.contains("Runtime.ExitError") || "Runtime.ExitError".equals(reportType)
                || platformMessage != null && platformMessage.startsWith("Runtime exited")) {
            boolean killed = platformMessage != null && platformMessage.endsWith("signal: killed");
            return killed && atMemorySize
                    ? new Read(Invocation.Outcome.OUT_OF_MEMORY, new Failure("Runtime.OutOfMemory", platformMessage, List.of()))
                    : new Read(Invocation.Outcome.CRASH, new Failure("Runtime.ExitError", platformMessage, List.of()));
        }
        Failure f = functionError(lines);
        if (f == null && lines.contains("Runtime.InvalidEntrypoint")) {
            f = new Failure("Runtime.InvalidEntrypoint", platformMessage, List.of());
        }
        if (f == null && "error".equals(reportStatus)) {
            f = new Failure(reportType == null ? "Unhandled" : reportType, "", List.of());
        }
        return f == null ? Read.OK : new Read(Invocation.Outcome.ERROR, f);
    }

    /** What the platform said of a crash: {@code Runtime exited with error: ...} from {@code RequestId: <id> Error: ...}. */
    private static String platformMessage(List<String> lines) {
        for (String l : lines) {
            Matcher m = PLATFORM_ERROR.matcher(l);
            if (m.matches()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** The last error a runtime logged, in any of the runtimes' forms; null when there is none. */
    private static Failure functionError(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String l = lines.get(i);
            Failure f = python(lines, i);
            if (f == null) {
                f = java(lines, i);
            }
            if (f == null) {
                Matcher node = NODE.matcher(l);
                f = node.find() ? document(node.group(1)) : null;
            }
            if (f == null && l.startsWith("{") && l.contains("\"errorType\"")) {
                f = document(l);
            }
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    /** {@code [ERROR] Type: message}, then {@code Traceback (most recent call last):} and the frames, innermost last. */
    private static Failure python(List<String> lines, int i) {
        Matcher m = PYTHON.matcher(lines.get(i));
        if (!m.matches() || i + 1 >= lines.size() || !lines.get(i + 1).equals(PYTHON_TRACEBACK)) {
            return null;
        }
        String headline = m.group(1);
        int colon = headline.indexOf(": ");
        String type = colon < 0 ? headline : headline.substring(0, colon);
        if (type.contains(" ")) { // not a type name: "[ERROR] something happened"
            return null;
        }
        List<String> frames = new ArrayList<>();
        for (int j = i + 2; j < lines.size(); j++) {
            String frame = strip(lines.get(j));
            if (!frame.startsWith("File ")) {
                break;
            }
            if (j + 1 < lines.size() && !strip(lines.get(j + 1)).startsWith("File ") && indented(lines.get(j + 1))) {
                frame += ": " + strip(lines.get(++j)); // the code of that line
            }
            frames.add(frame);
        }
        Collections.reverse(frames);
        return new Failure(type, colon < 0 ? "" : headline.substring(colon + 2), frames);
    }

    /** The Java runtime interface client's {@code message: Type}, then the stack trace, which starts with {@code Type}. */
    private static Failure java(List<String> lines, int i) {
        Matcher m = JAVA.matcher(lines.get(i));
        if (!m.matches() || i + 1 >= lines.size()) {
            return null;
        }
        String type = m.group(2);
        String next = lines.get(i + 1);
        if (!next.equals(type) && !next.startsWith(type + ":")) {
            return null;
        }
        List<String> frames = new ArrayList<>();
        for (int j = i + 2; j < lines.size(); j++) {
            String frame = lines.get(j).strip();
            if (frame.startsWith("at ") || frame.startsWith("Caused by: ")) {
                frames.add(frame);
            } else if (!frame.startsWith("... ")) {
                break;
            }
        }
        String message = m.group(1).equals(type) ? "" : m.group(1); // the client names the type when there is no message
        return new Failure(type, message, frames);
    }

    /** An error document: {@code errorType}, {@code errorMessage}, and {@code stackTrace}, {@code stack} or {@code trace}. */
    private static Failure document(String json) {
        JsonNode doc;
        try {
            doc = JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
        if (doc == null || !doc.path("errorType").isTextual()) {
            return null;
        }
        List<String> frames = new ArrayList<>();
        for (String key : List.of("stackTrace", "stack", "trace")) {
            for (JsonNode frame : doc.path(key)) {
                for (String line : frame.asText().split("\n")) {
                    String s = line.strip();
                    if (s.startsWith("at ") || s.startsWith("File ")) {
                        frames.add(s);
                    }
                }
            }
        }
        if (!frames.isEmpty() && frames.get(0).startsWith("File ")) {
            Collections.reverse(frames); // Python's, innermost last
        }
        return new Failure(doc.path("errorType").asText(), doc.path("errorMessage").asText(""), frames);
    }

    private static boolean indented(String s) {
        return !s.isEmpty() && (s.charAt(0) == ' ' || s.charAt(0) == '\u00a0');
    }

    /** Leading spaces and the no-break spaces AWS's Python runtime indents with, gone. */
    private static String strip(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\u00a0')) {
            i++;
        }
        return s.substring(i).stripTrailing();
    }
}
