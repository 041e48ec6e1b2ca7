package io.eventharness.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.pipeline.RequestLog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What the emulator does to prepare the first requests (a request to its own port, one listing request per service in
 * process) is no client's business: it leaves no line in the request log, no hop in the trail, nothing created.
 */
class WarmUpTest {
    @Test
    void theWarmUpLeavesNothingAClientCanSee() throws Exception {
        List<RequestLog.Served> log = new CopyOnWriteArrayList<>();
        try (Emulator aws = Emulator.builder().withDynamicPort().withRequestLog(log::add).build().start();
             SqsClient sqs = SqsClient.builder().endpointOverride(aws.endpoint()).region(aws.region())
                     .credentialsProvider(aws.credentials()).build();
             S3Client s3 = S3Client.builder().endpointOverride(aws.endpoint()).region(aws.region()).forcePathStyle(true)
                     .credentialsProvider(aws.credentials()).build()) {
            aws.awaitWarmUp(Duration.ofSeconds(30));

            assertThat(sqs.listQueues().queueUrls()).isEmpty();
            assertThat(s3.listBuckets().buckets()).isEmpty();

            assertThat(log).extracting(RequestLog.Served::operation).containsExactly("ListQueues", "ListBuckets");
            assertThat(aws.trail().entries()).isEmpty();
        }
    }
}
