package io.eventharness.emulator.http;

/** A request that cannot be read at all (bad encoding, truncated framing); the codec maps it to its protocol's 400. */
public class MalformedRequestException extends RuntimeException {
    public MalformedRequestException(String message) {
        super(message);
    }

    public MalformedRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
