package io.eventharness.harness.backend;

/**
 * The chosen backend cannot run here (no Docker, no LocalStack token, no AWS credentials). The message
 * says what is missing and what to do; there is deliberately no stack trace to wade through.
 */
public final class BackendUnavailableException extends RuntimeException {
    public BackendUnavailableException(String message) {
        super(message, null, false, false);
    }
}
