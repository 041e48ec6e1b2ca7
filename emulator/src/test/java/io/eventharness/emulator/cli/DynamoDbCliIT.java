package io.eventharness.emulator.cli;

import static io.eventharness.emulator.cli.Cli.aws;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB and DynamoDB Streams through Debian's AWS CLI v2 ({@code /usr/bin/aws} 2.9), which verifies
 * {@code x-amz-crc32} and waits with {@code aws dynamodb wait}.
 */
class DynamoDbCliIT {
    private Path aws;

    @BeforeEach
    void tool() {
        aws = Cli.systemAws();
    }

    @Test
    void tablesItemsQueriesAndTheStream() {
        String table = Cli.unique("cli-ddb");
        JsonNode created = aws(aws, "dynamodb", "create-table", "--table-name", table,
                "--attribute-definitions", "AttributeName=pk,AttributeType=S", "AttributeName=sk,AttributeType=N",
                "--key-schema", "AttributeName=pk,KeyType=HASH", "AttributeName=sk,KeyType=RANGE",
                "--billing-mode", "PAY_PER_REQUEST", "--stream-specification", "StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES").json();
        assertThat(created.path("TableDescription").path("TableStatus").asText()).isEqualTo("CREATING");
        aws(aws, "dynamodb", "wait", "table-exists", "--table-name", table).json();

        aws(aws, "dynamodb", "put-item", "--table-name", table, "--item", "{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},\"v\":{\"S\":\"one\"}}").json();
        aws(aws, "dynamodb", "put-item", "--table-name", table, "--item", "{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"2\"},\"v\":{\"S\":\"two\"}}").json();
        JsonNode updated = aws(aws, "dynamodb", "update-item", "--table-name", table, "--key", "{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}}",
                "--update-expression", "SET v = :v", "--expression-attribute-values", "{\":v\":{\"S\":\"uno\"}}", "--return-values", "ALL_NEW").json();
        assertThat(updated.path("Attributes").path("v").path("S").asText()).isEqualTo("uno");

        JsonNode q = aws(aws, "dynamodb", "query", "--table-name", table, "--key-condition-expression", "pk = :p AND sk > :s",
                "--expression-attribute-values", "{\":p\":{\"S\":\"a\"},\":s\":{\"N\":\"1\"}}").json();
        assertThat(q.path("Count").asInt()).isEqualTo(1);
        assertThat(q.path("Items").get(0).path("v").path("S").asText()).isEqualTo("two");
        // the CLI's own pagination (--max-items, --starting-token) over Scan
        JsonNode page = aws(aws, "dynamodb", "scan", "--table-name", table, "--max-items", "1").json();
        assertThat(page.path("Items")).hasSize(1);
        assertThat(page.path("NextToken").asText()).isNotEmpty();

        aws(aws, "dynamodb", "put-item", "--table-name", table, "--item", "{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}}",
                "--condition-expression", "attribute_not_exists(pk)").failsWith(SqsCliIT.SERVICE_ERROR, "ConditionalCheckFailedException");
        aws(aws, "dynamodb", "describe-table", "--table-name", "no-such-table").failsWith(SqsCliIT.SERVICE_ERROR, "ResourceNotFoundException");

        String streamArn = aws(aws, "dynamodb", "describe-table", "--table-name", table).json().path("Table").path("LatestStreamArn").asText();
        JsonNode shards = aws(aws, "dynamodbstreams", "describe-stream", "--stream-arn", streamArn).json().path("StreamDescription").path("Shards");
        String iterator = aws(aws, "dynamodbstreams", "get-shard-iterator", "--stream-arn", streamArn,
                "--shard-id", shards.get(0).path("ShardId").asText(), "--shard-iterator-type", "TRIM_HORIZON").json().path("ShardIterator").asText();
        JsonNode records = aws(aws, "dynamodbstreams", "get-records", "--shard-iterator", iterator).json().path("Records");
        assertThat(records).extracting(r -> r.path("eventName").asText()).containsExactly("INSERT", "INSERT", "MODIFY");
        assertThat(records.get(2).path("dynamodb").path("OldImage").path("v").path("S").asText()).isEqualTo("one");

        aws(aws, "dynamodb", "delete-table", "--table-name", table).json();
        aws(aws, "dynamodb", "wait", "table-not-exists", "--table-name", table).json();
    }
}
