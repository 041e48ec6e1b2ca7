package io.eventharness.emulator.dynamodb;

import static io.eventharness.emulator.dynamodb.DynamoDbFixture.failure;
import static io.eventharness.emulator.dynamodb.DynamoDbFixture.item;
import static io.eventharness.emulator.dynamodb.DynamoDbFixture.n;
import static io.eventharness.emulator.dynamodb.DynamoDbFixture.s;
import static io.eventharness.emulator.dynamodb.DynamoDbFixture.validation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** BatchWriteItem, BatchGetItem, TransactWriteItems and TransactGetItems. */
class DynamoDbBatchTransactTest {
    private final DynamoDbFixture f = new DynamoDbFixture();
    private final String accounts = f.table(null);
    private final String ledger = f.table(null);

    private Map<String, AttributeValue> get(String table, String pk) {
        return f.ddb.getItem(b -> b.tableName(table).key(item("pk", pk))).item();
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(p -> p.item(item)).build();
    }

    @Test
    void batchesWriteAndReadAcrossTables() {
        f.ddb.putItem(b -> b.tableName(ledger).item(item("pk", "old")));
        var w = f.ddb.batchWriteItem(b -> b.requestItems(Map.of(
                accounts, List.of(put(item("pk", "a", "v", 1)), put(item("pk", "b", "v", 2))),
                ledger, List.of(WriteRequest.builder().deleteRequest(d -> d.key(item("pk", "old"))).build())))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(w.unprocessedItems()).isEmpty();
        assertThat(w.consumedCapacity()).extracting(c -> c.tableName()).containsExactlyInAnyOrder(accounts, ledger);
        assertThat(get(ledger, "old")).isEmpty();

        var r = f.ddb.batchGetItem(b -> b.requestItems(Map.of(accounts, KeysAndAttributes.builder()
                .keys(item("pk", "a"), item("pk", "b"), item("pk", "missing")).projectionExpression("v").build())));
        assertThat(r.responses().get(accounts)).extracting(i -> i.get("v").n()).containsExactlyInAnyOrder("1", "2");
        assertThat(r.unprocessedKeys()).isEmpty();
    }

    @Test
    void batchLimitsAndDuplicatesAreRefused() {
        List<WriteRequest> many = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            many.add(put(item("pk", "k" + i)));
        }
        assertThat(validation(() -> f.ddb.batchWriteItem(b -> b.requestItems(Map.of(accounts, many))))).contains("25");
        assertThat(validation(() -> f.ddb.batchWriteItem(b -> b.requestItems(Map.of(accounts, List.of(put(item("pk", "d")), put(item("pk", "d"))))))))
                .isEqualTo("Provided list of item keys contains duplicates");
        assertThat(validation(() -> f.ddb.batchGetItem(b -> b.requestItems(Map.of(accounts, KeysAndAttributes.builder()
                .keys(item("pk", "d"), item("pk", "d")).build()))))).isEqualTo("Provided list of item keys contains duplicates");
        assertThat(get(accounts, "d")).isEmpty();
    }

    @Test
    void aTransactionAppliesAllOrNothing() {
        f.ddb.putItem(b -> b.tableName(accounts).item(item("pk", "alice", "balance", 100)));
        f.ddb.putItem(b -> b.tableName(accounts).item(item("pk", "bob", "balance", 0)));
        TransactWriteItem debit = TransactWriteItem.builder().update(u -> u.tableName(accounts).key(item("pk", "alice"))
                .updateExpression("SET balance = balance - :x").conditionExpression("balance >= :x")
                .expressionAttributeValues(Map.of(":x", n("60")))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build();
        TransactWriteItem credit = TransactWriteItem.builder().update(u -> u.tableName(accounts).key(item("pk", "bob"))
                .updateExpression("SET balance = balance + :x").expressionAttributeValues(Map.of(":x", n("60")))).build();
        TransactWriteItem record = TransactWriteItem.builder().put(p -> p.tableName(ledger).item(item("pk", "t1", "amount", 60))
                .conditionExpression("attribute_not_exists(pk)")).build();
        f.ddb.transactWriteItems(b -> b.transactItems(debit, credit, record));
        assertThat(get(accounts, "alice").get("balance")).isEqualTo(n("40"));
        assertThat(get(accounts, "bob").get("balance")).isEqualTo(n("60"));

        TransactWriteItem record2 = TransactWriteItem.builder().put(p -> p.tableName(ledger).item(item("pk", "t2", "amount", 60))).build();
        TransactionCanceledException e = catchThrowableOfType(() -> f.ddb.transactWriteItems(b -> b.transactItems(debit, credit, record2)),
                TransactionCanceledException.class);
        assertThat(e.cancellationReasons()).extracting(r -> r.code()).containsExactly("ConditionalCheckFailed", "None", "None");
        assertThat(e.cancellationReasons().get(0).item()).containsEntry("balance", n("40"));
        assertThat(e.cancellationReasons().get(0).message()).isEqualTo("The conditional request failed");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None, None]");
        assertThat(get(accounts, "bob").get("balance")).isEqualTo(n("60"));
        assertThat(get(ledger, "t2")).isEmpty();
    }

    @Test
    void conditionChecksAndDeletesTakePartAndOneItemMayAppearOnce() {
        f.ddb.putItem(b -> b.tableName(accounts).item(item("pk", "gate", "open", AttributeValue.fromBool(false))));
        f.ddb.putItem(b -> b.tableName(ledger).item(item("pk", "x")));
        TransactWriteItem check = TransactWriteItem.builder().conditionCheck(c -> c.tableName(accounts).key(item("pk", "gate"))
                .conditionExpression("#o = :t").expressionAttributeNames(Map.of("#o", "open")).expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true)))).build();
        TransactWriteItem delete = TransactWriteItem.builder().delete(d -> d.tableName(ledger).key(item("pk", "x"))).build();
        TransactionCanceledException e = catchThrowableOfType(() -> f.ddb.transactWriteItems(b -> b.transactItems(check, delete)),
                TransactionCanceledException.class);
        assertThat(e.cancellationReasons()).extracting(r -> r.code()).containsExactly("ConditionalCheckFailed", "None");
        assertThat(e.cancellationReasons().get(0).hasItem()).isFalse();
        assertThat(get(ledger, "x")).isNotEmpty();

        assertThat(validation(() -> f.ddb.transactWriteItems(b -> b.transactItems(delete, delete))))
                .isEqualTo("Transaction request cannot include multiple operations on one item");
    }

    @Test
    void anUpdateThatCannotApplyIsAValidationErrorReason() {
        f.ddb.putItem(b -> b.tableName(accounts).item(item("pk", "text", "v", "not a number")));
        TransactWriteItem bad = TransactWriteItem.builder().update(u -> u.tableName(accounts).key(item("pk", "text"))
                .updateExpression("SET v = v + :one").expressionAttributeValues(Map.of(":one", n("1")))).build();
        TransactionCanceledException e = catchThrowableOfType(() -> f.ddb.transactWriteItems(b -> b.transactItems(bad)),
                TransactionCanceledException.class);
        assertThat(e.cancellationReasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("ValidationError");
            assertThat(r.message()).isEqualTo("An operand in the update expression has an incorrect data type");
        });
    }

    @Test
    void aClientRequestTokenMakesTheTransactionIdempotent() {
        TransactWriteItem add = TransactWriteItem.builder().update(u -> u.tableName(accounts).key(item("pk", "counter"))
                .updateExpression("ADD hits :one").expressionAttributeValues(Map.of(":one", n("1")))).build();
        TransactWriteItemsRequest r = TransactWriteItemsRequest.builder().clientRequestToken("token-" + accounts).transactItems(add).build();
        f.ddb.transactWriteItems(r);
        f.ddb.transactWriteItems(r);
        assertThat(get(accounts, "counter").get("hits")).isEqualTo(n("1"));
        TransactWriteItem other = TransactWriteItem.builder().update(u -> u.tableName(accounts).key(item("pk", "counter"))
                .updateExpression("ADD hits :two").expressionAttributeValues(Map.of(":two", n("2")))).build();
        failure(() -> f.ddb.transactWriteItems(b -> b.clientRequestToken("token-" + accounts).transactItems(other)),
                "IdempotentParameterMismatchException");
    }

    @Test
    void transactGetReadsInOrderWithEmptyAnswersForMissingItems() {
        f.ddb.putItem(b -> b.tableName(accounts).item(item("pk", "g1", "v", "one", "w", "x")));
        var r = f.ddb.transactGetItems(b -> b.transactItems(
                TransactGetItem.builder().get(g -> g.tableName(accounts).key(item("pk", "g1")).projectionExpression("v")).build(),
                TransactGetItem.builder().get(g -> g.tableName(ledger).key(item("pk", "none"))).build()));
        assertThat(r.responses().get(0).item()).containsOnlyKeys("v").containsEntry("v", s("one"));
        assertThat(r.responses().get(1).hasItem()).isFalse();
    }
}
