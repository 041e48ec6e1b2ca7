package io.eventharness.emulator.protocol;

/** A value on the wire does not fit the shape the spec gives it; each codec maps it to its protocol's 400. */
public class ShapeException extends RuntimeException {
    public ShapeException(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
