package io.eventharness.emulator.dynamodb;

import static io.eventharness.emulator.dynamodb.DynamoDbFixture.failure;
import static io.eventharness.emulator.dynamodb.DynamoDbFixture.item;
import static io.eventharness.emulator.dynamodb.DynamoDbFixture.n;
import static io.eventharness.emulator.dynamodb.DynamoDbFixture.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** DynamoDB Streams through the SDK's DynamoDbStreamsClient: what is recorded, and how it is read. */
class DynamoDbStreamsTest {
    private final DynamoDbFixture f = new DynamoDbFixture();

    private String streamed(StreamViewType view) {
        return f.table(null, b -> b.streamSpecification(s -> s.streamEnabled(true).streamViewType(view)));
    }

    private String streamArn(String table) {
        return f.ddb.describeTable(b -> b.tableName(table)).table().latestStreamArn();
    }

    /** Every record of the stream's first shard, from its trim horizon. */
    private List<Record> records(String streamArn) {
        String shard = f.streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards().get(0).shardId();
        String it = f.streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
        return f.streams.getRecords(b -> b.shardIterator(it)).records();
    }

    @Test
    void realChangesAreRecordedWithTheirImagesAndNonChangesAreNot() {
        String t = streamed(StreamViewType.NEW_AND_OLD_IMAGES);
        f.ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "v", 1)));
        f.ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "v", 1)));                 // identical: no record
        f.ddb.updateItem(b -> b.tableName(t).key(item("pk", "a")).updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", n("1.0"))));                          // same value: no record
        f.ddb.updateItem(b -> b.tableName(t).key(item("pk", "a")).updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", n("2"))));
        f.ddb.deleteItem(b -> b.tableName(t).key(item("pk", "a")));
        f.ddb.deleteItem(b -> b.tableName(t).key(item("pk", "never")));                     // nothing deleted: no record

        List<Record> records = records(streamArn(t));
        assertThat(records).extracting(Record::eventName).containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
        Record insert = records.get(0);
        assertThat(insert.eventVersion()).isEqualTo("1.1");
        assertThat(insert.eventSource()).isEqualTo("aws:dynamodb");
        assertThat(insert.awsRegion()).isEqualTo("us-east-1");
        assertThat(insert.eventID()).matches("[0-9a-f]{32}");
        assertThat(insert.dynamodb().keys()).isEqualTo(item("pk", "a"));
        assertThat(insert.dynamodb().newImage()).isEqualTo(item("pk", "a", "v", 1));
        assertThat(insert.dynamodb().hasOldImage()).isFalse();
        assertThat(insert.dynamodb().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(insert.dynamodb().approximateCreationDateTime().getNano()).isZero();
        Record modify = records.get(1);
        assertThat(modify.dynamodb().oldImage()).containsEntry("v", n("1"));
        assertThat(modify.dynamodb().newImage()).containsEntry("v", n("2"));
        assertThat(records.get(2).dynamodb().oldImage()).containsEntry("v", n("2"));
        assertThat(records.get(2).dynamodb().hasNewImage()).isFalse();
        assertThat(records).extracting(r -> r.dynamodb().sequenceNumber()).isSorted().doesNotHaveDuplicates();
        assertThat(records.get(0).userIdentity()).isNull();
    }

    @Test
    void keysOnlyAndNewImageStreamsKeepWhatTheirViewSays() {
        String keys = streamed(StreamViewType.KEYS_ONLY);
        f.ddb.putItem(b -> b.tableName(keys).item(item("pk", "k", "payload", "x")));
        Record r = records(streamArn(keys)).get(0);
        assertThat(r.dynamodb().keys()).isEqualTo(item("pk", "k"));
        assertThat(r.dynamodb().hasNewImage()).isFalse();
        assertThat(r.dynamodb().sizeBytes()).isEqualTo(3L);

        String newImage = streamed(StreamViewType.NEW_IMAGE);
        f.ddb.putItem(b -> b.tableName(newImage).item(item("pk", "k", "payload", "x")));
        f.ddb.deleteItem(b -> b.tableName(newImage).key(item("pk", "k")));
        List<Record> rs = records(streamArn(newImage));
        assertThat(rs.get(0).dynamodb().newImage()).containsEntry("payload", s("x"));
        assertThat(rs.get(1).dynamodb().hasOldImage()).isFalse();
        assertThat(rs.get(1).dynamodb().hasNewImage()).isFalse();
    }

    @Test
    void iteratorsStartWhereTheirTypeSays() {
        String t = streamed(StreamViewType.KEYS_ONLY);
        String arn = streamArn(t);
        String shard = f.streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
        String latest = f.streams.getShardIterator(b -> b.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.LATEST)).shardIterator();
        for (String pk : List.of("1", "2", "3")) {
            f.ddb.putItem(b -> b.tableName(t).item(item("pk", pk)));
        }
        var page = f.streams.getRecords(b -> b.shardIterator(latest).limit(2));
        assertThat(page.records()).extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("1", "2");
        var rest = f.streams.getRecords(b -> b.shardIterator(page.nextShardIterator()));
        assertThat(rest.records()).extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("3");
        assertThat(f.streams.getRecords(b -> b.shardIterator(rest.nextShardIterator())).records()).isEmpty();

        String second = page.records().get(1).dynamodb().sequenceNumber();
        String at = f.streams.getShardIterator(b -> b.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                .sequenceNumber(second)).shardIterator();
        assertThat(f.streams.getRecords(b -> b.shardIterator(at)).records()).extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("2", "3");
        String after = f.streams.getShardIterator(b -> b.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                .sequenceNumber(second)).shardIterator();
        assertThat(f.streams.getRecords(b -> b.shardIterator(after)).records()).extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("3");
    }

    @Test
    void streamsAreListedDescribedAndDisabled() {
        String t = streamed(StreamViewType.NEW_IMAGE);
        String arn = streamArn(t);
        assertThat(f.streams.listStreams(b -> b.tableName(t)).streams()).singleElement().satisfies(s -> {
            assertThat(s.streamArn()).isEqualTo(arn);
            assertThat(s.tableName()).isEqualTo(t);
        });
        var d = f.streams.describeStream(b -> b.streamArn(arn)).streamDescription();
        assertThat(d.streamStatus()).isEqualTo(StreamStatus.ENABLED);
        assertThat(d.tableName()).isEqualTo(t);
        assertThat(d.keySchema()).extracting(k -> k.attributeName()).containsExactly("pk");
        assertThat(d.shards()).singleElement().satisfies(s -> {
            assertThat(s.shardId()).matches("shardId-\\d{20}-[0-9a-f]{8}");
            assertThat(s.parentShardId()).isNull();
            assertThat(s.sequenceNumberRange().endingSequenceNumber()).isNull();
        });

        f.ddb.putItem(b -> b.tableName(t).item(item("pk", "before")));
        f.ddb.updateTable(b -> b.tableName(t).streamSpecification(s -> s.streamEnabled(false)));
        f.ddb.putItem(b -> b.tableName(t).item(item("pk", "after")));
        var disabled = f.streams.describeStream(b -> b.streamArn(arn)).streamDescription();
        assertThat(disabled.streamStatus()).isEqualTo(StreamStatus.DISABLED);
        assertThat(disabled.shards().get(0).sequenceNumberRange().endingSequenceNumber()).isNotNull();
        String shard = disabled.shards().get(0).shardId();
        String it = f.streams.getShardIterator(b -> b.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        var read = f.streams.getRecords(b -> b.shardIterator(it));
        assertThat(read.records()).extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("before");
        assertThat(read.nextShardIterator()).isNull();
        assertThat(f.ddb.describeTable(b -> b.tableName(t)).table().latestStreamArn()).isEqualTo(arn);

        f.ddb.updateTable(b -> b.tableName(t).streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
        assertThat(streamArn(t)).isNotEqualTo(arn);
    }

    @Test
    void unknownStreamsAndBadIteratorsAreRefused() {
        String t = streamed(StreamViewType.KEYS_ONLY);
        String arn = streamArn(t);
        failure(() -> f.streams.describeStream(b -> b.streamArn(arn + "x")), "ResourceNotFoundException");
        failure(() -> f.streams.getShardIterator(b -> b.streamArn(arn).shardId("shardId-00000000000000000000-00000000")
                .shardIteratorType(ShardIteratorType.LATEST)), "ResourceNotFoundException");
        failure(() -> f.streams.getRecords(b -> b.shardIterator("not-an-iterator")), "ValidationException");
        String shard = f.streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
        failure(() -> f.streams.getShardIterator(b -> b.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)),
                "ValidationException");
    }

    @Test
    void tablesWithoutAStreamHaveNone() {
        String t = f.table(null);
        assertThat(f.ddb.describeTable(b -> b.tableName(t)).table().latestStreamArn()).isNull();
        assertThat(f.streams.listStreams(b -> b.tableName(t)).streams()).isEmpty();
    }
}
