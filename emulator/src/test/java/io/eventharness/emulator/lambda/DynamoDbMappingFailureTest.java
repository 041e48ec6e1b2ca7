package io.eventharness.emulator.lambda;

import static io.eventharness.emulator.lambda.KinesisMappingFailureTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.TestAws;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.lambda.model.DestinationConfig;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * What a DynamoDB stream mapping does when a batch fails, as for Kinesis: the shard waits while the batch is retried
 * on the clock until it succeeds, {@code MaximumRetryAttempts} is used up or its records are older than
 * {@code MaximumRecordAgeInSeconds}; {@code BisectBatchOnFunctionError} isolates a poison record;
 * {@code ReportBatchItemFailures} checkpoints at the first reported sequence number; the on-failure destination (SQS,
 * SNS, S3) gets AWS's record with {@code DDBStreamBatchInfo} (arrival times without milliseconds).
 */
class DynamoDbMappingFailureTest extends StreamMappingTestBase {

    private static DestinationConfig onFailure(String arn) {
        return DestinationConfig.builder().onFailure(f -> f.destination(arn)).build();
    }

    private static String sequenceNumber(JsonNode record) {
        return record.path("dynamodb").path("SequenceNumber").asText();
    }

    @Test
    void aFailingBatchBlocksTheShardAndIsRetriedOnTheClockUntilItSucceeds() {
        MappedTable t = table(StreamViewType.NEW_IMAGE);
        t.putAll(List.of("a:fail-2:a", "b"));
        aws.emulator.clock().freeze(); // retries come with the advances below, not with real seconds
        t.map(lambda, b -> b.batchSize(10));
        settle();
        t.put("c", "c");
        settle();
        assertThat(t.batches()).as("c waits behind the failing batch").containsExactly(List.of("fail-2:a", "b"));
        advance(Duration.ofSeconds(1));
        advance(Duration.ofSeconds(2));

        assertThat(t.batches()).containsExactly(List.of("fail-2:a", "b"), List.of("fail-2:a", "b"), List.of("fail-2:a", "b"), List.of("c"));
    }

    @Test
    void whenRetriesAreUsedUpTheOnFailureQueueGetsAwsRecordWithDdbStreamBatchInfo() {
        MappedTable t = table(StreamViewType.NEW_IMAGE);
        String[] dest = queue();
        t.map(lambda, b -> b.batchSize(1).maximumRetryAttempts(1).destinationConfig(onFailure(dest[1])));
        t.putAll(List.of("p:poison", "q:next"));
        settle();
        advance(Duration.ofSeconds(1));

        assertThat(t.data()).containsExactly("poison", "poison", "next");
        String seq = sequenceNumber(t.recordsGot().get(0));
        String shard = ddbStreams.describeStream(b -> b.streamArn(t.arn)).streamDescription().shards().get(0).shardId();
        List<JsonNode> got = messages(dest[0]);
        assertThat(got).hasSize(1);
        JsonNode r = got.get(0);
        assertThat(fieldNames(r)).containsExactly("requestContext", "responseContext", "version", "timestamp", "DDBStreamBatchInfo");
        assertThat(fieldNames(r.path("requestContext"))).containsExactly("requestId", "functionArn", "condition", "approximateInvokeCount");
        assertThat(r.path("requestContext").path("functionArn").asText()).isEqualTo(KinesisMappingFailureTest.functionArn(t.function));
        assertThat(r.path("requestContext").path("condition").asText()).isEqualTo("RetryAttemptsExhausted");
        assertThat(r.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(2);
        assertThat(r.path("responseContext").toString()).isEqualTo("{\"statusCode\":200,\"executedVersion\":\"$LATEST\",\"functionError\":\"Unhandled\"}");
        assertThat(r.path("version").asText()).isEqualTo("1.0");
        assertThat(r.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        JsonNode info = r.path("DDBStreamBatchInfo");
        assertThat(fieldNames(info)).containsExactly("shardId", "startSequenceNumber", "endSequenceNumber",
                "approximateArrivalOfFirstRecord", "approximateArrivalOfLastRecord", "batchSize", "streamArn");
        assertThat(info.path("shardId").asText()).isEqualTo(shard);
        assertThat(info.path("startSequenceNumber").asText()).isEqualTo(seq);
        assertThat(info.path("endSequenceNumber").asText()).isEqualTo(seq);
        assertThat(info.path("approximateArrivalOfFirstRecord").asText()).as("no milliseconds, as AWS writes it")
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(info.path("approximateArrivalOfLastRecord").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(info.path("batchSize").asInt()).isEqualTo(1);
        assertThat(info.path("streamArn").asText()).isEqualTo(t.arn);
    }

    @Test
    void recordsOlderThanMaximumRecordAgeAreDiscardedWhileRetrying() {
        MappedTable t = table(StreamViewType.NEW_IMAGE);
        String[] dest = queue();
        aws.emulator.clock().freeze();
        t.map(lambda, b -> b.batchSize(1).maximumRecordAgeInSeconds(60).destinationConfig(onFailure(dest[1])));
        t.put("p", "poison");
        settle();
        advance(Duration.ofSeconds(55));
        int invocations = t.events().size();
        assertThat(invocations).as("0, 1, 3, 7, 15 and 31 s").isEqualTo(6);
        assertThat(messages(dest[0])).isEmpty();
        advance(Duration.ofSeconds(6));
        assertThat(t.events()).hasSize(invocations);
        assertThat(messages(dest[0])).singleElement().satisfies(r -> {
            assertThat(fieldNames(r)).containsExactly("requestContext", "version", "timestamp", "DDBStreamBatchInfo");
            assertThat(r.path("requestContext").path("condition").asText()).isEqualTo("RecordAgeExceeded");
            assertThat(r.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(invocations);
        });
    }

    @Test
    void bisectionIsolatesAPoisonChangeWhichGoesToTheOnFailureQueueWhileTheOthersGetThrough() {
        MappedTable t = table(StreamViewType.NEW_IMAGE);
        String[] dest = queue();
        List<String> data = List.of("r0", "r1", "r2", "poison", "r4", "r5");
        t.putAll(data);
        t.map(lambda, b -> b.batchSize(6).bisectBatchOnFunctionError(true).maximumRetryAttempts(0).destinationConfig(onFailure(dest[1])));
        settle();

        List<String> processed = new ArrayList<>();
        for (List<String> batch : t.batches()) {
            if (!batch.contains("poison")) {
                processed.addAll(batch);
            }
        }
        assertThat(processed).containsExactly("r0", "r1", "r2", "r4", "r5");
        assertThat(t.batches()).containsExactly(data, List.of("r0", "r1", "r2"), List.of("poison", "r4", "r5"), List.of("poison", "r4"),
                List.of("poison"), List.of("r4"), List.of("r5"));
        String poisonSeq = sequenceNumber(t.recordsGot().get(3));
        assertThat(messages(dest[0])).singleElement().satisfies(r -> {
            assertThat(r.path("DDBStreamBatchInfo").path("batchSize").asInt()).isEqualTo(1);
            assertThat(r.path("DDBStreamBatchInfo").path("startSequenceNumber").asText()).isEqualTo(poisonSeq);
        });
    }

    @Test
    void aReportedFailureCheckpointsAtItsSequenceNumberAndOnlyTheRestIsRetried() {
        MappedTable t = table(StreamViewType.NEW_IMAGE);
        String[] dest = queue();
        t.putAll(List.of("a", "b", "c", "report-fail-d", "e"));
        t.map(lambda, b -> b.batchSize(10).maximumRetryAttempts(1).destinationConfig(onFailure(dest[1]))
                .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES));
        settle();
        advance(Duration.ofSeconds(1));

        assertThat(t.batches()).containsExactly(List.of("a", "b", "c", "report-fail-d", "e"), List.of("report-fail-d", "e"));
        assertThat(messages(dest[0])).singleElement().satisfies(r -> {
            assertThat(r.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(2);
            assertThat(r.path("responseContext").path("functionError").isNull()).isTrue();
            assertThat(r.path("DDBStreamBatchInfo").path("batchSize").asInt()).isEqualTo(2);
        });
    }

    @Test
    void anSnsTopicGetsTheRecordAsItsMessage() throws Exception {
        SnsClient sns = aws.sns();
        String topic = sns.createTopic(b -> b.name(TestAws.unique("failures"))).topicArn();
        String[] q = queue();
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(q[1]));
        MappedTable t = table(StreamViewType.KEYS_ONLY);
        t.map(lambda, b -> b.batchSize(1).maximumRetryAttempts(0).destinationConfig(onFailure(topic)));
        t.put("poison", "x");
        settle();

        JsonNode envelope = messages(q[0]).stream().filter(m -> "Notification".equals(m.path("Type").asText())).findFirst().orElseThrow();
        JsonNode r = MappedQueue.JSON.readTree(envelope.path("Message").asText());
        assertThat(fieldNames(r)).containsExactly("requestContext", "responseContext", "version", "timestamp", "DDBStreamBatchInfo");
        assertThat(r.path("DDBStreamBatchInfo").path("startSequenceNumber").asText()).isEqualTo(sequenceNumber(t.recordsGot().get(0)));
    }

    @Test
    void anS3BucketGetsAnObjectWithTheRecordsThemselves() throws Exception {
        S3Client s3 = aws.s3();
        String bucket = TestAws.unique("failures");
        s3.createBucket(b -> b.bucket(bucket));
        MappedTable t = table(StreamViewType.NEW_AND_OLD_IMAGES);
        String uuid = t.map(lambda, b -> b.batchSize(1).maximumRetryAttempts(0).destinationConfig(onFailure("arn:aws:s3:::" + bucket)));
        t.put("k", "poison");
        settle();

        List<S3Object> objects = s3.listObjectsV2(b -> b.bucket(bucket)).contents();
        assertThat(objects).hasSize(1);
        String shard = ddbStreams.describeStream(b -> b.streamArn(t.arn)).streamDescription().shards().get(0).shardId();
        String day = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC).format(aws.emulator.clock().now());
        assertThat(objects.get(0).key()).startsWith("aws/lambda/" + uuid + "/" + shard + "/" + day + "/");
        JsonNode r = MappedQueue.JSON.readTree(s3.getObjectAsBytes(b -> b.bucket(bucket).key(objects.get(0).key())).asByteArray());
        assertThat(fieldNames(r)).containsExactly("DDBStreamBatchInfo", "payload", "requestContext", "responseContext", "timestamp", "version");
        assertThat(r.path("payload").path("Records")).hasSize(1);
        assertThat(r.path("payload").path("Records").get(0)).isEqualTo(t.events().get(0).path("Records").get(0));
    }
}
