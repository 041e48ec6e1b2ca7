package io.eventharness.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.Emulator;
import io.eventharness.emulator.delivery.TrailEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * With {@code withPolicyEnforcement(true)} IAM's policies decide what each caller may do: identity-based policies
 * (inline and managed, AWS's with their real documents), resource-based policies (a queue's, a topic's, a
 * function's), explicit denies and session policies; a denied call gets the service's own AccessDenied with AWS's
 * message, and the event trail names the statement that would allow it.
 */
class PolicyEnforcementTest {
    private static final String TRUST_LAMBDA = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String TRUST_ACCOUNT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"000000000000\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final AwsBasicCredentials ROOT = AwsBasicCredentials.create("test", "test");
    private static Emulator aws;

    @BeforeAll
    static void start() {
        aws = Emulator.builder().withDynamicPort().withSignatureVerification(true).withPolicyEnforcement(true).build().start();
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    private static <B extends AwsClientBuilder<B, C>, C> C as(B builder, AwsCredentials credentials) {
        return builder.endpointOverride(aws.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
    }

    private static IamClient iam() {
        return IamClient.builder().endpointOverride(aws.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(ROOT)).httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    /** A new user with an access key, and these policies attached (AWS managed ARNs or none). */
    private static AwsBasicCredentials user(String name, String... managed) {
        IamClient iam = iam();
        iam.createUser(b -> b.userName(name));
        for (String arn : managed) {
            iam.attachUserPolicy(b -> b.userName(name).policyArn(arn));
        }
        AccessKey k = iam.createAccessKey(b -> b.userName(name)).accessKey();
        return AwsBasicCredentials.create(k.accessKeyId(), k.secretAccessKey());
    }

    private static void denied(Runnable call, int status, String code, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    private static SdkBytes zip(String file, String source) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(file));
            z.write(source.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return SdkBytes.fromByteArray(out.toByteArray());
    }

    @Test
    void aUserWithoutPoliciesIsDeniedInEachServicesWords() {
        AwsBasicCredentials nobody = user("nobody");
        String arn = "arn:aws:iam::000000000000:user/nobody";
        denied(() -> as(LambdaClient.builder(), nobody).listFunctions(), 403, "AccessDeniedException", "User: " + arn
                + " is not authorized to perform: lambda:ListFunctions on resource: * because no identity-based policy allows"
                + " the lambda:ListFunctions action");
        denied(() -> as(S3Client.builder().forcePathStyle(true), nobody).createBucket(b -> b.bucket("nobodys")), 403,
                "AccessDenied", "User: " + arn + " is not authorized to perform: s3:CreateBucket on resource: "
                        + "\"arn:aws:s3:::nobodys\" because no identity-based policy allows the s3:CreateBucket action");
        denied(() -> as(SqsClient.builder(), nobody).createQueue(b -> b.queueName("nobodys")), 403, "AccessDenied",
                "User: " + arn + " is not authorized to perform: sqs:createqueue on resource: "
                        + "arn:aws:sqs:us-east-1:000000000000:nobodys because no identity-based policy allows the sqs:createqueue action");
        denied(() -> as(SnsClient.builder(), nobody).createTopic(b -> b.name("nobodys")), 403, "AuthorizationError",
                "User: " + arn + " is not authorized to perform: sns:CreateTopic on resource: "
                        + "arn:aws:sns:us-east-1:000000000000:nobodys because no identity-based policy allows the sns:CreateTopic action");
        denied(() -> as(DynamoDbClient.builder(), nobody).describeTable(b -> b.tableName("t")), 400, "AccessDeniedException",
                "User: " + arn + " is not authorized to perform: dynamodb:DescribeTable on resource: "
                        + "arn:aws:dynamodb:us-east-1:000000000000:table/t because no identity-based policy allows the "
                        + "dynamodb:DescribeTable action");
        assertThat(as(StsClient.builder(), nobody).getCallerIdentity().arn()).as("no permission needed").isEqualTo(arn);
    }

    @Test
    void theDenialInTheTrailSaysWhichStatementWouldAllowIt() {
        AwsBasicCredentials reader = user("reader");
        assertThatThrownBy(() -> as(SqsClient.builder(), reader).listQueues()).isInstanceOf(AwsServiceException.class);
        assertThat(aws.trail().entries()).filteredOn(e -> e.kind().equals("denied sqs:ListQueues"))
                .filteredOn(e -> e.source().endsWith("user/reader")).singleElement()
                .satisfies((TrailEntry e) -> {
                    assertThat(e.source()).isEqualTo("arn:aws:iam::000000000000:user/reader");
                    assertThat(e.outcome()).isEqualTo("denied: because no identity-based policy allows the sqs:ListQueues action;"
                            + " fix: add to the policies of user reader: {\"Effect\":\"Allow\",\"Action\":\"sqs:ListQueues\","
                            + "\"Resource\":\"*\"}");
                });
    }

    @Test
    void awsLambdaFullAccessCreatesAndInvokesFunctionsAndNothingElse() {
        String role = iam().createRole(b -> b.roleName("hello-role").assumeRolePolicyDocument(TRUST_LAMBDA)).role().arn();
        LambdaClient dev = as(LambdaClient.builder(), user("devuser", "arn:aws:iam::aws:policy/AWSLambda_FullAccess"));
        dev.createFunction(b -> b.functionName("HelloLambda").runtime(Runtime.PYTHON3_12).handler("h.handle").role(role)
                .code(c -> c.zipFile(zip("h.py", "def handle(event, context):\n    return 'hello ' + event['name']\n"))));
        dev.waiter().waitUntilFunctionActiveV2(b -> b.functionName("HelloLambda"));
        assertThat(dev.invoke(b -> b.functionName("HelloLambda").payload(SdkBytes.fromUtf8String("{\"name\":\"dev\"}")))
                .payload().asUtf8String()).isEqualTo("\"hello dev\"");
        denied(() -> as(SqsClient.builder(), user("devuser2", "arn:aws:iam::aws:policy/AWSLambda_FullAccess")).listQueues(),
                403, "AccessDenied", "User: arn:aws:iam::000000000000:user/devuser2 is not authorized to perform: "
                        + "sqs:listqueues on resource: * because no identity-based policy allows the sqs:listqueues action");
    }

    @Test
    void passingARoleToAFunctionNeedsIamPassRole() {
        String role = iam().createRole(b -> b.roleName("passed-role").assumeRolePolicyDocument(TRUST_LAMBDA)).role().arn();
        iam().createUser(b -> b.userName("no-pass"));
        iam().putUserPolicy(b -> b.userName("no-pass").policyName("lambda-only").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"lambda:*\",\"Resource\":\"*\"}]}"));
        AccessKey k = iam().createAccessKey(b -> b.userName("no-pass")).accessKey();
        LambdaClient lambda = as(LambdaClient.builder(), AwsBasicCredentials.create(k.accessKeyId(), k.secretAccessKey()));
        denied(() -> lambda.createFunction(b -> b.functionName("no-pass-fn").runtime(Runtime.PYTHON3_12).handler("h.handle")
                        .role(role).code(c -> c.zipFile(zip("h.py", "def handle(e, c):\n    return 1\n")))), 403, "AccessDeniedException",
                "User: arn:aws:iam::000000000000:user/no-pass is not authorized to perform: iam:PassRole on resource: " + role
                        + " because no identity-based policy allows the iam:PassRole action");
    }

    @Test
    void anExplicitDenyWinsOverAnAllow() {
        AwsBasicCredentials admin = user("almost-admin", "arn:aws:iam::aws:policy/AdministratorAccess");
        iam().putUserPolicy(b -> b.userName("almost-admin").policyName("no-deletes").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoDeletes\",\"Effect\":\"Deny\","
                        + "\"Action\":\"s3:DeleteObject\",\"Resource\":\"*\"}]}"));
        S3Client s3 = as(S3Client.builder().forcePathStyle(true), admin);
        s3.createBucket(b -> b.bucket("kept"));
        s3.putObject(b -> b.bucket("kept").key("k"), RequestBody.fromString("v"));
        denied(() -> s3.deleteObject(b -> b.bucket("kept").key("k")), 403, "AccessDenied",
                "User: arn:aws:iam::000000000000:user/almost-admin is not authorized to perform: s3:DeleteObject on resource: "
                        + "\"arn:aws:s3:::kept/k\" with an explicit deny in an identity-based policy");
    }

    @Test
    void aQueuePolicyAllowsAUserTheirIdentityPoliciesDoNot() {
        String url = as(SqsClient.builder(), ROOT).createQueue(b -> b.queueName("shared")).queueUrl();
        SqsClient sender = as(SqsClient.builder(), user("sender"));
        denied(() -> sender.sendMessage(b -> b.queueUrl(url).messageBody("x")), 403, "AccessDenied",
                "User: arn:aws:iam::000000000000:user/sender is not authorized to perform: sqs:sendmessage on resource: "
                        + "arn:aws:sqs:us-east-1:000000000000:shared because no identity-based policy allows the sqs:sendmessage action");
        as(SqsClient.builder(), ROOT).setQueueAttributes(b -> b.queueUrl(url).attributesWithStrings(java.util.Map.of("Policy",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                        + "\"arn:aws:iam::000000000000:user/sender\"},\"Action\":\"sqs:SendMessage\","
                        + "\"Resource\":\"arn:aws:sqs:us-east-1:000000000000:shared\"}]}")));
        assertThat(sender.sendMessage(b -> b.queueUrl(url).messageBody("x")).messageId()).isNotBlank();
    }

    @Test
    void sessionPoliciesNarrowWhatTheRoleMayDo() {
        iam().createRole(b -> b.roleName("s3-admin").assumeRolePolicyDocument(TRUST_ACCOUNT));
        iam().attachRolePolicy(b -> b.roleName("s3-admin").policyArn("arn:aws:iam::aws:policy/AmazonS3FullAccess"));
        Credentials c = as(StsClient.builder(), ROOT).assumeRole(b -> b.roleArn("arn:aws:iam::000000000000:role/s3-admin")
                .roleSessionName("narrow").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\"}]}")).credentials();
        S3Client s3 = as(S3Client.builder().forcePathStyle(true),
                AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
        assertThat(s3.listBuckets().buckets()).isNotNull();
        denied(() -> s3.createBucket(b -> b.bucket("narrowed")), 403, "AccessDenied",
                "User: arn:aws:sts::000000000000:assumed-role/s3-admin/narrow is not authorized to perform: s3:CreateBucket on"
                        + " resource: \"arn:aws:s3:::narrowed\" because no session policy allows the s3:CreateBucket action");
    }

    @Test
    void aFunctionCallsAsItsExecutionRole() {
        String url = as(SqsClient.builder(), ROOT).createQueue(b -> b.queueName("role-out")).queueUrl();
        String role = iam().createRole(b -> b.roleName("sender-role").assumeRolePolicyDocument(TRUST_LAMBDA)).role().arn();
        iam().attachRolePolicy(b -> b.roleName("sender-role")
                .policyArn("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
        LambdaClient lambda = as(LambdaClient.builder(), ROOT);
        lambda.createFunction(b -> b.functionName("sender").runtime(Runtime.PYTHON3_12).handler("h.handle").role(role).timeout(30)
                .code(c -> c.zipFile(zip("h.py", """
                        import boto3

                        def handle(event, context):
                            who = boto3.client("sts").get_caller_identity()["Arn"]
                            try:
                                boto3.client("sqs").send_message(QueueUrl=event["url"], MessageBody="hi")
                                return {"who": who, "sent": True}
                            except Exception as e:
                                return {"who": who, "error": str(e)}
                        """))));
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName("sender"));
        SdkBytes payload = SdkBytes.fromUtf8String("{\"url\":\"" + url + "\"}");

        String denied = lambda.invoke(b -> b.functionName("sender").payload(payload)).payload().asUtf8String();
        assertThat(denied).contains("\"who\": \"arn:aws:sts::000000000000:assumed-role/sender-role/sender\"",
                "AccessDenied", "is not authorized to perform: sqs:sendmessage on resource: arn:aws:sqs:us-east-1:000000000000:role-out");
        assertThat(aws.trail().entries()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("denied sqs:SendMessage");
            assertThat(e.outcome()).endsWith("fix: add to the policies of role sender-role: {\"Effect\":\"Allow\","
                    + "\"Action\":\"sqs:SendMessage\",\"Resource\":\"arn:aws:sqs:us-east-1:000000000000:role-out\"}");
        });

        iam().putRolePolicy(b -> b.roleName("sender-role").policyName("send").policyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\",\"Resource\":"
                + "\"arn:aws:sqs:us-east-1:000000000000:role-out\"}]}"));
        assertThat(lambda.invoke(b -> b.functionName("sender").payload(payload)).payload().asUtf8String()).contains("\"sent\": true");
    }

    @Test
    void aBucketPolicyLetsAnyoneReadWhatItSaysAndNothingElse() throws Exception {
        S3Client root = as(S3Client.builder().forcePathStyle(true), ROOT);
        root.createBucket(b -> b.bucket("site"));
        root.putObject(b -> b.bucket("site").key("public/index.html"), RequestBody.fromString("<h1>hi</h1>"));
        root.putObject(b -> b.bucket("site").key("private/notes.txt"), RequestBody.fromString("secret"));
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.URI page = java.net.URI.create(aws.endpoint() + "/site/public/index.html");
        assertThat(http.send(java.net.http.HttpRequest.newBuilder(page).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).as("anonymous, no bucket policy").isEqualTo(403);

        root.deletePublicAccessBlock(b -> b.bucket("site")); // a public policy needs it lifted, as on S3 since April 2023
        root.putBucketPolicy(b -> b.bucket("site").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::site/public/*\"}]}"));
        java.net.http.HttpResponse<String> ok = http.send(java.net.http.HttpRequest.newBuilder(page).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("<h1>hi</h1>");
        java.net.http.HttpResponse<String> notes = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(aws.endpoint() + "/site/private/notes.txt")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(notes.statusCode()).isEqualTo(403);
        assertThat(notes.body()).contains("<Code>AccessDenied</Code>");

        S3Client user = as(S3Client.builder().forcePathStyle(true), user("site-reader"));
        assertThat(user.getObjectAsBytes(b -> b.bucket("site").key("public/index.html")).asUtf8String()).isEqualTo("<h1>hi</h1>");
        denied(() -> user.getObjectAsBytes(b -> b.bucket("site").key("private/notes.txt")), 403, "AccessDenied",
                "User: arn:aws:iam::000000000000:user/site-reader is not authorized to perform: s3:GetObject on resource: "
                        + "\"arn:aws:s3:::site/private/notes.txt\" because no identity-based policy allows the s3:GetObject action");
    }

    @Test
    void theAdminEndpointCollectsTheLeastPrivilegePolicyOfTheDenials() throws Exception {
        AwsBasicCredentials c = user("collector");
        String url = as(SqsClient.builder(), ROOT).createQueue(b -> b.queueName("collected")).queueUrl();
        SqsClient sqs = as(SqsClient.builder(), c);
        for (Runnable call : java.util.List.<Runnable>of(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x")),
                () -> sqs.receiveMessage(b -> b.queueUrl(url)), () -> sqs.listQueues())) {
            assertThatThrownBy(call::run).isInstanceOf(AwsServiceException.class);
        }
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(aws.endpoint() + "/_harness/permissions")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
        assertThat(body.path("leastPrivilege").path("user collector").toString()).isEqualTo("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"sqs:ReceiveMessage\",\"sqs:SendMessage\"],"
                + "\"Resource\":\"arn:aws:sqs:us-east-1:000000000000:collected\"},"
                + "{\"Effect\":\"Allow\",\"Action\":\"sqs:ListQueues\",\"Resource\":\"*\"}]}");
        assertThat(body.path("denials")).anySatisfy(d -> {
            assertThat(d.path("principal").asText()).isEqualTo("arn:aws:iam::000000000000:user/collector");
            assertThat(d.path("action").asText()).isEqualTo("sqs:ReceiveMessage");
        });
    }

    @Test
    void snsDeliversToAQueueOnlyWhenItsPolicyLetsTheTopicSend() {
        SqsClient sqs = as(SqsClient.builder(), ROOT);
        SnsClient sns = as(SnsClient.builder(), ROOT);
        String url = sqs.createQueue(b -> b.queueName("fanned")).queueUrl();
        String queueArn = "arn:aws:sqs:us-east-1:000000000000:fanned";
        String topic = sns.createTopic(b -> b.name("fan")).topicArn();
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn).attributes(java.util.Map.of("RawMessageDelivery", "true")));

        sns.publish(b -> b.topicArn(topic).message("first"));
        assertThat(aws.trail().entries()).anySatisfy(e -> {
            assertThat(e.source()).isEqualTo(topic);
            assertThat(e.target()).isEqualTo(queueArn);
            assertThat(e.outcome()).startsWith("failed: User: sns.amazonaws.com is not authorized to perform: sqs:SendMessage"
                    + " on resource: " + queueArn).contains("fix: add to the resource-based policy of " + queueArn + ": "
                    + "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"sns.amazonaws.com\"},\"Action\":\"sqs:SendMessage\","
                    + "\"Resource\":\"" + queueArn + "\",\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\"" + topic + "\"}}}");
        });
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();

        sqs.setQueueAttributes(b -> b.queueUrl(url).attributesWithStrings(java.util.Map.of("Policy",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                        + "\"sns.amazonaws.com\"},\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + queueArn + "\","
                        + "\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\"" + topic + "\"}}}]}")));
        sns.publish(b -> b.topicArn(topic).message("second"));
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).extracting(m -> m.body()).containsExactly("second");
    }

    @Test
    void aQueueMappingNeedsAnExecutionRoleThatMayReadTheQueue() {
        as(SqsClient.builder(), ROOT).createQueue(b -> b.queueName("mapped"));
        String queueArn = "arn:aws:sqs:us-east-1:000000000000:mapped";
        String role = iam().createRole(b -> b.roleName("consumer-role").assumeRolePolicyDocument(TRUST_LAMBDA)).role().arn();
        iam().attachRolePolicy(b -> b.roleName("consumer-role")
                .policyArn("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
        LambdaClient lambda = as(LambdaClient.builder(), ROOT);
        lambda.createFunction(b -> b.functionName("consumer").runtime(Runtime.PYTHON3_12).handler("h.handle").role(role)
                .code(c -> c.zipFile(zip("h.py", "def handle(event, context):\n    return None\n"))));
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName("consumer"));

        denied(() -> lambda.createEventSourceMapping(b -> b.functionName("consumer").eventSourceArn(queueArn)), 400,
                "InvalidParameterValueException", "The provided execution role does not have permissions to call ReceiveMessage on SQS");
        assertThat(aws.trail().entries()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("denied sqs:ReceiveMessage");
            assertThat(e.source()).isEqualTo("arn:aws:sts::000000000000:assumed-role/consumer-role/lambda");
        });

        iam().attachRolePolicy(b -> b.roleName("consumer-role")
                .policyArn("arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole"));
        assertThat(lambda.createEventSourceMapping(b -> b.functionName("consumer").eventSourceArn(queueArn)).uuid()).isNotBlank();
    }

    @Test
    void aRoleIsAssumedOnlyByWhomItsTrustPolicyNames() {
        AwsBasicCredentials admin = user("assumer", "arn:aws:iam::aws:policy/AdministratorAccess");
        iam().createRole(b -> b.roleName("lambda-only").assumeRolePolicyDocument(TRUST_LAMBDA));
        iam().createRole(b -> b.roleName("account-trusted").assumeRolePolicyDocument(TRUST_ACCOUNT));
        StsClient sts = as(StsClient.builder(), admin);
        denied(() -> sts.assumeRole(b -> b.roleArn("arn:aws:iam::000000000000:role/lambda-only").roleSessionName("s1")), 403,
                "AccessDenied", "User: arn:aws:iam::000000000000:user/assumer is not authorized to perform: sts:AssumeRole on "
                        + "resource: arn:aws:iam::000000000000:role/lambda-only because no resource-based policy allows the "
                        + "sts:AssumeRole action");
        assertThat(sts.assumeRole(b -> b.roleArn("arn:aws:iam::000000000000:role/account-trusted").roleSessionName("s1"))
                .assumedRoleUser().arn()).isEqualTo("arn:aws:sts::000000000000:assumed-role/account-trusted/s1");
        denied(() -> as(StsClient.builder(), user("not-allowed")).assumeRole(b -> b
                        .roleArn("arn:aws:iam::000000000000:role/account-trusted").roleSessionName("s1")), 403, "AccessDenied",
                "User: arn:aws:iam::000000000000:user/not-allowed is not authorized to perform: sts:AssumeRole on resource: "
                        + "arn:aws:iam::000000000000:role/account-trusted because no identity-based policy allows the "
                        + "sts:AssumeRole action");
    }
}
