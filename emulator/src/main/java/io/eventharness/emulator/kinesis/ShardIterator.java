package io.eventharness.emulator.kinesis;

import io.eventharness.emulator.core.Arn;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A shard iterator: an opaque base64 token naming a stream (its ARN and creation tag), a shard, a position (read
 * the records whose counter is above it) and when it was issued; it expires five minutes later on the emulator's
 * clock. A checksum makes a token that was not issued here (or was altered) invalid, as AWS's encrypted ones are.
 */
record ShardIterator(Arn stream, long streamTag, int shardIndex, long position, long issuedMillis) {
    /** How long an iterator is valid: five minutes (GetShardIterator's documentation). */
    static final long LIFETIME_MILLIS = 300_000;
    private static final byte VERSION = 1;

    String encode() {
        byte[] arn = stream.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(1 + 8 + 4 + 8 + 8 + arn.length + 4);
        b.put(VERSION).putLong(issuedMillis).putInt(shardIndex).putLong(position).putLong(streamTag).put(arn);
        b.putInt(crc(b.array(), b.position()));
        return Base64.getEncoder().encodeToString(b.array());
    }

    /** The iterator a token encodes; empty for anything this emulator did not issue. */
    static Optional<ShardIterator> decode(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length < 1 + 8 + 4 + 8 + 8 + 4 || bytes[0] != VERSION) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (b.getInt(bytes.length - 4) != crc(bytes, bytes.length - 4)) {
            return Optional.empty();
        }
        b.get();
        long issued = b.getLong();
        int shard = b.getInt();
        long position = b.getLong();
        long tag = b.getLong();
        String arn = new String(bytes, b.position(), bytes.length - 4 - b.position(), StandardCharsets.UTF_8);
        return Arn.tryParse(arn).filter(a -> shard >= 0 && position >= 0)
                .map(a -> new ShardIterator(a, tag, shard, position, issued));
    }

    boolean expiredAt(long nowMillis) {
        return nowMillis - issuedMillis > LIFETIME_MILLIS;
    }

    private static int crc(byte[] bytes, int length) {
        CRC32 c = new CRC32();
        c.update(bytes, 0, length);
        return (int) c.getValue();
    }
}
