package io.eventharness.emulator.lambda.mappings;

import io.eventharness.emulator.core.Activity;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.core.Ids;
import io.eventharness.emulator.delivery.QueueMessage;
import io.eventharness.emulator.lambda.runtime.InvocationResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The messages an SQS mapping took for one batch, and their invocation: in chunks of at most Lambda's synchronous
 * payload limit (6 MB), in order. After each chunk it deletes what was processed: all of it on success, all but the
 * reported failures with {@code ReportBatchItemFailures}, nothing after a function error or a response AWS does not
 * accept (those come back after the queue's visibility timeout). The trail says what became of a chunk that did not
 * simply succeed. Built under its poller's monitor, then handed to one thread at a time.
 */
final class SqsBatch {
    /** Lambda's limit of a synchronous invocation's payload. */
    static final int MAX_PAYLOAD = 6 * 1024 * 1024;
    private static final String AGAIN = " visible again after the queue's visibility timeout";

    /** What one invocation of a chunk came to. */
    enum Outcome { DONE, FAILED, THROTTLED }

    /** A message taken for the batch, with its record as the function gets it. */
    record Taken(QueueMessage message, byte[] json) {
    }

    final MappingSettings settings;
    private final List<Taken> records = new ArrayList<>();
    /** Where each message is in {@link #records}: one received again (its visibility ran out in a long window) is replaced. */
    private final Map<String, Integer> positions = new HashMap<>();
    private long bytes;
    /** When the first of its messages becomes visible again: past it, a throttled batch gives up. */
    private long deadlineMillis = Long.MAX_VALUE;
    /** The first record not invoked yet. */
    private int next;
    private int throttles;
    /** While the batch gathers in a batching window: its end on the clock, and its pending mark. */
    EmulatorClock.Task windowEnd;
    Activity.Pending window;

    SqsBatch(MappingSettings settings) {
        this.settings = settings;
    }

    /** Adds a message (or replaces it, received again) with its record; it is visible again at {@code visibleAgainMillis}. */
    void add(QueueMessage m, byte[] json, long visibleAgainMillis) {
        Integer at = positions.putIfAbsent(m.messageId(), records.size());
        if (at == null) {
            records.add(new Taken(m, json));
        } else {
            bytes -= records.get(at).json().length + 1;
            records.set(at, new Taken(m, json));
        }
        bytes += json.length + 1;
        deadlineMillis = Math.min(deadlineMillis, visibleAgainMillis);
    }

    int size() {
        return records.size();
    }

    boolean full() {
        return records.size() >= settings.batchSize() || bytes >= MAX_PAYLOAD;
    }

    boolean hasMore() {
        return next < records.size();
    }

    /** The records not invoked yet. */
    List<Taken> rest() {
        return records.subList(next, records.size());
    }

    long deadlineMillis() {
        return deadlineMillis;
    }

    /** Counts one more throttle; returns how many so far. */
    int throttled() {
        return ++throttles;
    }

    /** Invokes the next chunk and deletes what it processed; a throttled chunk stays next. */
    Outcome invokeNext(MappingEnvironment env, Arn queue, String uuid) {
        List<Taken> chunk = nextChunk();
        List<byte[]> json = new ArrayList<>(chunk.size());
        Set<String> ids = new HashSet<>();
        for (Taken t : chunk) {
            json.add(t.json());
            ids.add(t.message().messageId());
        }
        InvocationResult r;
        try {
            r = env.functions().invoke(settings.functionArn(), Ids.uuid(), SqsRecords.event(json), queue.toString());
        } catch (AwsException e) {
            if (e.status() == 429) {
                return Outcome.THROTTLED; // the Invoker noted the throttle
            }
            next += chunk.size();
            note(env, queue, uuid, chunk, "not invoked: " + e.getMessage() + "; " + chunk.size() + " message(s)" + AGAIN);
            return Outcome.FAILED;
        }
        next += chunk.size();
        if (r.isError()) {
            note(env, queue, uuid, chunk, "function error " + r.errorType() + " (request " + r.requestId() + "): " + chunk.size()
                    + " message(s)" + AGAIN);
            return Outcome.FAILED;
        }
        Set<String> failed = settings.reportBatchItemFailures() ? SqsRecords.reportedFailures(r.payload(), ids) : Set.of();
        if (failed == null) {
            note(env, queue, uuid, chunk, "the response reports batch item failures as AWS does not accept them (request "
                    + r.requestId() + "): the whole batch failed, " + chunk.size() + " message(s)" + AGAIN);
            return Outcome.FAILED;
        }
        List<String> processed = new ArrayList<>(chunk.size());
        for (Taken t : chunk) {
            if (!failed.contains(t.message().messageId())) {
                processed.add(t.message().receiptHandle());
            }
        }
        env.queues().queue(queue).ifPresent(q -> q.delete(processed));
        if (!failed.isEmpty()) {
            note(env, queue, uuid, chunk, failed.size() + " of " + chunk.size() + " message(s) reported failed " + failed
                    + " (request " + r.requestId() + "):" + AGAIN + "; the others deleted");
            return Outcome.FAILED;
        }
        return Outcome.DONE;
    }

    /** The next records that fit one invocation's payload (at least one). */
    private List<Taken> nextChunk() {
        List<Taken> chunk = new ArrayList<>();
        long size = 16;
        for (int i = next; i < records.size(); i++) {
            Taken t = records.get(i);
            if (!chunk.isEmpty() && size + t.json().length + 1 > MAX_PAYLOAD) {
                break;
            }
            chunk.add(t);
            size += t.json().length + 1;
        }
        return chunk;
    }

    /** Records in the trail what became of these records. */
    void note(MappingEnvironment env, Arn queue, String uuid, List<Taken> chunk, String outcome) {
        String summary = chunk.isEmpty() ? "" : chunk.size() == 1 ? chunk.get(0).message().body()
                : chunk.size() + " messages, first: " + chunk.get(0).message().body();
        env.delivery().note(queue.toString(), settings.functionArn().toString(), SqsPoller.KIND, summary, outcome
                + " (event source mapping " + uuid + ")");
    }
}
