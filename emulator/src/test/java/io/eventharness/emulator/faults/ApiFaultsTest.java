package io.eventharness.emulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.Emulator;
import io.eventharness.emulator.delivery.TrailEntry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Faults of the AWS APIs on purpose, armed through {@code /_harness/faults} as a test in any language would, and met
 * by unmodified SDK clients: the next N calls of one operation answer with the service's throttling or internal
 * error, which the SDK's retry policy retries, and nothing else is touched.
 */
class ApiFaultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Emulator aws;

    @BeforeAll
    static void start() {
        aws = Emulator.builder().withDynamicPort().withLambdaSpareSandboxes(false).build().start();
    }

    @AfterAll
    static void stop() {
        if (aws != null) {
            aws.close();
        }
    }

    @AfterEach
    void disarm() throws Exception {
        assertThat(admin("DELETE", "").status).isEqualTo(200);
    }

    /** The SDK's standard retry mode: three attempts. */
    private static <B extends AwsClientBuilder<B, C>, C> C standard(B builder) {
        return builder.endpointOverride(aws.endpoint()).region(aws.region()).credentialsProvider(aws.credentials())
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD)).build();
    }

    private static <B extends AwsClientBuilder<B, C>, C> C noRetries(B builder) {
        return builder.endpointOverride(aws.endpoint()).region(aws.region()).credentialsProvider(aws.credentials())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    @Test
    void throttledTwiceTheSdksRetriesStillDeliverTheObject() throws Exception {
        S3Client s3 = standard(S3Client.builder().forcePathStyle(true).httpClientBuilder(ApacheHttpClient.builder()));
        s3.createBucket(b -> b.bucket("thumbnails"));
        long before = aws.trail().lastSeq();
        Answer armed = admin("POST", "{\"service\":\"s3\",\"operation\":\"PutObject\",\"error\":\"throttling\",\"count\":2}");
        assertThat(armed.status).isEqualTo(200);
        assertThat(armed.json.get("remaining").asInt()).isEqualTo(2);

        s3.putObject(b -> b.bucket("thumbnails").key("small.png"), RequestBody.fromString("png"));

        assertThat(s3.getObjectAsBytes(b -> b.bucket("thumbnails").key("small.png")).asUtf8String()).isEqualTo("png");
        JsonNode listed = admin("GET", "").json;
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("injected").asInt()).isEqualTo(2);
        assertThat(listed.get(0).get("remaining").asInt()).isZero();
        assertThat(aws.trail().since(before)).filteredOn(e -> e.kind().equals("fault")).extracting(TrailEntry::target)
                .containsExactly("s3:PutObject", "s3:PutObject");
    }

    @Test
    void moreFaultsThanRetriesReachTheCallerAsTheServicesError() throws Exception {
        SqsClient sqs = standard(SqsClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
        String url = sqs.createQueue(b -> b.queueName("orders")).queueUrl();
        admin("POST", "{\"service\":\"sqs\",\"operation\":\"SendMessage\",\"error\":\"server-error\",\"count\":3}");

        assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("lost?")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
                });
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).as("no attempt was served").isEmpty();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("served"));
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).singleElement()
                .satisfies(m -> assertThat(m.body()).isEqualTo("served"));
    }

    @Test
    void eachServiceThrottlesWithItsOwnError() throws Exception {
        admin("POST", "{\"service\":\"lambda\",\"operation\":\"Invoke\",\"error\":\"throttling\",\"count\":1}");
        admin("POST", "{\"service\":\"sns\",\"operation\":\"ListTopics\",\"error\":\"throttling\",\"count\":1}");

        assertThatThrownBy(() -> noRetries(LambdaClient.builder().httpClientBuilder(ApacheHttpClient.builder()))
                .invoke(b -> b.functionName("any")))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> assertThat(e.statusCode()).isEqualTo(429));
        SnsClient sns = noRetries(SnsClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
        assertThatThrownBy(sns::listTopics).isInstanceOfSatisfying(AwsServiceException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling"));
        assertThat(sns.listTopics().topics()).as("the fault was used up").isNotNull();
    }

    @Test
    void aFaultTouchesOnlyItsOperation() throws Exception {
        S3Client s3 = noRetries(S3Client.builder().forcePathStyle(true).httpClientBuilder(ApacheHttpClient.builder()));
        s3.createBucket(b -> b.bucket("untouched"));
        admin("POST", "{\"service\":\"s3\",\"operation\":\"DeleteObject\",\"error\":\"throttling\",\"count\":5}");

        s3.putObject(b -> b.bucket("untouched").key("k"), RequestBody.fromString("v"));
        assertThat(s3.listObjectsV2(b -> b.bucket("untouched")).contents()).hasSize(1);
        assertThat(admin("GET", "").json.get(0).get("remaining").asInt()).isEqualTo(5);
    }

    @Test
    void whatCannotBeArmedIsA400ThatSaysWhy() throws Exception {
        assertThat(admin("POST", "{\"service\":\"ec2\",\"operation\":\"RunInstances\",\"error\":\"throttling\",\"count\":1}"))
                .satisfies(a -> assertThat(a.status).isEqualTo(400))
                .satisfies(a -> assertThat(a.json.get("error").asText()).contains("no service \"ec2\"", "s3", "sqs"));
        assertThat(admin("POST", "{\"service\":\"s3\",\"operation\":\"PutBanana\",\"error\":\"throttling\",\"count\":1}").json
                .get("error").asText()).contains("no operation \"PutBanana\"");
        assertThat(admin("POST", "{\"service\":\"s3\",\"operation\":\"PutObject\",\"error\":\"slow\",\"count\":1}").json
                .get("error").asText()).contains("\"throttling\" or \"server-error\"");
        assertThat(admin("POST", "{\"service\":\"s3\",\"operation\":\"PutObject\",\"error\":\"throttling\",\"count\":0}").json
                .get("error").asText()).contains("count must be between 1 and");
        assertThat(admin("POST", "{\"service\":\"s3\"}").status).isEqualTo(400);
        assertThat(admin("PATCH", "").status).isEqualTo(405);
        assertThat(admin("GET", "").json).isEmpty();
    }

    @Test
    void anArmedFunctionFaultFailsItsNextInvocationWithoutRunningIt() throws Exception {
        LambdaClient lambda = noRetries(LambdaClient.builder().httpClientBuilder(ApacheHttpClient.builder()));
        String role = noRetries(IamClient.builder().region(Region.AWS_GLOBAL).httpClientBuilder(ApacheHttpClient.builder()))
                .createRole(b -> b.roleName("faulty-role").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":"
                        + "[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"))
                .role().arn();
        SdkBytes code = SdkBytes.fromByteArray(zip("def b(event, context):\n    return 'ran'\n"));
        lambda.createFunction(b -> b.functionName("faulty").runtime(Runtime.PYTHON3_12).handler("a.b").role(role)
                .code(c -> c.zipFile(code)));
        long before = aws.trail().lastSeq();
        Answer armed = admin("POST", "{\"function\":\"faulty\",\"errorType\":\"ImageError\",\"errorMessage\":\"corrupt\",\"count\":1}");
        assertThat(armed.status).isEqualTo(200);

        InvokeResponse failed = lambda.invoke(b -> b.functionName("faulty"));
        assertThat(failed.functionError()).isEqualTo("Unhandled");
        JsonNode error = JSON.readTree(failed.payload().asUtf8String());
        assertThat(error.get("errorType").asText()).isEqualTo("ImageError");
        assertThat(error.get("errorMessage").asText()).isEqualTo("corrupt");

        InvokeResponse ran = lambda.invoke(b -> b.functionName("faulty"));
        assertThat(ran.functionError()).isNull();
        assertThat(ran.payload().asUtf8String()).isEqualTo("\"ran\"");
        assertThat(admin("GET", "").json).singleElement().satisfies(f -> {
            assertThat(f.get("function").asText()).isEqualTo("faulty");
            assertThat(f.get("injected").asInt()).isEqualTo(1);
            assertThat(f.get("remaining").asInt()).isZero();
        });
        assertThat(aws.trail().since(before)).filteredOn(e -> e.kind().equals("fault")).singleElement()
                .satisfies(e -> assertThat(e.summary()).contains("ImageError injected (1 of 1"));
        assertThat(admin("POST", "{\"function\":\"absent\",\"errorType\":\"E\",\"errorMessage\":\"m\",\"count\":1}").json
                .get("error").asText()).contains("no function \"absent\"");
    }

    private static byte[] zip(String python) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
            z.putNextEntry(new java.util.zip.ZipEntry("a.py"));
            z.write(python.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return out.toByteArray();
    }

    private record Answer(int status, JsonNode json) {
    }

    private static Answer admin(String method, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(aws.endpoint() + "/_harness/faults"))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), JSON.readTree(r.body()));
    }
}
