package io.eventharness.emulator.sqs;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.Ids;

/**
 * One message in one queue: what was sent, its place in the queue, and its receive state. Not thread-safe: its
 * queue's lock guards it, and only {@link QueueMessages} changes it. All times are emulated epoch millis.
 */
final class QueuedMessage {
    private final SqsMessage message;
    private final String sequenceNumber;
    /** Order of arrival in its queue. */
    private final long position;
    private int receiveCount;
    private long firstReceiveMillis;
    private long visibleAtMillis;
    /** The token of the latest receipt handle; null before the first receive. */
    private String receiptToken;

    QueuedMessage(SqsMessage message, String sequenceNumber, long position, long visibleAtMillis) {
        this.message = message;
        this.sequenceNumber = sequenceNumber;
        this.position = position;
        this.visibleAtMillis = visibleAtMillis;
    }

    /**
     * The message as a dead-letter queue keeps it: the same message and receive history, a place (and a FIFO
     * sequence number, when given) of its own, visible from {@code now}.
     */
    QueuedMessage movedTo(String newSequenceNumber, long newPosition, long now) {
        QueuedMessage moved = new QueuedMessage(message, newSequenceNumber != null ? newSequenceNumber : sequenceNumber,
                newPosition, now);
        moved.receiveCount = receiveCount;
        moved.firstReceiveMillis = firstReceiveMillis;
        return moved;
    }

    /** Receives the message: counts the receive, hides it for {@code visibilityMillis}, and hands out a new handle. */
    ReceivedMessage receive(Arn queue, long now, long visibilityMillis) {
        receiveCount++;
        if (firstReceiveMillis == 0) {
            firstReceiveMillis = now;
        }
        visibleAtMillis = now + visibilityMillis;
        receiptToken = Ids.token(12);
        return new ReceivedMessage(message, sequenceNumber, receiveCount, firstReceiveMillis,
                new ReceiptHandle(queue, message.messageId(), receiptToken));
    }

    /** Whether the handle is of the latest receive of this message. */
    boolean currentHandle(ReceiptHandle handle) {
        return handle.token().equals(receiptToken);
    }

    void hideUntil(long millis) {
        visibleAtMillis = millis;
    }

    SqsMessage message() {
        return message;
    }

    long position() {
        return position;
    }

    int receiveCount() {
        return receiveCount;
    }

    long visibleAtMillis() {
        return visibleAtMillis;
    }

    boolean visibleAt(long now) {
        return visibleAtMillis <= now;
    }

    boolean inFlightAt(long now) {
        return receiveCount > 0 && visibleAtMillis > now;
    }

    boolean delayedAt(long now) {
        return receiveCount == 0 && visibleAtMillis > now;
    }
}
