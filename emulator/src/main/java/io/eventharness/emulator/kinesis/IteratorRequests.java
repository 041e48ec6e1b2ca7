package io.eventharness.emulator.kinesis;

import io.eventharness.emulator.core.Arn;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;

/** GetShardIterator's and GetRecords' own arguments, validated: the iterator type and its start, the iterator. */
final class IteratorRequests {
    private IteratorRequests() {
    }

    /** Where a GetShardIterator request starts: its type, with a sequence number or a timestamp as the type needs. */
    static StartingPosition startingPosition(GetShardIteratorRequest r) {
        String type = r.shardIteratorTypeAsString();
        if (type == null) {
            throw KinesisErrors.missing("shardIteratorType");
        }
        StartingPosition.Type t;
        try {
            t = StartingPosition.Type.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw KinesisErrors.constraint(type, "shardIteratorType", "Member must satisfy enum value set: "
                    + "[AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER, TRIM_HORIZON, LATEST, AT_TIMESTAMP]");
        }
        String sequence = Constraints.sequenceNumber(r.startingSequenceNumber(), "startingSequenceNumber");
        boolean bySequence = t == StartingPosition.Type.AT_SEQUENCE_NUMBER || t == StartingPosition.Type.AFTER_SEQUENCE_NUMBER;
        if (bySequence != (sequence != null) && t != StartingPosition.Type.AT_TIMESTAMP) {
            throw KinesisErrors.invalidArgument("Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and "
                    + "StartingSequenceNumber or (2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified "
                    + type + (sequence == null ? " and no StartingSequenceNumber." : " and also a StartingSequenceNumber."));
        }
        if (t == StartingPosition.Type.AT_TIMESTAMP) {
            if (r.timestamp() == null) {
                throw KinesisErrors.invalidArgument("Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. "
                        + "Current request has no timestamp parameter.");
            }
            if (sequence != null) {
                throw KinesisErrors.invalidArgument("StartingSequenceNumber is not expected for iterator of type AT_TIMESTAMP.");
            }
            return StartingPosition.atTimestamp(r.timestamp());
        }
        if (r.timestamp() != null) {
            throw KinesisErrors.invalidArgument("Timestamp is only for iterators of type AT_TIMESTAMP; the request specified " + type + ".");
        }
        return switch (t) {
            case TRIM_HORIZON -> StartingPosition.trimHorizon();
            case LATEST -> StartingPosition.latest();
            case AT_SEQUENCE_NUMBER -> StartingPosition.atSequenceNumber(sequence);
            default -> StartingPosition.afterSequenceNumber(sequence);
        };
    }

    /** The iterator of a GetRecords request: issued here, not expired, of the stream its StreamARN names (if it names one). */
    static ShardIterator iterator(GetRecordsRequest r, long now) {
        StreamLocator.refuseStreamId(r.streamId());
        String token = r.shardIterator();
        if (token == null) {
            throw KinesisErrors.missing("shardIterator");
        }
        if (token.isEmpty() || token.length() > 512) {
            throw KinesisErrors.constraint(token, "shardIterator", token.isEmpty()
                    ? "Member must have length greater than or equal to 1" : "Member must have length less than or equal to 512");
        }
        ShardIterator it = ShardIterator.decode(token).orElseThrow(KinesisErrors::invalidIterator);
        if (it.expiredAt(now)) {
            throw KinesisErrors.expiredIterator(it.issuedMillis(), now);
        }
        if (r.streamARN() != null) {
            Arn given = StreamLocator.parseStreamArn(r.streamARN(), "streamARN");
            if (!given.equals(it.stream())) {
                throw KinesisErrors.invalidArgument("StreamARN " + given + " is not the stream of the shard iterator ("
                        + it.stream() + ").");
            }
        }
        return it;
    }
}
