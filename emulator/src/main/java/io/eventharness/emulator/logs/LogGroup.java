package io.eventharness.emulator.logs;

import io.eventharness.emulator.core.Arn;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.RejectedLogEventsInfo;

/**
 * A log group: its streams and their events, retention and tags. It locks itself, and every method first deletes
 * the events its retention no longer keeps ({@link #purge}), so that nothing reads or counts them. Reads run a
 * function over the streams under the lock ({@link #readStream}, {@link #readStreams}); it must only read.
 *
 * <p>Events live in memory, so a group keeps at most {@code maxBytes} (each event's UTF-8 size plus
 * {@link #EVENT_OVERHEAD}): past it, the oldest events go, down to seven eighths of the bound (so that trimming is
 * rare). AWS keeps everything.
 */
final class LogGroup {
    /** What each event weighs besides its message: AWS counts 26 bytes per event in a PutLogEvents batch. */
    static final int EVENT_OVERHEAD = 26;

    /** What PutLogEvents stored: the stream's next (ignored) sequence token and what the batch rules rejected. */
    record Put(String nextSequenceToken, RejectedLogEventsInfo rejected) {
    }

    private final String name;
    /** {@code arn:aws:logs:<region>:<account>:log-group:<name>}, without the {@code :*} of {@code LogGroup.arn}. */
    private final Arn arn;
    private final long creationTime;
    private final String logGroupClass;
    private final long maxBytes;
    /** Numbers events across the emulator: ties in timestamp keep their arrival order. */
    private final LongSupplier seq;
    private final TreeMap<String, LogStream> streams = new TreeMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private Integer retentionInDays;

    LogGroup(String name, String region, long creationTime, String logGroupClass, long maxBytes, LongSupplier seq) {
        this.name = name;
        this.arn = Arn.of("logs", region, "log-group:" + name);
        this.creationTime = creationTime;
        this.logGroupClass = logGroupClass;
        this.maxBytes = maxBytes;
        this.seq = seq;
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

    String logGroupClass() {
        return logGroupClass;
    }

    /** The ARN as DescribeLogGroups' {@code arn} has it: with a trailing {@code :*}. */
    String wildcardArn() {
        return arn.withResource(arn.resource() + ":*").toString();
    }

    Arn streamArn(String stream) {
        return arn.withResource(arn.resource() + ":log-stream:" + stream);
    }

    // ---- retention --------------------------------------------------------------------------------

    synchronized Integer retentionInDays() {
        return retentionInDays;
    }

    /** Sets (or with null removes) the retention, and applies it at once. */
    synchronized void retentionInDays(Integer days, long now) {
        retentionInDays = days;
        purge(now);
    }

    /** The oldest timestamp the retention still keeps, or {@code Long.MIN_VALUE} without retention. */
    private long retentionCutoff(long now) {
        return retentionInDays == null ? Long.MIN_VALUE : now - Duration.ofDays(retentionInDays).toMillis();
    }

    /** Deletes the events the retention policy no longer keeps (AWS does this within days; we do it exactly). */
    private void purge(long now) {
        long cutoff = retentionCutoff(now);
        if (cutoff != Long.MIN_VALUE) {
            for (LogStream s : streams.values()) {
                s.purgeBefore(cutoff);
            }
        }
    }

    /** The UTF-8 size of the events the group keeps. */
    synchronized long storedBytes(long now) {
        purge(now);
        long b = 0;
        for (LogStream s : streams.values()) {
            b += s.storedBytes();
        }
        return b;
    }

    // ---- streams ----------------------------------------------------------------------------------

    synchronized void createStream(String stream, long now) {
        if (streams.containsKey(stream)) {
            throw LogsErrors.streamExists();
        }
        streams.put(stream, new LogStream(stream, streamArn(stream), now));
    }

    synchronized void deleteStream(String stream) {
        if (streams.remove(stream) == null) {
            throw LogsErrors.streamNotFound();
        }
    }

    /** {@code read} over the events of one stream, in order; ResourceNotFound when there is no such stream. */
    synchronized <T> T readStream(String stream, long now, Function<List<StoredEvent>, T> read) {
        purge(now);
        LogStream s = streams.get(stream);
        if (s == null) {
            throw LogsErrors.streamNotFound();
        }
        return read.apply(s.events());
    }

    /** {@code read} over the streams by name. */
    synchronized <T> T readStreams(long now, Function<NavigableMap<String, LogStream>, T> read) {
        purge(now);
        return read.apply(Collections.unmodifiableNavigableMap(streams));
    }

    // ---- events -----------------------------------------------------------------------------------

    /**
     * The in-JVM append: into {@code stream}, created if missing, with no batch rules (any order, any time); only
     * the retention applies.
     */
    synchronized void append(String stream, List<LogEvent> events, long now) {
        purge(now);
        LogStream s = streams.computeIfAbsent(stream, n -> new LogStream(n, streamArn(n), now));
        long cutoff = retentionCutoff(now);
        for (LogEvent e : events) {
            if (e.timestamp() >= cutoff) {
                s.add(StoredEvent.of(stream, e.timestamp(), seq.getAsLong(), now, e.message()));
            }
        }
        bound();
    }

    /** PutLogEvents into an existing stream, under AWS's batch rules ({@link LogBatch}). */
    synchronized Put put(String stream, List<InputLogEvent> input, long now) {
        LogStream s = streams.get(stream);
        if (s == null) {
            throw LogsErrors.streamNotFound();
        }
        purge(now);
        LogBatch batch = LogBatch.check(input, now, retentionCutoff(now));
        for (InputLogEvent e : input.subList(batch.from(), batch.to())) {
            s.add(StoredEvent.of(stream, e.timestamp(), seq.getAsLong(), now, e.message()));
        }
        bound();
        return new Put(s.nextSequenceToken(), batch.rejected());
    }

    /** Past the bound, drops the oldest events down to seven eighths of it. */
    private void bound() {
        if (weight() > maxBytes) {
            trimTo(maxBytes - maxBytes / 8);
        }
    }

    /** Messages plus {@link #EVENT_OVERHEAD} per event, over all streams. */
    private long weight() {
        long w = 0;
        for (LogStream s : streams.values()) {
            w += s.weight();
        }
        return w;
    }

    /** Drops the oldest events (by timestamp, across the streams) until the group weighs at most {@code target}. */
    private void trimTo(long target) {
        long excess = weight() - target;
        Map<LogStream, Integer> dropped = new HashMap<>();
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
        }
        dropped.forEach(LogStream::dropFirst);
    }

    // ---- tags -------------------------------------------------------------------------------------

    /** Adds or replaces tags; TooManyTags past 50 in all. */
    synchronized void tag(Map<String, String> given) {
        long added = given.keySet().stream().filter(k -> !tags.containsKey(k)).count();
        LogsLimits.tags(given, (int) (tags.size() + added - given.size()), arn.toString());
        tags.putAll(given);
    }

    synchronized void untag(Collection<String> keys) {
        keys.forEach(tags::remove);
    }

    synchronized Map<String, String> tags() {
        return new LinkedHashMap<>(tags);
    }
}
