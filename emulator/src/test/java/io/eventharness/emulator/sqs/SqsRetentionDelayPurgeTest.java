package io.eventharness.emulator.sqs;

import static io.eventharness.emulator.sqs.SqsFixture.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.PurgeQueueInProgressException;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** Time on the emulator's clock: message retention, delivery delays, and PurgeQueue's once a minute. */
class SqsRetentionDelayPurgeTest {
    private final SqsFixture f = new SqsFixture();
    private final SqsClient sqs = f.sqs;

    @Test
    void messagesOlderThanTheRetentionPeriodAreDeleted() {
        // MessageRetentionPeriod: 60 s to 14 days (API_SetQueueAttributes); the sent time counts, not receives
        String url = f.queue(Map.of("MessageRetentionPeriod", "60"));
        f.send(url, "old");
        f.send(url, "old, in flight");
        assertThat(f.receiveOne(url, 600)).hasSize(1);
        f.clock.advance(Duration.ofSeconds(30));
        f.send(url, "young");

        f.clock.advance(Duration.ofSeconds(31));

        assertThat(f.counts(url)).containsExactly(1, 0, 0);
        assertThat(f.receive(url)).extracting(Message::body).containsExactly("young");
    }

    @Test
    void theQueuesDelayHoldsNewMessagesBack() {
        String url = f.queue(Map.of("DelaySeconds", "30"));
        f.send(url, "delayed");
        assertThat(f.counts(url)).containsExactly(0, 0, 1);
        assertThat(f.receive(url)).isEmpty();

        f.clock.advance(Duration.ofSeconds(31));

        assertThat(f.counts(url)).containsExactly(1, 0, 0);
        assertThat(f.receive(url)).extracting(Message::body).containsExactly("delayed");
    }

    @Test
    void aMessagesOwnDelayOverridesTheQueues() {
        String url = f.queue(Map.of("DelaySeconds", "300"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("now").delaySeconds(0));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("in 45 s").delaySeconds(45));
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(600)).messages())
                .extracting(Message::body).containsExactly("now");
        f.clock.advance(Duration.ofSeconds(44));
        assertThat(f.receive(url)).isEmpty();

        f.clock.advance(Duration.ofSeconds(2));
        assertThat(f.receive(url)).extracting(Message::body).containsExactly("in 45 s");
        // API_SendMessage: DelaySeconds is 0 to 900
        assertError(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").delaySeconds(901)), SqsException.class,
                "InvalidParameterValue");
        assertError(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").delaySeconds(-1)), SqsException.class,
                "InvalidParameterValue");
    }

    @Test
    void purgeDeletesEverythingAndOnlyOnceAMinute() {
        String url = f.queue();
        f.send(url, "visible");
        f.send(url, "in flight");
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("delayed").delaySeconds(60));
        assertThat(f.receiveOne(url, 300)).hasSize(1);

        sqs.purgeQueue(b -> b.queueUrl(url));

        assertThat(f.counts(url)).containsExactly(0, 0, 0);
        // API_PurgeQueue: one purge per queue every 60 seconds
        assertError(() -> sqs.purgeQueue(b -> b.queueUrl(url)), PurgeQueueInProgressException.class,
                "AWS.SimpleQueueService.PurgeQueueInProgress");
        f.send(url, "after the purge");
        f.clock.advance(Duration.ofSeconds(61));
        assertThat(f.counts(url)).containsExactly(1, 0, 0);
        sqs.purgeQueue(b -> b.queueUrl(url));
        assertThat(f.counts(url)).containsExactly(0, 0, 0);
    }

    @Test
    void purgingAQueueThatDoesNotExistFails() {
        String url = f.queue();
        sqs.deleteQueue(b -> b.queueUrl(url));
        assertError(() -> sqs.purgeQueue(b -> b.queueUrl(url)), QueueDoesNotExistException.class,
                "AWS.SimpleQueueService.NonExistentQueue");
    }
}
