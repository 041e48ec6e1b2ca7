package io.eventharness.emulator.corpus;

import static io.eventharness.emulator.corpus.BadInputCorpusTest.garbage;

import io.eventharness.emulator.TestAws;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

/**
 * Bad input for DynamoDB and DynamoDB Streams (awsJson 1.0, both signed as {@code dynamodb}), sent as raw signed
 * HTTP: each must get a 4xx with {@code {"__type": "...#Code", "message": ...}}, promptly, and leave the server
 * serving. Nulls where lists and maps hold values, values nested too deep and iterators that are not ones included.
 */
class DynamoDbBadInputCorpusTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String TABLE = TestAws.unique("corpus-ddb");
    private static String queueUrl;

    @BeforeAll
    static void fixtures() {
        var ddb = TestAws.client(software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder()
                .httpClientBuilder(software.amazon.awssdk.http.apache.ApacheHttpClient.builder()));
        ddb.createTable(b -> b.tableName(TABLE).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(d -> d.attributeName("pk").attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
        queueUrl = TestAws.sqs().createQueue(b -> b.queueName(TestAws.unique("ddb-corpus"))).queueUrl();
    }

    static Stream<BadRequest> cases() {
        String t = "\"TableName\":\"" + TABLE + "\"";
        return Stream.of(
                ddb("malformed JSON", "PutItem", "{" + t + ",\"Item\":", "SerializationException"),
                ddb("document is an array", "GetItem", "[1]", "SerializationException"),
                ddb("nested 100,000 deep", "Scan", "[".repeat(100_000), "SerializationException"),
                ddb("binary garbage", garbage(2048), "Query", "SerializationException"),
                ddb("item given a list", "PutItem", "{" + t + ",\"Item\":[]}", "SerializationException"),
                ddb("attribute value given a string", "PutItem", "{" + t + ",\"Item\":{\"pk\":\"a\"}}", "SerializationException"),
                ddb("null attribute value", "PutItem", "{" + t + ",\"Item\":{\"pk\":null}}", "ValidationException"),
                ddb("null in a list value", "PutItem", "{" + t + ",\"Item\":{\"pk\":{\"S\":\"a\"},\"l\":{\"L\":[null]}}}", "ValidationException"),
                ddb("null in a string set", "PutItem", "{" + t + ",\"Item\":{\"pk\":{\"S\":\"a\"},\"s\":{\"SS\":[null]}}}", "ValidationException"),
                ddb("null in a number set", "PutItem", "{" + t + ",\"Item\":{\"pk\":{\"S\":\"a\"},\"s\":{\"NS\":[\"1\",null]}}}", "ValidationException"),
                ddb("values nested too deep", "PutItem", "{" + t + ",\"Item\":{\"pk\":{\"S\":\"a\"},\"m\":" + "{\"M\":{\"x\":".repeat(40)
                        + "{\"S\":\"deep\"}" + "}}".repeat(40) + "}}", "ValidationException"),
                ddb("null key", "GetItem", "{" + t + ",\"Key\":{\"pk\":null}}", "ValidationException"),
                ddb("null transaction item", "TransactWriteItems", "{\"TransactItems\":[null]}", "ValidationException"),
                ddb("empty transaction item", "TransactGetItems", "{\"TransactItems\":[{}]}", "ValidationException"),
                ddb("null batch write request", "BatchWriteItem", "{\"RequestItems\":{\"" + TABLE + "\":[null]}}", "ValidationException"),
                ddb("null batch key", "BatchGetItem", "{\"RequestItems\":{\"" + TABLE + "\":{\"Keys\":[null]}}}", "ValidationException"),
                ddb("null expression value", "UpdateItem", "{" + t + ",\"Key\":{\"pk\":{\"S\":\"a\"}},\"UpdateExpression\":\"SET v = :v\","
                        + "\"ExpressionAttributeValues\":{\":v\":null}}", "ValidationException"),
                ddb("null expression name", "GetItem", "{" + t + ",\"Key\":{\"pk\":{\"S\":\"a\"}},\"ProjectionExpression\":\"#n\","
                        + "\"ExpressionAttributeNames\":{\"#n\":null}}", "ValidationException"),
                ddb("expression of symbols", "Scan", "{" + t + ",\"FilterExpression\":\"@@@ ((( ]]]\"}", "ValidationException"),
                ddb("expression nested 10,000 deep", "Scan", "{" + t + ",\"FilterExpression\":\"" + "(".repeat(10_000) + "a = b"
                        + ")".repeat(10_000) + "\"}", "ValidationException"),
                ddb("huge list index", "GetItem", "{" + t + ",\"Key\":{\"pk\":{\"S\":\"a\"}},\"ProjectionExpression\":\"l[99999999999999]\"}",
                        "ValidationException"),
                ddb("null key schema element", "CreateTable", "{\"TableName\":\"corpus-x\",\"BillingMode\":\"PAY_PER_REQUEST\","
                        + "\"AttributeDefinitions\":[{\"AttributeName\":\"a\",\"AttributeType\":\"S\"}],\"KeySchema\":[null]}", "ValidationException"),
                ddb("null index", "CreateTable", "{\"TableName\":\"corpus-x\",\"BillingMode\":\"PAY_PER_REQUEST\","
                        + "\"AttributeDefinitions\":[{\"AttributeName\":\"a\",\"AttributeType\":\"S\"}],"
                        + "\"KeySchema\":[{\"AttributeName\":\"a\",\"KeyType\":\"HASH\"}],\"GlobalSecondaryIndexes\":[null]}", "ValidationException"),
                ddb("unknown operation", "NoSuchOperation", "{}", "UnknownOperationException"),
                streams("iterator that is not one", "GetRecords", "{\"ShardIterator\":\"!!!\"}", "ValidationException"),
                streams("iterator of JSON garbage", "GetRecords", "{\"ShardIterator\":\"e30\"}", "ValidationException"),
                streams("stream that is not an ARN", "DescribeStream", "{\"StreamArn\":\"nope\"}", "ResourceNotFoundException"));
    }

    private static BadRequest ddb(String name, String operation, String body, String code) {
        return request(name, "DynamoDB_20120810." + operation, body.getBytes(StandardCharsets.UTF_8), code);
    }

    private static BadRequest ddb(String name, byte[] body, String operation, String code) {
        return request(name, "DynamoDB_20120810." + operation, body, code);
    }

    private static BadRequest streams(String name, String operation, String body, String code) {
        return request(name, "DynamoDBStreams_20120810." + operation, body.getBytes(StandardCharsets.UTF_8), code);
    }

    /** A request as the SDK sends it to DynamoDB: signed for {@code dynamodb}, awsJson 1.0. */
    private static BadRequest request(String name, String target, byte[] body, String code) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", BadRequest.sigV4("dynamodb"));
        h.put("Content-Type", "application/x-amz-json-1.0");
        h.put("X-Amz-Target", target);
        return new BadRequest("dynamodb: " + name, "POST", "/", h, body, 400, Envelope.AWS_JSON, code);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersWithTheJsonErrorAndKeepsServing(BadRequest bad) throws Exception {
        Corpus.assertRejected(HTTP, TestAws.emulator().endpoint(), bad, queueUrl);
        Corpus.assertStillServing(queueUrl);
    }
}
