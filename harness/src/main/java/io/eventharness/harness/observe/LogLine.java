package io.eventharness.harness.observe;

import java.time.Instant;

/** One line of a function's CloudWatch log: when, in which stream (one per sandbox), what. */
public record LogLine(Instant timestamp, String stream, String message) {
    @Override
    public String toString() {
        return message;
    }
}
