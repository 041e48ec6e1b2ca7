package io.eventharness.emulator.dynamodb;

import static io.eventharness.emulator.dynamodb.DynamoDbFixture.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.dynamodb.streams.ChangeRecord;
import io.eventharness.emulator.dynamodb.streams.ShardBatch;
import io.eventharness.emulator.dynamodb.streams.ShardInfo;
import io.eventharness.emulator.dynamodb.streams.StreamListener;
import io.eventharness.emulator.dynamodb.streams.StreamPosition;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The in-JVM API that event source mappings use: shards, reads from a position, and the listener told of each record;
 * and the records as a Lambda function receives them.
 */
class DynamoDbStreamsInJvmApiTest {
    private final DynamoDbFixture f = new DynamoDbFixture();
    private final DynamoDbService dynamodb = f.service();

    private String streamed(StreamViewType view) {
        return f.table(null, b -> b.streamSpecification(s -> s.streamEnabled(true).streamViewType(view)));
    }

    private String streamArn(String table) {
        return f.ddb.describeTable(b -> b.tableName(table)).table().latestStreamArn();
    }

    @Test
    void theListenerIsToldOfEachRecordBeforeTheWriteAnswers() {
        String t = streamed(StreamViewType.KEYS_ONLY);
        String arn = streamArn(t);
        List<ChangeRecord> heard = new CopyOnWriteArrayList<>();
        StreamListener l = r -> {
            if (r.streamArn().toString().equals(arn)) {
                heard.add(r);
            }
        };
        dynamodb.onStreamRecord(l);
        try {
            f.ddb.putItem(b -> b.tableName(t).item(item("pk", "one")));
            assertThat(heard).singleElement().satisfies(r -> assertThat(r.record().dynamodb().keys()).isEqualTo(item("pk", "one")));
            f.ddb.putItem(b -> b.tableName(t).item(item("pk", "one")));    // no change, no record
            assertThat(heard).hasSize(1);
        } finally {
            dynamodb.offStreamRecord(l);
        }
        f.ddb.putItem(b -> b.tableName(t).item(item("pk", "two")));
        assertThat(heard).hasSize(1);
    }

    @Test
    void shardsAreReadFromAPositionAndTheNextPositionContinues() {
        String t = streamed(StreamViewType.NEW_IMAGE);
        String arn = streamArn(t);
        assertThat(dynamodb.streamExists(arn)).isTrue();
        assertThat(dynamodb.streamTable(arn)).hasValue(t);
        List<ShardInfo> shards = dynamodb.streamShards(arn);
        assertThat(shards).singleElement().satisfies(s -> {
            assertThat(s.open()).isTrue();
            assertThat(s.parentShardId()).isNull();
        });
        String shard = shards.get(0).shardId();

        ShardBatch latest = dynamodb.readShard(arn, shard, StreamPosition.latest(), 10);
        assertThat(latest.records()).isEmpty();
        f.ddb.putItem(b -> b.tableName(t).item(item("pk", "a")));
        f.ddb.putItem(b -> b.tableName(t).item(item("pk", "b")));
        f.ddb.putItem(b -> b.tableName(t).item(item("pk", "c")));
        ShardBatch first = dynamodb.readShard(arn, shard, latest.next(), 2);
        assertThat(first.records()).extracting(r -> r.record().dynamodb().keys().get("pk").s()).containsExactly("a", "b");
        assertThat(first.ended()).isFalse();
        ShardBatch rest = dynamodb.readShard(arn, shard, first.next(), 10);
        assertThat(rest.records()).extracting(r -> r.record().dynamodb().keys().get("pk").s()).containsExactly("c");
        assertThat(dynamodb.readShard(arn, shard, StreamPosition.trimHorizon(), 10).records()).hasSize(3);
        String b = first.records().get(1).sequenceNumber();
        assertThat(dynamodb.readShard(arn, shard, StreamPosition.at(b), 10).records()).hasSize(2);
        assertThat(dynamodb.readShard(arn, shard, StreamPosition.after(b), 10).records()).hasSize(1);

        f.ddb.updateTable(x -> x.tableName(t).streamSpecification(s -> s.streamEnabled(false)));
        ShardBatch end = dynamodb.readShard(arn, shard, rest.next(), 10);
        assertThat(end.records()).isEmpty();
        assertThat(end.ended()).isTrue();
        assertThat(dynamodb.streamShards(arn).get(0).open()).isFalse();

        Throwable missing = catchThrowable(() -> dynamodb.streamShards(arn + "-nope"));
        assertThat(missing).isInstanceOf(AwsException.class);
        assertThat(((AwsException) missing).code()).isEqualTo("ResourceNotFoundException");
    }

    /** The record AWS recorded for a NEW_IMAGE stream (aws-recorded-shapes.md, DynamoDB stream ESM): SizeBytes 70. */
    @Test
    void aRecordBecomesTheLambdaEventRecordAwsRecorded() {
        String t = f.table(null, b -> b.attributeDefinitions(DynamoDbFixture.attr("my_partition_key", software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S))
                .keySchema(DynamoDbFixture.key("my_partition_key", software.amazon.awssdk.services.dynamodb.model.KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        String arn = streamArn(t);
        f.ddb.putItem(b -> b.tableName(t).item(item("my_partition_key", "hello world",
                "binary_key", AttributeValue.fromB(SdkBytes.fromUtf8String("foobar")))));
        String shard = dynamodb.streamShards(arn).get(0).shardId();
        JsonNode event = dynamodb.readShard(arn, shard, StreamPosition.trimHorizon(), 1).records().get(0).toLambdaEvent();

        assertThat(event.fieldNames()).toIterable().containsExactly("eventID", "eventName", "eventVersion", "eventSource", "awsRegion",
                "dynamodb", "eventSourceARN");
        assertThat(event.get("eventName").asText()).isEqualTo("INSERT");
        assertThat(event.get("eventVersion").asText()).isEqualTo("1.1");
        assertThat(event.get("eventSource").asText()).isEqualTo("aws:dynamodb");
        assertThat(event.get("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(event.get("eventSourceARN").asText()).isEqualTo(arn);
        JsonNode ddb = event.get("dynamodb");
        assertThat(ddb.get("ApproximateCreationDateTime").isIntegralNumber()).isTrue();
        assertThat(ddb.get("Keys").toString()).isEqualTo("{\"my_partition_key\":{\"S\":\"hello world\"}}");
        assertThat(ddb.get("NewImage").get("binary_key").get("B").asText()).isEqualTo("Zm9vYmFy");
        assertThat(ddb.has("OldImage")).isFalse();
        assertThat(ddb.get("SequenceNumber").isTextual()).isTrue();
        assertThat(ddb.get("SizeBytes").asLong()).isEqualTo(70);
        assertThat(ddb.get("StreamViewType").asText()).isEqualTo("NEW_IMAGE");
    }
}
