package io.eventharness.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Waits on a queue hand messages over in order and lose none, whatever one receive brought. */
@EventHarness
class QueueViewTest {

    @Test
    void successiveWaitsSeeEveryMessageInOrder(Harness harness) {
        try (Cloud cloud = harness.newCloud("in order")) {
            String url = cloud.sqs().createQueue(b -> b.queueName(cloud.name("out"))).queueUrl();
            for (int i = 1; i <= 5; i++) {
                String body = "m" + i;
                cloud.sqs().sendMessage(b -> b.queueUrl(url).messageBody(body));
            }

            // one receive brings all five; the first wait takes one, the others stay with the test
            assertThat(cloud.queue(url).await().message().body()).isEqualTo("m1");
            assertThat(cloud.queue(url).await().messages(2)).extracting(Message::body).containsExactly("m2", "m3");
            assertThat(cloud.queue(url).await().message().body()).isEqualTo("m4");
            assertThat(cloud.queue(url).drain()).extracting(Message::body).containsExactly("m5");
            assertThat(cloud.queue(url).drain()).isEmpty();
        }
    }

    @Test
    void onlyTheMessagesHandedOverAreDeleted(Harness harness) {
        try (Cloud cloud = harness.newCloud("not deleted")) {
            String url = cloud.sqs().createQueue(b -> b.queueName(cloud.name("out"))).queueUrl();
            for (int i = 1; i <= 3; i++) {
                String body = "m" + i;
                cloud.sqs().sendMessage(b -> b.queueUrl(url).messageBody(body));
            }

            cloud.queue(url).await().message();

            var attrs = cloud.sqs().getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            assertThat(attrs.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                    .as("received but not taken: still in the queue, in flight").isEqualTo("2");
        }
    }

    @Test
    void whatATestReceivedAndLeftIsVisibleAgainWhenItEnds(Harness harness) {
        String url;
        try (Cloud owner = harness.newCloud("queue owner")) {
            url = owner.sqs().createQueue(b -> b.queueName(owner.name("shared"))).queueUrl();
            try (Cloud reader = harness.newCloud("reader")) {
                for (int i = 1; i <= 3; i++) {
                    String body = "m" + i;
                    reader.sqs().sendMessage(b -> b.queueUrl(url).messageBody(body));
                }
                assertThat(reader.queue(url).await().message().body()).isEqualTo("m1");
            }
            // the reader's test is over: its two untaken messages are not held for the inbox's ten minutes
            assertThat(owner.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages())
                    .extracting(Message::body).containsExactlyInAnyOrder("m2", "m3");
        }
    }

    @Test
    void aMessageThatArrivesLaterIsAwaited(Harness harness) {
        try (Cloud cloud = harness.newCloud("later")) {
            String url = cloud.sqs().createQueue(b -> b.queueName(cloud.name("out"))).queueUrl();
            cloud.sqs().sendMessage(b -> b.queueUrl(url).messageBody("first"));
            assertThat(cloud.queue(url).await().message().body()).isEqualTo("first");
            cloud.sqs().sendMessage(b -> b.queueUrl(url).messageBody("second"));
            List<Message> next = cloud.queue(url).await().messages(1);
            assertThat(next).extracting(Message::body).containsExactly("second");
        }
    }
}
