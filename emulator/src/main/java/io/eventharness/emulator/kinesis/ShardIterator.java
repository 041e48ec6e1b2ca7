package io.eventharness.emulator.kinesis;

import io.eventharness.emulator.core.Arn;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A shard iterator: an opaque token ({@link SealedTokens}) naming a stream (its ARN and creation tag), a shard, a
 * position (read the records whose counter is above it) and when it was issued; it expires five minutes later on
 * the emulator's clock.
 */
record ShardIterator(Arn stream, long streamTag, int shardIndex, long position, long issuedMillis) {
    /** How long an iterator is valid: five minutes (GetShardIterator's documentation). */
    static final long LIFETIME_MILLIS = 300_000;
    private static final byte VERSION = 1;
    private static final int FIXED = 1 + 8 + 4 + 8 + 8;

    String encode() {
        byte[] arn = stream.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(FIXED + arn.length);
        b.put(VERSION).putLong(issuedMillis).putInt(shardIndex).putLong(position).putLong(streamTag).put(arn);
        return SealedTokens.seal(b.array());
    }

    /** The iterator a token encodes; empty for anything this emulator did not issue. */
    static Optional<ShardIterator> decode(String token) {
        return SealedTokens.open(token, FIXED).filter(b -> b.get() == VERSION).flatMap(b -> {
            long issued = b.getLong();
            int shard = b.getInt();
            long position = b.getLong();
            long tag = b.getLong();
            String arn = StandardCharsets.UTF_8.decode(b).toString();
            return Arn.tryParse(arn).filter(a -> shard >= 0 && position >= 0)
                    .map(a -> new ShardIterator(a, tag, shard, position, issued));
        });
    }

    boolean expiredAt(long nowMillis) {
        return nowMillis - issuedMillis > LIFETIME_MILLIS;
    }
}
