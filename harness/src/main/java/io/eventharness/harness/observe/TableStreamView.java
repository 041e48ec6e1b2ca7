package io.eventharness.harness.observe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A table's DynamoDB stream, read from its oldest record ({@code TRIM_HORIZON}) through the DynamoDB Streams API, as
 * any consumer would: the records written so far and waits for more. Each record is handed over once, in the order of
 * its shard (a parent shard before its children); the view remembers where it is in each shard, so that the next call
 * gives only what came since.
 *
 * <pre>{@code
 * TableStreamView changes = cloud.tableStream(table);
 * List<Record> three = changes.await().records(3);       // INSERT, MODIFY, REMOVE of an item, say
 * assertThat(three.get(2).dynamodb().oldImage()).containsKey("total");
 * }</pre>
 */
public final class TableStreamView {
    private final DynamoDbClient dynamoDb;
    private final DynamoDbStreamsClient streams;
    private final String table;
    private final Await await;
    /** Per shard id: the iterator to read next, or null once the shard is closed and read to its end. */
    private final Map<String, String> positions = new LinkedHashMap<>();
    /** Read and not yet handed over. */
    private final List<Record> pending = new ArrayList<>();

    public TableStreamView(DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, String table, Await await) {
        this.dynamoDb = dynamoDb;
        this.streams = streams;
        this.table = table;
        this.await = await;
    }

    public String table() {
        return table;
    }

    /** Everything written since the last hand-over, handed over now. */
    public synchronized List<Record> drain() {
        read();
        List<Record> out = List.copyOf(pending);
        pending.clear();
        return out;
    }

    /** Waits on this stream. */
    public TableStreamWaits await() {
        return new TableStreamWaits(this, await);
    }

    /** Reads what is new in every shard; returns the records that wait to be handed over. */
    synchronized List<Record> read() {
        String arn = dynamoDb.describeTable(b -> b.tableName(table)).table().latestStreamArn();
        if (arn == null) {
            throw new IllegalStateException("the table " + table + " has no stream (StreamSpecification)");
        }
        for (Shard s : shards(arn)) {
            if (!positions.containsKey(s.shardId())) {
                positions.put(s.shardId(), streams.getShardIterator(b -> b.streamArn(arn).shardId(s.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
            }
        }
        for (Map.Entry<String, String> e : positions.entrySet()) {
            String iterator = e.getValue();
            while (iterator != null) {
                String from = iterator;
                GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(from));
                pending.addAll(page.records());
                iterator = page.nextShardIterator();
                if (page.records().isEmpty()) {
                    break; // an open shard has nothing more now
                }
            }
            e.setValue(iterator);
        }
        return List.copyOf(pending);
    }

    /** Takes the first {@code n} records read. */
    synchronized List<Record> take(int n) {
        List<Record> out = new ArrayList<>(pending.subList(0, n));
        pending.subList(0, n).clear();
        return out;
    }

    private List<Shard> shards(String arn) {
        List<Shard> out = new ArrayList<>();
        String after = null;
        do {
            String start = after;
            StreamDescription d = streams.describeStream(b -> b.streamArn(arn).exclusiveStartShardId(start)).streamDescription();
            out.addAll(d.shards());
            after = d.lastEvaluatedShardId();
        } while (after != null);
        return out;
    }
}
