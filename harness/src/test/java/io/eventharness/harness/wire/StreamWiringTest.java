package io.eventharness.harness.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.harness.Cloud;
import io.eventharness.harness.DeployedFunction;
import io.eventharness.harness.EventHarness;
import io.eventharness.harness.PythonFunction;
import io.eventharness.harness.backend.Capabilities;
import io.eventharness.harness.backend.MissingFeatureException;
import io.eventharness.harness.observe.TableStreamView;
import io.eventharness.harness.observe.TableView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.lambda.model.GetEventSourceMappingResponse;

/**
 * Stream mappings wired with every option as {@code CreateEventSourceMapping} takes them, told in the story with their
 * on-failure destination; a table's items and its stream records waited for.
 */
@EventHarness
class StreamWiringTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PythonFunction RECORDER = PythonFunction.from("src/test/resources/functions/recorder")
            .handler("handler.handle").named("recorder");

    @Test
    void kinesisToLambdaSetsEveryOptionAndAPoisonRecordReachesTheOnFailureQueue(Cloud cloud) throws Exception {
        DeployedFunction fn = cloud.deploy(RECORDER);
        String stream = cloud.name("clicks");
        cloud.kinesis().createStream(b -> b.streamName(stream).shardCount(1));
        cloud.kinesis().waiter().waitUntilStreamExists(b -> b.streamName(stream));
        String failed = cloud.sqs().createQueue(b -> b.queueName(cloud.name("failed"))).queueUrl();
        String failedArn = cloud.wire().queueArn(failed);

        Mapping m = cloud.wire().kinesisToLambda(stream, fn, StreamMapping.trimHorizon().batchSize(4).bisectBatchOnFunctionError()
                .maximumRetryAttempts(0).parallelizationFactor(2).onFailure(failedArn));

        GetEventSourceMappingResponse d = m.describe();
        assertThat(d.state()).isEqualTo("Enabled");
        assertThat(d.startingPositionAsString()).isEqualTo("TRIM_HORIZON");
        assertThat(d.batchSize()).isEqualTo(4);
        assertThat(d.bisectBatchOnFunctionError()).isTrue();
        assertThat(d.maximumRetryAttempts()).isZero();
        assertThat(d.parallelizationFactor()).isEqualTo(2);
        assertThat(d.destinationConfig().onFailure().destination()).isEqualTo(failedArn);

        for (String data : List.of("one", "poison", "two")) {
            cloud.kinesis().putRecord(b -> b.streamName(stream).partitionKey("k").data(SdkBytes.fromUtf8String(data)));
        }
        JsonNode record = JSON.readTree(cloud.queue(failed).await().message().body());
        assertThat(record.path("requestContext").path("condition").asText()).isEqualTo("RetryAttemptsExhausted");
        assertThat(record.path("KinesisBatchInfo").path("batchSize").asInt()).as("bisected down to the poison record").isEqualTo(1);
        cloud.logsOf(fn).await().contains("kinesis two");
        assertThat(cloud.story()).contains("stream " + stream + " -> function " + fn.name())
                .contains("TRIM_HORIZON, batch 4, bisect on error, 0 retries, parallelization 2, on failure -> " + cloud.name("failed"))
                .contains("on-failure queue " + cloud.name("failed") + " holds 0 message(s)")
                .contains("lambda:EventSourceMapping");
    }

    @Test
    void dynamoDbToLambdaMapsTheTablesLatestStreamWithItsFilterAndIsToldInTheStory(Cloud cloud) {
        DeployedFunction fn = cloud.deploy(RECORDER);
        String table = cloud.name("orders");
        createTable(cloud, table, StreamViewType.NEW_IMAGE);
        String streamArn = cloud.dynamoDb().describeTable(b -> b.tableName(table)).table().latestStreamArn();

        Mapping m = cloud.wire().dynamoDbToLambda(table, fn, StreamMapping.trimHorizon().batchSize(5)
                .filter("{\"eventName\": [\"INSERT\"]}"));

        assertThat(m.describe().eventSourceArn()).isEqualTo(streamArn);
        Map<String, AttributeValue> key = TableView.key("pk", "o-1");
        cloud.dynamoDb().putItem(b -> b.tableName(table).item(Map.of("pk", s("o-1"), "n", n(1))));
        cloud.dynamoDb().updateItem(b -> b.tableName(table).key(key).updateExpression("SET n = :n")
                .expressionAttributeValues(Map.of(":n", n(2))));
        cloud.logsOf(fn).await().contains("dynamodb INSERT {\"pk\": {\"S\": \"o-1\"}}");
        cloud.settle();
        assertThat(cloud.logsOf(fn).lines()).as("the MODIFY matched no filter").noneMatch(l -> l.message().contains("MODIFY"));
        assertThat(cloud.story()).contains("table " + table + " (stream) -> function " + fn.name())
                .contains("TRIM_HORIZON, batch 5, filter {\"eventName\": [\"INSERT\"]}; now: Enabled");
    }

    @Test
    void aTableWithoutAStreamCannotBeMappedAndAMissingFeatureFailsAtOnce(Cloud cloud) {
        String table = cloud.name("plain");
        createTable(cloud, table, null);
        FunctionTarget fn = new FunctionTarget() {
            @Override
            public String name() {
                return cloud.name("fn");
            }

            @Override
            public String arn() {
                return "arn:aws:lambda:us-east-1:000000000000:function:" + name();
            }
        };
        Wiring every = new Wiring(cloud.clients(), () -> "arn:aws:iam::000000000000:role/unused", () -> "unused", cloud.await(),
                new Wires(), Capabilities.AWS, "aws");
        assertThatThrownBy(() -> every.dynamoDbToLambda(table, fn, StreamMapping.latest()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has no stream").hasMessageContaining("StreamSpecification");
        Wiring none = new Wiring(cloud.clients(), () -> "unused", () -> "unused", cloud.await(), new Wires(),
                Capabilities.of(List.of(), null), "none");
        assertThatThrownBy(() -> none.kinesisToLambda(cloud.name("clicks"), fn, StreamMapping.latest()))
                .isInstanceOf(MissingFeatureException.class).hasMessageContaining("kinesisToLambda");
    }

    @Test
    void aTablesItemsAndItsStreamRecordsAreWaitedForEachRecordHandedOverOnce(Cloud cloud) {
        String table = cloud.name("totals");
        createTable(cloud, table, StreamViewType.NEW_AND_OLD_IMAGES);
        Map<String, AttributeValue> key = TableView.key("pk", "a");
        cloud.dynamoDb().putItem(b -> b.tableName(table).item(Map.of("pk", s("a"), "n", n(1))));
        cloud.dynamoDb().updateItem(b -> b.tableName(table).key(key).updateExpression("SET n = :n")
                .expressionAttributeValues(Map.of(":n", n(2))));

        TableView totals = cloud.table(table);
        assertThat(totals.await().item(key, i -> "2".equals(i.get("n").n())).get("n").n()).isEqualTo("2");
        assertThat(totals.await().items(1)).hasSize(1);
        TableStreamView changes = cloud.tableStream(table);
        List<Record> two = changes.await().records(2);
        assertThat(two).extracting(Record::eventName).containsExactly(OperationType.INSERT, OperationType.MODIFY);
        assertThat(two.get(1).dynamodb().oldImage().get("n").n()).isEqualTo("1");

        cloud.dynamoDb().deleteItem(b -> b.tableName(table).key(key));
        totals.await().gone(key);
        Record remove = cloud.tableStream(table).await().record();
        assertThat(remove.eventName()).isEqualTo(OperationType.REMOVE);
        assertThat(remove.dynamodb().oldImage().get("n").n()).isEqualTo("2");
        assertThat(changes.drain()).as("each record handed over once").isEmpty();
    }

    private static void createTable(Cloud cloud, String table, StreamViewType view) {
        cloud.dynamoDb().createTable(b -> {
            b.tableName(table).billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH));
            if (view != null) {
                b.streamSpecification(s -> s.streamEnabled(true).streamViewType(view));
            }
        });
        cloud.dynamoDb().waiter().waitUntilTableExists(b -> b.tableName(table));
    }

    private static AttributeValue s(String v) {
        return AttributeValue.builder().s(v).build();
    }

    private static AttributeValue n(long v) {
        return AttributeValue.builder().n(Long.toString(v)).build();
    }
}
