package io.eventharness.emulator.dynamodb;

import io.eventharness.emulator.dynamodb.expr.AttributeValues;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where an item sits in a table or an index: partitions in the order of a hash of their key (as DynamoDB spreads
 * them, so that a Scan does not come back sorted by partition key and scan segments split the key space evenly),
 * then by partition key, then by sort key (strings and binaries by unsigned bytes, numbers by value). The hash is the
 * first 24 bits of the MD5 of {@code "Outliers"} and the key's bytes, which dynalite found to give the order of a
 * real DynamoDB Scan for string and binary keys (number keys are hashed by their normalised text here, so a Scan of a
 * table with a number partition key comes back in another order than in AWS).
 *
 * @param token the partition key's hash: the scan order and the scan segment
 * @param hash  the partition key's value
 * @param range the sort key's value; null for a table without one, or to stand for the start of a partition
 */
record ItemKey(long token, AttributeValue hash, AttributeValue range) implements Comparable<ItemKey> {

    static ItemKey of(KeySchema schema, Map<String, AttributeValue> item) {
        AttributeValue h = item.get(schema.hash().name());
        return new ItemKey(token(h), h, schema.range() == null ? null : item.get(schema.range().name()));
    }

    /** The partition hash of a key value (24 bits). */
    static long token(AttributeValue v) {
        return token(v, null);
    }

    /** The hash of a partition and sort key together (the order of items with the same key in an index). */
    static long token(AttributeValue hash, AttributeValue range) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update("Outliers".getBytes(StandardCharsets.UTF_8));
            md5.update(bytes(hash));
            if (range != null) {
                md5.update(bytes(range));
            }
            byte[] d = md5.digest();
            return (d[0] & 0xffL) << 16 | (d[1] & 0xffL) << 8 | d[2] & 0xffL;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(AttributeValue v) {
        if (v.s() != null) {
            return v.s().getBytes(StandardCharsets.UTF_8);
        }
        if (v.n() != null) {
            return AttributeValues.normalise(AttributeValues.number(v.n())).getBytes(StandardCharsets.UTF_8);
        }
        return v.b().asByteArrayUnsafe();
    }

    /**
     * The scan segment ({@code 0 ≤ segment < total}) of this key: the first 12 bits of the hash, split in {@code total}
     * even ranges.
     */
    int segment(int total) {
        long p = token >> 12;
        int s = (int) (p * total / 4096);
        while (s + 1 < total && ceilDiv(4096L * (s + 1), total) <= p) {
            s++;
        }
        while (s > 0 && ceilDiv(4096L * s, total) > p) {
            s--;
        }
        return s;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    @Override
    public int compareTo(ItemKey o) {
        int c = Long.compare(token, o.token);
        if (c == 0) {
            c = AttributeValues.compare(hash, o.hash);
        }
        if (c == 0 && (range != null || o.range != null)) {
            // a key without its sort key (a probe for a whole partition) comes before the partition's items
            c = range == null ? -1 : o.range == null ? 1 : AttributeValues.compare(range, o.range);
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ItemKey k && compareTo(k) == 0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(token);
    }
}
