package io.eventharness.emulator.sqs;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.delivery.ConsumableQueues;
import io.eventharness.emulator.delivery.Delivery;
import io.eventharness.emulator.protocol.EmulatedService;
import io.eventharness.emulator.protocol.Protocol;
import io.eventharness.emulator.protocol.ServiceSpec;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Amazon SQS, assembled: the queues ({@link SqsQueues}), the operation objects that serve the API over them, the
 * delivery target other services send to ({@code arn:aws:sqs:…}), and the in-JVM API below. No operation is
 * served here: see {@link QueueOperations}, {@link MessageOperations}, {@link TagOperations},
 * {@link DeadLetterOperations}.
 */
public final class SqsService implements EmulatedService, AutoCloseable {
    public static final ServiceSpec SPEC = ServiceSpec.awsJson("sqs", Protocol.AWS_JSON_1_0, SqsClient.class, "AmazonSQS")
            .withQueryNames("http://queue.amazonaws.com/doc/2012-11-05/", SqsQueryNames.NAMES);

    private final SqsQueues queues;
    private final List<Object> operations;
    private final QueueConsumers consumers;

    public SqsService(EmulatorClock clock, Delivery delivery) {
        this.queues = new SqsQueues(clock::millis);
        MessageSender sender = new MessageSender(clock::millis);
        SqsRedrive redrive = new SqsRedrive(queues, delivery);
        this.consumers = new QueueConsumers(queues, redrive);
        this.operations = List.of(new QueueOperations(queues),
                new MessageOperations(queues, sender, redrive),
                new TagOperations(queues), new DeadLetterOperations(queues));
        delivery.register("sqs", new QueueDelivery(queues, sender));
        clock.onAdvance(queues::wakeWaiters);
    }

    @Override
    public ServiceSpec spec() {
        return SPEC;
    }

    @Override
    public List<?> operations() {
        return operations;
    }

    // ---- in-JVM API ---------------------------------------------------------------------------

    /** Whether a queue with exactly this ARN exists (S3 checks notification destinations with it). */
    public boolean queueExists(String arn) {
        return queue(arn).isPresent();
    }

    /**
     * The queues as internal consumers read them (Lambda's event source mappings, through {@code delivery}'s
     * {@link ConsumableQueues}): receive without waiting, delete, and a watch on each queue's changes.
     */
    public ConsumableQueues consumableQueues() {
        return consumers;
    }

    /**
     * The {@code Policy} attribute of the queue with exactly this ARN; null when it has none or there is no such
     * queue (S3 and EventBridge check that a queue's policy lets them send there).
     */
    public String queuePolicy(Arn queue) {
        return queues.byArn(queue).map(q -> q.attributes().get("Policy")).orElse(null);
    }

    private Optional<SqsQueue> queue(String arn) {
        return Arn.tryParse(arn).flatMap(queues::byArn);
    }

    /** Ends every queue: long-polling receivers are woken and answered QueueDoesNotExist. */
    @Override
    public void close() {
        queues.close();
    }
}
