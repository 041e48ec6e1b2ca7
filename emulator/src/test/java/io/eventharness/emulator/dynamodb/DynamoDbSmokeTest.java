package io.eventharness.emulator.dynamodb;

import static io.eventharness.emulator.dynamodb.DynamoDbFixture.item;
import static io.eventharness.emulator.dynamodb.DynamoDbFixture.s;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class DynamoDbSmokeTest {
    private final DynamoDbFixture f = new DynamoDbFixture();

    @Test
    void putGetQuery() {
        String t = f.table(ScalarAttributeType.N);
        f.ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "sk", 1, "v", "x")));
        f.ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "sk", 2, "v", "y")));
        assertThat(f.ddb.getItem(b -> b.tableName(t).key(item("pk", "a", "sk", 1))).item()).containsEntry("v", s("x"));
        var q = f.ddb.query(b -> b.tableName(t).keyConditionExpression("pk = :p").expressionAttributeValues(java.util.Map.of(":p", s("a"))));
        assertThat(q.count()).isEqualTo(2);
        assertThat(f.ddb.describeTable(b -> b.tableName(t)).table().itemCount()).isEqualTo(2);
    }
}
