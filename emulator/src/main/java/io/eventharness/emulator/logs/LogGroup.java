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

    String streamArn(String stream) {
        return arn + ":log-stream:" + stream;
    }
}
