package io.eventharness.emulator.logs;

import io.eventharness.emulator.core.Arn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A log stream's events, kept in timestamp order. Not thread-safe: its {@link LogGroup} guards it, and only the
 * group changes it.
 */
final class LogStream {
    private final String name;
    private final Arn arn;
    private final long creationTime;
    private final ArrayList<StoredEvent> events = new ArrayList<>();
    private long lastIngestionTime;
    private long uploads;
    /** Sum of the stored messages' UTF-8 sizes. */
    private long messageBytes;

    LogStream(String name, Arn arn, long creationTime) {
        this.name = name;
        this.arn = arn;
        this.creationTime = creationTime;
    }

    String name() {
        return name;
    }

    Arn arn() {
        return arn;
    }

    long creationTime() {
        return creationTime;
    }

    /** Adds an event in timestamp order (the usual case, an append, is O(1)). */
    void add(StoredEvent e) {
        int n = events.size();
        if (n == 0 || StoredEvent.ORDER.compare(events.get(n - 1), e) <= 0) {
            events.add(e);
        } else {
            int i = Collections.binarySearch(events, e, StoredEvent.ORDER);
            events.add(i < 0 ? -i - 1 : i, e);
        }
        lastIngestionTime = Math.max(lastIngestionTime, e.ingestionTime());
        messageBytes += e.bytes();
    }

    /** Counts one PutLogEvents call, for the (ignored) sequence token AWS still hands out. */
    String nextSequenceToken() {
        uploads++;
        return String.format("49%054d", uploads);
    }

    String uploadSequenceToken() {
        return String.format("49%054d", uploads + 1);
    }

    /** Drops the events with a timestamp before {@code cutoff}; returns the bytes removed. */
    long purgeBefore(long cutoff) {
        int i = 0;
        long bytes = 0;
        while (i < events.size() && events.get(i).timestamp() < cutoff) {
            bytes += events.get(i).bytes();
            i++;
        }
        if (i > 0) {
            events.subList(0, i).clear();
        }
        messageBytes -= bytes;
        return bytes;
    }

    /** Drops the {@code n} oldest events. */
    void dropFirst(int n) {
        List<StoredEvent> gone = events.subList(0, n);
        for (StoredEvent e : gone) {
            messageBytes -= e.bytes();
        }
        gone.clear();
    }

    int size() {
        return events.size();
    }

    /** The events in order; valid while the group's lock is held. */
    List<StoredEvent> events() {
        return Collections.unmodifiableList(events);
    }

    Long firstEventTimestamp() {
        return events.isEmpty() ? null : events.get(0).timestamp();
    }

    Long lastEventTimestamp() {
        return events.isEmpty() ? null : events.get(events.size() - 1).timestamp();
    }

    Long lastIngestionTime() {
        return lastIngestionTime == 0 ? null : lastIngestionTime;
    }

    /** Sum of the stored messages' UTF-8 sizes. */
    long storedBytes() {
        return messageBytes;
    }

    /** What the events weigh against the group's bound: their UTF-8 sizes plus {@link LogGroup#EVENT_OVERHEAD} each. */
    long weight() {
        return messageBytes + (long) events.size() * LogGroup.EVENT_OVERHEAD;
    }
}
