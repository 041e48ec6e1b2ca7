package io.eventharness.emulator.lambda.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * How one invocation ended: what Invoke returns, and what the REPORT line says.
 *
 * <p>A function error (the handler threw, the runtime could not start, a timeout, a crash, a response
 * over 6 MB) is still a result: {@link #functionError()} is {@code Unhandled} and the payload is the
 * error document AWS returns, e.g. {@code {"errorMessage":"division by zero","errorType":
 * "ZeroDivisionError","requestId":"...","stackTrace":[...]}} or {@code {"errorType":
 * "Sandbox.Timedout","errorMessage":"RequestId: ... Error: Task timed out after 3.00 seconds"}}.
 *
 * @param requestId        the invocation's request id
 * @param payload          the response bytes, or the error document
 * @param functionError    null on success, else {@code Unhandled} (Invoke's {@code X-Amz-Function-Error})
 * @param errorType        null on success, else the error document's {@code errorType}
 *                         ({@code ZeroDivisionError}, {@code Runtime.ExitError}, {@code Sandbox.Timedout}...)
 * @param coldStart        whether a new sandbox was started for it
 * @param durationMs       from the event's hand-over to the response, as REPORT's {@code Duration}
 * @param billedDurationMs REPORT's {@code Billed Duration} (whole milliseconds, rounded up)
 * @param initDurationMs   REPORT's {@code Init Duration}: on a cold start only, else null
 * @param memorySizeMb     the configured memory
 * @param maxMemoryUsedMb  the sandbox process's peak resident memory so far
 * @param logStreamName    the sandbox's log stream
 * @param logLines         the invocation's log, START to REPORT (on a cold start, the init output
 *                         before START); bounded: the oldest lines go first when a function prints a lot
 * @param executedVersion  the function version that ran
 */
public record InvocationResult(String requestId, byte[] payload, String functionError, String errorType,
        boolean coldStart, double durationMs, long billedDurationMs, Double initDurationMs, int memorySizeMb,
        int maxMemoryUsedMb, String logStreamName, List<String> logLines, String executedVersion) {

    /** AWS's {@code LogType=Tail} returns this much of the end of the log. */
    public static final int LOG_TAIL_BYTES = 4096;

    public InvocationResult {
        logLines = List.copyOf(logLines);
    }

    /** Whether the function failed ({@code X-Amz-Function-Error} is set). */
    public boolean isError() {
        return functionError != null;
    }

    /** The payload as UTF-8 text. */
    public String payloadUtf8() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** The log as one text, a line break after each line. */
    public String logText() {
        StringBuilder b = new StringBuilder();
        for (String line : logLines) {
            b.append(line).append('\n');
        }
        return b.toString();
    }

    /** Invoke's {@code X-Amz-Log-Result} for {@code LogType=Tail}: the last 4 KB of the log, base64. */
    public String logResult() {
        byte[] all = logText().getBytes(StandardCharsets.UTF_8);
        byte[] tail = all.length <= LOG_TAIL_BYTES ? all : Arrays.copyOfRange(all, all.length - LOG_TAIL_BYTES, all.length);
        return Base64.getEncoder().encodeToString(tail);
    }
}
