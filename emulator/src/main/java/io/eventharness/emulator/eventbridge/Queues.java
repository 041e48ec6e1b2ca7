package io.eventharness.emulator.eventbridge;

/**
 * What EventBridge must know of SQS queues to check, as AWS does, that a queue's policy lets it send there; filled
 * in by {@code Services} (EventBridge does not import {@code sqs}).
 */
public interface Queues {
    /** Whether a queue with exactly this ARN exists. */
    boolean exists(String queueArn);

    /** The queue's {@code Policy} attribute; null when it has none (or there is no such queue). */
    String policy(String queueArn);

    /** No queue has a policy: every SQS target is refused (for a service built without SQS). */
    Queues NONE = new Queues() {
        @Override
        public boolean exists(String queueArn) {
            return false;
        }

        @Override
        public String policy(String queueArn) {
            return null;
        }
    };
}
