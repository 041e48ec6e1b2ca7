package io.eventharness.emulator.dynamodb;

import static io.eventharness.emulator.dynamodb.DynamoDbFixture.item;
import static io.eventharness.emulator.dynamodb.DynamoDbFixture.n;
import static io.eventharness.emulator.dynamodb.DynamoDbFixture.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;

/** The async clients over Netty (DynamoDB and DynamoDB Streams), and the Enhanced Client that users put on top. */
class DynamoDbAsyncAndEnhancedTest {
    private final DynamoDbFixture f = new DynamoDbFixture();

    @Test
    void asyncClientsOverNettyWriteQueryAndReadTheStream() {
        DynamoDbAsyncClient ddb = DynamoDbFixture.async();
        DynamoDbStreamsAsyncClient streams = DynamoDbFixture.streamsAsync();
        String t = f.table(ScalarAttributeType.S, b -> b.streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        ddb.putItem(b -> b.tableName(t).item(item("pk", "p", "sk", "1", "v", 1))).join();
        ddb.putItem(b -> b.tableName(t).item(item("pk", "p", "sk", "2", "v", 2))).join();
        var q = ddb.query(b -> b.tableName(t).keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("p")))).join();
        assertThat(q.items()).extracting(i -> i.get("v").n()).containsExactly("1", "2");
        Throwable e = catchThrowable(() -> ddb.putItem(b -> b.tableName(t).item(item("pk", "p", "sk", "1"))
                .conditionExpression("attribute_not_exists(pk)")).join());
        assertThat(e).isInstanceOf(CompletionException.class).hasCauseInstanceOf(ConditionalCheckFailedException.class);

        String arn = ddb.describeTable(b -> b.tableName(t)).join().table().latestStreamArn();
        String shard = streams.describeStream(b -> b.streamArn(arn)).join().streamDescription().shards().get(0).shardId();
        String it = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .join().shardIterator();
        assertThat(streams.getRecords(b -> b.shardIterator(it)).join().records()).hasSize(2);
    }

    /** An order as users map it with the Enhanced Client's annotations. */
    @DynamoDbBean
    public static class Order {
        private String customer;
        private String id;
        private Integer amount;
        private List<String> tags;

        @DynamoDbPartitionKey
        public String getCustomer() {
            return customer;
        }

        public void setCustomer(String customer) {
            this.customer = customer;
        }

        @DynamoDbSortKey
        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public Integer getAmount() {
            return amount;
        }

        public void setAmount(Integer amount) {
            this.amount = amount;
        }

        public List<String> getTags() {
            return tags;
        }

        public void setTags(List<String> tags) {
            this.tags = tags;
        }

        static Order of(String customer, String id, int amount) {
            Order o = new Order();
            o.setCustomer(customer);
            o.setId(id);
            o.setAmount(amount);
            o.setTags(List.of("new"));
            return o;
        }
    }

    @Test
    void theEnhancedClientCreatesTablesAndMapsBeans() {
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(f.ddb).build();
        DynamoDbTable<Order> orders = enhanced.table(io.eventharness.emulator.TestAws.unique("orders"), TableSchema.fromBean(Order.class));
        orders.createTable();
        orders.putItem(Order.of("c1", "o1", 10));
        orders.putItem(Order.of("c1", "o2", 25));
        orders.putItem(Order.of("c2", "o3", 5));

        assertThat(orders.getItem(Key.builder().partitionValue("c1").sortValue("o2").build()).getAmount()).isEqualTo(25);
        List<Order> c1 = orders.query(QueryConditional.keyEqualTo(k -> k.partitionValue("c1"))).items().stream().toList();
        assertThat(c1).extracting(Order::getId).containsExactly("o1", "o2");
        List<Order> big = orders.query(r -> r.queryConditional(QueryConditional.sortGreaterThan(k -> k.partitionValue("c1").sortValue("o1")))
                .filterExpression(Expression.builder().expression("amount > :a").putExpressionValue(":a", n("20")).build())).items().stream().toList();
        assertThat(big).extracting(Order::getId).containsExactly("o2");

        Throwable e = catchThrowable(() -> orders.putItem(PutItemEnhancedRequest.builder(Order.class).item(Order.of("c1", "o1", 99))
                .conditionExpression(Expression.builder().expression("attribute_not_exists(id)").build()).build()));
        assertThat(e).isInstanceOf(ConditionalCheckFailedException.class);

        Order updated = Order.of("c2", "o3", 6);
        updated.setTags(null);
        orders.updateItem(r -> r.item(updated).ignoreNulls(true));
        Order after = orders.getItem(Key.builder().partitionValue("c2").sortValue("o3").build());
        assertThat(after.getAmount()).isEqualTo(6);
        assertThat(after.getTags()).containsExactly("new");
        assertThat(orders.scan().items().stream().count()).isEqualTo(3);
        orders.deleteTable();
    }
}
