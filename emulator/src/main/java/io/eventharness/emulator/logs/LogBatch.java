package io.eventharness.emulator.logs;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.RejectedLogEventsInfo;

/**
 * The rules a PutLogEvents batch must meet (API reference "PutLogEvents"): 1–10,000 events, at most
 * 1,048,576 bytes counting 26 bytes per event, in chronological order. Events more than 14 days old or
 * older than the group's retention, and events more than 2 hours ahead, are rejected while the rest is
 * stored; the stored ones may not span more than 24 hours.
 *
 * @param from     index of the first event to store
 * @param to       index after the last event to store
 * @param rejected what was rejected, or null
 */
record LogBatch(int from, int to, RejectedLogEventsInfo rejected) {
    static final int MAX_EVENTS = 10_000;
    static final long MAX_BYTES = 1_048_576;
    private static final long TOO_OLD = Duration.ofDays(14).toMillis();
    private static final long TOO_NEW = Duration.ofHours(2).toMillis();
    private static final long MAX_SPAN = Duration.ofHours(24).toMillis();

    static LogBatch check(List<InputLogEvent> events, long now, long retentionCutoff) {
        if (events.isEmpty()) {
            throw LogsErrors.constraint("[]", "logEvents", "Member must have length greater than or equal to 1");
        }
        if (events.size() > MAX_EVENTS) {
            throw LogsErrors.constraint("[...]", "logEvents", "Member must have length less than or equal to " + MAX_EVENTS);
        }
        long bytes = 0;
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < events.size(); i++) {
            InputLogEvent e = events.get(i);
            if (e == null || e.timestamp() == null) {
                throw LogsErrors.missing("logEvents." + (i + 1) + ".member.timestamp");
            }
            if (e.message() == null) {
                throw LogsErrors.missing("logEvents." + (i + 1) + ".member.message");
            }
            if (e.message().isEmpty()) {
                throw LogsErrors.constraint("", "logEvents." + (i + 1) + ".member.message",
                        "Member must have length greater than or equal to 1");
            }
            if (e.timestamp() < previous) {
                throw LogsErrors.invalidParameter("Log events in a single PutLogEvents request must be in chronological order.");
            }
            previous = e.timestamp();
            bytes += e.message().getBytes(StandardCharsets.UTF_8).length + LogGroup.EVENT_OVERHEAD;
        }
        if (bytes > MAX_BYTES) {
            throw LogsErrors.invalidParameter("Upload too large: " + bytes + " bytes exceeds limit of " + MAX_BYTES);
        }
        int tooOld = 0;
        int expired = 0;
        int from = 0;
        while (from < events.size()) {
            long ts = events.get(from).timestamp();
            if (ts < now - TOO_OLD) {
                tooOld = from + 1;
            } else if (ts < retentionCutoff) {
                expired = from + 1;
            } else {
                break;
            }
            from++;
        }
        int to = from;
        while (to < events.size() && events.get(to).timestamp() <= now + TOO_NEW) {
            to++;
        }
        if (to > from && events.get(to - 1).timestamp() - events.get(from).timestamp() > MAX_SPAN) {
            throw LogsErrors.invalidParameter("The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
        }
        RejectedLogEventsInfo rejected = null;
        if (tooOld > 0 || expired > 0 || to < events.size()) {
            RejectedLogEventsInfo.Builder b = RejectedLogEventsInfo.builder();
            if (tooOld > 0) {
                b.tooOldLogEventEndIndex(tooOld);
            }
            if (expired > 0) {
                b.expiredLogEventEndIndex(expired);
            }
            if (to < events.size()) {
                b.tooNewLogEventStartIndex(to);
            }
            rejected = b.build();
        }
        return new LogBatch(from, to, rejected);
    }
}
