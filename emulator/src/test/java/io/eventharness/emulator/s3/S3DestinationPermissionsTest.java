package io.eventharness.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.Emulator;
import io.eventharness.emulator.TestAws;
import io.eventharness.emulator.s3.EventFixture.Queue;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * As in AWS, a configuration is saved only when its destinations let S3 send to them
 * ("Granting permissions to publish event notification messages to a destination"); the emulator's switch
 * relaxes that for tests that never granted it. (Functions: {@code lambda.S3ToLambdaTest}.)
 */
class S3DestinationPermissionsTest {
    private final S3Client s3 = TestAws.s3();
    private final EventFixture fixture = EventFixture.shared();

    private String bucket(S3Client client) {
        String name = TestAws.unique("perm");
        client.createBucket(b -> b.bucket(name));
        return name;
    }

    /** The SDK shows code and message; which destination failed and why is in the error's ArgumentName/Value (below). */
    private static void assertUnableToValidate(Runnable put, String arn, String why) {
        assertThatThrownBy(put::run).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Unable to validate the following destination configurations");
        });
    }

    @Test
    void theErrorNamesEachFailingDestinationAndWhy() {
        String bucket = bucket(s3);
        Queue open = fixture.queue(null);
        String missing = "arn:aws:sqs:us-east-1:000000000000:" + TestAws.unique("missing");
        String xml = "<NotificationConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<QueueConfiguration><Queue>" + missing + "</Queue><Event>s3:ObjectCreated:*</Event></QueueConfiguration>"
                + "<QueueConfiguration><Queue>" + open.arn() + "</Queue><Event>s3:ObjectRemoved:*</Event></QueueConfiguration>"
                + "</NotificationConfiguration>";
        RawHttp.Response r = RawHttp.send("PUT", "/" + bucket + "?notification", "localhost", xml);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("<Code>InvalidArgument</Code>",
                "<Message>Unable to validate the following destination configurations</Message>",
                "<ArgumentName1>" + missing + "</ArgumentName1>",
                "<ArgumentValue1>The destination queue does not exist</ArgumentValue1>",
                "<ArgumentName2>" + open.arn() + "</ArgumentName2>",
                "<ArgumentValue2>Permissions on the destination queue do not allow S3 to publish notifications from this bucket"
                        + "</ArgumentValue2>");
    }

    @Test
    void aQueueWithoutAPolicyForS3IsRefused() {
        String bucket = bucket(s3);
        Queue open = fixture.queue(null);
        assertUnableToValidate(() -> s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n
                        .queueConfigurations(q -> q.queueArn(open.arn()).events(Event.S3_OBJECT_CREATED)))),
                open.arn(), "Permissions on the destination queue do not allow S3 to publish notifications from this bucket");

        // a policy for another bucket does not help; one for this bucket does
        Queue other = fixture.queue("some-other-bucket");
        assertUnableToValidate(() -> s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n
                        .queueConfigurations(q -> q.queueArn(other.arn()).events(Event.S3_OBJECT_CREATED)))),
                other.arn(), "Permissions on the destination queue do not allow S3 to publish notifications from this bucket");
        Queue allowing = fixture.queue(bucket);
        s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n
                .queueConfigurations(q -> q.queueArn(allowing.arn()).events(Event.S3_OBJECT_CREATED))));
        assertThat(s3.getBucketNotificationConfiguration(b -> b.bucket(bucket)).queueConfigurations()).hasSize(1);
    }

    @Test
    void aDenyWinsOverAnAllow() {
        String bucket = bucket(s3);
        Queue q = fixture.queue(bucket);
        String allow = EventFixture.allowS3("sqs:SendMessage", q.arn(), bucket);
        String both = allow.replace("}]}", "},{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"sqs:*\",\"Resource\":\""
                + q.arn() + "\"}]}");
        TestAws.sqs().setQueueAttributes(b -> b.queueUrl(q.url()).attributes(Map.of(QueueAttributeName.POLICY, both)));
        assertUnableToValidate(() -> s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n
                        .queueConfigurations(c -> c.queueArn(q.arn()).events(Event.S3_OBJECT_CREATED)))),
                q.arn(), "Permissions on the destination queue do not allow S3 to publish notifications from this bucket");
    }

    @Test
    void aTopicWithItsDefaultPolicyIsRefusedAndAMissingQueueIsNamed() {
        String bucket = bucket(s3);
        String topic = TestAws.sns().createTopic(b -> b.name(TestAws.unique("default-policy"))).topicArn();
        assertUnableToValidate(() -> s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n
                        .topicConfigurations(t -> t.topicArn(topic).events(Event.S3_OBJECT_CREATED)))),
                topic, "Permissions on the destination topic do not allow S3 to publish notifications from this bucket");
        String missing = "arn:aws:sqs:us-east-1:000000000000:" + TestAws.unique("missing");
        assertUnableToValidate(() -> s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n
                        .queueConfigurations(q -> q.queueArn(missing).events(Event.S3_OBJECT_CREATED)))),
                missing, "The destination queue does not exist");
    }

    @Test
    void theSwitchSavesAndDeliversToDestinationsThatNeverAllowedS3() {
        try (Emulator relaxed = Emulator.builder().withDynamicPort().withS3DestinationPolicyCheck(false).build().start();
             S3Client s3r = client(relaxed, S3Client.builder().forcePathStyle(true));
             SqsClient sqs = client(relaxed, SqsClient.builder());
             SnsClient sns = client(relaxed, SnsClient.builder())) {
            EventFixture own = new EventFixture(sqs, sns);
            String bucket = bucket(s3r);
            Queue q = own.queue(null);
            String missing = "arn:aws:sqs:us-east-1:000000000000:" + TestAws.unique("missing");
            assertUnableToValidate(() -> s3r.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n
                            .queueConfigurations(c -> c.queueArn(missing).events(Event.S3_OBJECT_CREATED)))),
                    missing, "The destination queue does not exist"); // destinations must still exist

            s3r.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n
                    .queueConfigurations(c -> c.id("relaxed").queueArn(q.arn()).events(Event.S3_OBJECT_CREATED))));
            s3r.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("x"));

            assertThat(own.drain(q)).extracting(m -> m.has("Records") ? m.path("Records").get(0).path("eventName").asText()
                    : m.path("Event").asText()).containsExactly("s3:TestEvent", "ObjectCreated:Put");
        }
    }

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>
            & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, C>, C> C client(Emulator e, B builder) {
        return builder.endpointOverride(e.endpoint()).region(e.region()).credentialsProvider(e.credentials())
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }
}
