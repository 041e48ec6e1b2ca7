package io.eventharness.emulator.lambda.runtime;

/**
 * Where every line a sandbox writes goes (its stdout and stderr, and the platform's START, END and
 * REPORT lines), in order, one stream per sandbox: CloudWatch Logs in AWS.
 *
 * <p>Called from one reader thread per sandbox; it must not block for long (a slow sink slows the
 * function's output and, through the pipe, the function).
 */
@FunctionalInterface
public interface LogSink {
    /** Drops everything. */
    LogSink DISCARD = (group, stream, timestampMillis, message) -> { };

    /**
     * @param group           the log group ({@code /aws/lambda/<function>})
     * @param stream          the sandbox's stream ({@code YYYY/MM/DD/[$LATEST]<32 hex>})
     * @param timestampMillis emulator-clock epoch millis
     * @param message         one line, without its line break
     */
    void accept(String group, String stream, long timestampMillis, String message);
}
