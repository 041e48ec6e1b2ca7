package io.eventharness.harness.report;

import io.eventharness.harness.observe.LogLine;
import java.util.List;

/**
 * What a function of the test logged, as the harness read it when the test ended.
 *
 * @param name       the function's name
 * @param lines      every line of its log group, in time order
 * @param unreadable why the log could not be read, or null
 */
public record FunctionLog(String name, List<LogLine> lines, String unreadable) {
    public FunctionLog {
        lines = List.copyOf(lines);
    }

    /** A log that could not be read, and why. */
    public static FunctionLog unreadable(String name, String why) {
        return new FunctionLog(name, List.of(), why);
    }
}
