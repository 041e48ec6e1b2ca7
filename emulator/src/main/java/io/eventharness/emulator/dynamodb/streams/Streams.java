package io.eventharness.emulator.dynamodb.streams;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.delivery.ReadableStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Every table stream of the emulator, by ARN, with the listeners told of each record. A stream is created when a
 * table enables it and forgotten 24 hours (of the emulator clock) after it was disabled or its table deleted.
 */
public final class Streams {
    private final EmulatorClock clock;
    private final Map<String, TableStream> byArn = new ConcurrentHashMap<>();
    private final List<StreamListener> listeners = new CopyOnWriteArrayList<>();
    private final ReadableStreams readers;

    public Streams(EmulatorClock clock) {
        this.clock = clock;
        this.readers = new StreamReaders(this);
    }

    /** The streams as {@code delivery}'s port for readers in other services (Lambda's event source mappings). */
    public ReadableStreams readableStreams() {
        return readers;
    }

    EmulatorClock clock() {
        return clock;
    }

    /** A new stream for a table. */
    public TableStream create(Arn tableArn, String tableName, List<KeySchemaElement> keySchema, StreamViewType viewType) {
        TableStream s = new TableStream(tableArn, tableName, keySchema, viewType, clock.now());
        byArn.put(s.arn().toString(), s);
        return s;
    }

    /** Stops a stream (its table disabled it or was deleted). */
    public void disable(TableStream s) {
        if (s.disable(clock.now())) {
            for (StreamListener l : listeners) {
                l.disabled(s.arn());
            }
        }
    }

    /** Records a change in a stream and tells the listeners; nothing when the stream is disabled. */
    public void append(TableStream s, Change change, String region) {
        ChangeRecord r = s.append(change, region, clock.now());
        if (r != null) {
            for (StreamListener l : listeners) {
                l.appended(r);
            }
        }
    }

    public void listen(StreamListener l) {
        listeners.add(l);
    }

    public void unlisten(StreamListener l) {
        listeners.remove(l);
    }

    /** The stream with this ARN, unless it expired. */
    public Optional<TableStream> byArn(String arn) {
        TableStream s = arn == null ? null : byArn.get(arn);
        if (s != null && s.expired(clock.now())) {
            byArn.remove(arn, s);
            return Optional.empty();
        }
        return Optional.ofNullable(s);
    }

    /** The streams of a region, oldest first. */
    List<TableStream> inRegion(String region) {
        List<TableStream> out = new ArrayList<>();
        for (TableStream s : List.copyOf(byArn.values())) {
            if (s.arn().region().equals(region) && byArn(s.arn().toString()).isPresent()) {
                out.add(s);
            }
        }
        out.sort(java.util.Comparator.comparing(TableStream::created).thenComparing(s -> s.arn().toString()));
        return out;
    }

    // ---- reading ----------------------------------------------------------------------------------

    public List<ShardInfo> shards(String streamArn) {
        return stream(streamArn).shards(clock.now());
    }

    /** Up to {@code max} records of a shard from a position, and where to go on from. */
    public ShardBatch read(String streamArn, String shardId, StreamPosition from, int max) {
        TableStream s = stream(streamArn);
        synchronized (s) { // the stream's lock: its shards change only under it
            StreamShard shard = shard(s, shardId);
            long after = after(s, shard, from);
            List<ChangeRecord> records = s.read(shard, after, max);
            long next = records.isEmpty() ? after : SequenceNumbers.parse(records.get(records.size() - 1).sequenceNumber());
            return new ShardBatch(records, new StreamPosition.AfterSequenceNumber(SequenceNumbers.format(next)), s.ended(shard, next));
        }
    }

    TableStream stream(String arn) {
        return byArn(arn).orElseThrow(() -> StreamsErrors.streamNotFound(arn));
    }

    StreamShard shard(TableStream s, String shardId) {
        StreamShard shard = s.shard(shardId, clock.now());
        if (shard == null) {
            throw StreamsErrors.shardNotFound(s.arn().toString(), shardId);
        }
        return shard;
    }

    /**
     * The count a position reads after. A sequence number must belong to the shard; one whose record was trimmed
     * is TrimmedDataAccessException, as is reading on from a position whose next records were trimmed.
     */
    long after(TableStream s, StreamShard shard, StreamPosition from) {
        long after;
        if (from instanceof StreamPosition.TrimHorizon) {
            return shard.trimmedUpTo();
        } else if (from instanceof StreamPosition.Latest) {
            return s.latest(shard);
        } else if (from instanceof StreamPosition.AtTimestamp t) {
            return s.before(shard, t.timestamp());
        } else if (from instanceof StreamPosition.AtSequenceNumber at) {
            after = sequence(shard, at.sequenceNumber()) - 1;
        } else {
            after = sequence(shard, ((StreamPosition.AfterSequenceNumber) from).sequenceNumber());
            if (after == shard.floor()) {
                return after; // "after" the position before the shard's first record
            }
        }
        if (after < shard.trimmedUpTo()) {
            throw StreamsErrors.trimmed();
        }
        return after;
    }

    private static long sequence(StreamShard shard, String text) {
        long n = SequenceNumbers.parse(text);
        if (n == shard.floor() && n >= 0) {
            return n;
        }
        if (n < 0 || !shard.covers(n)) {
            throw StreamsErrors.validation("Invalid SequenceNumber: " + text + " is not in the range of shard " + shard.id());
        }
        return n;
    }
}
