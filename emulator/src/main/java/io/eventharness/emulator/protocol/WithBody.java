package io.eventharness.emulator.protocol;

/**
 * What an operation with a streaming output returns (S3 GetObject): the typed response, whose
 * fields become headers, and the raw body. With a null body, the response is encoded as usual and only
 * the status is this one's (Lambda's {@code CreateEventSourceMapping} answers 202 with its JSON).
 */
public record WithBody<R>(R response, byte[] body, int status, java.util.Map<String, String> headers) {
    public WithBody(R response, byte[] body, int status) {
        this(response, body, status, java.util.Map.of());
    }

    public WithBody(R response, byte[] body) {
        this(response, body, 200);
    }

    /** The same answer with headers its response shape has no member for (S3's POST redirect: {@code Location}). */
    public WithBody<R> withHeaders(java.util.Map<String, String> extra) {
        return new WithBody<>(response, body, status, extra);
    }

    /** The response encoded as usual, with this status instead of the operation's default. */
    public static <R> WithBody<R> status(R response, int status) {
        return new WithBody<>(response, null, status);
    }
}
