package io.eventharness.emulator.dynamodb.streams;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.Json;
import io.eventharness.emulator.delivery.ReadableStreams;
import io.eventharness.emulator.delivery.StreamCursor;
import io.eventharness.emulator.delivery.StreamPage;
import io.eventharness.emulator.delivery.StreamRecord;
import io.eventharness.emulator.delivery.StreamShardInfo;
import io.eventharness.emulator.delivery.StreamWatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tables' streams as {@code delivery}'s {@link ReadableStreams}, for Lambda's event source mappings: the shards
 * with their parent (a shard rolls over to a child, and a disabled stream's last shard closes), reads after a
 * sequence number, the trim horizon (24 hours), and a watch over appends and the stream's disabling.
 *
 * <p>Each record is handed over as a function gets it ({@link ChangeRecord#toLambdaEvent()}), with the item's key
 * (partition and sort key) as what orders it: with a {@code ParallelizationFactor} above 1, changes of one item keep
 * their order, as AWS promises. A read from a position whose records were trimmed meanwhile starts at the trim horizon
 * (the reader notices the gap by the records' times, as it does for Kinesis).
 */
final class StreamReaders implements ReadableStreams {
    private static final Logger LOG = LoggerFactory.getLogger(StreamReaders.class);

    private final Streams streams;
    private final Map<Arn, List<StreamWatcher>> watchers = new ConcurrentHashMap<>();

    StreamReaders(Streams streams) {
        this.streams = streams;
        streams.listen(new StreamListener() {
            @Override
            public void appended(ChangeRecord record) {
                each(record.streamArn(), w -> w.appended(Set.of(record.shardId())));
            }

            @Override
            public void disabled(Arn stream) {
                each(stream, StreamWatcher::resharded);
            }
        });
    }

    @Override
    public String service() {
        return "dynamodb";
    }

    @Override
    public boolean exists(Arn stream) {
        return streams.byArn(stream.toString()).isPresent();
    }

    @Override
    public List<StreamShardInfo> shards(Arn stream) {
        List<StreamShardInfo> out = new ArrayList<>();
        for (ShardInfo s : streams.shards(stream.toString())) {
            out.add(new StreamShardInfo(s.shardId(), s.parentShardId() == null ? List.of() : List.of(s.parentShardId()), s.open()));
        }
        return out;
    }

    @Override
    public StreamPage read(Arn stream, String shardId, StreamCursor from, int max) {
        TableStream s = streams.stream(stream.toString());
        List<ChangeRecord> got;
        long next;
        boolean ended;
        synchronized (s) { // the stream's lock: its shards change only under it
            StreamShard shard = streams.shard(s, shardId);
            long after = switch (from.kind()) {
                case TRIM_HORIZON -> shard.trimmedUpTo();
                case LATEST -> s.latest(shard);
                case AFTER -> Math.max(SequenceNumbers.parse(from.sequenceNumber()), shard.trimmedUpTo());
            };
            got = s.read(shard, after, max);
            next = got.isEmpty() ? after : SequenceNumbers.parse(got.get(got.size() - 1).sequenceNumber());
            ended = s.ended(shard, next);
        }
        List<StreamRecord> records = new ArrayList<>(got.size());
        for (ChangeRecord r : got) {
            JsonNode event = r.toLambdaEvent();
            records.add(new StreamRecord(r.shardId(), r.sequenceNumber(), r.arrival(), itemKey(event.path("dynamodb").path("Keys")),
                    bytes(event)));
        }
        return new StreamPage(records, StreamCursor.after(SequenceNumbers.format(next)), ended);
    }

    /** The item's key attributes, by name, as one text: what orders its changes. */
    private static String itemKey(JsonNode keys) {
        Map<String, String> sorted = new TreeMap<>();
        keys.fields().forEachRemaining(f -> sorted.put(f.getKey(), f.getValue().toString()));
        return sorted.toString();
    }

    private static byte[] bytes(JsonNode event) {
        try {
            return Json.MAPPER.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Instant trimHorizon(Arn stream) {
        streams.stream(stream.toString());
        return streams.clock().now().minus(TableStream.RETENTION);
    }

    @Override
    public AutoCloseable watch(Arn stream, StreamWatcher watcher) {
        watchers.computeIfAbsent(stream, a -> new CopyOnWriteArrayList<>()).add(watcher);
        return () -> watchers.getOrDefault(stream, List.of()).remove(watcher);
    }

    private void each(Arn stream, Consumer<StreamWatcher> call) {
        for (StreamWatcher w : watchers.getOrDefault(stream, List.of())) {
            try {
                call.accept(w);
            } catch (RuntimeException e) {
                LOG.warn("a watcher of DynamoDB stream {} failed", stream, e);
            }
        }
    }
}
