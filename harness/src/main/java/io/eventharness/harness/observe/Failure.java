package io.eventharness.harness.observe;

import java.util.List;

/**
 * Why an invocation failed, as its log tells it: the error type ({@code java.lang.ArithmeticException},
 * {@code ZeroDivisionError}, {@code Sandbox.Timedout}, {@code Runtime.ExitError}, ...), its message, and the stack
 * trace's frames innermost first (the frame that raised the error comes first, whatever order the runtime printed
 * them in: Python prints the innermost last).
 *
 * @param type       the error type; never null
 * @param message    the error message; may be empty
 * @param stackTrace frames, innermost first, one line each ({@code at example.Handler.handle(Handler.java:14)},
 *                   {@code File "/var/task/handler.py", line 7, in handle}); empty when the log shows none
 */
public record Failure(String type, String message, List<String> stackTrace) {
    /** How many frames {@link #describe()} shows: the top of the stack, where the error was raised. */
    public static final int TOP_FRAMES = 5;

    public Failure {
        message = message == null ? "" : message;
        stackTrace = List.copyOf(stackTrace);
    }

    /** {@code type: message}, or the type alone. */
    public String headline() {
        return message.isEmpty() ? type : type + ": " + message;
    }

    /**
     * The headline, then the top {@value #TOP_FRAMES} frames of the stack trace, one a line, indented, and how many
     * more there are.
     */
    public String describe() {
        StringBuilder b = new StringBuilder(headline());
        stackTrace.stream().limit(TOP_FRAMES).forEach(f -> b.append("\n    ").append(f));
        if (stackTrace.size() > TOP_FRAMES) {
            int more = stackTrace.size() - TOP_FRAMES;
            b.append("\n    ... ").append(more).append(more == 1 ? " more frame" : " more frames");
        }
        return b.toString();
    }
}
