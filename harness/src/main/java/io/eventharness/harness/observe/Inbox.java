package io.eventharness.harness.observe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * What a test has received from one queue but not taken yet. A receive may bring up to 10 messages
 * while the test asked for one: the others wait here (in flight, invisible to other consumers) for the
 * test's next wait on the same queue, in arrival order. A message is deleted from the queue only when
 * the test takes it, so nothing received is lost. The {@code Cloud} keeps one inbox per queue per test.
 *
 * <pre>{@code
 * Message first = cloud.queue(url).await().message();
 * Message second = cloud.queue(url).await().message();   // may come from the same receive: kept here meanwhile
 * }</pre>
 */
public final class Inbox {
    /** How long received messages stay invisible while they wait here; longer than any wait. */
    static final int VISIBILITY_SECONDS = 600;

    private final SqsClient sqs;
    private final String url;
    private final Map<String, Message> pending = new LinkedHashMap<>(); // by message id, in arrival order

    public Inbox(SqsClient sqs, String url) {
        this.sqs = sqs;
        this.url = url;
    }

    public String url() {
        return url;
    }

    /**
     * One short-poll receive; what came is added to the pending messages (a message received again after
     * its visibility timeout keeps its place, with its new receipt handle). Returns all pending messages.
     */
    @SuppressWarnings("deprecation") // AttributeNames: SDK 2.20 has no MessageSystemAttributeNames
    public synchronized List<Message> receive() {
        List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)
                .visibilityTimeout(VISIBILITY_SECONDS).messageAttributeNames("All").attributeNamesWithStrings("All")).messages();
        for (Message m : got) {
            pending.put(m.messageId(), m);
        }
        return pending();
    }

    /** The messages received and not yet taken, in arrival order. */
    public synchronized List<Message> pending() {
        return new ArrayList<>(pending.values());
    }

    /** Takes the first {@code n} pending messages: deletes them from the queue and returns them. */
    public synchronized List<Message> take(int n) {
        List<Message> out = new ArrayList<>(pending.values()).subList(0, Math.min(n, pending.size()));
        out = new ArrayList<>(out);
        for (int i = 0; i < out.size(); i += 10) {
            List<Message> batch = out.subList(i, Math.min(out.size(), i + 10));
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int j = 0; j < batch.size(); j++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(j))
                        .receiptHandle(batch.get(j).receiptHandle()).build());
            }
            DeleteMessageBatchResponse r = sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(entries));
            if (r.hasFailed() && !r.failed().isEmpty()) {
                // handed over but still in the queue: it would come again, and the test would not know why
                throw new IllegalStateException("could not delete messages taken from " + url + ": " + r.failed());
            }
        }
        out.forEach(m -> pending.remove(m.messageId()));
        return out;
    }

    /**
     * Makes the messages received and not taken visible again at once (the test is over), so that the next
     * reader of the queue does not wait out their {@value #VISIBILITY_SECONDS} s. Errors are ignored: the queue
     * may be gone already.
     */
    public synchronized void release() {
        List<Message> left = new ArrayList<>(pending.values());
        pending.clear();
        for (int i = 0; i < left.size(); i += 10) {
            List<Message> batch = left.subList(i, Math.min(left.size(), i + 10));
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (int j = 0; j < batch.size(); j++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(j))
                        .receiptHandle(batch.get(j).receiptHandle()).visibilityTimeout(0).build());
            }
            try {
                sqs.changeMessageVisibilityBatch(b -> b.queueUrl(url).entries(entries));
            } catch (SdkException gone) {
                return;
            }
        }
    }
}
