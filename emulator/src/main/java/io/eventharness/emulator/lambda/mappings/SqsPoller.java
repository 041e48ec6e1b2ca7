package io.eventharness.emulator.lambda.mappings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.emulator.core.Arn;
import io.eventharness.emulator.core.AwsException;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.delivery.ConsumableQueue;
import io.eventharness.emulator.delivery.QueueMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poller of one SQS mapping, event-driven: the queue's watch ({@link io.eventharness.emulator.delivery.ConsumableQueues#watch})
 * wakes it when messages may have become receivable, and the clock when a batching window ends, when the next
 * invisible message becomes visible, or when a throttled batch may retry. A wake runs one pump on the mappings'
 * threads: it receives (the queue's visibility timeout applies, and its redrive policy), drops what no filter matches
 * (deleting it, as AWS does), and starts batches while it has free slots.
 *
 * <p><b>Slots.</b> At most {@code ScalingConfig.MaximumConcurrency} batches are under way at once (gathering in a
 * batching window, invoking, or waiting out a throttle); without it, {@value #DEFAULT_CONCURRENCY} (AWS starts with
 * five pollers), or the function's reserved concurrency when that is lower (at least one).
 *
 * <p><b>A batch</b> gathers up to {@code BatchSize} messages: with no window, what one receive brings; with a window,
 * until it is full, the window ends on the clock, or it reaches the synchronous payload limit (6 MB). It invokes the
 * function synchronously ({@link SqsBatch}: in chunks of at most 6 MB, in order; run by {@link SqsBatchRunner}). Success
 * deletes the messages; a function error, or a response that reports batch item failures as AWS does not accept, leaves
 * them all in flight, so that they come back after the queue's visibility timeout (and go to its dead-letter queue
 * after {@code maxReceiveCount}); with {@code ReportBatchItemFailures}, only the reported ones stay. A throttled batch
 * (the function's concurrency used up) retries after a back-off (1 s, doubling, at most 30 s, on the clock) while its
 * messages are still in flight, then gives them back. A function deleted meanwhile fails the batch (the trail says why); the mapping stays, as in
 * AWS. On a FIFO queue, a batch holds only messages whose groups have none in flight, so order is kept per group.
 *
 * <p>Every pump and batch is work handed off in the clock's sense ({@link EmulatorClock#handedOff}): moving the clock
 * lets them end, and the emulator is not settled while they run or while a window is open.
 */
final class SqsPoller implements Poller {
    /** The trail's kind of every hop of a mapping. */
    static final String KIND = "lambda:EventSourceMapping";
    static final int DEFAULT_CONCURRENCY = 5;

    private static final Logger LOG = LoggerFactory.getLogger(SqsPoller.class);

    private final EventSourceMapping mapping;
    private final MappingEnvironment env;
    private final Arn queue;
    private final AutoCloseable watch;
    private final SqsBatchRunner runner;
    /** A pump is queued and has not started: wakes until it starts need no other. */
    private final PumpRequests pumps;
    private volatile boolean enabled;
    /** Batches under way (gathering, invoking, waiting out a throttle). Guarded by this. */
    private int busy;
    /** The batch gathering in an open batching window, or null. Guarded by this. */
    private SqsBatch gathering;
    /** The clock task that wakes the poller when the next invisible message becomes visible. Guarded by this. */
    private EmulatorClock.Task visibilityWake;
    private long visibilityWakeAt = Long.MAX_VALUE;

    SqsPoller(EventSourceMapping mapping, MappingEnvironment env) {
        this.mapping = mapping;
        this.env = env;
        this.pumps = new PumpRequests(env);
        this.queue = mapping.source();
        this.runner = new SqsBatchRunner(mapping, env, queue, this::released);
        this.watch = env.queues().watch(queue, this::wake);
    }

    @Override
    public void start() {
        enabled = true;
        wake();
    }

    @Override
    public void stop() {
        SqsBatch flush;
        synchronized (this) {
            enabled = false;
            flush = gathering;
            gathering = null;
            if (flush != null) {
                flush.windowEnd.cancel();
            }
            if (visibilityWake != null) {
                visibilityWake.cancel();
                visibilityWake = null;
                visibilityWakeAt = Long.MAX_VALUE;
            }
        }
        if (flush != null) {
            runner.start(flush); // what a batching window had gathered is invoked now
            flush.window.close();
        }
        env.clock().activity().changed();
    }

    @Override
    public void close() {
        stop();
        try {
            watch.close();
        } catch (Exception e) {
            LOG.debug("closing the watch of {}", queue, e);
        }
    }

    @Override
    public void unsettled(List<String> out) {
        synchronized (this) {
            if (!enabled || gathering != null || pumps.queued() || busy >= slots(mapping.settings())) {
                return; // an open window and queued pumps are pending work of their own; full slots wait for batches
            }
            if (env.queues().queue(queue).map(ConsumableQueue::hasReceivable).orElse(false)) {
                out.add("event source mapping " + mapping.uuid() + " can receive messages of " + queue + " and has not taken them yet");
            }
        }
    }

    /** Runs one pump on the mappings' threads, unless one is queued already. Quick: called under the queue's lock. */
    private void wake() {
        if (enabled) {
            pumps.request("event source mapping " + mapping.uuid() + " polling " + queue, this::pump);
        }
    }

    /** Receives while there are slots and messages; starts the batches that are ready. */
    private void pump() {
        pumps.started();
        List<SqsBatch> ready = new ArrayList<>();
        synchronized (this) {
            ConsumableQueue q = env.queues().queue(queue).orElse(null);
            if (!enabled || q == null) {
                return;
            }
            Duration visibility = q.visibilityTimeout();
            while (true) {
                SqsBatch b = gathering;
                if (b == null) {
                    MappingSettings s = mapping.settings();
                    if (busy >= slots(s)) {
                        break;
                    }
                    b = new SqsBatch(s);
                }
                List<QueueMessage> got;
                try {
                    got = q.receive(b.settings.batchSize() - b.size(), visibility);
                } catch (AwsException queueGone) {
                    break;
                }
                if (got.isEmpty()) {
                    scheduleVisibilityWake(q);
                    break;
                }
                take(q, b, got, env.clock().millis() + visibility.toMillis());
                if (b.size() == 0) {
                    continue; // all filtered out
                }
                if (b != gathering) {
                    busy++;
                    if (b.settings.batchingWindowSeconds() == 0) {
                        ready.add(b);
                        continue;
                    }
                    openWindow(b);
                }
                if (b.full()) {
                    gathering = null;
                    b.windowEnd.cancel();
                    ready.add(b); // its window token closes once it started (below), so that it stays pending meanwhile
                }
            }
        }
        for (SqsBatch b : ready) {
            runner.start(b);
            if (b.window != null) {
                b.window.close(); // after start(): the batch is pending work of its own by now
            }
        }
    }

    /** Under the monitor: adds what a filter lets through to the batch; deletes the rest, as AWS does. */
    private void take(ConsumableQueue q, SqsBatch b, List<QueueMessage> got, long visibleAgainMillis) {
        List<String> filteredOut = new ArrayList<>();
        for (QueueMessage m : got) {
            ObjectNode record = SqsRecords.record(m, queue);
            EventFilter filter = b.settings.filter();
            if (filter != null && !filter.matches(SqsRecords.filterView(record))) {
                filteredOut.add(m.receiptHandle());
                env.delivery().note(queue.toString(), b.settings.functionArn().toString(), KIND, m.body(),
                        "filtered out (no filter of mapping " + mapping.uuid() + " matches): deleted");
                continue;
            }
            b.add(m, SqsRecords.bytes(record), visibleAgainMillis);
        }
        if (!filteredOut.isEmpty()) {
            q.delete(filteredOut);
        }
    }

    /** Under the monitor: the batch gathers until it is full or its window ends on the clock. */
    private void openWindow(SqsBatch b) {
        gathering = b;
        Instant end = env.clock().now().plusSeconds(b.settings.batchingWindowSeconds());
        b.window = env.clock().activity().begin("batching window of event source mapping " + mapping.uuid() + " (" + queue
                + ") open until " + end + ": move the clock to end it");
        b.windowEnd = env.clock().schedule(end, () -> windowEnded(b));
    }

    /** On the clock's thread: the window ended; the batch is handed to the mappings' threads. */
    private void windowEnded(SqsBatch b) {
        synchronized (this) {
            if (gathering != b) {
                return; // full, or flushed by stop(), meanwhile
            }
            gathering = null;
        }
        runner.start(b);
        b.window.close();
    }

    /** Under the monitor: the poller wakes when the next invisible message becomes visible (unless it wakes earlier). */
    private void scheduleVisibilityWake(ConsumableQueue q) {
        OptionalLong next = q.nextVisibleMillis();
        if (next.isEmpty() || next.getAsLong() >= visibilityWakeAt) {
            return;
        }
        if (visibilityWake != null) {
            visibilityWake.cancel();
        }
        visibilityWakeAt = next.getAsLong();
        visibilityWake = env.clock().schedule(Instant.ofEpochMilli(visibilityWakeAt), () -> {
            synchronized (this) {
                visibilityWake = null;
                visibilityWakeAt = Long.MAX_VALUE;
            }
            wake();
        });
    }

    /** How many batches may be under way at once. */
    private int slots(MappingSettings s) {
        Integer max = ((SqsOptions) s.options()).maximumConcurrency();
        if (max != null) {
            return max;
        }
        OptionalInt reserved = env.functions().reservedConcurrency(s.functionArn());
        return reserved.isPresent() ? Math.max(1, Math.min(DEFAULT_CONCURRENCY, reserved.getAsInt())) : DEFAULT_CONCURRENCY;
    }

    /** On the mappings' threads: a batch is over, its slot is free. */
    private void released() {
        synchronized (this) {
            busy--;
        }
        wake();
    }
}
