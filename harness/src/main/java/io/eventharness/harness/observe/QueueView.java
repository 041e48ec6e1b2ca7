package io.eventharness.harness.observe;

import java.util.List;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * An output queue: what is there now ({@link #drain()}), and waits for what arrives ({@link #await()}), which
 * hand messages over in arrival order and delete exactly the ones handed over; the rest wait in the queue's
 * {@link Inbox} for the next wait.
 *
 * <pre>{@code
 * List<Message> got = cloud.queue(dlqUrl).await().messages(2);
 * Message third = cloud.queue(dlqUrl).await().message();
 * }</pre>
 */
public final class QueueView {
    private final Inbox inbox;
    private final Await await;

    public QueueView(Inbox inbox, Await await) {
        this.inbox = inbox;
        this.await = await;
    }

    public String url() {
        return inbox.url();
    }

    /** Everything there now (received earlier or by one receive now), taken: deleted from the queue. */
    public List<Message> drain() {
        synchronized (inbox) {
            return inbox.take(inbox.receive().size());
        }
    }

    /** Waits on this queue. */
    public QueueWaits await() {
        return new QueueWaits(inbox, await);
    }
}
