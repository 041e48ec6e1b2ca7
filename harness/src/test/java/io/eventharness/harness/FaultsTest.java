package io.eventharness.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * {@code cloud.faults()} on the embedded emulator: a fault the SDK's retries absorb, one they do not, a bad action
 * refused with the emulator's reason, and faults disarmed when the Cloud that armed them closes.
 */
@EventHarness
class FaultsTest {

    @Test
    void throttledTwiceThePutStillLands(Cloud cloud) {
        String bucket = cloud.name("thumbnails");
        cloud.s3().createBucket(b -> b.bucket(bucket));
        cloud.faults().throttle("s3:PutObject", 2);

        cloud.s3().putObject(b -> b.bucket(bucket).key("small.png"), RequestBody.fromString("png"));

        assertThat(cloud.s3().getObjectAsBytes(b -> b.bucket(bucket).key("small.png")).asUtf8String()).isEqualTo("png");
        assertThat(cloud.faults().injected("s3:PutObject")).isEqualTo(2);
        assertThat(cloud.story()).as("each fault is a hop of the story").containsSubsequence(
                "s3 -> s3:PutObject", "SlowDown injected (1 of 2", "s3 -> s3:PutObject", "SlowDown injected (2 of 2");
    }

    @Test
    void moreFaultsThanRetriesReachTheCaller(Cloud cloud) {
        String url = cloud.sqs().createQueue(b -> b.queueName(cloud.name("orders"))).queueUrl();
        cloud.faults().serverError("sqs:SendMessage", 10);

        assertThatThrownBy(() -> cloud.sqs().sendMessage(b -> b.queueUrl(url).messageBody("x")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        cloud.faults().clear();
        assertThat(cloud.sqs().sendMessage(b -> b.queueUrl(url).messageBody("x")).messageId()).isNotBlank();
    }

    @Test
    void aFunctionFailsItsNextInvocationsAsArmedThenRunsAgain(Cloud cloud) {
        DeployedFunction fn = cloud.deploy(PythonFunction.from("src/test/resources/functions/recorder").handler("handler.handle"));
        cloud.faults().failInvocations(fn, 2, "BatchError", "lost the batch");

        for (int i = 0; i < 2; i++) {
            InvokeResult failed = fn.invoke("{}");
            assertThat(failed.failed()).isTrue();
            assertThat(failed.json().path("errorType").asText()).isEqualTo("BatchError");
            assertThat(failed.json().path("errorMessage").asText()).isEqualTo("lost the batch");
        }
        assertThat(fn.invoke("{}").failed()).isFalse();
        assertThat(cloud.faults().injected(fn)).isEqualTo(2);
        assertThat(cloud.story()).contains("BatchError injected (1 of 2", "BatchError injected (2 of 2");
    }

    @Test
    void anActionTheEmulatorDoesNotServeIsRefusedWithItsReason(Cloud cloud) {
        assertThatThrownBy(() -> cloud.faults().throttle("s3:PutBanana", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no operation \\\"PutBanana\\\"");
        assertThatThrownBy(() -> cloud.faults().throttle("PutObject", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("service:Operation");
    }

    @Test
    void faultsEndWithTheCloudThatArmedThem(Harness harness) {
        try (Cloud cloud = harness.newCloud("arms")) {
            cloud.faults().serverError("sqs:ListQueues", 100);
        }
        try (Cloud next = harness.newCloud("next")) {
            assertThat(next.sqs().listQueues().queueUrls()).isNotNull();
        }
    }
}
