package io.eventharness.emulator.dynamodb;

import static io.eventharness.emulator.dynamodb.DynamoDbFixture.attr;
import static io.eventharness.emulator.dynamodb.DynamoDbFixture.failure;
import static io.eventharness.emulator.dynamodb.DynamoDbFixture.item;
import static io.eventharness.emulator.dynamodb.DynamoDbFixture.key;
import static io.eventharness.emulator.dynamodb.DynamoDbFixture.n;
import static io.eventharness.emulator.dynamodb.DynamoDbFixture.validation;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.Emulator;
import io.eventharness.emulator.TestAws;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * What DynamoDB does as time passes, on the emulator clock: Time to Live deletions, 24 hours of stream retention,
 * shards rolling over, shard iterators expiring. An emulator of its own, since these tests move its clock by days.
 */
class DynamoDbClockTest {
    private static Emulator aws;
    private static DynamoDbClient ddb;
    private static DynamoDbStreamsClient streams;

    @BeforeAll
    static void start() {
        aws = Emulator.builder().withDynamicPort().withLambdaSpareSandboxes(false).build().start();
        ddb = client(DynamoDbClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
        streams = client(DynamoDbStreamsClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
    }

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>, C> C client(B b) {
        return b.endpointOverride(aws.endpoint()).region(aws.region()).credentialsProvider(aws.credentials())
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(60)).build()).build();
    }

    @AfterAll
    static void stop() {
        ddb.close();
        streams.close();
        aws.close();
    }

    private static String table() {
        String name = TestAws.unique("clock");
        ddb.createTable(b -> b.tableName(name).attributeDefinitions(attr("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST).streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        return name;
    }

    private static String streamArn(String table) {
        return ddb.describeTable(b -> b.tableName(table)).table().latestStreamArn();
    }

    private static List<Shard> shards(String arn) {
        return streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards();
    }

    private static List<Record> read(String arn, String shardId) {
        String it = streams.getShardIterator(b -> b.streamArn(arn).shardId(shardId).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        return streams.getRecords(b -> b.shardIterator(it)).records();
    }

    @Test
    void timeToLiveDeletesExpiredItemsAsDynamoDbItself() {
        String t = table();
        ddb.updateTimeToLive(b -> b.tableName(t).timeToLiveSpecification(s -> s.enabled(true).attributeName("expires")));
        assertThat(ddb.describeTimeToLive(b -> b.tableName(t)).timeToLiveDescription().timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(validation(() -> ddb.updateTimeToLive(b -> b.tableName(t).timeToLiveSpecification(s -> s.enabled(true).attributeName("expires")))))
                .isEqualTo("TimeToLive is already enabled");
        long now = aws.clock().now().getEpochSecond();
        ddb.putItem(b -> b.tableName(t).item(item("pk", "soon", "expires", n(Long.toString(now + 60)))));
        ddb.putItem(b -> b.tableName(t).item(item("pk", "later", "expires", n(Long.toString(now + 3600)))));
        ddb.putItem(b -> b.tableName(t).item(item("pk", "never")));
        ddb.putItem(b -> b.tableName(t).item(item("pk", "ancient", "expires", n("1000"))));   // more than five years ago: ignored

        aws.clock().advance(Duration.ofSeconds(30));
        assertThat(ddb.getItem(b -> b.tableName(t).key(item("pk", "soon"))).hasItem()).isTrue();
        aws.clock().advance(Duration.ofSeconds(31));
        assertThat(ddb.getItem(b -> b.tableName(t).key(item("pk", "soon"))).hasItem()).isFalse();
        assertThat(ddb.getItem(b -> b.tableName(t).key(item("pk", "later"))).hasItem()).isTrue();
        assertThat(ddb.getItem(b -> b.tableName(t).key(item("pk", "ancient"))).hasItem()).isTrue();

        List<Record> records = read(streamArn(t), shards(streamArn(t)).get(0).shardId());
        Record removed = records.get(records.size() - 1);
        assertThat(removed.eventName()).isEqualTo(OperationType.REMOVE);
        assertThat(removed.dynamodb().keys()).isEqualTo(item("pk", "soon"));
        assertThat(removed.userIdentity().type()).isEqualTo("Service");
        assertThat(removed.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");

        ddb.updateTimeToLive(b -> b.tableName(t).timeToLiveSpecification(s -> s.enabled(false).attributeName("expires")));
        aws.clock().advance(Duration.ofHours(2));
        assertThat(ddb.getItem(b -> b.tableName(t).key(item("pk", "later"))).hasItem()).isTrue();
    }

    @Test
    void anItemWhoseExpiryMovesIsDeletedAtTheNewTime() {
        String t = table();
        ddb.updateTimeToLive(b -> b.tableName(t).timeToLiveSpecification(s -> s.enabled(true).attributeName("ttl")));
        long now = aws.clock().now().getEpochSecond();
        ddb.putItem(b -> b.tableName(t).item(item("pk", "moved", "ttl", n(Long.toString(now + 10)))));
        ddb.putItem(b -> b.tableName(t).item(item("pk", "moved", "ttl", n(Long.toString(now + 100)))));
        aws.clock().advance(Duration.ofSeconds(20));
        assertThat(ddb.getItem(b -> b.tableName(t).key(item("pk", "moved"))).hasItem()).isTrue();
        aws.clock().advance(Duration.ofSeconds(90));
        assertThat(ddb.getItem(b -> b.tableName(t).key(item("pk", "moved"))).hasItem()).isFalse();
    }

    @Test
    void shardsRollOverAndRecordsAreKeptADay() {
        String t = table();
        String arn = streamArn(t);
        ddb.putItem(b -> b.tableName(t).item(item("pk", "first")));
        String firstShard = shards(arn).get(0).shardId();
        String early = streams.getShardIterator(b -> b.streamArn(arn).shardId(firstShard).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
        String firstSequence = read(arn, firstShard).get(0).dynamodb().sequenceNumber();

        aws.clock().advance(Duration.ofMinutes(16));
        failure(() -> streams.getRecords(b -> b.shardIterator(early)), "ExpiredIteratorException");

        aws.clock().advance(Duration.ofHours(4));
        ddb.putItem(b -> b.tableName(t).item(item("pk", "second")));
        List<Shard> shards = shards(arn);
        assertThat(shards).hasSize(2);
        assertThat(shards.get(0).sequenceNumberRange().endingSequenceNumber()).isEqualTo(firstSequence);
        assertThat(shards.get(1).parentShardId()).isEqualTo(firstShard);
        assertThat(read(arn, shards.get(1).shardId())).extracting(r -> r.dynamodb().keys().get("pk").s()).containsExactly("second");
        String closed = streams.getShardIterator(b -> b.streamArn(arn).shardId(firstShard).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
        assertThat(streams.getRecords(b -> b.shardIterator(closed)).nextShardIterator()).isNull();

        aws.clock().advance(Duration.ofHours(21));
        assertThat(shards(arn)).extracting(Shard::shardId).containsExactly(shards.get(1).shardId());
        failure(() -> streams.getShardIterator(b -> b.streamArn(arn).shardId(firstShard).shardIteratorType(ShardIteratorType.TRIM_HORIZON)),
                "ResourceNotFoundException");
        assertThat(read(arn, shards.get(1).shardId())).hasSize(1);
    }

    @Test
    void aDeletedTablesStreamIsReadableForADay() {
        String t = table();
        String arn = streamArn(t);
        ddb.putItem(b -> b.tableName(t).item(item("pk", "x")));
        ddb.deleteTable(b -> b.tableName(t));
        assertThat(read(arn, shards(arn).get(0).shardId())).hasSize(1);
        aws.clock().advance(Duration.ofHours(25));
        failure(() -> streams.describeStream(b -> b.streamArn(arn)), "ResourceNotFoundException");
    }
}
