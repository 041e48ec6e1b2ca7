package io.eventharness.emulator.logs;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A log group: its streams, retention and tags. Callers hold the group's monitor
 * ({@code synchronized (group)}) while they touch its streams; {@link #purge} runs first so that
 * events older than the retention are gone before anything reads or counts them.
 */
final class LogGroup {
    final String name;
    /** {@code arn:aws:logs:<region>:<account>:log-group:<name>}, without the {@code :*} of {@code LogGroup.arn}. */
    final String arn;
    final long creationTime;
    final String logGroupClass;
    final TreeMap<String, LogStream> streams = new TreeMap<>();
    final Map<String, String> tags = new LinkedHashMap<>();
    private Integer retentionInDays;

    LogGroup(String name, String arn, long creationTime, String logGroupClass) {
        this.name = name;
        this.arn = arn;
        this.creationTime = creationTime;
        this.logGroupClass = logGroupClass;
    }

    Integer retentionInDays() {
        return retentionInDays;
    }

    void retentionInDays(Integer days) {
        retentionInDays = days;
    }

    /** The oldest timestamp the retention still keeps, or {@code Long.MIN_VALUE} without retention. */
    long retentionCutoff(long now) {
        return retentionInDays == null ? Long.MIN_VALUE : now - Duration.ofDays(retentionInDays).toMillis();
    }

    /** Deletes the events the retention policy no longer keeps (AWS does this within days; we do it exactly). */
    void purge(long now) {
        long cutoff = retentionCutoff(now);
        if (cutoff != Long.MIN_VALUE) {
            for (LogStream s : streams.values()) {
                s.purgeBefore(cutoff);
            }
        }
    }

    long storedBytes() {
        long b = 0;
        for (LogStream s : streams.values()) {
            b += s.storedBytes();
        }
        return b;
    }

    /** What each event weighs besides its message: AWS counts 26 bytes per event in a PutLogEvents batch. */
    static final int EVENT_OVERHEAD = 26;

    /** Messages plus {@link #EVENT_OVERHEAD} per event, over all streams. */
    long weight() {
        long w = 0;
        for (LogStream s : streams.values()) {
            w += s.weight();
        }
        return w;
    }

    /**
     * Drops the oldest events (by timestamp, across the streams) until the group weighs at most
     * {@code target}; returns how many went. The emulator keeps logs in memory, so this bounds what a
     * function that prints without end can take; AWS keeps everything.
     */
    long trimTo(long target) {
        long excess = weight() - target;
        if (excess <= 0) {
            return 0;
        }
        java.util.Map<LogStream, Integer> dropped = new java.util.HashMap<>();
        long count = 0;
        while (excess > 0) {
            LogStream oldest = null;
            StoredEvent first = null;
            for (LogStream s : streams.values()) {
                int i = dropped.getOrDefault(s, 0);
                if (i < s.size()) {
                    StoredEvent e = s.events().get(i);
                    if (first == null || StoredEvent.ORDER.compare(e, first) < 0) {
                        first = e;
                        oldest = s;
                    }
                }
            }
            if (oldest == null) {
                break;
            }
            dropped.merge(oldest, 1, Integer::sum);
            excess -= first.bytes() + EVENT_OVERHEAD;
            count++;
        }
        dropped.forEach(LogStream::dropFirst);
        return count;
    }

    String streamArn(String stream) {
        return arn + ":log-stream:" + stream;
    }
}
