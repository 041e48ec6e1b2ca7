package io.eventharness.emulator.sqs;

import io.eventharness.emulator.delivery.Delivery;
import java.util.Optional;

/**
 * Redrive to dead-letter queues
 * (<a href="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html">dead-letter queues</a>):
 * messages received {@code maxReceiveCount} times move to the queue the policy names, each move
 * recorded in the event trail. A message is never dropped: while the dead-letter queue does not
 * exist, messages stay in their queue and are received as usual.
 */
final class SqsRedrive implements DeadLetters {
    private final SqsQueues queues;
    private final Delivery delivery;

    SqsRedrive(SqsQueues queues, Delivery delivery) {
        this.queues = queues;
        this.delivery = delivery;
    }

    /**
     * A queue whose dead-letter queue was deleted keeps its messages and goes on delivering them,
     * however often they were received; they move again once a queue of that ARN exists.
     */
    @Override
    public int maxReceiveCount(SqsQueue queue) {
        return queue.attributes().redrivePolicy().filter(p -> queues.byArn(p.deadLetterTarget()).isPresent())
                .map(RedrivePolicy::maxReceiveCount).orElse(0);
    }

    @Override
    public boolean moveToDeadLetterQueue(SqsQueue from, QueuedMessage message) {
        Optional<RedrivePolicy> policy = from.attributes().redrivePolicy();
        Optional<SqsQueue> dlq = policy.flatMap(p -> queues.byArn(p.deadLetterTarget()));
        String body = message.message().body();
        if (dlq.isEmpty() || !dlq.get().acceptDeadLetter(message)) {
            String target = policy.map(p -> p.deadLetterTarget().toString()).orElse("none");
            delivery.note(from.arn().toString(), target, "sqs:redrive", body, "kept in the source queue: dead-letter queue does not exist");
            return false;
        }
        delivery.note(from.arn().toString(), dlq.get().arn().toString(), "sqs:redrive", body,
                "moved after " + message.receiveCount() + " receives");
        return true;
    }
}
