package io.eventharness.emulator.sqs;

/** Where a queue's messages whose receive count reached the redrive limit go ({@link SqsRedrive}). */
interface DeadLetters {
    /**
     * Called under no queue lock. False when the dead-letter queue is gone by now: the message is not taken,
     * and goes back into the source queue.
     */
    boolean moveToDeadLetterQueue(SqsQueue from, QueuedMessage message);

    /**
     * The receive count past which a message moves; 0 when messages stay in the queue: it has no redrive policy,
     * or its dead-letter queue does not exist.
     */
    int maxReceiveCount(SqsQueue queue);
}
