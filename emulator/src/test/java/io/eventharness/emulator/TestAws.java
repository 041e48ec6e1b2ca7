package io.eventharness.emulator;

import java.time.Duration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * One emulator for the whole test JVM, and unmodified SDK clients pointed at it with only an
 * endpoint override, a region and dummy credentials.
 */
public final class TestAws {
    private static Emulator emulator;

    private TestAws() {
    }

    public static synchronized Emulator emulator() {
        if (emulator == null) {
            emulator = Emulator.builder().withDynamicPort().build().start();
            Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
        }
        return emulator;
    }

    /** Applies endpoint, region and credentials to any SDK client builder. */
    public static <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
        Emulator e = emulator();
        return builder.endpointOverride(e.endpoint()).region(e.region()).credentialsProvider(e.credentials())
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(60)).build())
                .build();
    }

    public static SqsClient sqs() {
        return client(SqsClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
    }

    public static SqsAsyncClient sqsAsync() {
        return client(SqsAsyncClient.builder().httpClientBuilder(NettyNioAsyncHttpClient.builder()));
    }

    public static S3Client s3() {
        return client(S3Client.builder().forcePathStyle(true).httpClientBuilder(ApacheHttpClient.builder()));
    }

    public static S3AsyncClient s3Async() {
        return client(S3AsyncClient.builder().forcePathStyle(true).httpClientBuilder(NettyNioAsyncHttpClient.builder()));
    }

    public static SnsClient sns() {
        return client(SnsClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
    }

    public static SnsAsyncClient snsAsync() {
        return client(SnsAsyncClient.builder().httpClientBuilder(NettyNioAsyncHttpClient.builder()));
    }

    public static CloudWatchLogsClient logs() {
        return client(CloudWatchLogsClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
    }

    public static IamClient iam() {
        return client(IamClient.builder().region(software.amazon.awssdk.regions.Region.AWS_GLOBAL)
                .httpClientBuilder(ApacheHttpClient.builder()));
    }

    public static StsClient sts() {
        return client(StsClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
    }

    public static LambdaClient lambda() {
        return client(LambdaClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
    }

    public static EventBridgeClient events() {
        return client(EventBridgeClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
    }

    public static SchedulerClient scheduler() {
        return client(SchedulerClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
    }

    /** A name no other test uses. */
    public static String unique(String prefix) {
        return prefix + "-" + Long.toHexString(System.nanoTime()) + Integer.toHexString((int) (Math.random() * 0xffff));
    }
}
