package io.eventharness.emulator.dynamodb.streams;

import java.math.BigInteger;

/**
 * Stream sequence numbers: 21 decimal digits, increasing within a stream across its shards, as DynamoDB Streams'
 * ({@code 100000000000000000001}, ...). Held as the count of records the stream has had.
 */
final class SequenceNumbers {
    private static final BigInteger BASE = BigInteger.TEN.pow(20);

    private SequenceNumbers() {
    }

    static String format(long n) {
        return BASE.add(BigInteger.valueOf(n)).toString();
    }

    /** The count a sequence number stands for; -1 when the text is not one of ours. */
    static long parse(String text) {
        if (text == null || text.length() != 21 || !text.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        BigInteger n = new BigInteger(text).subtract(BASE);
        return n.signum() < 0 || n.bitLength() > 62 ? -1 : n.longValue();
    }
}
