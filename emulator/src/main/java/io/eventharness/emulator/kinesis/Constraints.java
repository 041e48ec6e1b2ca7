package io.eventharness.emulator.kinesis;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * The constraints of Kinesis's service model that the SDK's model classes do not carry (patterns, lengths, ranges),
 * checked as AWS checks them: a breach is a {@code ValidationException} naming the member
 * ({@code records.1.member.partitionKey}).
 */
final class Constraints {
    static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    static final Pattern HASH_KEY = Pattern.compile("0|([1-9]\\d{0,38})");
    static final Pattern SEQUENCE_NUMBER = Pattern.compile("0|([1-9]\\d{0,128})");

    private Constraints() {
    }

    /** A stream or shard name: 1 to 128 of {@code [a-zA-Z0-9_.-]}. */
    static String name(String value, String member) {
        if (value == null) {
            throw KinesisErrors.missing(member);
        }
        if (value.isEmpty() || value.length() > 128) {
            throw KinesisErrors.constraint(value, member, value.isEmpty()
                    ? "Member must have length greater than or equal to 1" : "Member must have length less than or equal to 128");
        }
        if (!NAME.matcher(value).matches()) {
            throw KinesisErrors.constraint(value, member, "Member must satisfy regular expression pattern: " + NAME.pattern());
        }
        return value;
    }

    /** An optional integer within {@code [min, max]}; {@code dflt} when absent. */
    static int range(Integer value, int min, int max, int dflt, String member) {
        if (value == null) {
            return dflt;
        }
        if (value < min) {
            throw KinesisErrors.constraint(value, member, "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw KinesisErrors.constraint(value, member, "Member must have value less than or equal to " + max);
        }
        return value;
    }

    static int required(Integer value, int min, int max, String member) {
        if (value == null) {
            throw KinesisErrors.missing(member);
        }
        return range(value, min, max, value, member);
    }

    /** A hash key: decimal digits (the model's pattern), then within {@code [0, 2^128 - 1]}. */
    static BigInteger hashKey(String value, String member, String what) {
        if (!HASH_KEY.matcher(value).matches()) {
            throw KinesisErrors.constraint(value, member, "Member must satisfy regular expression pattern: " + HASH_KEY.pattern());
        }
        BigInteger key = new BigInteger(value);
        if (key.compareTo(HashRange.MAX) > 0) {
            throw KinesisErrors.invalidArgument("Invalid " + what + ". " + what + " must be in the range: [0, 2^128-1]. "
                    + "Specified value was " + value);
        }
        return key;
    }

    /** A sequence number as the model's pattern has it (whether it is one of the stream's is checked later). */
    static String sequenceNumber(String value, String member) {
        if (value != null && !SEQUENCE_NUMBER.matcher(value).matches()) {
            throw KinesisErrors.constraint(value, member, "Member must satisfy regular expression pattern: "
                    + SEQUENCE_NUMBER.pattern());
        }
        return value;
    }

    /** A partition key: 1 to 256 characters. */
    static String partitionKey(String value, String member) {
        if (value == null) {
            throw KinesisErrors.missing(member);
        }
        if (value.isEmpty() || value.length() > 256) {
            throw KinesisErrors.constraint(value, member, value.isEmpty()
                    ? "Member must have length greater than or equal to 1" : "Member must have length less than or equal to 256");
        }
        return value;
    }
}
