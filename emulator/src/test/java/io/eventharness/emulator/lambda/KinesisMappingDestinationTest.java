package io.eventharness.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.TestAws;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.DestinationConfig;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The on-failure record of a Kinesis mapping through each kind of destination, as AWS records it: an SNS topic (the
 * record as the notification's {@code Message}) and an S3 bucket (an object under
 * {@code aws/lambda/<UUID>/<shard>/YYYY/MM/DD/}, its fields in alphabetical order, the records under {@code payload});
 * a destination that is gone is noted in the trail and the shard goes on.
 */
class KinesisMappingDestinationTest extends StreamMappingTestBase {

    private static DestinationConfig onFailure(String arn) {
        return DestinationConfig.builder().onFailure(f -> f.destination(arn)).build();
    }

    @Test
    void anSnsTopicGetsTheRecordAsItsMessage() throws Exception {
        SnsClient sns = aws.sns();
        String topic = sns.createTopic(b -> b.name(TestAws.unique("failures"))).topicArn();
        String[] q = queue();
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(q[1]));
        MappedStream s = stream(1);
        s.map(lambda, b -> b.batchSize(1).maximumRetryAttempts(0).destinationConfig(onFailure(topic)));
        String seq = s.put("p", "poison");
        settle();

        JsonNode envelope = messages(q[0]).stream().filter(m -> "Notification".equals(m.path("Type").asText())).findFirst().orElseThrow();
        assertThat(envelope.path("TopicArn").asText()).isEqualTo(topic);
        JsonNode r = MappedQueue.JSON.readTree(envelope.path("Message").asText());
        assertThat(KinesisMappingFailureTest.fieldNames(r)).containsExactly("requestContext", "responseContext", "version", "timestamp",
                "KinesisBatchInfo");
        assertThat(r.path("requestContext").path("condition").asText()).isEqualTo("RetryAttemptsExhausted");
        assertThat(r.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(1);
        assertThat(r.path("responseContext").path("functionError").asText()).isEqualTo("Unhandled");
        assertThat(r.path("KinesisBatchInfo").path("startSequenceNumber").asText()).isEqualTo(seq);
    }

    @Test
    void anS3BucketGetsAnObjectWithTheRecordsThemselves() throws Exception {
        S3Client s3 = aws.s3();
        String bucket = TestAws.unique("failures");
        s3.createBucket(b -> b.bucket(bucket));
        MappedStream s = stream(1);
        String uuid = s.map(lambda, b -> b.batchSize(1).maximumRetryAttempts(1).destinationConfig(onFailure("arn:aws:s3:::" + bucket)));
        s.put("custom", "poison {\"input\": \"hello\"}");
        settle();
        advance(Duration.ofSeconds(1));
        advance(Duration.ofSeconds(1));

        List<S3Object> objects = s3.listObjectsV2(b -> b.bucket(bucket)).contents();
        assertThat(objects).hasSize(1);
        String day = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC).format(aws.emulator.clock().now());
        assertThat(objects.get(0).key()).matches("aws/lambda/" + uuid + "/shardId-000000000000/" + day
                + "/\\d{4}-\\d\\d-\\d\\dT\\d\\d\\.\\d\\d\\.\\d\\d-[0-9a-f-]{36}");
        JsonNode r = MappedQueue.JSON.readTree(s3.getObjectAsBytes(b -> b.bucket(bucket).key(objects.get(0).key())).asByteArray());
        assertThat(KinesisMappingFailureTest.fieldNames(r)).containsExactly("KinesisBatchInfo", "payload", "requestContext",
                "responseContext", "timestamp", "version");
        assertThat(KinesisMappingFailureTest.fieldNames(r.path("KinesisBatchInfo"))).containsExactly("approximateArrivalOfFirstRecord",
                "approximateArrivalOfLastRecord", "batchSize", "endSequenceNumber", "shardId", "startSequenceNumber", "streamArn");
        assertThat(KinesisMappingFailureTest.fieldNames(r.path("requestContext"))).containsExactly("approximateInvokeCount", "condition",
                "functionArn", "requestId");
        assertThat(r.path("responseContext").toString()).isEqualTo("{\"executedVersion\":\"$LATEST\",\"functionError\":\"Unhandled\",\"statusCode\":200}");
        assertThat(r.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(2);
        JsonNode record = r.path("payload").path("Records").get(0);
        assertThat(record).isEqualTo(s.events().get(0).path("Records").get(0));
        assertThat(r.path("payload").path("Records")).hasSize(1);
    }

    @Test
    void aDestinationThatIsGoneIsNotedAndTheShardGoesOn() {
        MappedStream s = stream(1);
        s.map(lambda, b -> b.batchSize(1).maximumRetryAttempts(0)
                .destinationConfig(onFailure("arn:aws:sqs:" + aws.emulator.region().id() + ":000000000000:" + TestAws.unique("nowhere"))));
        s.putAll(List.of("p:poison", "p:next"));
        settle();

        assertThat(s.data()).containsExactly("poison", "next");
        assertThat(aws.emulator.trail().matching(e -> e.kind().equals("lambda:EventSourceMapping:OnFailure")
                && e.outcome().startsWith("failed"))).hasSize(1);
    }
}
