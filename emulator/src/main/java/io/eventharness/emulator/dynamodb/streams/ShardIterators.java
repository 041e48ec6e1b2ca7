package io.eventharness.emulator.dynamodb.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.emulator.core.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Shard iterators: opaque to clients, they carry the stream, the shard, the position (the count read after) and
 * when they were issued; an iterator is good for 15 minutes of the emulator clock, as in DynamoDB Streams.
 */
final class ShardIterators {
    static final Duration LIFETIME = Duration.ofMinutes(15);

    /** What an iterator stands for. */
    record Position(String streamArn, String shardId, long after, Instant issued) {
    }

    private ShardIterators() {
    }

    static String encode(Position p) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("stream", p.streamArn()).put("shard", p.shardId())
                .put("after", p.after()).put("issued", p.issued().toEpochMilli());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(n.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The position of an iterator; a ValidationException for text that is not one, ExpiredIterator after 15 minutes. */
    static Position decode(String iterator, Instant now) {
        JsonNode n;
        try {
            n = Json.STRICT.readTree(Base64.getUrlDecoder().decode(iterator));
        } catch (IllegalArgumentException | IOException e) {
            throw StreamsErrors.validation("Invalid ShardIterator");
        }
        if (n == null || !n.path("stream").isTextual() || !n.path("shard").isTextual() || !n.path("after").canConvertToLong()
                || !n.path("issued").canConvertToLong()) {
            throw StreamsErrors.validation("Invalid ShardIterator");
        }
        Instant issued = Instant.ofEpochMilli(n.get("issued").longValue());
        if (issued.plus(LIFETIME).isBefore(now)) {
            throw StreamsErrors.expiredIterator();
        }
        return new Position(n.get("stream").textValue(), n.get("shard").textValue(), n.get("after").longValue(), issued);
    }
}
