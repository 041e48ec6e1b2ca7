package io.eventharness.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB through Debian's boto3, both its client and its resource layer ({@code Table}, {@code Key}/{@code Attr}
 * conditions, {@code batch_writer}), which users' Python functions use; botocore checks {@code x-amz-crc32}.
 */
class DynamoDbBoto3IT {

    @Test
    void resourceLayerClientErrorsAndTransactions() {
        JsonNode r = Boto3.run("""
                from boto3.dynamodb.conditions import Key, Attr
                from decimal import Decimal
                T = "%s"
                ddb = boto3.resource("dynamodb", endpoint_url=os.environ["ENDPOINT"], config=Config(retries={"max_attempts": 1}))
                low = client("dynamodb")
                table = ddb.create_table(TableName=T, BillingMode="PAY_PER_REQUEST",
                    AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "N"}],
                    KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}])
                table.wait_until_exists()
                with table.batch_writer() as batch:
                    for i in range(30):
                        batch.put_item(Item={"pk": "user", "sk": i, "score": Decimal(i) / 2, "tags": {"a", "b"}})
                q = table.query(KeyConditionExpression=Key("pk").eq("user") & Key("sk").between(10, 12),
                                FilterExpression=Attr("score").gt(5))
                table.update_item(Key={"pk": "user", "sk": 1}, UpdateExpression="ADD score :d", ExpressionAttributeValues={":d": Decimal("0.25")})
                item = table.get_item(Key={"pk": "user", "sk": 1})["Item"]
                failed = error_of(lambda: table.put_item(Item={"pk": "user", "sk": 1}, ConditionExpression=Attr("pk").not_exists()))
                modelled = None
                try:
                    table.put_item(Item={"pk": "user", "sk": 1}, ConditionExpression=Attr("pk").not_exists())
                except low.exceptions.ConditionalCheckFailedException as e:
                    modelled = type(e).__name__
                cancelled = None
                try:
                    low.transact_write_items(TransactItems=[
                        {"Put": {"TableName": T, "Item": {"pk": {"S": "t"}, "sk": {"N": "1"}}}},
                        {"ConditionCheck": {"TableName": T, "Key": {"pk": {"S": "user"}, "sk": {"N": "1"}},
                                            "ConditionExpression": "attribute_not_exists(pk)"}}])
                except low.exceptions.TransactionCanceledException as e:
                    cancelled = [x["Code"] for x in e.response["CancellationReasons"]]
                scanned = sum(len(p["Items"]) for p in low.get_paginator("scan").paginate(TableName=T, PaginationConfig={"PageSize": 7}))
                out({"queried": [int(i["sk"]) for i in q["Items"]], "score": str(item["score"]), "tags": sorted(item["tags"]),
                     "failed": failed, "modelled": modelled, "cancelled": cancelled, "scanned": scanned})
                """.formatted(Cli.unique("boto-ddb")));
        assertThat(r.path("queried")).extracting(JsonNode::asInt).containsExactly(11, 12);
        assertThat(r.path("score").asText()).isEqualTo("0.75");
        assertThat(r.path("tags")).extracting(JsonNode::asText).containsExactly("a", "b");
        assertThat(r.path("failed").path("code").asText()).isEqualTo("ConditionalCheckFailedException");
        assertThat(r.path("failed").path("status").asInt()).isEqualTo(400);
        assertThat(r.path("modelled").asText()).isEqualTo("ConditionalCheckFailedException");
        assertThat(r.path("cancelled")).extracting(JsonNode::asText).containsExactly("None", "ConditionalCheckFailed");
        assertThat(r.path("scanned").asInt()).isEqualTo(30);
    }
}
