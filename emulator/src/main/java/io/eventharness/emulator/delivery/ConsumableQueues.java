package io.eventharness.emulator.delivery;

import io.eventharness.emulator.core.Arn;
import java.util.Optional;

/**
 * The queues of the emulator as another service consumes them, the way AWS's own pollers do (a Lambda event source
 * mapping reading an SQS queue): SQS offers them, {@code Services} hands them to the consumer, and neither imports
 * the other. Consuming is event-driven: {@link #watch} says when messages may have become receivable, and
 * {@link ConsumableQueue#receive} never waits.
 */
public interface ConsumableQueues {

    /** The queue with exactly this ARN now (region and account included); empty when there is none. */
    Optional<ConsumableQueue> queue(Arn arn);

    /**
     * Calls {@code listener} whenever messages of the queue with this ARN may have become receivable: a message sent,
     * moved in, put back or made visible, a visibility changed, the clock moved, the queue deleted. The listener runs
     * under the queue's lock on the thread that changed it: it must be quick and must not call the queue. It keeps
     * working for a queue deleted and created again under the same ARN.
     *
     * @return closing it stops the calls
     */
    AutoCloseable watch(Arn arn, Runnable listener);
}
