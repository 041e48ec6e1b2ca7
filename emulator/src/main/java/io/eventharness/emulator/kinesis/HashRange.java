package io.eventharness.emulator.kinesis;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * A shard's range of hash keys, both ends included, within {@code [0, 2^128 - 1]}. A record goes to the open shard
 * whose range holds the MD5 of its partition key read as an unsigned 128-bit number, or its {@code ExplicitHashKey}
 * (<a href="https://docs.aws.amazon.com/streams/latest/dev/key-concepts.html">Kinesis key concepts</a>).
 */
public record HashRange(BigInteger start, BigInteger end) {
    /** The largest hash key, {@code 2^128 - 1}. */
    public static final BigInteger MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    public HashRange {
        if (start.signum() < 0 || end.compareTo(MAX) > 0 || start.compareTo(end) > 0) {
            throw new IllegalArgumentException("not a hash key range: " + start + ".." + end);
        }
    }

    /**
     * {@code n} ranges of equal width covering all keys, as CreateStream and UpdateShardCount lay them out: range
     * {@code i} starts at {@code i * floor(2^128 / n)}, the last ends at {@code 2^128 - 1}.
     */
    public static List<HashRange> uniform(int n) {
        BigInteger width = MAX.add(BigInteger.ONE).divide(BigInteger.valueOf(n));
        List<HashRange> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            BigInteger from = width.multiply(BigInteger.valueOf(i));
            BigInteger to = i == n - 1 ? MAX : width.multiply(BigInteger.valueOf(i + 1L)).subtract(BigInteger.ONE);
            out.add(new HashRange(from, to));
        }
        return out;
    }

    /** The hash key of a partition key: its UTF-8 bytes' MD5 as an unsigned number. */
    public static BigInteger hashOf(String partitionKey) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(partitionKey.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, md5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }

    public boolean contains(BigInteger key) {
        return start.compareTo(key) <= 0 && key.compareTo(end) <= 0;
    }

    /** Whether the two ranges touch without a gap or an overlap (MergeShards' condition). */
    public boolean adjacentTo(HashRange other) {
        return end.add(BigInteger.ONE).equals(other.start) || other.end.add(BigInteger.ONE).equals(start);
    }

    /** The range covering both (for adjacent ranges). */
    public HashRange union(HashRange other) {
        return new HashRange(start.min(other.start), end.max(other.end));
    }

    /** Whether this range lies wholly inside the other. */
    public boolean within(HashRange other) {
        return other.start.compareTo(start) <= 0 && end.compareTo(other.end) <= 0;
    }
}
