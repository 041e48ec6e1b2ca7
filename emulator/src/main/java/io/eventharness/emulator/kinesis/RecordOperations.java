package io.eventharness.emulator.kinesis;

import io.eventharness.emulator.protocol.Call;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.EncryptionType;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Writing and reading records: PutRecord, PutRecords, GetShardIterator, GetRecords, with AWS's limits (500 records
 * and 10 MiB a PutRecords, the stream's maximum record size, 10,000 records and 10 MiB a GetRecords) and
 * {@code DryRun}. Throughput per shard is not limited, so no write is throttled and no PutRecords entry fails.
 */
public final class RecordOperations {
    /** The most data of a PutRecords request, and of a GetRecords answer: 10 MiB. */
    static final long MAX_BATCH_BYTES = 10L << 20;
    private static final int MAX_DATA_BYTES = 10 << 20;

    private final KinesisStreams streams;
    private final StreamLocator locator;
    private final LongSupplier clock;

    RecordOperations(KinesisStreams streams, StreamLocator locator, LongSupplier clock) {
        this.streams = streams;
        this.locator = locator;
        this.clock = clock;
    }

    public PutRecordResponse putRecord(PutRecordRequest r, Call call) {
        KinesisStream s = locator.find(r.streamName(), r.streamARN(), r.streamId(), call);
        NewRecord record = record(r.partitionKey(), r.data(), r.explicitHashKey(), "");
        checkSize(s, record);
        String ordering = Constraints.sequenceNumber(r.sequenceNumberForOrdering(), "sequenceNumberForOrdering");
        if (ordering != null && SequenceNumber.parse(ordering).filter(n -> n.streamTag() == s.tag()).isEmpty()) {
            throw KinesisErrors.invalidArgument("ExclusiveMinimumSequenceNumber " + ordering + " used in PutRecord on stream "
                    + s.name() + " under account " + s.arn().account() + " is invalid.");
        }
        dryRun(r.dryRun());
        PutResult put = s.put(List.of(record)).get(0);
        return PutRecordResponse.builder().shardId(put.shardId()).sequenceNumber(put.sequenceNumber())
                .encryptionType(EncryptionType.NONE).build();
    }

    /**
     * Puts up to 500 records in order. Every entry is validated before any is written; since throughput is not
     * limited here, every entry succeeds ({@code FailedRecordCount} 0).
     */
    public PutRecordsResponse putRecords(PutRecordsRequest r, Call call) {
        KinesisStream s = locator.find(r.streamName(), r.streamARN(), r.streamId(), call);
        if (!r.hasRecords()) {
            throw KinesisErrors.missing("records");
        }
        List<PutRecordsRequestEntry> entries = r.records();
        if (entries.isEmpty() || entries.size() > 500) {
            throw KinesisErrors.constraint("[" + entries.size() + " records]", "records", entries.isEmpty()
                    ? "Member must have length greater than or equal to 1" : "Member must have length less than or equal to 500");
        }
        List<NewRecord> records = new ArrayList<>(entries.size());
        long total = 0;
        for (int i = 0; i < entries.size(); i++) {
            PutRecordsRequestEntry e = entries.get(i);
            if (e == null) {
                throw KinesisErrors.missing("records." + (i + 1) + ".member");
            }
            NewRecord record = record(e.partitionKey(), e.data(), e.explicitHashKey(), "records." + (i + 1) + ".member.");
            checkSize(s, record);
            total += size(record);
            records.add(record);
        }
        if (total > MAX_BATCH_BYTES) {
            throw KinesisErrors.invalidArgument("Records size exceeds 10 MB limit: the request's records hold " + total
                    + " bytes (data and partition keys).");
        }
        dryRun(r.dryRun());
        List<PutRecordsResultEntry> results = s.put(records).stream()
                .map(p -> PutRecordsResultEntry.builder().shardId(p.shardId()).sequenceNumber(p.sequenceNumber()).build())
                .toList();
        return PutRecordsResponse.builder().failedRecordCount(0).records(results).encryptionType(EncryptionType.NONE).build();
    }

    public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest r, Call call) {
        KinesisStream s = locator.find(r.streamName(), r.streamARN(), r.streamId(), call);
        String shardId = Constraints.name(r.shardId(), "shardId");
        StartingPosition from = IteratorRequests.startingPosition(r);
        int index = s.shardIndex(shardId);
        long position = s.position(shardId, from);
        dryRun(r.dryRun());
        String iterator = new ShardIterator(s.arn(), s.tag(), index, position, clock.getAsLong()).encode();
        return GetShardIteratorResponse.builder().shardIterator(iterator).build();
    }

    /**
     * Up to {@code Limit} records (10,000 by default) and 10 MiB after the iterator's position, the next iterator
     * (null once a closed shard is read to its end, with its child shards), and how far behind the newest record
     * the read is.
     */
    public GetRecordsResponse getRecords(GetRecordsRequest r, Call call) {
        ShardIterator it = IteratorRequests.iterator(r, clock.getAsLong());
        int limit = Constraints.range(r.limit(), 1, 10000, 10000, "limit");
        KinesisStream s = streams.byArn(it.stream()).filter(x -> x.tag() == it.streamTag())
                .orElseThrow(() -> KinesisErrors.shardGone(StreamShard.idOf(it.shardIndex()), it.stream()));
        ShardRead read = s.read(it.shardIndex(), it.position(), limit, MAX_BATCH_BYTES);
        dryRun(r.dryRun());
        String next = null;
        if (!read.shardEnded()) {
            long position = SequenceNumber.parse(read.next().sequenceNumber()).orElseThrow().counter();
            next = new ShardIterator(it.stream(), it.streamTag(), it.shardIndex(), position, clock.getAsLong()).encode();
        }
        GetRecordsResponse.Builder b = GetRecordsResponse.builder()
                .records(read.records().stream().map(KinesisShapes::record).toList())
                .nextShardIterator(next).millisBehindLatest(read.millisBehindLatest());
        if (read.shardEnded()) {
            b.childShards(read.childShards().stream().map(KinesisShapes::child).toList());
        }
        return b.build();
    }

    /** A record to put, validated as the model has it; {@code prefix} places its members in a PutRecords request. */
    private static NewRecord record(String partitionKey, SdkBytes data, String explicitHashKey, String prefix) {
        String key = Constraints.partitionKey(partitionKey, prefix + "partitionKey");
        if (data == null) {
            throw KinesisErrors.missing(prefix + "data");
        }
        byte[] bytes = data.asByteArray();
        if (bytes.length > MAX_DATA_BYTES) {
            throw KinesisErrors.constraint("java.nio.HeapByteBuffer[pos=0 lim=" + bytes.length + " cap=" + bytes.length + "]",
                    prefix + "data", "Member must have length less than or equal to " + MAX_DATA_BYTES);
        }
        var hash = explicitHashKey == null ? HashRange.hashOf(key)
                : Constraints.hashKey(explicitHashKey, prefix + "explicitHashKey", "ExplicitHashKey");
        return new NewRecord(key, bytes, hash);
    }

    private static long size(NewRecord r) {
        return r.data().length + (long) r.partitionKey().getBytes(StandardCharsets.UTF_8).length;
    }

    /** The stream's maximum record size (MaxRecordSizeInKiB, 1 MiB by default) covers data and partition key. */
    private static void checkSize(KinesisStream s, NewRecord r) {
        long max = s.maxRecordSizeKiB() * 1024L;
        if (size(r) > max) {
            throw KinesisErrors.invalidArgument("Record size of " + size(r) + " bytes (data and partition key) exceeds the "
                    + "maximum record size of " + max + " bytes (MaxRecordSizeInKiB " + s.maxRecordSizeKiB() + ") of stream "
                    + s.name() + " under account " + s.arn().account() + ".");
        }
    }

    private static void dryRun(Boolean dryRun) {
        if (Boolean.TRUE.equals(dryRun)) {
            throw KinesisErrors.dryRun();
        }
    }
}
