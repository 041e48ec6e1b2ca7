package io.eventharness.emulator.schedule;

import io.eventharness.emulator.core.EmulatorClock;
import java.time.Instant;
import java.util.Optional;

/**
 * A schedule running on the emulator's clock: each occurrence is a clock task due exactly at its time, and each
 * firing schedules the next one, so there is no polling loop. On a moved clock ({@code advance}) every occurrence
 * in the interval fires in order, each at its own time; in real time the clock's timer fires it when due.
 *
 * <pre>{@code
 * Recurrence r = Recurrence.start(clock, occurrences, clock.now(), null, due -> deliver(due));
 * r.cancel();   // no further firing
 * }</pre>
 */
public final class Recurrence {

    /** What a schedule does when it falls due; {@code due} is the occurrence's time. */
    @FunctionalInterface
    public interface Firing {
        void fire(Instant due);
    }

    private final EmulatorClock clock;
    private final Occurrences occurrences;
    private final Instant end;
    private final Firing firing;
    private final Runnable finished;
    private volatile boolean cancelled;
    private volatile EmulatorClock.Task task;

    private Recurrence(EmulatorClock clock, Occurrences occurrences, Instant end, Firing firing, Runnable finished) {
        this.clock = clock;
        this.occurrences = occurrences;
        this.end = end;
        this.firing = firing;
        this.finished = finished;
    }

    /**
     * Starts firing the occurrences at or after {@code from} and before {@code end}.
     *
     * @param end      the first instant at which nothing fires any more; null for none
     * @param finished run once after the last occurrence fired (or at once when there is none); not after {@link #cancel}
     */
    public static Recurrence start(EmulatorClock clock, Occurrences occurrences, Instant from, Instant end, Firing firing,
                                   Runnable finished) {
        Recurrence r = new Recurrence(clock, occurrences, end, firing, finished);
        r.scheduleFrom(from);
        return r;
    }

    /** The same without a step after the last occurrence. */
    public static Recurrence start(EmulatorClock clock, Occurrences occurrences, Instant from, Instant end, Firing firing) {
        return start(clock, occurrences, from, end, firing, () -> { });
    }

    private void scheduleFrom(Instant from) {
        Optional<Instant> next = occurrences.atOrAfter(from).filter(t -> end == null || t.isBefore(end));
        if (cancelled) {
            return;
        }
        if (next.isEmpty()) {
            finished.run();
            return;
        }
        Instant due = next.get();
        task = clock.schedule(due, () -> {
            if (cancelled) {
                return;
            }
            try {
                firing.fire(due);
            } finally {
                scheduleFrom(due.plusMillis(1));
            }
        });
    }

    /** The next time it fires, if it does. */
    public Optional<Instant> nextDue() {
        EmulatorClock.Task t = task;
        return cancelled || t == null ? Optional.empty() : Optional.of(t.due());
    }

    /** Stops it: an occurrence that has not started does not fire, and none is scheduled after. */
    public void cancel() {
        cancelled = true;
        EmulatorClock.Task t = task;
        if (t != null) {
            t.cancel();
        }
    }
}
