package io.eventharness.emulator.sqs;

/**
 * A message as one receive handed it out: what was sent, and the receive state at that moment (taken under the
 * queue's lock, so later receives do not change it).
 *
 * @param sequenceNumber     the FIFO sequence number; null on a standard queue
 * @param receiveCount       this receive included
 * @param firstReceiveMillis when the message was first received, on the emulator's clock
 */
record ReceivedMessage(SqsMessage message, String sequenceNumber, int receiveCount, long firstReceiveMillis,
                       ReceiptHandle receiptHandle) {
}
