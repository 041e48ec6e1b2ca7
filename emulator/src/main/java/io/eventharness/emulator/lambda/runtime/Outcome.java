package io.eventharness.emulator.lambda.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.emulator.core.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * How an invocation ended, before its log is complete: the payload and error type the caller gets.
 * The documents are the ones AWS returns (Lambda developer guide, "Invoke" and "Lambda runtime errors").
 *
 * @param kind      what happened
 * @param payload   the response, or the error document
 * @param errorType null on success
 * @param logLines  lines the platform writes before END (a timeout or a crash)
 * @param endNanos  when it ended
 */
record Outcome(Kind kind, byte[] payload, String errorType, List<String> logLines, long endNanos) {
    enum Kind { SUCCESS, FUNCTION_ERROR, TIMEOUT, EXIT, OUT_OF_MEMORY, INIT_ERROR }

    private static final ObjectMapper JSON = Json.MAPPER;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    static Outcome success(byte[] body) {
        return new Outcome(Kind.SUCCESS, body, null, List.of(), System.nanoTime());
    }

    /** What the runtime posted to {@code /error} (or {@code /init/error}): returned as it is. */
    static Outcome posted(Kind kind, byte[] body, String headerType) {
        String type = null;
        try {
            JsonNode doc = JSON.readTree(body);
            if (doc != null && doc.path("errorType").isTextual() && !doc.path("errorType").asText().isEmpty()) {
                type = doc.path("errorType").asText();
            }
        } catch (java.io.IOException e) {
            // not JSON: the header names the error
        }
        if (type == null) {
            type = headerType != null ? headerType : "Runtime.Unknown";
        }
        return new Outcome(kind, body, type, List.of(), System.nanoTime());
    }

    static Outcome responseTooLarge() {
        return document(Kind.FUNCTION_ERROR, "Function.ResponseSizeTooLarge", "Response payload size exceeded maximum "
                + "allowed payload size (" + RuntimeApiServer.MAX_PAYLOAD + " bytes).", false, List.of());
    }

    /** {@code Sandbox.Timedout}, and the line AWS logs for it, stamped {@code now}. */
    static Outcome timeout(String requestId, int timeoutSeconds, Instant now) {
        String after = String.format(Locale.ROOT, "%.2f", (double) timeoutSeconds);
        return document(Kind.TIMEOUT, "Sandbox.Timedout", "RequestId: " + requestId + " Error: Task timed out after "
                + after + " seconds", true, List.of(ISO.format(now) + " " + requestId + " Task timed out after " + after
                + " seconds"));
    }

    /** {@code Runtime.ExitError}: the process ended before answering. */
    static Outcome exit(String requestId, int exitCode) {
        String message = "RequestId: " + requestId + " Error: " + exitReason(exitCode);
        return document(Kind.EXIT, "Runtime.ExitError", message, true, List.of(message, "Runtime.ExitError"));
    }

    /**
     * {@code Runtime.OutOfMemory}: the sandbox used more than its memory size and was killed. AWS reports the
     * error type {@code Runtime.OutOfMemory} (the Telemetry API's {@code platform.report} and the REPORT line's
     * {@code Status: error}) with the message of the runtime's death by SIGKILL.
     */
    static Outcome outOfMemory(String requestId) {
        String message = "RequestId: " + requestId + " Error: " + exitReason(128 + 9);
        return document(Kind.OUT_OF_MEMORY, "Runtime.OutOfMemory", message, true, List.of(message, "Runtime.OutOfMemory"));
    }

    /** {@code Runtime.InvalidEntrypoint}: the process could not be started. */
    static Outcome invalidEntrypoint(String requestId, String reason) {
        String message = "RequestId: " + requestId + " Error: " + reason;
        return document(Kind.INIT_ERROR, "Runtime.InvalidEntrypoint", message, true,
                List.of(message, "Runtime.InvalidEntrypoint"));
    }

    /** As the platform words an exit (Go's {@code exec.ExitError}). */
    static String exitReason(int code) {
        if (code == 0) {
            return "Runtime exited without providing a reason";
        }
        if (code > 128 && code < 160) {
            String signal = switch (code - 128) {
                case 1 -> "hangup";
                case 2 -> "interrupt";
                case 6 -> "aborted";
                case 9 -> "killed";
                case 11 -> "segmentation fault";
                case 15 -> "terminated";
                default -> "signal " + (code - 128);
            };
            return "Runtime exited with error: signal: " + signal;
        }
        return "Runtime exited with error: exit status " + code;
    }

    private static Outcome document(Kind kind, String type, String message, boolean typeFirst, List<String> lines) {
        ObjectNode doc = JSON.createObjectNode();
        if (typeFirst) {
            doc.put("errorType", type);
            doc.put("errorMessage", message);
        } else {
            doc.put("errorMessage", message);
            doc.put("errorType", type);
        }
        return new Outcome(kind, doc.toString().getBytes(StandardCharsets.UTF_8), type, lines, System.nanoTime());
    }
}
