package io.eventharness.emulator.sqs;

import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.delivery.ConsumableQueue;
import io.eventharness.emulator.delivery.ConsumableQueues;
import io.eventharness.emulator.delivery.Message;
import io.eventharness.emulator.delivery.QueueMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;

/**
 * The queues as internal consumers (Lambda's event source mappings) read them, through {@code delivery}'s
 * {@link ConsumableQueues}: the same receive as ReceiveMessage (visibility, FIFO groups, redrive), never waiting,
 * and a watch on the queue's one change signal instead of long polling.
 */
final class QueueConsumers implements ConsumableQueues {
    private final SqsQueues queues;
    private final DeadLetters deadLetters;

    QueueConsumers(SqsQueues queues, DeadLetters deadLetters) {
        this.queues = queues;
        this.deadLetters = deadLetters;
    }

    @Override
    public Optional<ConsumableQueue> queue(Arn arn) {
        return queues.byArn(arn).map(Consumer::new);
    }

    @Override
    public AutoCloseable watch(Arn arn, Runnable listener) {
        List<Runnable> watchers = queues.watchersOf(arn);
        watchers.add(listener);
        return () -> watchers.remove(listener);
    }

    /** One queue, for a consumer. */
    private final class Consumer implements ConsumableQueue {
        private final SqsQueue q;

        Consumer(SqsQueue q) {
            this.q = q;
        }

        @Override
        public Arn arn() {
            return q.arn();
        }

        @Override
        public boolean fifo() {
            return q.fifo();
        }

        @Override
        public Duration visibilityTimeout() {
            return Duration.ofSeconds(q.attributes().intValue("VisibilityTimeout"));
        }

        @Override
        public List<QueueMessage> receive(int max, Duration visibility) {
            List<ReceivedMessage> got;
            try {
                got = q.receive(max, visibility.toMillis(), 0, deadLetters);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // a receive without waiting is never interrupted in a wait
                return List.of();
            }
            List<QueueMessage> out = new ArrayList<>(got.size());
            for (ReceivedMessage r : got) {
                out.add(toQueueMessage(r));
            }
            return out;
        }

        @Override
        public boolean hasReceivable() {
            return q.hasReceivable();
        }

        @Override
        public OptionalLong nextVisibleMillis() {
            long next = q.nextVisibleMillis();
            return next == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(next);
        }

        @Override
        public void delete(Collection<String> receiptHandles) {
            List<ReceiptHandle> handles = new ArrayList<>(receiptHandles.size());
            for (String text : receiptHandles) {
                ReceiptHandle.parse(text).filter(h -> h.queueArn().equals(q.arn())).ifPresent(handles::add);
            }
            q.delete(handles);
        }
    }

    /** The message with its system attributes in the order of an SQS event record. */
    static QueueMessage toQueueMessage(ReceivedMessage r) {
        SqsMessage m = r.message();
        Map<String, String> sys = new LinkedHashMap<>();
        sys.put("ApproximateReceiveCount", String.valueOf(r.receiveCount()));
        sys.put("SentTimestamp", String.valueOf(m.sentMillis()));
        if (m.groupId() != null) {
            sys.put("SequenceNumber", r.sequenceNumber());
            sys.put("MessageGroupId", m.groupId());
        }
        sys.put("SenderId", m.senderId());
        if (m.groupId() != null) {
            sys.put("MessageDeduplicationId", m.deduplicationId());
        }
        sys.put("ApproximateFirstReceiveTimestamp", String.valueOf(r.firstReceiveMillis()));
        MessageSystemAttributeValue trace = m.systemAttributes().get("AWSTraceHeader");
        if (trace != null) {
            sys.put("AWSTraceHeader", trace.stringValue());
        }
        Map<String, Message.Attribute> attrs = new LinkedHashMap<>();
        for (Map.Entry<String, MessageAttributeValue> e : m.attributes().entrySet()) {
            MessageAttributeValue v = e.getValue();
            attrs.put(e.getKey(), new Message.Attribute(v.dataType(), v.stringValue(),
                    v.binaryValue() == null ? null : v.binaryValue().asByteArray()));
        }
        return new QueueMessage(m.messageId(), r.receiptHandle().text(), m.body(), sys, attrs, m.md5OfBody(),
                m.md5OfAttributes(), m.groupId());
    }
}
