package io.eventharness.emulator.delivery;

import java.time.Instant;

/**
 * One hop of an event between services, as the trail records it: when, from where, to where, what
 * kind of event, a short summary of the payload and how it ended.
 *
 * @param outcome {@code delivered}, {@code filtered}, {@code failed: <reason>}, ...
 */
public record TrailEntry(long seq, Instant at, String source, String target, String kind, String summary, String outcome) {

    @Override
    public String toString() {
        return at + " " + kind + " " + source + " -> " + target + " [" + outcome + "] " + summary;
    }
}
