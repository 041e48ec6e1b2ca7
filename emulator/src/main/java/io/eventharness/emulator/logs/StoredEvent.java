package io.eventharness.emulator.logs;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * One stored log event. Events are ordered by timestamp, then by {@code seq}, a number unique across
 * the emulator that also orders events of equal timestamp by arrival; paging tokens point at this key.
 */
record StoredEvent(String stream, long timestamp, long seq, long ingestionTime, String message, int bytes) {

    static final Comparator<StoredEvent> ORDER =
            Comparator.comparingLong(StoredEvent::timestamp).thenComparingLong(StoredEvent::seq);

    static StoredEvent of(String stream, long timestamp, long seq, long ingestionTime, String message) {
        return new StoredEvent(stream, timestamp, seq, ingestionTime, message,
                message.getBytes(StandardCharsets.UTF_8).length);
    }

    /** Orders this event against a position (timestamp, seq). */
    int compareTo(long ts, long s) {
        int c = Long.compare(timestamp, ts);
        return c != 0 ? c : Long.compare(seq, s);
    }

    LoggedEvent toLogged() {
        return new LoggedEvent(stream, timestamp, ingestionTime, message);
    }
}
