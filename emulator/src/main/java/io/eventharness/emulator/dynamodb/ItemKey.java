package io.eventharness.emulator.dynamodb;

import io.eventharness.emulator.dynamodb.expr.AttributeValues;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where an item sits in a table or an index: partitions in the order of a hash of their key (as DynamoDB spreads
 * them, so that a Scan does not come back sorted by partition key and scan segments split the key space evenly),
 * then by partition key, then by sort key (strings and binaries by unsigned bytes, numbers by value).
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

    /** The first 8 bytes of the MD5 of the partition key's type and value (numbers by their normalised text). */
    static long token(AttributeValue v) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update((byte) AttributeValues.typeOf(v).ordinal());
            if (v.s() != null) {
                md5.update(v.s().getBytes(StandardCharsets.UTF_8));
            } else if (v.n() != null) {
                md5.update(AttributeValues.normalise(AttributeValues.number(v.n())).getBytes(StandardCharsets.UTF_8));
            } else {
                md5.update(v.b().asByteArrayUnsafe());
            }
            return ByteBuffer.wrap(md5.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The scan segment ({@code 0 ≤ segment < total}) of this key: an even split of the token space. */
    int segment(int total) {
        return (int) (((token >>> 32) * total) >>> 32);
    }

    @Override
    public int compareTo(ItemKey o) {
        int c = Long.compareUnsigned(token, o.token);
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
