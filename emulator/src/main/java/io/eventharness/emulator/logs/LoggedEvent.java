package io.eventharness.emulator.logs;

/**
 * A stored log event as {@link LogsService#events} returns it.
 *
 * @param logStream     the stream it was written to
 * @param timestamp     when it happened, epoch milliseconds
 * @param ingestionTime when the emulator stored it, epoch milliseconds of the emulator clock
 * @param message       its text
 */
public record LoggedEvent(String logStream, long timestamp, long ingestionTime, String message) {
}
