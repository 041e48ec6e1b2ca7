package io.eventharness.emulator.delivery;

import io.eventharness.emulator.core.Arn;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

/**
 * One queue as an internal consumer sees it (see {@link ConsumableQueues}). Receiving here is what ReceiveMessage
 * does (visibility, FIFO groups held back while one of their messages is in flight, redrive to the dead-letter queue
 * after {@code maxReceiveCount}), without waiting and without a request.
 */
public interface ConsumableQueue {

    Arn arn();

    boolean fifo();

    /** The queue's {@code VisibilityTimeout} now. */
    Duration visibilityTimeout();

    /**
     * Receives up to {@code max} visible messages, in order, each invisible for {@code visibility} of emulator time;
     * never waits (empty when none is visible). Messages received {@code maxReceiveCount} times already move to the
     * dead-letter queue instead, as for any receiver.
     *
     * @throws io.eventharness.emulator.core.AwsException {@code QueueDoesNotExist} when the queue was deleted
     */
    List<QueueMessage> receive(int max, Duration visibility);

    /** Whether a {@link #receive} now would take (or redrive) a message. */
    boolean hasReceivable();

    /** When the next message that is invisible now (delayed or in flight) becomes visible, in emulated epoch millis. */
    OptionalLong nextVisibleMillis();

    /** Deletes the messages of these receipt handles; a handle of an earlier receive deletes nothing, as in AWS. */
    void delete(Collection<String> receiptHandles);
}
