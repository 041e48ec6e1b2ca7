package io.eventharness.harness.report;

import java.time.Duration;
import java.time.Instant;

/**
 * A move of the emulator's clock by the test ({@code cloud.advance}): where the clock stood, by how much it moved, and
 * the trail's marks around it (the hops between them are what the move fired: retries, schedules, batching windows).
 *
 * @param from      the emulator's time when the move began
 * @param by        how far it moved
 * @param afterSeq  the trail's last sequence number before the move
 * @param untilSeq  the trail's last sequence number when the move returned
 */
public record ClockMove(Instant from, Duration by, long afterSeq, long untilSeq) {
    /** Where the clock stood once everything that fell due had run. */
    public Instant to() {
        return from.plus(by);
    }
}
