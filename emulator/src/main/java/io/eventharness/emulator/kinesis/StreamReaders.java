package io.eventharness.emulator.kinesis;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.delivery.ReadableStreams;
import io.eventharness.emulator.delivery.StreamCursor;
import io.eventharness.emulator.delivery.StreamPage;
import io.eventharness.emulator.delivery.StreamRecord;
import io.eventharness.emulator.delivery.StreamShardInfo;
import io.eventharness.emulator.delivery.StreamWatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The data streams as {@code delivery}'s {@link ReadableStreams}, for Lambda's event source mappings: shards with
 * their parents, reads after a sequence number, the trim horizon, and a watch over appends, reshards and deletion
 * (the {@link StreamListener}s).
 */
final class StreamReaders implements ReadableStreams {
    private final KinesisStreams streams;

    StreamReaders(KinesisStreams streams) {
        this.streams = streams;
    }

    @Override
    public String service() {
        return "kinesis";
    }

    @Override
    public boolean exists(Arn stream) {
        return streams.byArn(stream).isPresent();
    }

    @Override
    public List<StreamShardInfo> shards(Arn stream) {
        List<StreamShardInfo> out = new ArrayList<>();
        for (ShardInfo s : streams.get(stream).shards()) {
            List<String> parents = new ArrayList<>(2);
            s.parent().ifPresent(parents::add);
            s.adjacentParent().ifPresent(parents::add);
            out.add(new StreamShardInfo(s.shardId(), parents, s.open()));
        }
        return out;
    }

    @Override
    public StreamPage read(Arn stream, String shardId, StreamCursor from, int max) {
        KinesisStream s = streams.get(stream);
        StartingPosition start = switch (from.kind()) {
            case TRIM_HORIZON -> StartingPosition.trimHorizon();
            case LATEST -> StartingPosition.latest();
            case AFTER -> StartingPosition.afterSequenceNumber(from.sequenceNumber());
        };
        ShardRead read = s.read(s.shardIndex(shardId), s.position(shardId, start), max, RecordOperations.MAX_BATCH_BYTES);
        List<StreamRecord> records = new ArrayList<>(read.records().size());
        for (KinesisRecord r : read.records()) {
            records.add(new StreamRecord(r.shardId(), r.sequenceNumber(), r.approximateArrivalTimestamp(), r.partitionKey(), r.data()));
        }
        return new StreamPage(records, StreamCursor.after(read.next().sequenceNumber()), read.shardEnded());
    }

    @Override
    public Instant trimHorizon(Arn stream) {
        return Instant.ofEpochMilli(streams.get(stream).trimHorizonMillis());
    }

    @Override
    public AutoCloseable watch(Arn stream, StreamWatcher watcher) {
        return streams.listeners().add(stream, new StreamListener() {
            @Override
            public void recordsAppended(Arn s, Set<String> shardIds) {
                watcher.appended(shardIds);
            }

            @Override
            public void resharded(Arn s) {
                watcher.resharded();
            }

            @Override
            public void deleted(Arn s) {
                watcher.deleted();
            }
        });
    }
}
