package io.eventharness.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.Emulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * With {@code withSignatureVerification(true)} requests must be signed with a key the emulator knows and its secret:
 * unmodified SDK clients get AWS's errors in each protocol's shape for a wrong secret, an unknown key, expired
 * temporary credentials and an expired presigned URL, and go through when signed right (headers, S3's signed
 * streaming chunks, presigned URLs, IAM users' keys, STS sessions).
 */
class SignatureVerificationTest {
    private static final AwsBasicCredentials ROOT = AwsBasicCredentials.create("test", "test");
    private static final AwsBasicCredentials WRONG_SECRET = AwsBasicCredentials.create("test", "not-the-secret");
    private static final AwsBasicCredentials UNKNOWN_KEY = AwsBasicCredentials.create("AKIAUNKNOWNKEY000000", "x");
    private static Emulator aws;

    @BeforeAll
    static void start() {
        aws = Emulator.builder().withDynamicPort().withSignatureVerification(true).build().start();
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    private static <B extends AwsClientBuilder<B, C>, C> C as(B builder, AwsCredentials credentials) {
        return builder.endpointOverride(aws.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
    }

    private static SqsClient sqs(AwsCredentials c) {
        return as(SqsClient.builder().httpClientBuilder(ApacheHttpClient.builder()), c);
    }

    private static S3Client s3(AwsCredentials c) {
        return as(S3Client.builder().forcePathStyle(true).httpClientBuilder(ApacheHttpClient.builder()), c);
    }

    private static LambdaClient lambda(AwsCredentials c) {
        return as(LambdaClient.builder().httpClientBuilder(ApacheHttpClient.builder()), c);
    }

    private static StsClient sts(AwsCredentials c) {
        return as(StsClient.builder().httpClientBuilder(ApacheHttpClient.builder()), c);
    }

    private static IamClient iam(AwsCredentials c) {
        return IamClient.builder().endpointOverride(aws.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(c)).httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    private static void refused(Runnable call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        });
    }

    @Test
    void theRootUsersTestKeySignsEveryProtocol() {
        String url = sqs(ROOT).createQueue(b -> b.queueName("signed")).queueUrl();
        assertThat(sqs(ROOT).getQueueUrl(b -> b.queueName("signed")).queueUrl()).isEqualTo(url);
        assertThat(lambda(ROOT).listFunctions().functions()).isNotNull();
        assertThat(sts(ROOT).getCallerIdentity().arn()).isEqualTo("arn:aws:iam::000000000000:root");
    }

    @Test
    void s3UploadsSignEachChunkAndTheTrailer() {
        S3Client s3 = s3(ROOT);
        s3.createBucket(b -> b.bucket("chunks"));
        String body = "x".repeat(200_000);
        s3.putObject(b -> b.bucket("chunks").key("big.txt"), RequestBody.fromString(body));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("chunks").key("big.txt")).asUtf8String()).isEqualTo(body);
        s3.putObject(b -> b.bucket("chunks").key("a key with spaces+plus.txt"), RequestBody.fromString("k"));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("chunks").key("a key with spaces+plus.txt")).asUtf8String()).isEqualTo("k");
    }

    @Test
    void aWrongSecretIsRefusedInEachProtocolsWords() {
        refused(() -> sqs(WRONG_SECRET).listQueues(), 403, "SignatureDoesNotMatch");
        refused(() -> s3(WRONG_SECRET).listBuckets(), 403, "SignatureDoesNotMatch");
        refused(() -> lambda(WRONG_SECRET).listFunctions(), 403, "InvalidSignatureException");
        refused(() -> sts(WRONG_SECRET).getCallerIdentity(), 403, "SignatureDoesNotMatch");
    }

    @Test
    void anUnknownKeyIsRefusedInEachProtocolsWords() {
        refused(() -> sqs(UNKNOWN_KEY).listQueues(), 403, "InvalidClientTokenId");
        refused(() -> s3(UNKNOWN_KEY).listBuckets(), 403, "InvalidAccessKeyId");
        refused(() -> lambda(UNKNOWN_KEY).listFunctions(), 403, "UnrecognizedClientException");
        refused(() -> iam(UNKNOWN_KEY).listUsers(), 403, "InvalidClientTokenId");
    }

    @Test
    void anIamUsersAccessKeySignsAsThatUser() {
        IamClient iam = iam(ROOT);
        iam.createUser(b -> b.userName("signer"));
        AccessKey k = iam.createAccessKey(b -> b.userName("signer")).accessKey();
        assertThat(sts(AwsBasicCredentials.create(k.accessKeyId(), k.secretAccessKey())).getCallerIdentity().arn())
                .isEqualTo("arn:aws:iam::000000000000:user/signer");
        refused(() -> sts(AwsBasicCredentials.create(k.accessKeyId(), "wrong")).getCallerIdentity(), 403, "SignatureDoesNotMatch");
    }

    @Test
    void temporaryCredentialsNeedTheirTokenAndExpireOnTheClock() {
        iam(ROOT).createRole(b -> b.roleName("temp").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"000000000000\"},\"Action\":\"sts:AssumeRole\"}]}"));
        Credentials c = sts(ROOT).assumeRole(b -> b.roleArn("arn:aws:iam::000000000000:role/temp").roleSessionName("s1")
                .durationSeconds(900)).credentials();
        AwsSessionCredentials session = AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
        assertThat(sqs(session).listQueues().queueUrls()).isNotNull();
        refused(() -> sqs(AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())).listQueues(), 403, "InvalidClientTokenId");

        aws.clock().advance(Duration.ofSeconds(901));
        refused(() -> sqs(session).listQueues(), 403, "ExpiredToken");
        refused(() -> lambda(session).listFunctions(), 403, "ExpiredTokenException");
    }

    @Test
    void presignedUrlsWorkUntilTheyExpireOnTheClock() throws Exception {
        s3(ROOT).createBucket(b -> b.bucket("presigned"));
        s3(ROOT).putObject(b -> b.bucket("presigned").key("report.txt"), RequestBody.fromString("the report"));
        URI url;
        try (S3Presigner presigner = S3Presigner.builder().endpointOverride(aws.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(ROOT))
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build()) {
            url = presigner.presignGetObject(b -> b.signatureDuration(Duration.ofMinutes(10))
                    .getObjectRequest(g -> g.bucket("presigned").key("report.txt"))).url().toURI();
        }
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("the report");

        URI tampered = URI.create(url.toString().replace("report.txt", "other.txt"));
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(tampered).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(403);
        assertThat(bad.body()).contains("<Code>SignatureDoesNotMatch</Code>");

        aws.clock().advance(Duration.ofMinutes(11));
        HttpResponse<String> expired = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("<Code>AccessDenied</Code>", "Request has expired");
    }

    @Test
    void anUnsignedRequestToAJsonServiceIsRefused() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(aws.endpoint() + "/"))
                .header("X-Amz-Target", "AmazonSQS.ListQueues").header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("MissingAuthenticationToken");
    }
}
