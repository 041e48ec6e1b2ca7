package io.eventharness.emulator.protocol;

/**
 * What an operation with a streaming output returns (S3 GetObject): the typed response, whose
 * fields become headers, and the raw body.
 */
public record WithBody<R>(R response, byte[] body, int status) {
    public WithBody(R response, byte[] body) {
        this(response, body, 200);
    }
}
