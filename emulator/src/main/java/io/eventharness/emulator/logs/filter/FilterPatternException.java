package io.eventharness.emulator.logs.filter;

/** A filter pattern that cannot be parsed; the Logs API reports it as {@code InvalidParameterException}. */
public final class FilterPatternException extends IllegalArgumentException {
    public FilterPatternException(String message) {
        super(message);
    }
}
