package io.eventharness.emulator.logs;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The model constraints of CloudWatch Logs requests (API reference, each operation's "Request Parameters"). */
final class LogsLimits {
    private static final Pattern GROUP_NAME = Pattern.compile("[\\.\\-_/#A-Za-z0-9]+");
    private static final Pattern STREAM_NAME = Pattern.compile("[^:*]*");
    /** PutRetentionPolicy's {@code retentionInDays}: only these values. */
    static final List<Integer> RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
            731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private LogsLimits() {
    }

    static String groupName(String name, String member) {
        length(name, member, 1, 512);
        if (!GROUP_NAME.matcher(name).matches()) {
            throw LogsErrors.constraint(name, member, "Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+");
        }
        return name;
    }

    static String streamName(String name, String member) {
        length(name, member, 1, 512);
        if (!STREAM_NAME.matcher(name).matches()) {
            throw LogsErrors.constraint(name, member, "Member must satisfy regular expression pattern: [^:*]*");
        }
        return name;
    }

    static void length(String value, String member, int min, int max) {
        if (value == null) {
            throw LogsErrors.missing(member);
        }
        if (value.length() < min) {
            throw LogsErrors.constraint(value, member, "Member must have length greater than or equal to " + min);
        }
        if (value.length() > max) {
            throw LogsErrors.constraint(value, member, "Member must have length less than or equal to " + max);
        }
    }

    /** {@code value} or {@code dflt}, checked against [min, max]. */
    static int limit(Integer value, String member, int min, int max, int dflt) {
        if (value == null) {
            return dflt;
        }
        if (value < min) {
            throw LogsErrors.constraint(value, member, "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw LogsErrors.constraint(value, member, "Member must have value less than or equal to " + max);
        }
        return value;
    }

    static int retentionDays(Integer days) {
        if (days == null) {
            throw LogsErrors.missing("retentionInDays");
        }
        if (!RETENTION_DAYS.contains(days)) {
            throw LogsErrors.constraint(days, "retentionInDays", "Member must satisfy enum value set: " + RETENTION_DAYS);
        }
        return days;
    }

    /** Tag keys and values (1–128 and 0–256 characters) and at most 50 tags in all. */
    static void tags(Map<String, String> tags, int existing, String arn) {
        for (Map.Entry<String, String> t : tags.entrySet()) {
            length(t.getKey(), "tags", 1, 128);
            if (t.getValue() == null || t.getValue().length() > 256) {
                throw LogsErrors.constraint(t.getValue(), "tags", "Map value must have length less than or equal to 256");
            }
        }
        if (existing + tags.size() > 50) {
            throw LogsErrors.tooManyTags(arn);
        }
    }
}
