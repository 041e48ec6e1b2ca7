package io.eventharness.emulator.logs;

import java.time.Instant;
import java.util.Objects;

/**
 * A log event handed to {@link LogsService#append}: when it happened (epoch milliseconds) and its text.
 *
 * <pre>{@code
 * logs.append("/aws/lambda/orders", "2026/11/25/[$LATEST]abc", List.of(LogEvent.of(clock.now(), "START ...")));
 * }</pre>
 */
public record LogEvent(long timestamp, String message) {
    public LogEvent {
        Objects.requireNonNull(message, "message");
    }

    public static LogEvent of(Instant timestamp, String message) {
        return new LogEvent(timestamp.toEpochMilli(), message);
    }
}
