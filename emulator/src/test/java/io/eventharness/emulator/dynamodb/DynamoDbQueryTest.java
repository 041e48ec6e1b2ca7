package io.eventharness.emulator.dynamodb;

import static io.eventharness.emulator.dynamodb.DynamoDbFixture.attr;
import static io.eventharness.emulator.dynamodb.DynamoDbFixture.item;
import static io.eventharness.emulator.dynamodb.DynamoDbFixture.key;
import static io.eventharness.emulator.dynamodb.DynamoDbFixture.n;
import static io.eventharness.emulator.dynamodb.DynamoDbFixture.s;
import static io.eventharness.emulator.dynamodb.DynamoDbFixture.validation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Query and Scan: key conditions, filters, projections, pagination, indexes, order and segments. */
class DynamoDbQueryTest {
    private final DynamoDbFixture f = new DynamoDbFixture();
    private String table;

    @BeforeEach
    void orders() {
        table = f.table(ScalarAttributeType.N, b -> b
                .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.N),
                        attr("state", ScalarAttributeType.S), attr("placed", ScalarAttributeType.S))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byState").keySchema(key("state", KeyType.HASH), key("sk", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byPlaced").keySchema(key("pk", KeyType.HASH), key("placed", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("amount")).build()));
        for (int i = 1; i <= 12; i++) {
            int k = i;
            f.ddb.putItem(b -> b.tableName(table).item(item("pk", k <= 10 ? "cust-1" : "cust-2", "sk", k, "state", k % 2 == 0 ? "OPEN" : "SHIPPED",
                    "placed", "2026-01-" + String.format("%02d", 30 - k), "amount", k * 10, "note", "n" + k)));
        }
    }

    private QueryResponse query(String condition, Map<String, AttributeValue> values) {
        return f.ddb.query(b -> b.tableName(table).keyConditionExpression(condition).expressionAttributeValues(values));
    }

    private static List<String> sortKeys(List<Map<String, AttributeValue>> items) {
        return items.stream().map(i -> i.get("sk").n()).toList();
    }

    @Test
    void sortKeyConditionsSelectARangeInOrder() {
        assertThat(sortKeys(query("pk = :p", Map.of(":p", s("cust-1"))).items())).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(sortKeys(query("pk = :p AND sk BETWEEN :a AND :b", Map.of(":p", s("cust-1"), ":a", n("3"), ":b", n("5"))).items()))
                .containsExactly("3", "4", "5");
        assertThat(sortKeys(query(":p = pk AND :a < sk", Map.of(":p", s("cust-1"), ":a", n("8"))).items())).containsExactly("9", "10");
        assertThat(sortKeys(f.ddb.query(b -> b.tableName(table).keyConditionExpression("pk = :p AND sk <= :a").scanIndexForward(false)
                .expressionAttributeValues(Map.of(":p", s("cust-1"), ":a", n("3")))).items())).containsExactly("3", "2", "1");
        assertThat(query("pk = :p", Map.of(":p", s("nobody"))).count()).isZero();
    }

    @Test
    void filtersCountWhatTheyKeepAndWhatTheyRead() {
        QueryResponse r = f.ddb.query(b -> b.tableName(table).keyConditionExpression("pk = :p").filterExpression("amount > :min AND #s = :open")
                .expressionAttributeNames(Map.of("#s", "state"))
                .expressionAttributeValues(Map.of(":p", s("cust-1"), ":min", n("50"), ":open", s("OPEN"))));
        assertThat(sortKeys(r.items())).containsExactly("6", "8", "10");
        assertThat(r.count()).isEqualTo(3);
        assertThat(r.scannedCount()).isEqualTo(10);
        assertThat(validation(() -> f.ddb.query(b -> b.tableName(table).keyConditionExpression("pk = :p").filterExpression("sk > :a")
                .expressionAttributeValues(Map.of(":p", s("cust-1"), ":a", n("1"))))))
                .isEqualTo("Filter Expression can only contain non-primary key attributes: Primary key attribute: sk");
    }

    @Test
    void limitPagesWithLastEvaluatedKeyAndThePaginatorReadsAll() {
        QueryResponse first = f.ddb.query(b -> b.tableName(table).keyConditionExpression("pk = :p").limit(4)
                .expressionAttributeValues(Map.of(":p", s("cust-1"))));
        assertThat(sortKeys(first.items())).containsExactly("1", "2", "3", "4");
        assertThat(first.lastEvaluatedKey()).isEqualTo(item("pk", "cust-1", "sk", 4));
        QueryResponse second = f.ddb.query(b -> b.tableName(table).keyConditionExpression("pk = :p").limit(4)
                .exclusiveStartKey(first.lastEvaluatedKey()).expressionAttributeValues(Map.of(":p", s("cust-1"))));
        assertThat(sortKeys(second.items())).containsExactly("5", "6", "7", "8");

        List<String> all = new ArrayList<>();
        f.ddb.queryPaginator(b -> b.tableName(table).keyConditionExpression("pk = :p").limit(3)
                .expressionAttributeValues(Map.of(":p", s("cust-1")))).items().forEach(i -> all.add(i.get("sk").n()));
        assertThat(all).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(validation(() -> f.ddb.query(b -> b.tableName(table).keyConditionExpression("pk = :p")
                .exclusiveStartKey(item("pk", "cust-2", "sk", 11)).expressionAttributeValues(Map.of(":p", s("cust-1"))))))
                .isEqualTo("The provided starting key is outside query boundaries based on provided conditions");
    }

    @Test
    void selectAndProjectionsShapeTheItems() {
        QueryResponse count = f.ddb.query(b -> b.tableName(table).keyConditionExpression("pk = :p").select(Select.COUNT)
                .expressionAttributeValues(Map.of(":p", s("cust-2"))));
        assertThat(count.count()).isEqualTo(2);
        assertThat(count.hasItems()).isFalse();
        QueryResponse projected = f.ddb.query(b -> b.tableName(table).keyConditionExpression("pk = :p").projectionExpression("amount, note")
                .expressionAttributeValues(Map.of(":p", s("cust-2"))));
        assertThat(projected.items()).allSatisfy(i -> assertThat(i).containsOnlyKeys("amount", "note"));
    }

    @Test
    void indexesAreQueriedWithTheirOwnKeysAndProjections() {
        QueryResponse open = f.ddb.query(b -> b.tableName(table).indexName("byState").keyConditionExpression("#s = :s AND sk > :k")
                .expressionAttributeNames(Map.of("#s", "state")).expressionAttributeValues(Map.of(":s", s("OPEN"), ":k", n("8"))));
        assertThat(sortKeys(open.items())).containsExactly("10", "12");
        assertThat(open.items().get(0)).containsOnlyKeys("pk", "sk", "state");

        QueryResponse local = f.ddb.query(b -> b.tableName(table).indexName("byPlaced").keyConditionExpression("pk = :p AND begins_with(placed, :d)")
                .expressionAttributeValues(Map.of(":p", s("cust-1"), ":d", s("2026-01-2"))));
        assertThat(sortKeys(local.items())).containsExactly("10", "9", "8", "7", "6", "5", "4", "3", "2", "1");
        assertThat(local.items().get(0)).containsOnlyKeys("pk", "sk", "placed", "amount");
        QueryResponse fetched = f.ddb.query(b -> b.tableName(table).indexName("byPlaced").keyConditionExpression("pk = :p")
                .select(Select.ALL_ATTRIBUTES).limit(1).expressionAttributeValues(Map.of(":p", s("cust-1"))));
        assertThat(fetched.items().get(0)).containsKey("note");
        assertThat(fetched.lastEvaluatedKey()).containsOnlyKeys("pk", "sk", "placed");

        assertThat(validation(() -> f.ddb.query(b -> b.tableName(table).indexName("byState").consistentRead(true)
                .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "state")).expressionAttributeValues(Map.of(":s", s("OPEN"))))))
                .isEqualTo("Consistent reads are not supported on global secondary indexes");
        assertThat(validation(() -> f.ddb.query(b -> b.tableName(table).indexName("nope").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("x")))))).isEqualTo("The table does not have the specified index: nope");
    }

    @Test
    void keyConditionMistakesAreRefused() {
        assertThat(validation(() -> query("sk = :k", Map.of(":k", n("1"))))).isEqualTo("Query condition missed key schema element: pk");
        assertThat(validation(() -> query("pk = :p OR sk = :k", Map.of(":p", s("a"), ":k", n("1")))))
                .isEqualTo("Invalid operator used in KeyConditionExpression: OR");
        assertThat(validation(() -> query("pk = :p AND sk = :k", Map.of(":p", s("a"), ":k", s("1")))))
                .isEqualTo("One or more parameter values were invalid: Condition parameter type does not match schema type");
        assertThat(validation(() -> query("pk > :p", Map.of(":p", s("a"))))).isEqualTo("Query key condition not supported");
    }

    @Test
    void legacyKeyConditionsAndQueryFilter() {
        QueryResponse r = f.ddb.query(b -> b.tableName(table)
                .keyConditions(Map.of("pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("cust-1")).build(),
                        "sk", Condition.builder().comparisonOperator(ComparisonOperator.GT).attributeValueList(n("7")).build()))
                .queryFilter(Map.of("note", Condition.builder().comparisonOperator(ComparisonOperator.NE).attributeValueList(s("n9")).build())));
        assertThat(sortKeys(r.items())).containsExactly("8", "10");
    }

    @Test
    void segmentsSplitAScanWithoutOverlap() {
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (int segment = 0; segment < 3; segment++) {
            int s = segment;
            for (var i : f.ddb.scanPaginator(b -> b.tableName(table).segment(s).totalSegments(3).limit(2)).items()) {
                seen.add(i.get("pk").s() + "/" + i.get("sk").n());
                total++;
            }
        }
        assertThat(total).isEqualTo(12);
        assertThat(seen).hasSize(12);
        var filtered = f.ddb.scan(b -> b.tableName(table).filterExpression("amount >= :a").expressionAttributeValues(Map.of(":a", n("110"))));
        assertThat(sortKeys(filtered.items())).containsExactlyInAnyOrder("11", "12");
        assertThat(filtered.scannedCount()).isEqualTo(12);
        assertThat(validation(() -> f.ddb.scan(b -> b.tableName(table).segment(3).totalSegments(3))))
                .isEqualTo("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 3 is not less than TotalSegments: 3");
    }

    @Test
    void scanningAnIndexReadsWhatItHolds() {
        var r = f.ddb.scan(b -> b.tableName(table).indexName("byState"));
        assertThat(r.count()).isEqualTo(12);
        assertThat(r.items()).allSatisfy(i -> assertThat(i).containsOnlyKeys("pk", "sk", "state"));
    }
}
