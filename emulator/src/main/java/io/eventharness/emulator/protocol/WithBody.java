package io.eventharness.emulator.protocol;

/**
 * What an operation with a streaming output returns (S3 GetObject): the typed response, whose
 * fields become headers, and the raw body. With a null body, the response is encoded as usual and only
 * the status is this one's (Lambda's {@code CreateEventSourceMapping} answers 202 with its JSON).
 */
public record WithBody<R>(R response, byte[] body, int status) {
    public WithBody(R response, byte[] body) {
        this(response, body, 200);
    }

    /** The response encoded as usual, with this status instead of the operation's default. */
    public static <R> WithBody<R> status(R response, int status) {
        return new WithBody<>(response, null, status);
    }
}
