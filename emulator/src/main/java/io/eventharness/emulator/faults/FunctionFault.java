package io.eventharness.emulator.faults;

/**
 * One armed fault of a function: its next {@code remaining} invocations fail with {@code errorType} and
 * {@code errorMessage} (as if its handler threw them) without its code running; {@code injected} counts those failed
 * so far.
 *
 * @param id       its number, in the order faults were armed (shared with {@link ApiFault})
 * @param function the function's name (every version and alias of it)
 */
public record FunctionFault(long id, String function, String errorType, String errorMessage, int remaining, int injected) {
}
