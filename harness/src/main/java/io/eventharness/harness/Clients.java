package io.eventharness.harness;

import io.eventharness.harness.backend.Backend;
import io.eventharness.harness.wire.WiringClients;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Ready SDK v2 clients for the backend: endpoint, region, credentials and path-style S3 set, one
 * shared HTTP connection pool. Created on first use.
 *
 * <pre>{@code
 * S3Client s3 = cloud.clients().s3();
 * }</pre>
 */
public final class Clients implements WiringClients {
    private final Backend backend;
    private final SdkHttpClient http;
    private final ExecutionInterceptor tracker;
    private final Map<Class<?>, Object> made = new ConcurrentHashMap<>();

    Clients(Backend backend, SdkHttpClient http, ExecutionInterceptor tracker) {
        this.backend = backend;
        this.http = http;
        this.tracker = tracker;
    }

    @Override
    public S3Client s3() {
        return get(S3Client.class, () -> configure(S3Client.builder().forcePathStyle(backend.pathStyleS3())));
    }

    @Override
    public SqsClient sqs() {
        return get(SqsClient.class, () -> configure(SqsClient.builder()));
    }

    @Override
    public SnsClient sns() {
        return get(SnsClient.class, () -> configure(SnsClient.builder()));
    }

    public CloudWatchLogsClient logs() {
        return get(CloudWatchLogsClient.class, () -> configure(CloudWatchLogsClient.builder()));
    }

    @Override
    public LambdaClient lambda() {
        return get(LambdaClient.class, () -> configure(LambdaClient.builder()));
    }

    public IamClient iam() {
        return get(IamClient.class, () -> configure(IamClient.builder()));
    }

    /** EventBridge (the {@code events} API): buses, rules, targets, PutEvents. */
    @Override
    public EventBridgeClient events() {
        return get(EventBridgeClient.class, () -> configure(EventBridgeClient.builder()));
    }

    /** EventBridge Scheduler: schedules and schedule groups. */
    @Override
    public SchedulerClient scheduler() {
        return get(SchedulerClient.class, () -> configure(SchedulerClient.builder()));
    }

    public StsClient sts() {
        return get(StsClient.class, () -> configure(StsClient.builder()));
    }

    /** Kinesis Data Streams, with the SDK's defaults (CBOR on the wire, as an application's client speaks it). */
    @Override
    public KinesisClient kinesis() {
        return get(KinesisClient.class, () -> configure(KinesisClient.builder()));
    }

    /** DynamoDB: tables and items. */
    @Override
    public DynamoDbClient dynamoDb() {
        return get(DynamoDbClient.class, () -> configure(DynamoDbClient.builder()));
    }

    /** DynamoDB Streams: a table's stream records ({@code ListStreams}, {@code GetShardIterator}, {@code GetRecords}). */
    public DynamoDbStreamsClient dynamoDbStreams() {
        return get(DynamoDbStreamsClient.class, () -> configure(DynamoDbStreamsClient.builder()));
    }

    /** Any other SDK client, configured the same way: {@code clients.of(SfnClient.builder())}. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C of(B builder) {
        return configure(builder);
    }

    /** The client of that type if one was made; used to resolve JUnit parameters. */
    public Object byType(Class<?> type) {
        if (type == S3Client.class) {
            return s3();
        } else if (type == SqsClient.class) {
            return sqs();
        } else if (type == SnsClient.class) {
            return sns();
        } else if (type == CloudWatchLogsClient.class) {
            return logs();
        } else if (type == LambdaClient.class) {
            return lambda();
        } else if (type == IamClient.class) {
            return iam();
        } else if (type == StsClient.class) {
            return sts();
        } else if (type == EventBridgeClient.class) {
            return events();
        } else if (type == SchedulerClient.class) {
            return scheduler();
        } else if (type == KinesisClient.class) {
            return kinesis();
        } else if (type == DynamoDbClient.class) {
            return dynamoDb();
        } else if (type == DynamoDbStreamsClient.class) {
            return dynamoDbStreams();
        }
        return null;
    }

    public static boolean supports(Class<?> type) {
        return type == S3Client.class || type == SqsClient.class || type == SnsClient.class || type == CloudWatchLogsClient.class
                || type == LambdaClient.class || type == IamClient.class || type == StsClient.class
                || type == EventBridgeClient.class || type == SchedulerClient.class || type == KinesisClient.class
                || type == DynamoDbClient.class || type == DynamoDbStreamsClient.class;
    }

    @SuppressWarnings("unchecked")
    private <T> T get(Class<T> type, Supplier<T> factory) {
        return (T) made.computeIfAbsent(type, t -> factory.get());
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(B builder) {
        backend.endpoint().ifPresent(builder::endpointOverride);
        ClientOverrideConfiguration.Builder o = ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofMinutes(2));
        if (tracker != null) {
            o.addExecutionInterceptor(tracker);
        }
        return builder.region(backend.region()).credentialsProvider(backend.credentials()).httpClient(http)
                .overrideConfiguration(o.build()).build();
    }
}
