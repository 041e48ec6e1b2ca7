package io.eventharness.emulator.kinesis;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The opaque tokens Kinesis hands out (shard iterators, ListShards' NextToken): bytes with a CRC-32 after them, as
 * base64, so that a token this emulator did not issue, or one that was altered, is recognised.
 */
final class SealedTokens {
    private SealedTokens() {
    }

    /** The bytes, checksummed, as base64. */
    static String seal(byte[] content) {
        ByteBuffer b = ByteBuffer.allocate(content.length + 4).put(content);
        b.putInt(crc(content, content.length));
        return Base64.getEncoder().encodeToString(b.array());
    }

    /** The bytes a token sealed, when it is base64 of at least {@code minLength} bytes and its checksum holds. */
    static Optional<ByteBuffer> open(String token, int minLength) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int length = bytes.length - 4;
        if (length < minLength || ByteBuffer.wrap(bytes).getInt(length) != crc(bytes, length)) {
            return Optional.empty();
        }
        return Optional.of(ByteBuffer.wrap(Arrays.copyOf(bytes, length)));
    }

    private static int crc(byte[] bytes, int length) {
        CRC32 c = new CRC32();
        c.update(bytes, 0, length);
        return (int) c.getValue();
    }
}
