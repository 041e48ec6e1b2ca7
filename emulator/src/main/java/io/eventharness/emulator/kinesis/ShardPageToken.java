package io.eventharness.emulator.kinesis;

import io.eventharness.emulator.core.Arn;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * ListShards' {@code NextToken}: the stream (ARN and creation tag), the last shard listed, the shard filter of the
 * first call ({@code filter} is the filter type, or empty; {@code filterMillis} its time) and when it was issued: it
 * expires after 300 seconds on the emulator's clock. A checksum rejects tokens this emulator did not issue.
 */
record ShardPageToken(Arn stream, long streamTag, String lastShardId, String filter, long filterMillis, long issuedMillis) {
    static final long LIFETIME_MILLIS = 300_000;

    String encode() {
        byte[] text = String.join("\n", stream.toString(), lastShardId, filter).getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + 8 + 8 + text.length + 4);
        b.putLong(streamTag).putLong(filterMillis).putLong(issuedMillis).put(text);
        b.putInt(crc(b.array(), b.position()));
        return Base64.getEncoder().encodeToString(b.array());
    }

    static Optional<ShardPageToken> decode(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length < 8 + 8 + 8 + 4 || ByteBuffer.wrap(bytes).getInt(bytes.length - 4) != crc(bytes, bytes.length - 4)) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long tag = b.getLong();
        long filterMillis = b.getLong();
        long issued = b.getLong();
        String[] parts = new String(bytes, 24, bytes.length - 28, StandardCharsets.UTF_8).split("\n", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        return Arn.tryParse(parts[0]).map(a -> new ShardPageToken(a, tag, parts[1], parts[2], filterMillis, issued));
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
