package io.eventharness.emulator.kinesis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.ChildShard;
import software.amazon.awssdk.services.kinesis.model.EncryptionType;
import software.amazon.awssdk.services.kinesis.model.HashKeyRange;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.SequenceNumberRange;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.StreamModeDetails;

/**
 * The stream's values as the SDK's model shapes (shards, child shards, records, mode), and the request shapes read
 * back into the stream's values, with their constraints (the capacity mode, tags).
 */
final class KinesisShapes {
    /** AWS's quota of tags per stream. */
    static final int MAX_TAGS = 50;

    private KinesisShapes() {
    }

    static Shard shard(ShardInfo s) {
        return Shard.builder().shardId(s.shardId()).parentShardId(s.parentShardId())
                .adjacentParentShardId(s.adjacentParentShardId()).hashKeyRange(range(s.hashKeyRange()))
                .sequenceNumberRange(SequenceNumberRange.builder().startingSequenceNumber(s.startingSequenceNumber())
                        .endingSequenceNumber(s.endingSequenceNumber()).build())
                .build();
    }

    static HashKeyRange range(HashRange r) {
        return HashKeyRange.builder().startingHashKey(r.start().toString()).endingHashKey(r.end().toString()).build();
    }

    /** A child shard of GetRecords' answer: its id, its parents, its range. */
    static ChildShard child(ShardInfo s) {
        List<String> parents = new ArrayList<>();
        s.parent().ifPresent(parents::add);
        s.adjacentParent().ifPresent(parents::add);
        return ChildShard.builder().shardId(s.shardId()).parentShards(parents).hashKeyRange(range(s.hashKeyRange())).build();
    }

    static Record record(KinesisRecord r) {
        return Record.builder().sequenceNumber(r.sequenceNumber()).partitionKey(r.partitionKey())
                .data(SdkBytes.fromByteArrayUnsafe(r.data())).approximateArrivalTimestamp(r.approximateArrivalTimestamp())
                .encryptionType(EncryptionType.NONE).build();
    }

    static StreamModeDetails modeDetails(KinesisStream.Mode mode) {
        return StreamModeDetails.builder().streamMode(mode.name()).build();
    }

    /** The capacity mode a request asks for; null when it gives no {@code StreamModeDetails}. */
    static KinesisStream.Mode mode(StreamModeDetails details, String member) {
        if (details == null) {
            return null;
        }
        String mode = details.streamModeAsString();
        if (mode == null) {
            throw KinesisErrors.missing(member + ".streamMode");
        }
        try {
            return KinesisStream.Mode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            throw KinesisErrors.constraint(mode, member + ".streamMode", "Member must satisfy enum value set: [PROVISIONED, ON_DEMAND]");
        }
    }

    /**
     * Tags as the model constrains them: keys of 1 to 128 characters, values of at most 256, none under {@code aws:}
     * (how many a stream may have is the stream's rule, {@link KinesisStream#tag}).
     */
    static Map<String, String> tags(Map<String, String> tags, String member) {
        for (Map.Entry<String, String> e : tags.entrySet()) {
            String key = e.getKey();
            if (key.isEmpty() || key.length() > 128) {
                throw KinesisErrors.constraint(tags, member, "Map keys must satisfy constraint: [Member must have length "
                        + "less than or equal to 128, Member must have length greater than or equal to 1]");
            }
            if (e.getValue() != null && e.getValue().length() > 256) {
                throw KinesisErrors.constraint(tags, member, "Map value must satisfy constraint: [Member must have length "
                        + "less than or equal to 256, Member must have length greater than or equal to 0]");
            }
            if (key.startsWith("aws:")) {
                throw KinesisErrors.invalidArgument("Tag keys starting with 'aws:' are reserved for AWS use: " + key);
            }
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        tags.forEach((k, v) -> out.put(k, v == null ? "" : v));
        return out;
    }
}
