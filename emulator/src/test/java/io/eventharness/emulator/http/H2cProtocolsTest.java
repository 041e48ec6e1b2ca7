package io.eventharness.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventharness.emulator.Emulator;
import io.eventharness.emulator.TestAws;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.client.builder.AwsAsyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.Http2Metric;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.iam.IamAsyncClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sts.StsAsyncClient;

/**
 * HTTP/2 cleartext with prior knowledge (the Netty client with {@code Protocol.HTTP2}, as the SDK
 * talks to Kinesis) for every protocol, not only SQS's awsJson: restXml (S3), awsQuery (SNS, STS,
 * IAM) and awsJson 1.1 (CloudWatch Logs). Each call must have gone over HTTP/2: the Netty client
 * reports stream windows only then.
 */
class H2cProtocolsTest {
    private final List<MetricCollection> metrics = new CopyOnWriteArrayList<>();

    /** An async client over h2c with prior knowledge, publishing its call metrics to {@link #metrics}. */
    private <B extends AwsClientBuilder<B, C> & AwsAsyncClientBuilder<B, C>, C> C h2(B builder, Region region) {
        Emulator aws = TestAws.emulator();
        return builder.endpointOverride(aws.endpoint()).region(region).credentialsProvider(aws.credentials())
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP2))
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(30))
                        .addMetricPublisher(new MetricPublisher() {
                            @Override
                            public void publish(MetricCollection m) {
                                metrics.add(m);
                            }

                            @Override
                            public void close() {
                            }
                        }).build())
                .build();
    }

    /** All {@code calls} calls were made, each over HTTP/2 (metrics arrive as calls complete, maybe after join()). */
    private void assertAllOverHttp2(int calls) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(metrics).hasSize(calls));
        assertThat(metrics).allSatisfy(call ->
                assertThat(call.childrenWithName("ApiCallAttempt").flatMap(a -> a.childrenWithName("HttpClient"))
                        .flatMap(h -> h.metricValues(Http2Metric.REMOTE_STREAM_WINDOW_SIZE_IN_BYTES).stream()))
                        .as("HTTP/2 stream window reported for %s", call.metricValues(
                                software.amazon.awssdk.core.metrics.CoreMetric.OPERATION_NAME)).isNotEmpty());
    }

    private static Throwable causeOf(CompletableFuture<?> f) {
        try {
            f.get(30, java.util.concurrent.TimeUnit.SECONDS);
            throw new AssertionError("expected the call to fail");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void restXmlS3PutAndGet() {
        try (S3AsyncClient s3 = h2(S3AsyncClient.builder().forcePathStyle(true), TestAws.emulator().region())) {
            String bucket = TestAws.unique("h2c").toLowerCase();
            s3.createBucket(b -> b.bucket(bucket)).join();
            // over http the SDK sends this aws-chunked, with a trailing checksum (aws-wire-traps.md, trap 3)
            s3.putObject(b -> b.bucket(bucket).key("dir/key with space.txt"), AsyncRequestBody.fromString("over h2c")).join();

            assertThat(s3.getObject(b -> b.bucket(bucket).key("dir/key with space.txt"), AsyncResponseTransformer.toBytes())
                    .join().asUtf8String()).isEqualTo("over h2c");
            // a HEAD 404 has no body, over HTTP/2 too
            assertThat(causeOf(s3.headObject(b -> b.bucket(bucket).key("absent")))).isInstanceOf(NoSuchKeyException.class);
            assertAllOverHttp2(4);
        }
    }

    @Test
    void awsQuerySnsPublish() {
        var sqs = TestAws.sqs();
        String queue = sqs.createQueue(b -> b.queueName(TestAws.unique("h2c-sns"))).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        try (SnsAsyncClient sns = h2(SnsAsyncClient.builder(), TestAws.emulator().region())) {
            String topic = sns.createTopic(b -> b.name(TestAws.unique("h2c"))).join().topicArn();
            sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn)
                    .attributes(java.util.Map.of("RawMessageDelivery", "true"))).join();

            assertThat(sns.publish(b -> b.topicArn(topic).message("published over h2c")).join().messageId()).isNotBlank();

            assertThat(sqs.receiveMessage(b -> b.queueUrl(queue)).messages()).singleElement()
                    .satisfies(m -> assertThat(m.body()).isEqualTo("published over h2c"));
            assertAllOverHttp2(3);
        }
    }

    @Test
    void awsQueryStsGetCallerIdentity() {
        try (StsAsyncClient sts = h2(StsAsyncClient.builder(), TestAws.emulator().region())) {
            var who = sts.getCallerIdentity().join();
            assertThat(who.account()).isEqualTo("000000000000");
            assertThat(who.arn()).startsWith("arn:aws:");
            assertAllOverHttp2(1);
        }
    }

    @Test
    void awsQueryIam() {
        try (IamAsyncClient iam = h2(IamAsyncClient.builder(), Region.AWS_GLOBAL)) {
            String name = TestAws.unique("h2c-role");
            String arn = iam.createRole(b -> b.roleName(name).assumeRolePolicyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},"
                            + "\"Action\":\"sts:AssumeRole\"}]}")).join().role().arn();

            assertThat(iam.getRole(b -> b.roleName(name)).join().role().arn()).isEqualTo(arn);
            assertThat(causeOf(iam.getRole(b -> b.roleName(name + "-absent")))).isInstanceOf(NoSuchEntityException.class);
            iam.deleteRole(b -> b.roleName(name)).join();
            assertAllOverHttp2(4);
        }
    }

    @Test
    void awsJson11LogsPutAndGetEvents() {
        try (CloudWatchLogsAsyncClient logs = h2(CloudWatchLogsAsyncClient.builder(), TestAws.emulator().region())) {
            String group = TestAws.unique("/h2c");
            long t = TestAws.emulator().clock().millis();
            logs.createLogGroup(b -> b.logGroupName(group)).join();
            logs.createLogStream(b -> b.logGroupName(group).logStreamName("s")).join();
            logs.putLogEvents(b -> b.logGroupName(group).logStreamName("s").logEvents(
                    InputLogEvent.builder().timestamp(t).message("first").build(),
                    InputLogEvent.builder().timestamp(t + 1).message("second").build())).join();

            assertThat(logs.getLogEvents(b -> b.logGroupName(group).logStreamName("s").startFromHead(true)).join().events())
                    .extracting(OutputLogEvent::message).containsExactly("first", "second");
            assertAllOverHttp2(4);
        }
    }
}
