package io.eventharness.harness.observe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * An output queue: waits receive (and delete) messages until enough arrived.
 *
 * <pre>{@code
 * List<Message> got = cloud.queue(dlqUrl).await().messages(1);
 * }</pre>
 */
public final class QueueView {
    private final SqsClient sqs;
    private final String url;
    private final Await await;
    private final List<Message> received = new ArrayList<>();

    public QueueView(SqsClient sqs, String url, Await await) {
        this.sqs = sqs;
        this.url = url;
        this.await = await;
    }

    /** Receives what is there now (short poll), deletes it, and adds it to what this view has seen. */
    public synchronized List<Message> drain() {
        List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)
                .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        for (Message m : got) {
            sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
        }
        received.addAll(got);
        return new ArrayList<>(received);
    }

    public Waits await() {
        return new Waits(await);
    }

    /** Waits on this queue. */
    public final class Waits {
        private final Await await;

        private Waits(Await await) {
            this.await = await;
        }

        public Waits atMost(Duration d) {
            return new Waits(await.withTimeout(d));
        }

        /** At least {@code n} messages (received and deleted), in arrival order. */
        public List<Message> messages(int n) {
            return await.until(n + " message(s) in " + url, QueueView.this::drain, m -> m.size() >= n,
                    m -> m.size() + " message(s)" + (m.isEmpty() ? "" : ": " + m.stream().map(Message::body).toList()));
        }

        public Message message() {
            return messages(1).get(0);
        }
    }
}
