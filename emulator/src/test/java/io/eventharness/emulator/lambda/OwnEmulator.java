package io.eventharness.emulator.lambda;

import io.eventharness.emulator.Emulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An emulator of a test's own, built with settings the shared one does not have, and unmodified SDK clients
 * pointed at it; closing it closes both.
 */
final class OwnEmulator implements AutoCloseable {
    final Emulator emulator;
    private final List<AutoCloseable> clients = new ArrayList<>();
    private String role;

    OwnEmulator(UnaryOperator<Emulator.Builder> settings) {
        emulator = settings.apply(Emulator.builder().withDynamicPort()).build().start();
    }

    private <B extends AwsClientBuilder<B, C>, C extends AutoCloseable> C client(B builder) {
        C c = builder.endpointOverride(emulator.endpoint()).region(emulator.region()).credentialsProvider(emulator.credentials())
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(60)).build())
                .build();
        clients.add(c);
        return c;
    }

    LambdaClient lambda() {
        return client(LambdaClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
    }

    SqsClient sqs() {
        return client(SqsClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
    }

    /** A Kinesis client with the SDK's defaults (CBOR). */
    KinesisClient kinesis() {
        return client(KinesisClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
    }

    DynamoDbClient dynamodb() {
        return client(DynamoDbClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
    }

    DynamoDbStreamsClient dynamodbStreams() {
        return client(DynamoDbStreamsClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
    }

    SnsClient sns() {
        return client(SnsClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
    }

    S3Client s3() {
        return client(S3Client.builder().httpClientBuilder(ApacheHttpClient.builder()).forcePathStyle(true));
    }

    /** A new queue; returns its URL and, in {@code arnOut[0]}, its ARN. */
    String queue(String[] arnOut) {
        return Functions.queue(sqs(), "q" + clients.size(), arnOut);
    }

    /** A Python function from one module's source; returns its name once it is active. */
    String python(String handler, String module, String source, Consumer<CreateFunctionRequest.Builder> more) {
        return Functions.create(lambda(), role(), Runtime.PYTHON3_12, handler, Functions.zip(Map.of(module + ".py", source)), more);
    }

    /** Every message of the function's log group so far, in order, through CloudWatch Logs. */
    List<String> logMessages(String function) {
        CloudWatchLogsClient logs = client(CloudWatchLogsClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
        try {
            return logs.filterLogEventsPaginator(b -> b.logGroupName("/aws/lambda/" + function)).events().stream()
                    .map(FilteredLogEvent::message).toList();
        } catch (ResourceNotFoundException notYet) {
            return List.of();
        }
    }

    synchronized String role() {
        if (role == null) {
            IamClient iam = client(IamClient.builder().region(Region.AWS_GLOBAL).httpClientBuilder(ApacheHttpClient.builder()));
            role = iam.createRole(b -> b.roleName("lambda-test-role").assumeRolePolicyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"))
                    .role().arn();
        }
        return role;
    }

    @Override
    public void close() {
        for (AutoCloseable c : clients) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
        emulator.close();
    }
}
