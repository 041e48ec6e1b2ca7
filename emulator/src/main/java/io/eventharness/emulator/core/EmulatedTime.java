package io.eventharness.emulator.core;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulated time of an {@link EmulatorClock}: real time plus an offset that only grows, or, frozen, a time that
 * moves only when told to. The one place that reads the machine's time. Reads never wait; changes take turns on this
 * object's monitor. It schedules nothing: the clock runs what falls due.
 */
final class EmulatedTime {
    private static final long NOT_FROZEN = Long.MIN_VALUE;

    private final AtomicLong offsetMillis = new AtomicLong();
    /** The emulated time while frozen, else {@link #NOT_FROZEN}. */
    private volatile long frozenMillis = NOT_FROZEN;

    /** The emulated time in epoch milliseconds. */
    long millis() {
        long frozen = frozenMillis;
        return frozen != NOT_FROZEN ? frozen : System.currentTimeMillis() + offsetMillis.get();
    }

    /** How far the emulated time is ahead of real time. */
    Duration offset() {
        return Duration.ofMillis(millis() - System.currentTimeMillis());
    }

    /** Stops the time where it is; freezing a frozen time changes nothing. */
    synchronized void freeze() {
        if (frozenMillis == NOT_FROZEN) {
            frozenMillis = System.currentTimeMillis() + offsetMillis.get();
        }
    }

    /** Lets the time follow real time again, from where it stands. */
    synchronized void unfreeze() {
        long frozen = frozenMillis;
        if (frozen != NOT_FROZEN) {
            offsetMillis.set(frozen - System.currentTimeMillis());
            frozenMillis = NOT_FROZEN;
        }
    }

    boolean frozen() {
        return frozenMillis != NOT_FROZEN;
    }

    /** Moves the time forward by {@code millis}, frozen or not. */
    synchronized void moveBy(long millis) {
        if (frozenMillis != NOT_FROZEN) {
            frozenMillis += millis;
        } else {
            offsetMillis.addAndGet(millis);
        }
    }
}
