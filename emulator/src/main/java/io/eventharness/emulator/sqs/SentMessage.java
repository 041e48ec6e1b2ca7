package io.eventharness.emulator.sqs;

/**
 * What SendMessage answers for one message: its id, its FIFO sequence number (null on a standard queue), and
 * the MD5s of what was sent. A FIFO message dropped as a duplicate answers with the first message's id and
 * sequence number, and the MD5s of what this sender sent (the SDK checks them against its own message).
 */
record SentMessage(String messageId, String sequenceNumber, String md5OfBody, String md5OfAttributes) {
}
