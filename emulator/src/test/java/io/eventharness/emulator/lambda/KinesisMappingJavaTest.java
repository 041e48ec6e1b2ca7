package io.eventharness.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.TestAws;
import io.eventharness.emulator.lambda.runtime.fixtures.KinesisHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * A Java function (the official runtime interface client) mapped to a Kinesis stream: it gets the records, reports the
 * first failure as AWS's {@code StreamsEventResponse} example does, the rest of the batch is retried from there, and
 * what is left once the retries are used up goes to the on-failure queue.
 */
class KinesisMappingJavaTest extends StreamMappingTestBase {

    @Test
    void aJavaFunctionGetsTheBatchAndItsReportedFailureIsRetriedFromThere() throws Exception {
        Path taskRoot = io.eventharness.emulator.lambda.runtime.Functions.javaTaskRoot(Files.createTempDirectory(dir, "java"), KinesisHandler.class);
        String fn = Functions.create(lambda, aws.role(), Runtime.JAVA17, KinesisHandler.class.getName() + "::report", Functions.zip(taskRoot),
                b -> b.memorySize(256).timeout(30));
        String stream = TestAws.unique("java");
        kinesis.createStream(b -> b.streamName(stream).shardCount(1));
        String arn = kinesis.describeStreamSummary(b -> b.streamName(stream)).streamDescriptionSummary().streamARN();
        String[] dest = queue();
        lambda.createEventSourceMapping(b -> b.eventSourceArn(arn).functionName(fn).startingPosition("TRIM_HORIZON").batchSize(10)
                .maximumRetryAttempts(1).functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES)
                .destinationConfig(d -> d.onFailure(f -> f.destination(dest[1]))));
        kinesis.putRecords(b -> b.streamName(stream).records(List.of("a", "b", "report-fail-c", "d").stream()
                .map(d -> PutRecordsRequestEntry.builder().partitionKey("k").data(SdkBytes.fromUtf8String(d)).build()).toList()));
        settle();
        advance(Duration.ofMillis(1500));

        assertThat(aws.logMessages(fn).stream().filter(l -> l.startsWith("received ")).map(l -> l.substring(9, l.indexOf(" at ")))
                .toList()).containsExactly("a from shardId-000000000000", "b from shardId-000000000000",
                "report-fail-c from shardId-000000000000", "report-fail-c from shardId-000000000000");
        assertThat(messages(dest[0])).singleElement().satisfies(r -> {
            assertThat(r.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(2);
            assertThat(r.path("responseContext").path("functionError").isNull()).isTrue();
            assertThat(r.path("KinesisBatchInfo").path("batchSize").asInt()).as("from the reported record to the batch's end").isEqualTo(2);
        });
    }
}
