package io.eventharness.emulator.dynamodb;

import static io.eventharness.emulator.dynamodb.DynamoDbFixture.attr;
import static io.eventharness.emulator.dynamodb.DynamoDbFixture.failure;
import static io.eventharness.emulator.dynamodb.DynamoDbFixture.item;
import static io.eventharness.emulator.dynamodb.DynamoDbFixture.key;
import static io.eventharness.emulator.dynamodb.DynamoDbFixture.s;
import static io.eventharness.emulator.dynamodb.DynamoDbFixture.validation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventharness.emulator.TestAws;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/** CreateTable, DescribeTable, ListTables, UpdateTable, DeleteTable, tags, through the SDK's sync client. */
class DynamoDbTablesTest {
    private final DynamoDbFixture f = new DynamoDbFixture();

    private CreateTableRequest.Builder provisionedWithIndexes(String name) {
        ProvisionedThroughput one = ProvisionedThroughput.builder().readCapacityUnits(5L).writeCapacityUnits(3L).build();
        return CreateTableRequest.builder().tableName(name)
                .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.N),
                        attr("gsiPk", ScalarAttributeType.S), attr("lsiSk", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .provisionedThroughput(one)
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byGsi").keySchema(key("gsiPk", KeyType.HASH))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).provisionedThroughput(one).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byLsi").keySchema(key("pk", KeyType.HASH), key("lsiSk", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes("extra").build()).build());
    }

    @Test
    void createReportsCreatingThenTheTableIsActiveWithItsIndexes() {
        String name = TestAws.unique("tables");
        TableDescription created = f.ddb.createTable(provisionedWithIndexes(name).build()).tableDescription();
        assertThat(created.tableStatus()).isEqualTo(TableStatus.CREATING);
        assertThat(created.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.CREATING);
        assertThat(created.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/" + name);

        f.ddb.waiter().waitUntilTableExists(b -> b.tableName(name));
        TableDescription t = f.ddb.describeTable(b -> b.tableName(name)).table();
        assertThat(t.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(t.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType()).containsExactly("pk:HASH", "sk:RANGE");
        assertThat(t.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
        assertThat(t.globalSecondaryIndexes()).singleElement().satisfies(g -> {
            assertThat(g.indexName()).isEqualTo("byGsi");
            assertThat(g.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
            assertThat(g.indexArn()).isEqualTo(t.tableArn() + "/index/byGsi");
        });
        assertThat(t.localSecondaryIndexes()).singleElement().satisfies(l ->
                assertThat(l.projection().nonKeyAttributes()).containsExactly("extra"));
        assertThat(t.itemCount()).isZero();
        assertThat(t.tableId()).matches("[0-9a-f-]{36}");

        f.ddb.putItem(b -> b.tableName(name).item(item("pk", "a", "sk", 1, "gsiPk", "g", "payload", "x")));
        TableDescription after = f.ddb.describeTable(b -> b.tableName(name)).table();
        assertThat(after.itemCount()).isEqualTo(1);
        assertThat(after.tableSizeBytes()).isPositive();
        assertThat(after.globalSecondaryIndexes().get(0).itemCount()).isEqualTo(1);
        assertThat(after.localSecondaryIndexes().get(0).itemCount()).isZero(); // sparse: no lsiSk

        assertThat(f.ddb.deleteTable(b -> b.tableName(name)).tableDescription().tableStatus()).isEqualTo(TableStatus.DELETING);
        f.ddb.waiter().waitUntilTableNotExists(b -> b.tableName(name));
        ResourceNotFoundException e = catchThrowableOfType(() -> f.ddb.describeTable(b -> b.tableName(name)), ResourceNotFoundException.class);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Requested resource not found: Table: " + name + " not found");
    }

    @Test
    void creatingATableTwiceIsResourceInUse() {
        String name = f.table(null);
        ResourceInUseException e = catchThrowableOfType(() -> f.ddb.createTable(b -> b.tableName(name)
                .attributeDefinitions(attr("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST)), ResourceInUseException.class);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Table already exists: " + name);
    }

    @Test
    void definitionsAreCheckedAsDynamoDbChecksThem() {
        assertThat(validation(() -> f.ddb.createTable(b -> b.tableName("ab"))))
                .isEqualTo("TableName must be at least 3 characters long and at most 255 characters long");
        assertThat(validation(() -> f.ddb.createTable(b -> b.tableName("abc").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("unused", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH)))))
                .isEqualTo("One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        assertThat(validation(() -> f.ddb.createTable(b -> b.tableName("abc").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))
                .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)))))
                .isEqualTo("One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        assertThat(validation(() -> f.ddb.createTable(b -> b.tableName("abc")
                .attributeDefinitions(attr("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH)))))
                .isEqualTo("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        assertThat(validation(() -> f.ddb.createTable(b -> b.tableName("abc").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("lsi").keySchema(key("pk", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build()))))
                .isEqualTo("One or more parameter values were invalid: Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
    }

    @Test
    void whatTheEmulatorDoesNotSimulateIsRefusedByName() {
        assertThat(validation(() -> f.ddb.createTable(b -> b.tableName(TestAws.unique("t")).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))
                .resourcePolicy("{}")))).contains("ResourcePolicy");
        String t = f.table(null);
        assertThat(validation(() -> f.ddb.updateTable(b -> b.tableName(t).replicaUpdates(r -> r.create(c -> c.regionName("eu-west-1"))))))
                .contains("ReplicaUpdates");
        DynamoDbException e = failure(() -> f.ddb.executeStatement(b -> b.statement("SELECT * FROM \"" + t + "\"")), "NotImplemented", 501);
        assertThat(e.getMessage()).contains("ExecuteStatement");
    }

    @Test
    void listTablesPagesInNameOrder() {
        String a = f.table(null);
        String b = f.table(null);
        List<String> all = f.ddb.listTablesPaginator(r -> r.limit(1)).tableNames().stream().toList();
        assertThat(all).contains(a, b).isSorted();
        var page = f.ddb.listTables(r -> r.exclusiveStartTableName(a).limit(100));
        assertThat(page.tableNames()).doesNotContain(a).contains(b);
    }

    @Test
    void updateTableAddsAGlobalIndexThatQueriesSeeAtOnce() {
        String t = f.table(ScalarAttributeType.S);
        f.ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "sk", "1", "colour", "red")));
        var updated = f.ddb.updateTable(b -> b.tableName(t).attributeDefinitions(attr("colour", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("byColour")
                        .keySchema(key("colour", KeyType.HASH)).projection(p -> p.projectionType(ProjectionType.ALL))).build()))
                .tableDescription();
        assertThat(updated.tableStatus()).isEqualTo(TableStatus.UPDATING);
        assertThat(updated.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.CREATING);
        var q = f.ddb.query(b -> b.tableName(t).indexName("byColour").keyConditionExpression("colour = :c")
                .expressionAttributeValues(Map.of(":c", s("red"))));
        assertThat(q.items()).extracting(i -> i.get("pk").s()).containsExactly("a");

        f.ddb.updateTable(b -> b.tableName(t).globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                .delete(d -> d.indexName("byColour")).build()));
        TableDescription after = f.ddb.describeTable(b -> b.tableName(t)).table();
        assertThat(after.hasGlobalSecondaryIndexes()).isFalse();
        assertThat(after.attributeDefinitions()).extracting(d -> d.attributeName()).containsExactly("pk", "sk");
    }

    @Test
    void updateTableSwitchesBillingAndStreamsAndRefusesNoChange() {
        String t = f.table(null);
        f.ddb.updateTable(b -> b.tableName(t).billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(7L).writeCapacityUnits(2L)));
        TableDescription d = f.ddb.describeTable(b -> b.tableName(t)).table();
        assertThat(d.billingModeSummary().billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(d.provisionedThroughput().readCapacityUnits()).isEqualTo(7L);
        assertThat(validation(() -> f.ddb.updateTable(b -> b.tableName(t).provisionedThroughput(p -> p.readCapacityUnits(7L).writeCapacityUnits(2L)))))
                .startsWith("The provisioned throughput for the table will not change.");

        f.ddb.updateTable(b -> b.tableName(t).streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
        d = f.ddb.describeTable(b -> b.tableName(t)).table();
        assertThat(d.streamSpecification().streamViewType()).isEqualTo(StreamViewType.KEYS_ONLY);
        assertThat(d.latestStreamArn()).isEqualTo(d.tableArn() + "/stream/" + d.latestStreamLabel());
        assertThat(d.latestStreamLabel()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");

        assertThat(validation(() -> f.ddb.updateTable(b -> b.tableName(t))))
                .startsWith("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled");
    }

    @Test
    void deletionProtectionKeepsATable() {
        String t = f.table(null, b -> b.deletionProtectionEnabled(true));
        assertThat(validation(() -> f.ddb.deleteTable(b -> b.tableName(t)))).startsWith("Resource cannot be deleted as it is currently protected");
        f.ddb.updateTable(b -> b.tableName(t).deletionProtectionEnabled(false));
        f.ddb.deleteTable(b -> b.tableName(t));
        assertThat(f.ddb.listTables().tableNames()).doesNotContain(t);
    }

    @Test
    void itemOperationsOnAMissingTableAreResourceNotFound() {
        ResourceNotFoundException e = catchThrowableOfType(() -> f.ddb.getItem(b -> b.tableName("no-such-table")
                .key(item("pk", "a"))), ResourceNotFoundException.class);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Requested resource not found");
    }

    @Test
    void tagsAreKeptPerTable() {
        String t = f.table(null, b -> b.tags(Tag.builder().key("team").value("a").build()));
        String arn = f.ddb.describeTable(b -> b.tableName(t)).table().tableArn();
        f.ddb.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("env").value("test").build(), Tag.builder().key("team").value("b").build()));
        f.ddb.untagResource(b -> b.resourceArn(arn).tagKeys("env"));
        assertThat(f.ddb.listTagsOfResource(b -> b.resourceArn(arn)).tags()).extracting(x -> x.key() + "=" + x.value()).containsExactly("team=b");
        assertThat(validation(() -> f.ddb.listTagsOfResource(b -> b.resourceArn("not-an-arn"))))
                .isEqualTo("Invalid TableArn: Invalid ResourceArn provided as input not-an-arn");
    }

    @Test
    void aTableCanBeNamedByItsArn() {
        String t = f.table(null);
        String arn = f.ddb.describeTable(b -> b.tableName(t)).table().tableArn();
        f.ddb.putItem(b -> b.tableName(arn).item(item("pk", "x")));
        assertThat(f.ddb.getItem(b -> b.tableName(t).key(item("pk", "x"))).hasItem()).isTrue();
    }

    @Test
    void describeLimitsGivesTheDefaultQuotas() {
        var l = f.ddb.describeLimits();
        assertThat(l.tableMaxReadCapacityUnits()).isEqualTo(40000L);
        assertThat(l.accountMaxWriteCapacityUnits()).isEqualTo(80000L);
    }
}
