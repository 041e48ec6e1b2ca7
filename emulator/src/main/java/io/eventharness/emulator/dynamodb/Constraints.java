package io.eventharness.emulator.dynamodb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The service model's member constraints (required, length, range, pattern, enum), checked as DynamoDB's validator
 * checks them: every violation of a request is collected and reported together, {@code 2 validation errors
 * detected: Value '…' at 'tableName' failed to satisfy constraint: …; …}.
 */
final class Constraints {
    static final String TABLE_NAME_PATTERN = "[a-zA-Z0-9_.-]+";
    private static final Pattern TABLE_NAME = Pattern.compile(TABLE_NAME_PATTERN);

    private final List<String> errors = new ArrayList<>();

    /**
     * The table name of the table operations (CreateTable, DescribeTable, UpdateTable, DeleteTable,
     * DescribeTimeToLive), which DynamoDB checks before anything else, in words of its own.
     */
    static void tableNameFirst(String name) {
        if (name == null) {
            throw DynamoDbErrors.validation("The parameter 'TableName' is required but was not present in the request");
        }
        if (!name.startsWith("arn:") && (name.length() < 3 || name.length() > 255)) {
            throw DynamoDbErrors.validation("TableName must be at least 3 characters long and at most 255 characters long");
        }
    }

    Constraints notNull(Object value, String member) {
        if (value == null) {
            add(null, member, "Member must not be null");
        }
        return this;
    }

    /** A table (or index) name: 3 to 255 characters of {@code [a-zA-Z0-9_.-]}. */
    Constraints tableName(String value, String member, boolean required) {
        if (value == null) {
            return required ? notNull(null, member) : this;
        }
        if (value.startsWith("arn:")) {
            return length(value, member, 1, 1024);
        }
        length(value, member, 3, 255);
        if (!TABLE_NAME.matcher(value).matches()) {
            add(value, member, "Member must satisfy regular expression pattern: " + TABLE_NAME_PATTERN);
        }
        return this;
    }

    Constraints length(String value, String member, int min, int max) {
        if (value != null && value.length() < min) {
            add(value, member, "Member must have length greater than or equal to " + min);
        }
        if (value != null && value.length() > max) {
            add(value, member, "Member must have length less than or equal to " + max);
        }
        return this;
    }

    Constraints size(Collection<?> value, String member, int min, int max) {
        if (value != null && value.size() < min) {
            add(value, member, "Member must have length greater than or equal to " + min);
        }
        if (value != null && value.size() > max) {
            add(value, member, "Member must have length less than or equal to " + max);
        }
        return this;
    }

    Constraints size(Map<?, ?> value, String member, int min, int max) {
        return size(value == null ? null : value.keySet(), member, min, max);
    }

    Constraints range(Number value, String member, long min, long max) {
        if (value != null && value.longValue() < min) {
            add(value, member, "Member must have value greater than or equal to " + min);
        }
        if (value != null && value.longValue() > max) {
            add(value, member, "Member must have value less than or equal to " + max);
        }
        return this;
    }

    /** An enum member the SDK did not recognise ({@code UNKNOWN_TO_SDK_VERSION}): its text and the allowed values. */
    Constraints enumValue(Object parsed, String text, String member, String allowed) {
        if (text != null && parsed instanceof Enum<?> e && e.name().equals("UNKNOWN_TO_SDK_VERSION")) {
            add(text, member, "Member must satisfy enum value set: [" + allowed + "]");
        }
        return this;
    }

    /** No element of a list member may be null ({@code [null]} in the JSON). */
    Constraints noNulls(java.util.List<?> value, String member) {
        for (int i = 0; value != null && i < value.size(); i++) {
            if (value.get(i) == null) {
                add(null, member + "." + (i + 1) + ".member", "Member must not be null");
            }
        }
        return this;
    }

    /** No value of a map member may be null. */
    Constraints noNulls(Map<String, ?> value, String member) {
        if (value != null) {
            value.forEach((k, v) -> {
                if (v == null) {
                    add(null, member + "." + k, "Member must not be null");
                }
            });
        }
        return this;
    }

    Constraints add(Object value, String member, String constraint) {
        errors.add(DynamoDbErrors.constraintText(value, member, constraint));
        return this;
    }

    /** Throws the collected violations as one ValidationException. */
    void check() {
        if (!errors.isEmpty()) {
            List<String> shown = errors.subList(0, Math.min(10, errors.size())); // the validator stops at ten
            throw DynamoDbErrors.validation(shown.size() + " validation error" + (shown.size() == 1 ? "" : "s")
                    + " detected: " + String.join("; ", shown));
        }
    }
}
