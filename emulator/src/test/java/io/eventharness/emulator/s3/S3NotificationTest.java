package io.eventharness.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventharness.emulator.TestAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3NotificationTest {
    private static final String QUEUE = "arn:aws:sqs:us-east-1:000000000000:uploads";
    private static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:uploads";

    /** S3 checks that queue and topic destinations exist and let S3 send to them (here: for any bucket). */
    @org.junit.jupiter.api.BeforeAll
    static void destinations() {
        String url = TestAws.sqs().createQueue(b -> b.queueName("uploads")).queueUrl();
        TestAws.sqs().setQueueAttributes(b -> b.queueUrl(url).attributes(java.util.Map.of(
                software.amazon.awssdk.services.sqs.model.QueueAttributeName.POLICY, EventFixture.allowS3("sqs:SendMessage", QUEUE, "*"))));
        TestAws.sns().createTopic(b -> b.name("uploads"));
        TestAws.sns().setTopicAttributes(b -> b.topicArn(TOPIC).attributeName("Policy")
                .attributeValue(EventFixture.allowS3("sns:Publish", TOPIC, "*")));
    }

    private static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:thumbnail";
    private final S3Client s3 = TestAws.s3();

    private String bucket() {
        String name = TestAws.unique("notify");
        s3.createBucket(b -> b.bucket(name));
        return name;
    }

    static QueueConfiguration queue(String events, String prefix, String suffix) {
        return QueueConfiguration.builder().queueArn(QUEUE).eventsWithStrings(events)
                .filter(f -> f.key(k -> k.filterRules(FilterRule.builder().name(FilterRuleName.PREFIX).value(prefix).build(),
                        FilterRule.builder().name(FilterRuleName.SUFFIX).value(suffix).build()))).build();
    }

    @Test
    void storedAndReturned() {
        String bucket = bucket();
        assertThat(s3.getBucketNotificationConfiguration(b -> b.bucket(bucket)).queueConfigurations()).isEmpty();
        // the function does not exist: validation is skipped, as x-amz-skip-destination-validation allows
        s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).skipDestinationValidation(true)
                .notificationConfiguration(NotificationConfiguration.builder()
                .queueConfigurations(queue("s3:ObjectCreated:*", "incoming/", ".csv").toBuilder().id("csv").build())
                .topicConfigurations(t -> t.topicArn(TOPIC).events(Event.S3_OBJECT_REMOVED_DELETE))
                .lambdaFunctionConfigurations(l -> l.lambdaFunctionArn(FUNCTION).events(Event.S3_OBJECT_CREATED_PUT)
                        .filter(f -> f.key(k -> k.filterRules(r -> r.name(FilterRuleName.PREFIX).value("images/")))))
                .build()));
        var got = s3.getBucketNotificationConfiguration(b -> b.bucket(bucket));
        assertThat(got.queueConfigurations()).singleElement().satisfies(q -> {
            assertThat(q.id()).isEqualTo("csv");
            assertThat(q.queueArn()).isEqualTo(QUEUE);
            assertThat(q.eventsAsStrings()).containsExactly("s3:ObjectCreated:*");
            assertThat(q.filter().key().filterRules()).extracting(FilterRule::value).containsExactly("incoming/", ".csv");
        });
        assertThat(got.topicConfigurations()).singleElement().satisfies(t -> {
            assertThat(t.topicArn()).isEqualTo(TOPIC);
            assertThat(t.id()).isNotBlank(); // S3 names configurations that come without an id
            assertThat(t.events()).containsExactly(Event.S3_OBJECT_REMOVED_DELETE);
        });
        assertThat(got.lambdaFunctionConfigurations()).singleElement()
                .satisfies(l -> assertThat(l.lambdaFunctionArn()).isEqualTo(FUNCTION));

        // an empty configuration turns notifications off
        s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(NotificationConfiguration.builder().build()));
        var cleared = s3.getBucketNotificationConfiguration(b -> b.bucket(bucket));
        assertThat(cleared.queueConfigurations()).isEmpty();
        assertThat(cleared.topicConfigurations()).isEmpty();
    }

    @Test
    void invalidConfigurations() {
        String bucket = bucket();
        assertInvalid(bucket, NotificationConfiguration.builder()
                .queueConfigurations(q -> q.queueArn(QUEUE).eventsWithStrings("s3:ObjectExploded:*")).build(), "event is not supported");
        assertInvalid(bucket, NotificationConfiguration.builder()
                .queueConfigurations(q -> q.queueArn("not-an-arn").events(Event.S3_OBJECT_CREATED)).build(), "ARN");
        assertInvalid(bucket, NotificationConfiguration.builder()
                .queueConfigurations(q -> q.queueArn(TOPIC).events(Event.S3_OBJECT_CREATED)).build(), "ARN");
        assertInvalid(bucket, NotificationConfiguration.builder()
                .queueConfigurations(q -> q.queueArn(QUEUE).events(Event.S3_OBJECT_CREATED).filter(f -> f.key(k -> k.filterRules(
                        r -> r.name("prefix").value("a"), r -> r.name("prefix").value("b"))))).build(), "more than one prefix");
        assertInvalid(bucket, NotificationConfiguration.builder()
                .queueConfigurations(q -> q.queueArn(QUEUE).events(Event.S3_OBJECT_CREATED).filter(f -> f.key(k -> k.filterRules(
                        r -> r.name("middle").value("a"))))).build(), "prefix or suffix");
        // the same event type with overlapping filters, to two destinations
        assertInvalid(bucket, NotificationConfiguration.builder()
                .queueConfigurations(queue("s3:ObjectCreated:*", "in/", ".csv"), queue("s3:ObjectCreated:Put", "in/sub/", "")).build(),
                "overlap");
        // disjoint prefixes do not overlap
        s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(NotificationConfiguration.builder()
                .queueConfigurations(queue("s3:ObjectCreated:*", "a/", ""), queue("s3:ObjectCreated:*", "b/", "")).build()));
        assertThat(s3.getBucketNotificationConfiguration(b -> b.bucket(bucket)).queueConfigurations()).hasSize(2);
        assertThatThrownBy(() -> s3.getBucketNotificationConfiguration(b -> b.bucket("no-such-bucket-nt")))
                .isInstanceOf(NoSuchBucketException.class);
    }

    private void assertInvalid(String bucket, NotificationConfiguration c, String messagePart) {
        assertThatThrownBy(() -> s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(c)))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
                    assertThat(e.awsErrorDetails().errorMessage()).containsIgnoringCase(messagePart);
                });
    }
}
