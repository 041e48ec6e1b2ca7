package io.eventharness.emulator.dynamodb.streams;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.dynamodb.expr.AttributeValues;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The stream of one table, from the StreamSpecification that enabled it until 24 hours after it was disabled: its
 * label and view type, and its shards. A shard is closed and a child opened when a record arrives more than four
 * hours after the shard opened (DynamoDB rolls its shards over about that often); records are kept 24 hours.
 */
public final class TableStream {
    static final Duration RETENTION = Duration.ofHours(24);
    static final Duration SHARD_LIFETIME = Duration.ofHours(4);
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private final Arn arn;
    private final String label;
    private final String tableName;
    private final List<KeySchemaElement> keySchema;
    private final StreamViewType viewType;
    private final Instant created;
    private final List<StreamShard> shards = new ArrayList<>();
    private long count;
    private Instant disabled;

    TableStream(Arn tableArn, String tableName, List<KeySchemaElement> keySchema, StreamViewType viewType, Instant now) {
        this.label = LocalDateTime.ofInstant(now, ZoneOffset.UTC).format(LABEL);
        this.arn = tableArn.withResource(tableArn.resource() + "/stream/" + label);
        this.tableName = tableName;
        this.keySchema = List.copyOf(keySchema);
        this.viewType = viewType;
        this.created = now;
        shards.add(new StreamShard(shardId(now), null, now, 0));
    }

    private static String shardId(Instant now) {
        return String.format("shardId-%020d-%s", now.toEpochMilli(), Ids.hex(4));
    }

    public Arn arn() {
        return arn;
    }

    public String label() {
        return label;
    }

    public String tableName() {
        return tableName;
    }

    public StreamViewType viewType() {
        return viewType;
    }

    synchronized List<KeySchemaElement> keySchema() {
        return keySchema;
    }

    synchronized Instant created() {
        return created;
    }

    public synchronized StreamStatus status() {
        return disabled == null ? StreamStatus.ENABLED : StreamStatus.DISABLED;
    }

    /** Whether the stream is gone: disabled more than 24 hours ago. */
    synchronized boolean expired(Instant now) {
        return disabled != null && !disabled.plus(RETENTION).isAfter(now);
    }

    /** Stops the stream: its open shard closes; what it holds stays readable for 24 hours. False if it was stopped. */
    synchronized boolean disable(Instant now) {
        if (disabled != null) {
            return false;
        }
        disabled = now;
        openShard().close(count);
        return true;
    }

    private StreamShard openShard() {
        return shards.get(shards.size() - 1);
    }

    /** Appends the record of a change (the caller tells the listeners); null when the stream is disabled. */
    synchronized ChangeRecord append(Change change, String region, Instant now) {
        if (disabled != null) {
            return null;
        }
        StreamShard shard = openShard();
        shard.trim(now.minus(RETENTION)); // a stream nobody reads does not grow for ever
        if (!shard.isEmpty() && !shard.opened().plus(SHARD_LIFETIME).isAfter(now)) {
            shard.close(count);
            StreamShard child = new StreamShard(shardId(now), shard.id(), now, count);
            shards.add(child);
            shard = child;
        }
        count++;
        Instant second = Instant.ofEpochSecond(now.getEpochSecond());
        StreamRecord.Builder sr = StreamRecord.builder().approximateCreationDateTime(second).keys(change.keys())
                .sequenceNumber(SequenceNumbers.format(count)).streamViewType(viewType);
        long size = AttributeValues.itemSize(change.keys());
        boolean newImage = viewType == StreamViewType.NEW_IMAGE || viewType == StreamViewType.NEW_AND_OLD_IMAGES;
        boolean oldImage = viewType == StreamViewType.OLD_IMAGE || viewType == StreamViewType.NEW_AND_OLD_IMAGES;
        if (newImage && change.newImage() != null) {
            sr.newImage(change.newImage());
            size += AttributeValues.itemSize(change.newImage());
        }
        if (oldImage && change.oldImage() != null) {
            sr.oldImage(change.oldImage());
            size += AttributeValues.itemSize(change.oldImage());
        }
        Record.Builder r = Record.builder().eventID(Ids.hex(16)).eventName(change.eventName()).eventVersion("1.1")
                .eventSource("aws:dynamodb").awsRegion(region).dynamodb(sr.sizeBytes(size).build());
        if (change.byTtl()) {
            r.userIdentity(Identity.builder().principalId("dynamodb.amazonaws.com").type("Service").build());
        }
        ChangeRecord record = new ChangeRecord(arn, shard.id(), r.build(), now);
        shard.add(count, now, record);
        return record;
    }

    /** Drops what is older than the retention: records, then closed shards left empty. */
    synchronized void trim(Instant now) {
        Instant horizon = now.minus(RETENTION);
        for (StreamShard s : shards) {
            s.trim(horizon);
        }
        shards.removeIf(StreamShard::expired);
    }

    synchronized List<ShardInfo> shards(Instant now) {
        trim(now);
        return shards.stream().map(StreamShard::info).toList();
    }

    synchronized StreamShard shard(String shardId, Instant now) {
        trim(now);
        for (StreamShard s : shards) {
            if (s.id().equals(shardId)) {
                return s;
            }
        }
        return null;
    }

    /** The count LATEST stands for in a shard: the newest record of the stream (a closed shard's end). */
    synchronized long latest(StreamShard s) {
        return s.open() ? count : s.last();
    }

    /** The count just before the first record created at or after {@code t}. */
    synchronized long before(StreamShard s, Instant t) {
        long after = s.trimmedUpTo();
        for (ChangeRecord r : s.after(after, Integer.MAX_VALUE)) {
            if (!r.record().dynamodb().approximateCreationDateTime().isBefore(t.minusMillis(t.toEpochMilli() % 1000))) {
                break;
            }
            after = SequenceNumbers.parse(r.sequenceNumber());
        }
        return after;
    }

    synchronized List<ChangeRecord> read(StreamShard s, long after, int max) {
        return s.after(after, max);
    }

    synchronized boolean ended(StreamShard s, long after) {
        return s.endedAfter(after);
    }
}
