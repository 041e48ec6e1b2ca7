package io.eventharness.emulator.kinesis;

import io.eventharness.emulator.core.Arn;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * ListShards' {@code NextToken} ({@link SealedTokens}): the stream (ARN and creation tag), the last shard listed, the
 * shard filter of the first call ({@code filter} is the filter type, or empty; {@code filterMillis} its time) and
 * when it was issued: it expires after 300 seconds on the emulator's clock.
 */
record ShardPageToken(Arn stream, long streamTag, String lastShardId, String filter, long filterMillis, long issuedMillis) {
    static final long LIFETIME_MILLIS = 300_000;
    private static final int FIXED = 8 + 8 + 8;

    String encode() {
        byte[] text = String.join("\n", stream.toString(), lastShardId, filter).getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(FIXED + text.length);
        b.putLong(streamTag).putLong(filterMillis).putLong(issuedMillis).put(text);
        return SealedTokens.seal(b.array());
    }

    static Optional<ShardPageToken> decode(String token) {
        return SealedTokens.open(token, FIXED).flatMap(b -> {
            long tag = b.getLong();
            long filterMillis = b.getLong();
            long issued = b.getLong();
            String[] parts = StandardCharsets.UTF_8.decode(b).toString().split("\n", -1);
            if (parts.length != 3) {
                return Optional.empty();
            }
            return Arn.tryParse(parts[0]).map(a -> new ShardPageToken(a, tag, parts[1], parts[2], filterMillis, issued));
        });
    }

    boolean expiredAt(long nowMillis) {
        return nowMillis - issuedMillis > LIFETIME_MILLIS;
    }
}
