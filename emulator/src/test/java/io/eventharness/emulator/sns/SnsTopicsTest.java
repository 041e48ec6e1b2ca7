package io.eventharness.emulator.sns;

import static io.eventharness.emulator.sns.SnsErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.TestAws;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.ListTopicsResponse;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sns.model.Tag;
import software.amazon.awssdk.services.sns.model.TagLimitExceededException;
import software.amazon.awssdk.services.sns.model.Topic;

class SnsTopicsTest {
    private final SnsFixture f = new SnsFixture();
    private final SnsClient sns = f.sns;

    @Test
    void createIsIdempotentAndRefusesDifferentAttributesOrTags() {
        String name = TestAws.unique("idem");
        String arn = sns.createTopic(b -> b.name(name).attributes(Map.of("DisplayName", "Orders"))
                .tags(Tag.builder().key("team").value("a").build())).topicArn();
        assertThat(arn).isEqualTo("arn:aws:sns:us-east-1:000000000000:" + name);
        assertThat(sns.createTopic(b -> b.name(name).attributes(Map.of("DisplayName", "Orders"))).topicArn()).isEqualTo(arn);
        assertThat(sns.createTopic(b -> b.name(name)).topicArn()).isEqualTo(arn);
        assertError(() -> sns.createTopic(b -> b.name(name).attributes(Map.of("DisplayName", "Other"))),
                InvalidParameterException.class, "InvalidParameter",
                "Invalid parameter: Attributes Reason: Topic already exists with different attributes");
        assertError(() -> sns.createTopic(b -> b.name(name).tags(Tag.builder().key("team").value("b").build())),
                InvalidParameterException.class, "InvalidParameter", "Topic already exists with different tags");
    }

    @Test
    void topicNamesFollowAwsRules() {
        assertError(() -> sns.createTopic(b -> b.name("bad name")), InvalidParameterException.class, "InvalidParameter",
                "Invalid parameter: Topic Name");
        assertError(() -> sns.createTopic(b -> b.name("x".repeat(257))), InvalidParameterException.class, "InvalidParameter",
                "Invalid parameter: Topic Name");
        assertError(() -> sns.createTopic(b -> b.name(TestAws.unique("n") + ".fifo")), InvalidParameterException.class,
                "InvalidParameter", "Invalid parameter: Topic Name");
        assertError(() -> sns.createTopic(b -> b.name(TestAws.unique("n")).attributes(Map.of("FifoTopic", "true"))),
                InvalidParameterException.class, "InvalidParameter", "Fifo Topic names must end with .fifo");
        assertError(() -> sns.createTopic(b -> b.name(TestAws.unique("n")).attributes(Map.of("ContentBasedDeduplication", "true"))),
                InvalidParameterException.class, "InvalidParameter", "Unknown attribute ContentBasedDeduplication");
        assertError(() -> sns.createTopic(b -> b.name(TestAws.unique("n")).attributes(Map.of("FifoTopic", "yes"))),
                InvalidParameterException.class, "InvalidParameter", "FifoTopic: Invalid value [yes]");
    }

    @Test
    void attributesOfANewTopicIncludeTheComputedOnes() {
        String arn = f.topic();
        Map<String, String> a = sns.getTopicAttributes(b -> b.topicArn(arn)).attributes();
        assertThat(a).containsEntry("TopicArn", arn).containsEntry("Owner", "000000000000")
                .containsEntry("SubscriptionsConfirmed", "0").containsEntry("SubscriptionsPending", "0")
                .containsEntry("SubscriptionsDeleted", "0").containsEntry("DisplayName", "")
                .doesNotContainKeys("FifoTopic", "DeliveryPolicy");
        assertThat(SnsFixture.json(a.get("Policy")).path("Statement").get(0).path("Resource").asText()).isEqualTo(arn);
        assertThat(SnsFixture.json(a.get("EffectiveDeliveryPolicy")).path("http").path("defaultHealthyRetryPolicy")
                .path("numRetries").asInt()).isEqualTo(3);
    }

    @Test
    void setTopicAttributes() {
        String arn = f.topic();
        sns.setTopicAttributes(b -> b.topicArn(arn).attributeName("DisplayName").attributeValue("Shop"));
        sns.setTopicAttributes(b -> b.topicArn(arn).attributeName("DeliveryPolicy")
                .attributeValue("{\"http\":{\"defaultHealthyRetryPolicy\":{\"numRetries\":7}}}"));
        sns.setTopicAttributes(b -> b.topicArn(arn).attributeName("SQSSuccessFeedbackSampleRate").attributeValue("50"));
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
        sns.setTopicAttributes(b -> b.topicArn(arn).attributeName("Policy").attributeValue(policy));
        Map<String, String> a = sns.getTopicAttributes(b -> b.topicArn(arn)).attributes();
        assertThat(a).containsEntry("DisplayName", "Shop").containsEntry("Policy", policy)
                .containsEntry("SQSSuccessFeedbackSampleRate", "50").containsKey("DeliveryPolicy");
        assertThat(SnsFixture.json(a.get("EffectiveDeliveryPolicy")).path("http").path("defaultHealthyRetryPolicy")
                .path("numRetries").asInt()).isEqualTo(7);

        assertError(() -> sns.setTopicAttributes(b -> b.topicArn(arn).attributeName("FifoTopic").attributeValue("true")),
                InvalidParameterException.class, "InvalidParameter", "Invalid parameter: AttributeName");
        assertError(() -> sns.setTopicAttributes(b -> b.topicArn(arn).attributeName("ContentBasedDeduplication").attributeValue("true")),
                InvalidParameterException.class, "InvalidParameter", "Invalid parameter: AttributeName");
        assertError(() -> sns.setTopicAttributes(b -> b.topicArn(arn).attributeName("Policy").attributeValue("{not json")),
                InvalidParameterException.class, "InvalidParameter", "Policy");
        assertError(() -> sns.setTopicAttributes(b -> b.topicArn(arn).attributeName("SignatureVersion").attributeValue("3")),
                InvalidParameterException.class, "InvalidParameter", "SignatureVersion");
    }

    @Test
    void fifoTopicAttributes() {
        String arn = f.fifoTopic(true);
        assertThat(sns.getTopicAttributes(b -> b.topicArn(arn)).attributes())
                .containsEntry("FifoTopic", "true").containsEntry("ContentBasedDeduplication", "true");
        sns.setTopicAttributes(b -> b.topicArn(arn).attributeName("ContentBasedDeduplication").attributeValue("false"));
        assertThat(sns.getTopicAttributes(b -> b.topicArn(arn)).attributes()).containsEntry("ContentBasedDeduplication", "false");
        String plain = sns.createTopic(b -> b.name(TestAws.unique("p") + ".fifo").attributes(Map.of("FifoTopic", "true"))).topicArn();
        assertThat(sns.getTopicAttributes(b -> b.topicArn(plain)).attributes()).containsEntry("ContentBasedDeduplication", "false");
    }

    @Test
    void missingAndMalformedTopics() {
        String missing = "arn:aws:sns:us-east-1:000000000000:" + TestAws.unique("gone");
        assertError(() -> sns.getTopicAttributes(b -> b.topicArn(missing)), NotFoundException.class, "NotFound", "Topic does not exist");
        assertError(() -> sns.publish(b -> b.topicArn(missing).message("x")), NotFoundException.class, "NotFound", "Topic does not exist");
        assertError(() -> sns.getTopicAttributes(b -> b.topicArn("not-an-arn")), InvalidParameterException.class,
                "InvalidParameter", "Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not 1");
        assertError(() -> sns.getTopicAttributes(b -> b.topicArn("arn:aws:sns:eu-west-1:000000000000:x")),
                InvalidParameterException.class, "InvalidParameter", "Invalid parameter: TopicArn");
        assertError(() -> sns.publish(b -> b.topicArn("arn:aws:sns:us-east-1:123456789012:theirs").message("x")),
                AuthorizationErrorException.class, "AuthorizationError", "is not authorized to perform: SNS:Publish");
    }

    @Test
    void deleteTopicIsIdempotentAndRemovesSubscriptions() {
        String arn = f.topic();
        String sub = f.subscribe(arn, f.queue(), Map.of());
        sns.deleteTopic(b -> b.topicArn(arn));
        sns.deleteTopic(b -> b.topicArn(arn));
        assertError(() -> sns.getTopicAttributes(b -> b.topicArn(arn)), NotFoundException.class, "NotFound", "Topic does not exist");
        assertError(() -> sns.getSubscriptionAttributes(b -> b.subscriptionArn(sub)), NotFoundException.class, "NotFound",
                "Subscription does not exist");
        assertThat(sns.listTopicsPaginator().topics().stream().map(Topic::topicArn)).doesNotContain(arn);
    }

    @Test
    void listTopicsPagesByHundredAndStaysInItsRegion() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 105; i++) {
            made.add(f.topic());
        }
        ListTopicsResponse first = sns.listTopics();
        assertThat(first.topics()).hasSize(100);
        assertThat(first.nextToken()).isNotNull();
        List<String> all = sns.listTopicsPaginator().topics().stream().map(Topic::topicArn).toList();
        assertThat(all).containsAll(made).doesNotHaveDuplicates();
        assertError(() -> sns.listTopics(b -> b.nextToken("garbage!")), InvalidParameterException.class, "InvalidParameter",
                "NextToken");

        SnsClient west = SnsClient.builder().endpointOverride(TestAws.emulator().endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(TestAws.emulator().credentials())
                .httpClientBuilder(software.amazon.awssdk.http.apache.ApacheHttpClient.builder()).build();
        String westArn = west.createTopic(b -> b.name(TestAws.unique("west"))).topicArn();
        assertThat(westArn).startsWith("arn:aws:sns:eu-west-1:");
        assertThat(west.listTopicsPaginator().topics().stream().map(Topic::topicArn)).contains(westArn).doesNotContainAnyElementsOf(made);
        assertThat(sns.listTopicsPaginator().topics().stream().map(Topic::topicArn)).doesNotContain(westArn);
    }

    @Test
    void tags() {
        String arn = f.topic();
        sns.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("a").value("1").build(), Tag.builder().key("b").value("2").build()));
        sns.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("a").value("3").build()));
        sns.untagResource(b -> b.resourceArn(arn).tagKeys("b"));
        assertThat(sns.listTagsForResource(b -> b.resourceArn(arn)).tags())
                .containsExactly(Tag.builder().key("a").value("3").build());

        String missing = arn + "-gone";
        assertError(() -> sns.listTagsForResource(b -> b.resourceArn(missing)), ResourceNotFoundException.class,
                "ResourceNotFound", "Resource does not exist");
        assertError(() -> sns.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("k").value("1").build(),
                Tag.builder().key("k").value("2").build())), InvalidParameterException.class, "InvalidParameter", "Duplicated keys");
        List<Tag> many = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(Tag.builder().key("k" + i).value("v").build());
        }
        assertError(() -> sns.tagResource(b -> b.resourceArn(arn).tags(many)), TagLimitExceededException.class, "TagLimitExceeded",
                "tag quota");
    }
}
