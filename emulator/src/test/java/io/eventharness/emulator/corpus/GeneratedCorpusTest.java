package io.eventharness.emulator.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.Emulator;
import io.eventharness.emulator.corpus.Generator.Kind;
import io.eventharness.emulator.protocol.OperationModel;
import io.eventharness.emulator.protocol.ServiceSpec;
import io.eventharness.emulator.routing.ServiceBinding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The generated bad-input corpus, one test per protocol: for every operation the emulator serves, a valid request
 * made from the SDK's model and marshalled by the SDK, mutated member by member (wrong types, huge values, bad
 * encodings, nesting, unknown members) and as a whole (truncated, garbage, unknown operations, absurd headers), sent
 * over one keep-alive connection per protocol. Each answer must be a 4xx in the protocol's AWS envelope (or a 2xx when
 * the mutation left the request valid), never a 5xx, a hang or a dropped connection; afterwards the emulator serves.
 * Each test prints how many requests it tried ({@code [corpus] awsJson: ...}). A failure names the mutant; the seed
 * ({@link CorpusRun#SEED}) makes the same corpus again.
 *
 * <p>It runs on an emulator of its own: mutants that stay valid create, tag and change things.
 */
class GeneratedCorpusTest {
    /** Requests per protocol (the issue asks for at least 1,000); {@code -Dcorpus.budget=N} sends more, or all. */
    static final int BUDGET = Integer.getInteger("corpus.budget", 1_200);

    private static Emulator aws;
    private static Generator generator;
    private static WireCapture capture;
    private static String queueUrl;

    @BeforeAll
    static void start() {
        aws = Emulator.builder().withDynamicPort().withLambdaSpareSandboxes(false).build().start();
        Map<String, String> fixtures = fixtures();
        capture = new WireCapture();
        generator = new Generator(new ModelValues(fixtures), capture);
    }

    @AfterAll
    static void stop() {
        if (aws != null) {
            aws.close();
        }
    }

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>, C> C real(B builder) {
        return builder.endpointOverride(aws.endpoint()).region(aws.region()).credentialsProvider(aws.credentials()).build();
    }

    /** What the corpus's requests name: resources that exist, so that mutations reach past "not found". */
    private static Map<String, String> fixtures() {
        Map<String, String> f = new LinkedHashMap<>();
        SqsClient sqs = real(SqsClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
        queueUrl = sqs.createQueue(b -> b.queueName("corpus-queue")).queueUrl();
        f.put("QueueUrl", queueUrl);
        f.put("QueueName", "corpus-queue");
        DynamoDbClient ddb = real(DynamoDbClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
        String streamArn = ddb.createTable(b -> b.tableName("corpus-table").billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(d -> d.attributeName("pk").attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                .tableDescription().latestStreamArn();
        f.put("TableName", "corpus-table");
        f.put("StreamArn", streamArn);
        KinesisClient kinesis = real(KinesisClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
        kinesis.createStream(b -> b.streamName("corpus-stream").shardCount(1));
        f.put("StreamName", "corpus-stream");
        f.put("ShardId", "shardId-000000000000");
        CloudWatchLogsClient logs = real(CloudWatchLogsClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
        logs.createLogGroup(b -> b.logGroupName("corpus-group"));
        logs.createLogStream(b -> b.logGroupName("corpus-group").logStreamName("s"));
        f.put("LogGroupName", "corpus-group");
        f.put("LogStreamName", "s");
        SnsClient sns = real(SnsClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
        f.put("TopicArn", sns.createTopic(b -> b.name("corpus-topic")).topicArn());
        IamClient iam = real(IamClient.builder().region(software.amazon.awssdk.regions.Region.AWS_GLOBAL)
                .httpClientBuilder(ApacheHttpClient.builder()));
        String role = iam.createRole(b -> b.roleName("corpus-role").assumeRolePolicyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},"
                        + "\"Action\":\"sts:AssumeRole\"}]}")).role().arn();
        f.put("RoleName", "corpus-role");
        f.put("RoleArn", role);
        S3Client s3 = real(S3Client.builder().forcePathStyle(true).httpClientBuilder(ApacheHttpClient.builder()));
        s3.createBucket(b -> b.bucket("corpus-bucket"));
        s3.putObject(b -> b.bucket("corpus-bucket").key("k.txt"), RequestBody.fromString("0123456789"));
        f.put("Bucket", "corpus-bucket");
        f.put("Key", "k.txt");
        LambdaClient lambda = real(LambdaClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
        lambda.createFunction(b -> b.functionName("corpus-fn").runtime(Runtime.PYTHON3_12).handler("a.b").role(role)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip()))));
        f.put("FunctionName", "corpus-fn");
        EventBridgeClient events = real(EventBridgeClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
        events.putRule(b -> b.name("corpus-rule").eventPattern("{\"source\":[\"corpus\"]}"));
        f.put("EventBusName", "default");
        f.put("Rule", "corpus-rule");
        f.put("GroupName", "default");
        return f;
    }

    /** The names of the operations the emulator serves for the service whose SDK client is {@code client}. */
    private static List<String> served(Class<?> client) {
        for (ServiceBinding b : aws.services().bindings()) {
            if (b.spec().sdkClient() == client) {
                return b.model().operations().stream().map(OperationModel::name).sorted().toList();
            }
        }
        throw new IllegalArgumentException("no service for " + client);
    }

    private static ServiceSpec spec(Class<?> client) {
        return aws.services().bindings().stream().filter(b -> b.spec().sdkClient() == client).findFirst().orElseThrow().spec();
    }

    private static Map<String, List<Mutant>> generate(String label, Object client, Class<?> iface, Kind kind) {
        return generator.of(label, client, iface, spec(iface), served(iface), kind);
    }

    private static URI endpoint() {
        return aws.endpoint();
    }

    private static void runAndAssert(String protocol, Map<String, List<Mutant>> byOperation, Envelope envelope) {
        List<Mutant> corpus = CorpusRun.sample(byOperation, BUDGET, CorpusRun.SEED);
        CorpusRun.Report r = CorpusRun.run(protocol, endpoint(), corpus, envelope);
        assertThat(r.tried()).as("requests tried").isGreaterThanOrEqualTo(1_000);
        assertThat(r.failures()).as(r.line()).isEmpty();
    }

    @Test
    void awsJson() {
        Map<String, List<Mutant>> all = new LinkedHashMap<>();
        all.putAll(generate("sqs", WireCapture.client(SqsClient.builder(), endpoint(), capture), SqsClient.class, Kind.AWS_JSON));
        all.putAll(generate("dynamodb", WireCapture.client(DynamoDbClient.builder(), endpoint(), capture), DynamoDbClient.class,
                Kind.AWS_JSON));
        all.putAll(generate("dynamodbstreams", WireCapture.client(DynamoDbStreamsClient.builder(), endpoint(), capture),
                DynamoDbStreamsClient.class, Kind.AWS_JSON));
        all.putAll(generate("events", WireCapture.client(EventBridgeClient.builder(), endpoint(), capture), EventBridgeClient.class,
                Kind.AWS_JSON));
        all.putAll(generate("logs", WireCapture.client(CloudWatchLogsClient.builder(), endpoint(), capture),
                CloudWatchLogsClient.class, Kind.AWS_JSON));
        runAndAssert("awsJson (SQS, DynamoDB, DynamoDB Streams, EventBridge, CloudWatch Logs)", all, Envelope.AWS_JSON);
        SqsClient sqs = real(SqsClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("still here"));
        assertThat(real(DynamoDbClient.builder().httpClientBuilder(ApacheHttpClient.builder())).describeTable(b -> b.tableName("corpus-table"))
                .table().tableName()).isEqualTo("corpus-table");
    }

    @Test
    void cbor() {
        Map<String, List<Mutant>> all = generate("kinesis", WireCapture.client(KinesisClient.builder(), endpoint(), capture),
                KinesisClient.class, Kind.CBOR);
        runAndAssert("CBOR (Kinesis)", all, Envelope.CBOR);
        assertThat(real(KinesisClient.builder().httpClientBuilder(ApacheHttpClient.builder())).listStreams().streamNames())
                .contains("corpus-stream");
    }

    @Test
    void query() {
        Map<String, List<Mutant>> all = new LinkedHashMap<>();
        all.putAll(generate("sqs", WireCapture.client(SqsClient.builder(), endpoint(), capture), SqsClient.class, Kind.SQS_QUERY));
        all.putAll(generate("sns", WireCapture.client(SnsClient.builder(), endpoint(), capture), SnsClient.class, Kind.QUERY));
        all.putAll(generate("iam", WireCapture.client(IamClient.builder(), endpoint(), capture), IamClient.class, Kind.QUERY));
        all.putAll(generate("sts", WireCapture.client(StsClient.builder(), endpoint(), capture), StsClient.class, Kind.QUERY));
        runAndAssert("query (SQS, SNS, IAM, STS)", all, Envelope.QUERY_XML);
        assertThat(real(SnsClient.builder().httpClientBuilder(ApacheHttpClient.builder())).listTopics().topics()).isNotEmpty();
    }

    @Test
    void restXml() {
        Map<String, List<Mutant>> all = generate("s3", WireCapture.client(S3Client.builder().forcePathStyle(true), endpoint(), capture),
                S3Client.class, Kind.REST_XML);
        runAndAssert("restXml (S3)", all, Envelope.REST_XML);
        S3Client s3 = real(S3Client.builder().forcePathStyle(true).httpClientBuilder(ApacheHttpClient.builder()));
        assertThat(s3.headBucket(b -> b.bucket("corpus-bucket")).sdkHttpResponse().isSuccessful()).isTrue();
    }

    @Test
    void restJson() {
        Map<String, List<Mutant>> all = new LinkedHashMap<>();
        all.putAll(generate("lambda", WireCapture.client(LambdaClient.builder(), endpoint(), capture), LambdaClient.class,
                Kind.REST_JSON));
        all.putAll(generate("scheduler", WireCapture.client(SchedulerClient.builder(), endpoint(), capture), SchedulerClient.class,
                Kind.REST_JSON));
        runAndAssert("restJson (Lambda, EventBridge Scheduler)", all, Envelope.REST_JSON);
        assertThat(real(LambdaClient.builder().httpClientBuilder(ApacheHttpClient.builder())).getFunction(b -> b.functionName("corpus-fn"))
                .configuration().functionName()).isEqualTo("corpus-fn");
    }

    static byte[] zip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("a.py"));
            z.write("def b(event, context):\n    return 1\n".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
