package io.eventharness.emulator.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventharness.emulator.delivery.Delivery;
import java.util.Map;

/**
 * Redrive to dead-letter queues
 * (<a href="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html">dead-letter queues</a>):
 * messages received {@code maxReceiveCount} times move to the queue the policy names, each move
 * recorded in the event trail. A message is never dropped: while the dead-letter queue does not
 * exist, messages stay in their queue and are received as usual.
 */
final class SqsRedrive implements SqsQueue.DeadLetters {
    private final Map<String, SqsQueue> queues;
    private final Delivery delivery;

    SqsRedrive(Map<String, SqsQueue> queues, Delivery delivery) {
        this.queues = queues;
        this.delivery = delivery;
    }

    /**
     * A queue whose dead-letter queue was deleted keeps its messages and goes on delivering them,
     * however often they were received; they move again once a queue of that ARN exists.
     */
    @Override
    public int maxReceiveCount(SqsQueue queue) {
        JsonNode p = SqsAttributes.redrivePolicy(queue.attributes);
        if (p == null || deadLetterQueue(p) == null) {
            return 0;
        }
        return p.path("maxReceiveCount").asInt(0);
    }

    @Override
    public boolean moveToDeadLetterQueue(SqsQueue from, SqsMessage message) {
        JsonNode p = SqsAttributes.redrivePolicy(from.attributes);
        SqsQueue dlq = p == null ? null : deadLetterQueue(p);
        if (dlq == null || !dlq.acceptDeadLetter(message)) {
            String arn = p == null ? "none" : p.path("deadLetterTargetArn").asText();
            delivery.note(from.arn, arn, "sqs:redrive", message.body, "kept in the source queue: dead-letter queue does not exist");
            return false;
        }
        delivery.note(from.arn, dlq.arn, "sqs:redrive", message.body, "moved after " + message.receiveCount + " receives");
        return true;
    }

    private SqsQueue deadLetterQueue(JsonNode policy) {
        String arn = policy.path("deadLetterTargetArn").asText("");
        SqsQueue dlq = queues.get(arn.substring(arn.lastIndexOf(':') + 1));
        return dlq != null && dlq.arn.equals(arn) ? dlq : null;
    }
}
