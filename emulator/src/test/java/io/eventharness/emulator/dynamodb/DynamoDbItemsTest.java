package io.eventharness.emulator.dynamodb;

import static io.eventharness.emulator.dynamodb.DynamoDbFixture.item;
import static io.eventharness.emulator.dynamodb.DynamoDbFixture.n;
import static io.eventharness.emulator.dynamodb.DynamoDbFixture.s;
import static io.eventharness.emulator.dynamodb.DynamoDbFixture.validation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventharness.emulator.TestAws;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** PutItem, GetItem, UpdateItem and DeleteItem with conditions, update expressions and ReturnValues. */
class DynamoDbItemsTest {
    private final DynamoDbFixture f = new DynamoDbFixture();
    private final String table = f.table(null);

    private Map<String, AttributeValue> get(String pk) {
        return f.ddb.getItem(b -> b.tableName(table).key(item("pk", pk)).consistentRead(true)).item();
    }

    @Test
    void everyTypeComesBackAndNumbersComeBackNormalised() {
        Map<String, AttributeValue> in = item("pk", "all", "s", "text", "n", n("1.50"), "big", n("1E+3"),
                "b", AttributeValue.fromB(SdkBytes.fromUtf8String("bytes")), "bool", AttributeValue.fromBool(true),
                "nul", AttributeValue.fromNul(true), "ss", AttributeValue.fromSs(List.of("x", "y")), "ns", AttributeValue.fromNs(List.of("1", "2.0")),
                "l", AttributeValue.fromL(List.of(s("a"), n("2"))), "m", AttributeValue.fromM(Map.of("k", s("v"))), "empty", s(""));
        f.ddb.putItem(b -> b.tableName(table).item(in));
        Map<String, AttributeValue> out = get("all");
        assertThat(out.get("n").n()).isEqualTo("1.5");
        assertThat(out.get("big").n()).isEqualTo("1000");
        assertThat(out.get("ns").ns()).containsExactlyInAnyOrder("1", "2");
        assertThat(out.get("b").b().asUtf8String()).isEqualTo("bytes");
        assertThat(out.get("m").m()).containsEntry("k", s("v"));
        assertThat(out.get("empty").s()).isEmpty();
        assertThat(out).hasSize(in.size());
    }

    @Test
    void badValuesAreRefusedInDynamoDbsWords() {
        assertThat(validation(() -> f.ddb.putItem(b -> b.tableName(table).item(item("pk", "a", "x", n("abc"))))))
                .isEqualTo("The parameter cannot be converted to a numeric value: abc");
        assertThat(validation(() -> f.ddb.putItem(b -> b.tableName(table).item(item("pk", "a", "x", AttributeValue.fromSs(List.of("d", "d")))))))
                .isEqualTo("One or more parameter values were invalid: Input collection [d, d] contains duplicates.");
        assertThat(validation(() -> f.ddb.putItem(b -> b.tableName(table).item(item("pk", "")))))
                .isEqualTo("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk");
        assertThat(validation(() -> f.ddb.putItem(b -> b.tableName(table).item(item("other", "a")))))
                .isEqualTo("One or more parameter values were invalid: Missing the key pk in the item");
        assertThat(validation(() -> f.ddb.getItem(b -> b.tableName(table).key(item("pk", "a", "extra", "b")))))
                .isEqualTo("The provided key element does not match the schema");
        assertThat(validation(() -> f.ddb.putItem(b -> b.tableName(table).item(item("pk", "a", "big", "x".repeat(400 * 1024)))))).isEqualTo(
                "Item size has exceeded the maximum allowed size");
        assertThat(validation(() -> f.ddb.putItem(b -> b.tableName(table).item(item("pk", "a")).returnConsumedCapacity("EVERYTHING"))))
                .isEqualTo("1 validation error detected: Value 'EVERYTHING' at 'returnConsumedCapacity' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [INDEXES, TOTAL, NONE]");
    }

    @Test
    void conditionsDecideWritesAndFailuresCanReturnTheItem() {
        f.ddb.putItem(b -> b.tableName(table).item(item("pk", "c", "v", 1)).conditionExpression("attribute_not_exists(pk)"));
        ConditionalCheckFailedException e = catchThrowableOfType(() -> f.ddb.putItem(b -> b.tableName(table)
                .item(item("pk", "c", "v", 2)).conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)), ConditionalCheckFailedException.class);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The conditional request failed");
        assertThat(e.item()).containsEntry("v", n("1"));
        assertThat(get("c").get("v")).isEqualTo(n("1"));

        var old = f.ddb.putItem(b -> b.tableName(table).item(item("pk", "c", "v", 3)).conditionExpression("v < :max AND #v <> :no")
                .expressionAttributeNames(Map.of("#v", "v")).expressionAttributeValues(Map.of(":max", n("2"), ":no", n("0")))
                .returnValues(ReturnValue.ALL_OLD)).attributes();
        assertThat(old).containsEntry("v", n("1"));
        f.ddb.deleteItem(b -> b.tableName(table).key(item("pk", "c")).conditionExpression("v IN (:a, :b)")
                .expressionAttributeValues(Map.of(":a", n("3"), ":b", n("4"))));
        assertThat(get("c")).isEmpty();
    }

    @Test
    void conditionFunctionsWorkOnNestedDocuments() {
        f.ddb.putItem(b -> b.tableName(table).item(item("pk", "doc", "info", AttributeValue.fromM(Map.of(
                "tags", AttributeValue.fromSs(List.of("red", "blue")), "name", s("Widget"),
                "sizes", AttributeValue.fromL(List.of(n("1"), n("2"), n("3"))))))));
        String[] holds = {"contains(info.tags, :red)", "begins_with(info.#n, :w)", "size(info.sizes) = :three",
                "attribute_type(info.sizes, :list)", "info.sizes[1] BETWEEN :one AND :three", "NOT attribute_exists(info.absent)",
                "(info.sizes[0] = :one OR info.sizes[0] = :three) AND contains(info.sizes, :three)"};
        for (String c : holds) {
            f.ddb.updateItem(b -> b.tableName(table).key(item("pk", "doc")).updateExpression("SET checked = :one")
                    .conditionExpression(c).expressionAttributeNames(c.contains("#n") ? Map.of("#n", "name") : null)
                    .expressionAttributeValues(values(c)));
        }
        String fails = "size(info.#n) > :three";
        catchThrowableOfType(() -> f.ddb.deleteItem(b -> b.tableName(table).key(item("pk", "doc")).conditionExpression(fails)
                .expressionAttributeNames(Map.of("#n", "name")).expressionAttributeValues(Map.of(":three", n("30")))), ConditionalCheckFailedException.class);
    }

    private static Map<String, AttributeValue> values(String expression) {
        Map<String, AttributeValue> all = Map.of(":red", s("red"), ":w", s("Wid"), ":three", n("3"), ":one", n("1"), ":list", s("L"));
        Map<String, AttributeValue> used = new java.util.HashMap<>();
        all.forEach((k, v) -> {
            if (expression.contains(k) || k.equals(":one")) {
                used.put(k, v);
            }
        });
        return used;
    }

    @Test
    void updateExpressionsSetRemoveAddAndDelete() {
        f.ddb.putItem(b -> b.tableName(table).item(item("pk", "u", "count", 1, "letters", AttributeValue.fromL(List.of(s("a"), s("b"), s("c"))),
                "tags", AttributeValue.fromSs(List.of("x", "y")), "labels", AttributeValue.fromSs(List.of("p", "q")), "doc", AttributeValue.fromM(Map.of("inner", s("i"))), "gone", "bye")));
        var r = f.ddb.updateItem(b -> b.tableName(table).key(item("pk", "u"))
                .updateExpression("SET #c = #c + :inc, doc.added = :v, letters[1] = :v, newList = list_append(if_not_exists(newList, :empty), :more),"
                        + " created = if_not_exists(created, :v) REMOVE gone, letters[2] ADD visits :inc, tags :moreTags DELETE labels :lessTags")
                .expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":inc", n("5"), ":v", s("V"), ":empty", AttributeValue.fromL(List.of()),
                        ":more", AttributeValue.fromL(List.of(s("m"))), ":moreTags", AttributeValue.fromSs(List.of("z")),
                        ":lessTags", AttributeValue.fromSs(List.of("p"))))
                .returnValues(ReturnValue.ALL_NEW)).attributes();
        assertThat(r.get("count")).isEqualTo(n("6"));
        assertThat(r.get("doc").m()).containsEntry("added", s("V")).containsEntry("inner", s("i"));
        assertThat(r.get("letters").l()).containsExactly(s("a"), s("V"));
        assertThat(r.get("newList").l()).containsExactly(s("m"));
        assertThat(r.get("created")).isEqualTo(s("V"));
        assertThat(r.get("visits")).isEqualTo(n("5"));
        assertThat(r.get("tags").ss()).containsExactlyInAnyOrder("x", "y", "z");
        assertThat(r.get("labels").ss()).containsExactly("q");
        assertThat(r).doesNotContainKey("gone");

        var updatedOld = f.ddb.updateItem(b -> b.tableName(table).key(item("pk", "u")).updateExpression("SET #c = :ten REMOVE letters[0]")
                .expressionAttributeNames(Map.of("#c", "count")).expressionAttributeValues(Map.of(":ten", n("10")))
                .returnValues(ReturnValue.UPDATED_OLD)).attributes();
        assertThat(updatedOld).containsOnlyKeys("count", "letters");
        assertThat(updatedOld.get("letters").l()).containsExactly(s("a"));
    }

    @Test
    void updateCreatesAMissingItemAndRefusesTouchingTheKey() {
        f.ddb.updateItem(b -> b.tableName(table).key(item("pk", "new")).updateExpression("ADD visits :one")
                .expressionAttributeValues(Map.of(":one", n("1"))));
        assertThat(get("new")).containsEntry("visits", n("1")).containsEntry("pk", s("new"));
        assertThat(validation(() -> f.ddb.updateItem(b -> b.tableName(table).key(item("pk", "new")).updateExpression("SET pk = :v")
                .expressionAttributeValues(Map.of(":v", s("x"))))))
                .isEqualTo("One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key");
        assertThat(validation(() -> f.ddb.updateItem(b -> b.tableName(table).key(item("pk", "new")).updateExpression("SET absent.child = :v")
                .expressionAttributeValues(Map.of(":v", s("x"))))))
                .isEqualTo("The document path provided in the update expression is invalid for update");
        assertThat(validation(() -> f.ddb.updateItem(b -> b.tableName(table).key(item("pk", "new")).updateExpression("SET visits = nothing + :v")
                .expressionAttributeValues(Map.of(":v", n("1"))))))
                .isEqualTo("The provided expression refers to an attribute that does not exist in the item");
        assertThat(validation(() -> f.ddb.updateItem(b -> b.tableName(table).key(item("pk", "new")).updateExpression("ADD visits :s")
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromSs(List.of("a")))))))
                .isEqualTo("An operand in the update expression has an incorrect data type");
    }

    @Test
    void expressionMistakesGetDynamoDbsMessages() {
        assertThat(validation(() -> f.ddb.updateItem(b -> b.tableName(table).key(item("pk", "e")).updateExpression("SET status = :v")
                .expressionAttributeValues(Map.of(":v", s("x"))))))
                .isEqualTo("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status");
        assertThat(validation(() -> f.ddb.putItem(b -> b.tableName(table).item(item("pk", "e")).conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":unused", s("x"))))))
                .isEqualTo("Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}");
        assertThat(validation(() -> f.ddb.putItem(b -> b.tableName(table).item(item("pk", "e")).conditionExpression("#a = :b")
                .expressionAttributeValues(Map.of(":b", s("x"))))))
                .isEqualTo("Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #a");
        assertThat(validation(() -> f.ddb.putItem(b -> b.tableName(table).item(item("pk", "e")).conditionExpression("a = = :b")
                .expressionAttributeValues(Map.of(":b", s("x"))))))
                .isEqualTo("Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= = :b\"");
        assertThat(validation(() -> f.ddb.updateItem(b -> b.tableName(table).key(item("pk", "e")).updateExpression("SET a = :v, a.b = :v")
                .expressionAttributeValues(Map.of(":v", s("x"))))))
                .isEqualTo("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]");
        assertThat(validation(() -> f.ddb.putItem(b -> b.tableName(table).item(item("pk", "e")).conditionExpression("nope(a)"))))
                .isEqualTo("Invalid ConditionExpression: Invalid function name; function: nope");
        assertThat(validation(() -> f.ddb.putItem(b -> b.tableName(table).item(item("pk", "e")).returnValues(ReturnValue.ALL_NEW))))
                .isEqualTo("ReturnValues can only be ALL_OLD or NONE");
    }

    @Test
    void projectionsPickNestedPathsAndListElements() {
        f.ddb.putItem(b -> b.tableName(table).item(item("pk", "p", "a", AttributeValue.fromM(Map.of("b", s("B"), "c", s("C"))),
                "l", AttributeValue.fromL(List.of(s("0"), s("1"), s("2"))), "other", "o")));
        var got = f.ddb.getItem(b -> b.tableName(table).key(item("pk", "p")).projectionExpression("a.b, l[2], l[0], #o")
                .expressionAttributeNames(Map.of("#o", "other"))).item();
        assertThat(got).containsOnlyKeys("a", "l", "other");
        assertThat(got.get("a").m()).containsOnlyKeys("b");
        assertThat(got.get("l").l()).containsExactly(s("0"), s("2"));
        var legacy = f.ddb.getItem(b -> b.tableName(table).key(item("pk", "p")).attributesToGet("pk", "other")).item();
        assertThat(legacy).containsOnlyKeys("pk", "other");
    }

    @Test
    void legacyExpectedAndAttributeUpdatesStillWork() {
        f.ddb.putItem(b -> b.tableName(table).item(item("pk", "old", "v", 1)));
        f.ddb.updateItem(b -> b.tableName(table).key(item("pk", "old"))
                .expected(Map.of("v", software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue.builder().value(n("1")).build()))
                .attributeUpdates(Map.of("v", software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate.builder()
                        .action(software.amazon.awssdk.services.dynamodb.model.AttributeAction.ADD).value(n("2")).build())));
        assertThat(get("old").get("v")).isEqualTo(n("3"));
        assertThat(validation(() -> f.ddb.putItem(b -> b.tableName(table).item(item("pk", "old")).conditionExpression("attribute_exists(pk)")
                .expected(Map.of("v", software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue.builder().exists(false).build())))))
                .startsWith("Can not use both expression and non-expression parameters in the same request");
    }

    @Test
    void consumedCapacityIsReportedWhenAsked() {
        var c = f.ddb.putItem(b -> b.tableName(table).item(item("pk", "cap", "data", "x".repeat(3000)))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
        assertThat(c.tableName()).isEqualTo(table);
        assertThat(c.capacityUnits()).isEqualTo(3.0);
        var r = f.ddb.getItem(b -> b.tableName(table).key(item("pk", "cap")).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
        assertThat(r.capacityUnits()).isEqualTo(0.5);
        assertThat(r.table().capacityUnits()).isEqualTo(0.5);
    }

    @Test
    void answersCarryTheirCrc32() throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(TestAws.emulator().endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.0").header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofByteArray());
        CRC32 crc = new CRC32();
        crc.update(r.body());
        assertThat(r.headers().firstValue("x-amz-crc32")).hasValue(Long.toString(crc.getValue()));
        HttpResponse<String> error = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(TestAws.emulator().endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.0").header("X-Amz-Target", "DynamoDB_20120810.DescribeTable")
                .POST(HttpRequest.BodyPublishers.ofString("{\"TableName\":\"nope\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(error.body()).startsWith("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\"");
        assertThat(error.headers().firstValue("x-amz-crc32")).isPresent();
    }

    @Test
    void rangeKeysAndNumberKeysIdentifyItems() {
        String t = f.table(ScalarAttributeType.N);
        f.ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "sk", n("1.0"), "v", "first")));
        f.ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "sk", n("1"), "v", "second")));
        assertThat(f.ddb.describeTable(b -> b.tableName(t)).table().itemCount()).isEqualTo(1);
        assertThat(f.ddb.getItem(b -> b.tableName(t).key(item("pk", "a", "sk", n("1.00")))).item().get("v")).isEqualTo(s("second"));
        assertThat(validation(() -> f.ddb.getItem(b -> b.tableName(t).key(item("pk", "a", "sk", "1")))))
                .isEqualTo("The provided key element does not match the schema");
    }
}
