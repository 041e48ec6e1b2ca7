package io.eventharness.harness.wire;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SDK clients {@link Wiring} calls, each asked for only when a wiring needs it. The harness's
 * {@code Clients} is one (so what the wiring creates, subscriptions and mappings, is torn down with the test).
 */
public interface WiringClients {
    S3Client s3();

    SqsClient sqs();

    SnsClient sns();

    LambdaClient lambda();

    EventBridgeClient events();

    SchedulerClient scheduler();

    KinesisClient kinesis();

    DynamoDbClient dynamoDb();
}
