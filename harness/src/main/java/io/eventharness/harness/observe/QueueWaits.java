package io.eventharness.harness.observe;

import java.util.List;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Waits on an output queue: they receive until enough messages arrived and hand them over in arrival order,
 * deleting exactly the ones handed over; the rest wait in the queue's {@link Inbox} for the next wait.
 *
 * <pre>{@code
 * List<Message> got = cloud.queue(dlqUrl).await().messages(2);
 * Message third = cloud.queue(dlqUrl).await().atMost(Duration.ofSeconds(5)).message();
 * }</pre>
 */
public final class QueueWaits extends Waits<QueueWaits> {
    private final Inbox inbox;

    QueueWaits(Inbox inbox, Await await) {
        super(await);
        this.inbox = inbox;
    }

    @Override
    protected QueueWaits with(Await await) {
        return new QueueWaits(inbox, await);
    }

    /** The next {@code n} messages, in arrival order, deleted from the queue; later ones stay for the next wait. */
    public List<Message> messages(int n) {
        // no lock held while waiting: Awaitility probes from its own thread
        await().until(n + " message(s) in " + inbox.url(), () -> inbox.pending().size() >= n ? inbox.pending() : inbox.receive(),
                m -> m.size() >= n,
                m -> m.size() + " message(s)" + (m.isEmpty() ? "" : ": " + m.stream().map(Message::body).toList()));
        return inbox.take(n);
    }

    public Message message() {
        return messages(1).get(0);
    }
}
