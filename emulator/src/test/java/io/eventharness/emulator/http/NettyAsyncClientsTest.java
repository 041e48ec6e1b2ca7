package io.eventharness.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.TestAws;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iam.IamAsyncClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.sts.StsAsyncClient;
import software.amazon.awssdk.services.sts.model.MalformedPolicyDocumentException;

/**
 * The SDK's async clients on Netty over HTTP/1.1 (the default for an http endpoint) for CloudWatch
 * Logs, IAM and STS: a round trip each, and typed exceptions delivered through the future.
 */
class NettyAsyncClientsTest {
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    /** The exception a failed call's future carries (the SDK wraps it in a CompletionException/ExecutionException). */
    private static Throwable causeOf(CompletableFuture<?> f) {
        assertThat(f).failsWithin(Duration.ofSeconds(30));
        try {
            f.get();
            throw new AssertionError("unreachable");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void logs() {
        try (CloudWatchLogsAsyncClient logs = TestAws.client(CloudWatchLogsAsyncClient.builder()
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()))) {
            String group = TestAws.unique("/netty");
            long t = TestAws.emulator().clock().millis();
            logs.createLogGroup(b -> b.logGroupName(group)).join();
            logs.createLogStream(b -> b.logGroupName(group).logStreamName("s")).join();
            logs.putLogEvents(b -> b.logGroupName(group).logStreamName("s")
                    .logEvents(InputLogEvent.builder().timestamp(t).message("async line").build())).join();

            assertThat(logs.getLogEvents(b -> b.logGroupName(group).logStreamName("s")).join().events())
                    .extracting(OutputLogEvent::message, OutputLogEvent::timestamp)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("async line", t));
            assertThat(causeOf(logs.createLogGroup(b -> b.logGroupName(group)))).isInstanceOf(ResourceAlreadyExistsException.class);
            assertThat(causeOf(logs.getLogEvents(b -> b.logGroupName(group + "-absent").logStreamName("s"))))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    void iam() {
        try (IamAsyncClient iam = TestAws.client(IamAsyncClient.builder().region(Region.AWS_GLOBAL)
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()))) {
            String name = TestAws.unique("netty-role");
            String arn = iam.createRole(b -> b.roleName(name).assumeRolePolicyDocument(TRUST)).join().role().arn();

            assertThat(arn).isEqualTo("arn:aws:iam::000000000000:role/" + name);
            assertThat(iam.listRoles().join().roles()).anySatisfy(r -> assertThat(r.roleName()).isEqualTo(name));
            assertThat(causeOf(iam.createRole(b -> b.roleName(name).assumeRolePolicyDocument(TRUST))))
                    .isInstanceOf(EntityAlreadyExistsException.class);
            iam.deleteRole(b -> b.roleName(name)).join();
            assertThat(causeOf(iam.getRole(b -> b.roleName(name)))).isInstanceOf(NoSuchEntityException.class);
        }
    }

    @Test
    void sts() {
        try (StsAsyncClient sts = TestAws.client(StsAsyncClient.builder().httpClientBuilder(NettyNioAsyncHttpClient.builder()))) {
            assertThat(sts.getCallerIdentity().join().account()).isEqualTo("000000000000");
            assertThat(sts.getSessionToken().join().credentials().accessKeyId()).startsWith("ASIA");
            // the session policy is checked as a policy document (API_AssumeRole, Policy)
            assertThat(causeOf(sts.assumeRole(b -> b.roleArn("arn:aws:iam::000000000000:role/any").roleSessionName("netty")
                    .policy("{not a policy")))).isInstanceOf(MalformedPolicyDocumentException.class);
        }
    }
}
