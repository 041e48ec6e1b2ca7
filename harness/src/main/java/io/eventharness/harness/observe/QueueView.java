package io.eventharness.harness.observe;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * An output queue: waits receive messages until enough arrived and hand them over in arrival order,
 * deleting exactly the ones handed over; the rest wait in the queue's {@link Inbox} for the next wait.
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

        /** The next {@code n} messages, in arrival order, deleted from the queue; later ones stay for the next wait. */
        public List<Message> messages(int n) {
            // no lock held while waiting: Awaitility probes from its own thread
            await.until(n + " message(s) in " + inbox.url(), () -> inbox.pending().size() >= n ? inbox.pending() : inbox.receive(),
                    m -> m.size() >= n,
                    m -> m.size() + " message(s)" + (m.isEmpty() ? "" : ": " + m.stream().map(Message::body).toList()));
            return inbox.take(n);
        }

        public Message message() {
            return messages(1).get(0);
        }
    }
}
