package io.eventharness.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventharness.emulator.Emulator;
import io.eventharness.emulator.TestAws;
import io.eventharness.emulator.delivery.TrailEntry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A bucket notifying a function, as AWS wires it: the function's resource policy must let {@code s3.amazonaws.com}
 * invoke it for that bucket ({@code AddPermission}) or the configuration is not saved; the function gets the
 * {@code Records[].s3} event asynchronously, so a failing one is retried and ends in its dead-letter queue.
 */
class S3ToLambdaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PRINTS_THE_RECORD = """
            import urllib.parse

            def handler(event, context):
                r = event["Records"][0]
                key = urllib.parse.unquote_plus(r["s3"]["object"]["key"])
                print("got " + r["eventName"] + " " + r["s3"]["bucket"]["name"] + "/" + key + " " + str(r["s3"]["object"]["size"]))
            """;
    private final LambdaClient lambda = Functions.lambda();
    private final S3Client s3 = TestAws.s3();
    private final SqsClient sqs = TestAws.sqs();

    private String bucket() {
        String name = TestAws.unique("to-fn");
        s3.createBucket(b -> b.bucket(name));
        return name;
    }

    private String arn(String fn) {
        return lambda.getFunction(b -> b.functionName(fn)).configuration().functionArn();
    }

    private void allowS3(String fn, String bucket) {
        lambda.addPermission(b -> b.functionName(fn).statementId("s3-" + bucket).action("lambda:InvokeFunction")
                .principal("s3.amazonaws.com").sourceArn("arn:aws:s3:::" + bucket).sourceAccount("000000000000"));
    }

    private void notify(String bucket, String fnArn) {
        s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n
                .lambdaFunctionConfigurations(l -> l.id("fn").lambdaFunctionArn(fnArn).events(Event.S3_OBJECT_CREATED))));
    }

    @Test
    void aPermittedBucketInvokesTheFunctionWithTheS3Event() {
        String fn = Functions.python(lambda, "printer.handler", "printer", PRINTS_THE_RECORD);
        String bucket = bucket();
        allowS3(fn, bucket);
        notify(bucket, arn(fn));

        s3.putObject(b -> b.bucket(bucket).key("in/red flower.jpg"), RequestBody.fromString("petals"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Functions.logMessages(fn))
                .anySatisfy(line -> assertThat(line).startsWith("got ObjectCreated:Put " + bucket + "/in/red flower.jpg 6")));
        List<TrailEntry> hops = TestAws.emulator().trail().matching(e -> e.source().equals("arn:aws:s3:::" + bucket));
        assertThat(hops).extracting(TrailEntry::kind).startsWith("s3:ObjectCreated:Put").contains("lambda:InvokeAsync");
        assertThat(hops.get(0).target()).isEqualTo(arn(fn));
        assertThat(hops.get(0).outcome()).isEqualTo("delivered");
    }

    @Test
    void withoutPermissionTheConfigurationIsRefused() {
        String fn = Functions.python(lambda, "printer.handler", "printer", PRINTS_THE_RECORD);
        String bucket = bucket();
        allowS3(fn, "another-bucket");
        assertThatThrownBy(() -> notify(bucket, arn(fn))).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Unable to validate the following destination configurations");
        });
        String missing = "arn:aws:lambda:us-east-1:000000000000:function:" + TestAws.unique("missing");
        assertThatThrownBy(() -> notify(bucket, missing)).isInstanceOf(S3Exception.class);
        assertThat(s3.getBucketNotificationConfiguration(b -> b.bucket(bucket)).lambdaFunctionConfigurations()).isEmpty();
    }

    @Test
    void aFailingFunctionsEventEndsInItsDeadLetterQueueAfterTheRetries() throws Exception {
        String[] dlqArn = new String[1];
        String dlq = Functions.queue(sqs, TestAws.unique("dlq"), dlqArn);
        // the book's divider: an S3 event has no "x", so every attempt fails
        String fn = Functions.python(lambda, "lambda_function.myfunc01_handler", "lambda_function", Functions.BOOK,
                b -> b.deadLetterConfig(d -> d.targetArn(dlqArn[0])));
        String bucket = bucket();
        allowS3(fn, bucket);
        notify(bucket, arn(fn));

        s3.putObject(b -> b.bucket(bucket).key("doomed"), RequestBody.fromString("x"));
        TestAws.emulator().clock().advance(Duration.ofMinutes(4)); // the first attempt, a retry a minute later, another two after

        List<Message> dead = sqs.receiveMessage(b -> b.queueUrl(dlq).maxNumberOfMessages(10).messageAttributeNames("All")).messages();
        assertThat(dead).singleElement().satisfies(m -> {
            JsonNode r = JSON.readTree(m.body()).path("Records").get(0);
            assertThat(r.path("eventName").asText()).isEqualTo("ObjectCreated:Put");
            assertThat(r.path("s3").path("object").path("key").asText()).isEqualTo("doomed");
            assertThat(m.messageAttributes().get("ErrorMessage").stringValue()).isEqualTo("'x'");
        });
        assertThat(TestAws.emulator().trail().matching(e -> e.kind().equals("lambda:InvokeAsync") && e.target().contains(":" + fn + ":")))
                .hasSize(3);
    }

    @Test
    void underTheSwitchABucketInvokesAFunctionThatNeverAllowedS3() {
        try (Emulator relaxed = Emulator.builder().withDynamicPort().withS3DestinationPolicyCheck(false).build().start();
             LambdaClient lambdaR = LambdaClient.builder().endpointOverride(relaxed.endpoint()).region(relaxed.region())
                     .credentialsProvider(relaxed.credentials()).httpClientBuilder(ApacheHttpClient.builder()).build();
             IamClient iamR = IamClient.builder().endpointOverride(relaxed.endpoint()).region(software.amazon.awssdk.regions.Region.AWS_GLOBAL)
                     .credentialsProvider(relaxed.credentials()).httpClientBuilder(ApacheHttpClient.builder()).build();
             S3Client s3R = S3Client.builder().endpointOverride(relaxed.endpoint()).region(relaxed.region()).forcePathStyle(true)
                     .credentialsProvider(relaxed.credentials()).httpClientBuilder(ApacheHttpClient.builder()).build()) {
            String role = iamR.createRole(b -> b.roleName("relaxed-role").assumeRolePolicyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"))
                    .role().arn();
            String fn = Functions.create(lambdaR, role, software.amazon.awssdk.services.lambda.model.Runtime.PYTHON3_12,
                    "printer.handler", Functions.zip(java.util.Map.of("printer.py", PRINTS_THE_RECORD)), b -> { });
            String fnArn = lambdaR.getFunction(b -> b.functionName(fn)).configuration().functionArn();
            String bucket = TestAws.unique("relaxed");
            s3R.createBucket(b -> b.bucket(bucket));
            s3R.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n
                    .lambdaFunctionConfigurations(l -> l.id("fn").lambdaFunctionArn(fnArn).events(Event.S3_OBJECT_CREATED))));

            s3R.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("x"));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(relaxed.trail()
                    .matching(e -> e.source().equals("arn:aws:s3:::" + bucket) && e.kind().equals("lambda:InvokeAsync")))
                    .extracting(TrailEntry::outcome).anySatisfy(o -> assertThat(o).startsWith("ok")));
        }
    }
}
