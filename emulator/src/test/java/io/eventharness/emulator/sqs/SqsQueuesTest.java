package io.eventharness.emulator.sqs;

import static io.eventharness.emulator.sqs.SqsFixture.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventharness.emulator.TestAws;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeNameException;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeValueException;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** CreateQueue, GetQueueUrl, DeleteQueue, ListQueues and Get/SetQueueAttributes through the SDK. */
class SqsQueuesTest {
    private final SqsFixture f = new SqsFixture();
    private final SqsClient sqs = f.sqs;

    @Test
    void aNewQueueHasAwsDefaultsAndTheGivenAttributes() {
        String name = TestAws.unique("attrs");
        long before = f.clock.millis() / 1000;
        String url = sqs.createQueue(b -> b.queueName(name).attributesWithStrings(Map.of("VisibilityTimeout", "45",
                "DelaySeconds", "5"))).queueUrl();

        assertThat(url).isEqualTo(TestAws.emulator().endpoint() + "/000000000000/" + name);
        Map<String, String> all = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                .attributesAsStrings();
        // Defaults as API_SetQueueAttributes lists them (MaximumMessageSize: 1 MiB since August 2025).
        assertThat(all).containsEntry("VisibilityTimeout", "45").containsEntry("DelaySeconds", "5")
                .containsEntry("MessageRetentionPeriod", "345600").containsEntry("MaximumMessageSize", "1048576")
                .containsEntry("ReceiveMessageWaitTimeSeconds", "0")
                .containsEntry("QueueArn", "arn:aws:sqs:us-east-1:000000000000:" + name)
                .containsEntry("ApproximateNumberOfMessages", "0")
                .containsEntry("ApproximateNumberOfMessagesNotVisible", "0")
                .containsEntry("ApproximateNumberOfMessagesDelayed", "0")
                .doesNotContainKey("FifoQueue").doesNotContainKey("RedrivePolicy");
        // CreatedTimestamp is in epoch seconds of the emulator's clock.
        assertThat(Long.parseLong(all.get("CreatedTimestamp"))).isBetween(before, f.clock.millis() / 1000);
    }

    @Test
    void namedAttributesReturnOnlyThoseAndNoneReturnNothing() {
        String url = f.queue();
        assertThat(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT,
                QueueAttributeName.QUEUE_ARN)).attributes()).containsOnlyKeys(QueueAttributeName.VISIBILITY_TIMEOUT,
                QueueAttributeName.QUEUE_ARN);
        assertThat(sqs.getQueueAttributes(b -> b.queueUrl(url)).attributes()).isEmpty();
    }

    @Test
    void createIsIdempotentWithTheSameAttributesAndRefusesDifferentOnes() {
        String name = TestAws.unique("idem");
        String url = sqs.createQueue(b -> b.queueName(name).attributesWithStrings(Map.of("VisibilityTimeout", "60"))).queueUrl();
        assertThat(sqs.createQueue(b -> b.queueName(name).attributesWithStrings(Map.of("VisibilityTimeout", "60"))).queueUrl())
                .isEqualTo(url);

        // API_CreateQueue: an existing name with a different attribute value is QueueAlreadyExists (the query code).
        assertError(() -> sqs.createQueue(b -> b.queueName(name).attributesWithStrings(Map.of("VisibilityTimeout", "30"))),
                QueueNameExistsException.class, "QueueAlreadyExists");
        assertThat(f.attribute(url, QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("60");
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "dot.name", "sl/ash", "", "émoji"})
    void queueNamesAreAlphanumericHyphenUnderscore(String name) {
        assertError(() -> sqs.createQueue(b -> b.queueName(name)), SqsException.class, "InvalidParameterValue");
    }

    @Test
    void queueNamesAreAtMost80Characters() {
        String unique = TestAws.unique("max");
        String max = unique + "n".repeat(80 - unique.length());
        String url = sqs.createQueue(b -> b.queueName(max)).queueUrl();
        sqs.deleteQueue(b -> b.queueUrl(url));
        assertError(() -> sqs.createQueue(b -> b.queueName("n".repeat(81))), SqsException.class, "InvalidParameterValue");
    }

    @Test
    void createRefusesBadAttributes() {
        assertError(() -> sqs.createQueue(b -> b.queueName(TestAws.unique("bad")).attributesWithStrings(Map.of("Colour", "red"))),
                InvalidAttributeNameException.class, "InvalidAttributeName");
        assertError(() -> sqs.createQueue(b -> b.queueName(TestAws.unique("bad"))
                        .attributesWithStrings(Map.of("VisibilityTimeout", "43201"))),
                InvalidAttributeValueException.class, "InvalidAttributeValue");
        // ContentBasedDeduplication belongs to FIFO queues only.
        assertError(() -> sqs.createQueue(b -> b.queueName(TestAws.unique("bad"))
                        .attributesWithStrings(Map.of("ContentBasedDeduplication", "true"))),
                InvalidAttributeNameException.class, "InvalidAttributeName");
    }

    @Test
    void getQueueUrlFindsAQueueUntilItIsDeleted() {
        String name = TestAws.unique("url");
        String url = sqs.createQueue(b -> b.queueName(name)).queueUrl();
        assertThat(sqs.getQueueUrl(b -> b.queueName(name)).queueUrl()).isEqualTo(url);

        sqs.deleteQueue(b -> b.queueUrl(url));

        // The legacy query code AWS.SimpleQueueService.NonExistentQueue is what errorCode() carries.
        String missing = "AWS.SimpleQueueService.NonExistentQueue";
        assertError(() -> sqs.getQueueUrl(b -> b.queueName(name)), QueueDoesNotExistException.class, missing);
        assertError(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x")), QueueDoesNotExistException.class, missing);
        assertError(() -> sqs.getQueueAttributes(b -> b.queueUrl(url)), QueueDoesNotExistException.class, missing);
        assertError(() -> sqs.deleteQueue(b -> b.queueUrl(url)), QueueDoesNotExistException.class, missing);
        assertThat(sqs.listQueues(b -> b.queueNamePrefix(name)).queueUrls()).isEmpty();
    }

    @Test
    void listQueuesFiltersByPrefixAndPagesWithNextToken() {
        String prefix = TestAws.unique("list");
        List<String> urls = List.of("a", "b", "c").stream()
                .map(s -> sqs.createQueue(b -> b.queueName(prefix + s)).queueUrl()).toList();
        sqs.createQueue(b -> b.queueName(TestAws.unique("other")));

        assertThat(sqs.listQueues(b -> b.queueNamePrefix(prefix)).queueUrls()).containsExactlyInAnyOrderElementsOf(urls);
        // Without MaxResults there is no NextToken (API_ListQueues).
        assertThat(sqs.listQueues(b -> b.queueNamePrefix(prefix)).nextToken()).isNull();

        ListQueuesResponse first = sqs.listQueues(b -> b.queueNamePrefix(prefix).maxResults(2));
        assertThat(first.queueUrls()).hasSize(2);
        assertThat(first.nextToken()).isNotNull();
        ListQueuesResponse second = sqs.listQueues(b -> b.queueNamePrefix(prefix).maxResults(2).nextToken(first.nextToken()));
        assertThat(second.nextToken()).isNull();
        assertThat(first.queueUrls()).doesNotContainAnyElementsOf(second.queueUrls());
        assertThat(List.of(first.queueUrls(), second.queueUrls()).stream().flatMap(List::stream))
                .containsExactlyInAnyOrderElementsOf(urls);
        // The paginator follows the tokens to the end.
        assertThat(sqs.listQueuesPaginator(b -> b.queueNamePrefix(prefix).maxResults(1)).queueUrls())
                .containsExactlyInAnyOrderElementsOf(urls);
    }

    @Test
    void aNextTokenStaysValidWhenTheQueueItPointsAtIsDeleted() {
        String prefix = TestAws.unique("page");
        for (String s : List.of("a", "b", "c", "d")) {
            sqs.createQueue(b -> b.queueName(prefix + s));
        }
        ListQueuesResponse first = sqs.listQueues(b -> b.queueNamePrefix(prefix).maxResults(2));
        assertThat(first.queueUrls()).hasSize(2);
        List<String> rest = sqs.listQueues(b -> b.queueNamePrefix(prefix).maxResults(2).nextToken(first.nextToken())).queueUrls();
        sqs.deleteQueue(b -> b.queueUrl(rest.get(0)));

        // Paging on must neither start over (a client would loop forever) nor skip the queue still there.
        ListQueuesResponse second = sqs.listQueues(b -> b.queueNamePrefix(prefix).maxResults(2).nextToken(first.nextToken()));
        assertThat(second.queueUrls()).containsExactly(rest.get(1));
        assertThat(second.nextToken()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1001})
    void listQueuesMaxResultsIsOneTo1000(int max) {
        assertError(() -> sqs.listQueues(b -> b.maxResults(max)), SqsException.class, "InvalidParameterValue");
    }

    @Test
    void setQueueAttributesChangesThemAndTheModifiedTime() {
        String url = f.queue();
        long created = Long.parseLong(f.attribute(url, QueueAttributeName.CREATED_TIMESTAMP));
        f.clock.advance(Duration.ofSeconds(10));

        sqs.setQueueAttributes(b -> b.queueUrl(url).attributesWithStrings(Map.of("VisibilityTimeout", "120",
                "MaximumMessageSize", "1024", "ReceiveMessageWaitTimeSeconds", "20")));

        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                .attributes();
        assertThat(a).containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "120")
                .containsEntry(QueueAttributeName.MAXIMUM_MESSAGE_SIZE, "1024")
                .containsEntry(QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "20");
        assertThat(Long.parseLong(a.get(QueueAttributeName.LAST_MODIFIED_TIMESTAMP))).isGreaterThanOrEqualTo(created + 10);
        assertThat(a.get(QueueAttributeName.CREATED_TIMESTAMP)).isEqualTo(String.valueOf(created));
        // the new limit applies to the next message
        assertError(() -> f.send(url, "x".repeat(1025)), SqsException.class, "InvalidParameterValue");
    }

    @Test
    void setAndGetQueueAttributesValidateNamesAndValues() {
        String url = f.queue();
        assertError(() -> sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("Colour")),
                InvalidAttributeNameException.class, "InvalidAttributeName");
        assertError(() -> sqs.setQueueAttributes(b -> b.queueUrl(url).attributesWithStrings(Map.of("Colour", "red"))),
                InvalidAttributeNameException.class, "InvalidAttributeName");
        // A queue's type is fixed at creation (API_SetQueueAttributes: FifoQueue is CreateQueue-only).
        assertError(() -> sqs.setQueueAttributes(b -> b.queueUrl(url).attributesWithStrings(Map.of("FifoQueue", "true"))),
                InvalidAttributeNameException.class, "InvalidAttributeName");
        for (Map.Entry<String, String> bad : Map.of("VisibilityTimeout", "-1", "DelaySeconds", "901",
                "MessageRetentionPeriod", "59", "MaximumMessageSize", "1023", "ReceiveMessageWaitTimeSeconds", "21").entrySet()) {
            assertError(() -> sqs.setQueueAttributes(b -> b.queueUrl(url).attributesWithStrings(Map.of(bad.getKey(), bad.getValue()))),
                    InvalidAttributeValueException.class, "InvalidAttributeValue");
        }
        assertThat(f.attribute(url, QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("30");
    }

    @Test
    void approximateCountsFollowTheMessages() {
        String url = f.queue();
        f.send(url, "one");
        f.send(url, "two");
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("later").delaySeconds(60));
        assertThat(f.counts(url)).containsExactly(2, 0, 1);

        assertThat(f.receiveOne(url, 30)).hasSize(1);
        assertThat(f.counts(url)).containsExactly(1, 1, 1);
    }

    @Test
    void tagsAreKeptWithTheQueue() {
        String url = sqs.createQueue(b -> b.queueName(TestAws.unique("tags")).tags(Map.of("team", "orders"))).queueUrl();
        sqs.tagQueue(b -> b.queueUrl(url).tags(Map.of("env", "test")));
        sqs.untagQueue(b -> b.queueUrl(url).tagKeys("team"));
        assertThat(sqs.listQueueTags(b -> b.queueUrl(url)).tags()).containsExactly(Map.entry("env", "test"));
    }
}
