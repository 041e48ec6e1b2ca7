package io.eventharness.emulator.sns;

import io.eventharness.emulator.core.Arn;

/**
 * Whether a queue's policy lets SNS send to it for a topic (AWS checks it on each delivery: a subscription whose
 * queue does not allow {@code sns.amazonaws.com} to {@code sqs:SendMessage} gets nothing). {@code Services} fills it
 * in when IAM's policies are enforced; otherwise every queue takes SNS's messages.
 */
@FunctionalInterface
public interface QueueAccess {
    /** Every queue takes SNS's messages: the emulator without policy enforcement. */
    QueueAccess OPEN = (queue, topic) -> null;

    /** Why the queue's policy refuses the topic's messages, with the statement to add; null when it allows them. */
    String denial(Arn queue, Arn topic);
}
