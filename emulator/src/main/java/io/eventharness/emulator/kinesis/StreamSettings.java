package io.eventharness.emulator.kinesis;

import io.eventharness.emulator.core.Arn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a data stream is set to: its capacity mode (switched at most twice in a rolling 24 hours, as AWS allows), its
 * retention period (increased or decreased only in the direction the operation names), its maximum record size and its
 * tags (at most a given number). Guarded by its {@link KinesisStream}'s lock, which alone calls it; it knows nothing of
 * the stream's status.
 */
final class StreamSettings {
    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    private final Arn arn;
    private final Map<String, String> tags = new TreeMap<>();
    private final List<Long> modeSwitches = new ArrayList<>();
    private KinesisStream.Mode mode;
    private int retentionHours = KinesisStream.MIN_RETENTION_HOURS;
    private int maxRecordSizeKiB;

    StreamSettings(Arn arn, KinesisStream.Mode mode, int maxRecordSizeKiB, Map<String, String> tags) {
        this.arn = arn;
        this.mode = mode;
        this.maxRecordSizeKiB = maxRecordSizeKiB;
        this.tags.putAll(tags);
    }

    KinesisStream.Mode mode() {
        return mode;
    }

    int retentionHours() {
        return retentionHours;
    }

    int maxRecordSizeKiB() {
        return maxRecordSizeKiB;
    }

    /** A copy of the tags. */
    Map<String, String> tags() {
        return new TreeMap<>(tags);
    }

    /** UpdateStreamMode at {@code now}: at most two switches in a rolling 24 hours. */
    void switchMode(KinesisStream.Mode to, long now) {
        modeSwitches.removeIf(t -> t <= now - DAY_MILLIS);
        if (modeSwitches.size() >= 2) {
            throw KinesisErrors.limitExceeded("The capacity mode of stream " + KinesisStream.nameOf(arn) + " under account "
                    + arn.account() + " has been switched twice in the last 24 hours, the most AWS allows.");
        }
        if (to != mode) {
            modeSwitches.add(now);
            mode = to;
        }
    }

    /** Increase (or, with {@code increase} false, Decrease) StreamRetentionPeriod: only in that direction. */
    void changeRetention(int hours, boolean increase) {
        if (increase ? hours < retentionHours : hours > retentionHours) {
            throw KinesisErrors.retentionTheOtherWay(KinesisStream.nameOf(arn), hours, retentionHours, increase);
        }
        retentionHours = hours;
    }

    void setMaxRecordSizeKiB(int kib) {
        maxRecordSizeKiB = kib;
    }

    /** Adds or replaces tags, keeping at most {@code max} in all. */
    void tag(Map<String, String> added, int max) {
        Map<String, String> after = new TreeMap<>(tags);
        after.putAll(added);
        if (after.size() > max) {
            throw KinesisErrors.tooManyTags("add tags to", arn, max);
        }
        tags.putAll(added);
    }

    void untag(Collection<String> keys) {
        tags.keySet().removeAll(keys);
    }
}
